"""Named questions: parameterised SPARQL in ``*.rq`` files (parameters are bound, never
pasted) plus the graph questions ``overlaps`` and ``path`` computed with networkx."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from rdflib import Literal, URIRef

from actorgraph.errors import AmbiguousNameError, InputError, NotFoundError, UsageError
from actorgraph.graph import analysis
from actorgraph.graph.cache import cached, keeps_views
from actorgraph.graph.period import Period, add_time, dates_apply, row_spans
from actorgraph.graph.project import cause_view, classes_and_labels, neighbourhood, relations_among, relations_of
from actorgraph.graph.store import Bindings, Store, values_table
from actorgraph.ontology import ACTOR_CLASSES, ENTITIES_GRAPH, ENTITY_CLASSES, NS
from actorgraph.ontology.ids import normalize_name


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    description: str
    args: tuple[str, ...]      # required entity arguments, in order
    options: tuple[str, ...]   # optional entity arguments (--by, --targeting, --operator)
    sparql: str | None         # None for graph questions
    lists: tuple[str, ...] = ()  # GROUP_CONCAT columns ("; "), sorted here: SPARQL leaves their order open
    quote: tuple[str, ...] = ()  # subject, predicate, object and document variables ("_": any): quoted here, then dropped
    key: str | None = None       # the variable of the rows that ``details`` completes
    details: str | None = None   # SPARQL run for the rows shown only, with ``key`` bound to them
    time: str = ""               # "statement": each row is one dated statement (see actorgraph.graph.period)


GRAPH_QUESTIONS = {
    "overlaps": Question("overlaps", "who overlaps with an organization: campaigns created together first, then shared causes",
                         ("organization",), (), None),
    "path": Question("path", "the shortest chains of relations between two actors, each hop with its quote",
                     ("a", "b"), (), None),
}


_HEADER = re.compile(r"^# (description|args|lists|quote|details|time):[ \t]*(.*)$", re.M)


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    out = {}
    folder = files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text("utf-8")
        header = dict(_HEADER.findall(text))
        if "description" not in header or "args" not in header:
            raise ValueError(f"{entry.name}: needs '# description:' and '# args:' lines")
        description, args_line = header["description"].strip(), header["args"]
        args, options = [], []
        for part in [a.strip() for a in args_line.split(",") if a.strip()]:
            if part.startswith("--"):
                options.append(part[2:].split()[0])
            else:
                args.append(part)
        name = entry.name[:-3]
        lists = tuple(c.strip() for c in header.get("lists", "").split(",") if c.strip())
        quote = tuple(header.get("quote", "").split())
        if quote and (len(quote) != 4 or "_" in quote[2:]):
            raise ValueError(f"{entry.name}: '# quote:' names a subject, predicate, object and document variable "
                             "(the first two may be _, any)")
        key = header.get("details", "").strip() or None
        details = folder.joinpath("details", entry.name).read_text("utf-8") if key else None
        out[name] = Question(name, description, tuple(args), tuple(options), text, lists, quote, key, details,
                             header.get("time", "").strip())
    out.update(GRAPH_QUESTIONS)
    return dict(sorted(out.items()))


def get_question(name: str) -> Question:
    table = questions()
    if name not in table:
        raise UsageError(f"no question named '{name}'; available: {', '.join(table)}", where="ask")
    return table[name]


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity, normalised (see actorgraph.ontology.ids.normalize_name)."""

    iri: str
    key: str
    label: str
    cls: str


_NAMES = "SELECT ?e ?key ?label ?cls WHERE { GRAPH ?g { ?e ag:nameKey ?key ; rdfs:label ?label " \
         "OPTIONAL { ?e ag:entityClass ?cls } } }"
# the same, of the names that hold a word: the store filters, Python reads only those rows
_NAMES_HOLDING = "SELECT ?e ?key ?label ?cls WHERE { GRAPH ?g { ?e ag:nameKey ?key ; rdfs:label ?label " \
                 "OPTIONAL { ?e ag:entityClass ?cls } } FILTER(CONTAINS(?key, ?word)) }"


def entity_names(store: Store, classes: tuple[str, ...] = (), holding: str = "") -> list[Name]:
    """Every name of every entity (of ``classes``, if given; with ``holding``, only the names
    whose key holds that word, a superset of :func:`containing`'s): the name keys of the
    entities graph, or, in a store written before they existed, every label and alias."""
    bindings: Bindings = {"g": ENTITIES_GRAPH, **({"word": Literal(holding)} if holding else {})}
    query = _NAMES_HOLDING if holding else _NAMES
    names = [Name(e, key, label, cls or "") for e, key, label, cls in store.values(query, bindings) if e and key and label]
    if not names and not store.values(_NAMES + " LIMIT 1", {"g": ENTITIES_GRAPH}):
        names = [Name(e, normalize_name(form), label, (cls or "").rsplit("#", 1)[-1]) for e, cls, label, form in store.values(
            """SELECT DISTINCT ?e ?cls ?label ?form WHERE { ?d ag:mentions ?e . ?e a ?cls ; rdfs:label ?label .
               { ?e rdfs:label ?form } UNION { ?e skos:altLabel ?form } }""") if e and label and form]
    return [n for n in names if n.cls in ENTITY_CLASSES and (not classes or n.cls in classes)]


def containing(names: list[Name], key: str) -> dict[str, Name]:
    """The entities one of whose names holds every word of ``key`` ("clearview" is in
    "clearview ai"), by IRI."""
    words = set(key.split())
    found: dict[str, Name] = {}
    for n in names:
        if words and words <= set(n.key.split()) and n.iri not in found:
            found[n.iri] = n
    return found


SUGGESTIONS = 3  # names a "did you mean" offers at most ...
CLOSE = 80  # ... of those whose name keys are this similar (rapidfuzz ratio, 0-100) ...
CLOSE_SPREAD = 10  # ... and at most this much less similar than the closest
LISTED = 8  # entities an ambiguous name lists at most


def _listing(labels: list[str]) -> str:
    more = f" and {len(labels) - LISTED} more" if len(labels) > LISTED else ""
    return ", ".join(labels[:LISTED]) + more


def _close_names(names: list[Name], key: str) -> list[str]:
    """The labels of the entities whose names are close to ``key`` (rapidfuzz, a typo or
    two), best first."""
    from rapidfuzz import fuzz, process

    found = process.extract(key, [n.key for n in names], scorer=fuzz.ratio, score_cutoff=CLOSE, limit=50)
    best = max((score for _, score, _ in found), default=100.0)
    labels: list[str] = []
    for _, score, i in found:  # the best ones: a name one letter off, not every name that shares a word
        if score >= best - CLOSE_SPREAD and names[i].label not in labels:
            labels.append(names[i].label)
    return labels[:SUGGESTIONS]


def _exact(store: Store, key: str, classes: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """The entities one of whose names is ``key``, by an index lookup of the entities
    graph's name keys, whatever the store's size."""
    hits: dict[str, tuple[str, str]] = {}
    for row in store.query("""SELECT DISTINCT ?e ?cls ?label WHERE { GRAPH ?g { ?e ag:nameKey ?key }
                              ?e a ?cls ; rdfs:label ?label }""", {"key": Literal(key), "g": ENTITIES_GRAPH}).rows:
        cls = str(row["cls"]).rsplit("#", 1)[-1]
        if cls in ENTITY_CLASSES and (not classes or cls in classes):
            hits[str(row["e"])] = (str(row["label"]), cls)
    return hits


def find_entity(store: Store, name: str, classes: tuple[str, ...] = (), where: str = "ask",
                notes: list[str] | None = None) -> URIRef:
    """The one entity whose label or alias is ``name`` (case, accents and punctuation
    ignored); else the one entity whose name holds all its words ("Clearview" for
    "Clearview AI": said in ``notes``). Raises AmbiguousNameError listing the candidates
    when several match, NotFoundError with the closest names ("did you mean") when none
    does; ``where`` names the command and option for the message."""
    if not name.strip():
        raise InputError("empty entity name", where=where)
    key = normalize_name(name)
    hits = _exact(store, key, classes)
    names = entity_names(store, classes) if not hits else []
    if names and not hits:  # a store written before name keys existed has them only as labels and aliases
        hits = {n.iri: (n.label, n.cls) for n in names if n.key == key}
    if len(hits) > 1:
        listing = "; ".join(f"{label} ({cls})" for _, (label, cls) in sorted(hits.items(), key=lambda x: x[1]))
        raise AmbiguousNameError(f"'{name}' names {len(hits)} entities: {listing}; use a fuller name", where=where)
    if hits:
        return URIRef(next(iter(hits)))
    part = containing(names, key)
    if len(part) == 1:
        found = next(iter(part.values()))
        if notes is not None:
            notes.append(f"'{name}' is taken as {found.label}, the one entity whose name holds it")
        return URIRef(found.iri)
    if part:
        labels = sorted(n.label for n in part.values())
        raise AmbiguousNameError(f"'{name}' matches {len(part)} entities: {_listing(labels)}; give the full name",
                                 where=where)
    close = _close_names(names, key)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise NotFoundError(f"no entity named '{name}'{hint}", where=where)


def _wider_names(store: Store, value: str, found: str) -> str:
    """A note for an empty answer about ``value`` (the entity ``found``): the other entities
    whose names hold it ("Clearview AI" for "Clearview"), which may be the one meant."""
    key = normalize_name(value)
    others = containing(entity_names(store, holding=max(key.split(), key=len, default="")), key)
    labels = sorted(n.label for iri, n in others.items() if iri != found)
    if not labels:
        return ""
    return f"no rows for '{value}'; {len(labels)} other entit{'y has' if len(labels) == 1 else 'ies have'} it in " \
           f"{'its name' if len(labels) == 1 else 'their names'}: {_listing(labels)}"


@dataclass
class Answer:
    columns: list[str]
    rows: list[dict[str, object]]
    total: int | None = None  # rows before the limit, where there was one
    notes: list[str] = field(default_factory=list)  # how names were read ("'Clearview' is taken as Clearview AI")


ROWS = 100  # rows a question shows unless told otherwise (overlaps: 10 actors)


def ask(store: Store, name: str, args: list[str], options: dict[str, str | None] | None = None,
        top: int | None = None, period: Period | None = None) -> Answer:
    """Answer a named question. ``args`` are entity names, ``options`` optional filters,
    ``top`` how many rows to give (ROWS by default, 10 actors for overlaps; 0 for all): the
    rows come best first, and ``total`` says how many there were. Rows of relations and of
    statements say when they held (``from``, ``to``, ``ended``); with a ``period``, only
    those that count in it (see actorgraph.graph.period)."""
    q = get_question(name)
    if len(args) != len(q.args):
        raise UsageError(f"'{name}' takes {len(q.args)} argument(s): {' '.join(a.upper() for a in q.args) or '(none)'}",
                         where=f"ask {name}")
    extra = sorted(k for k, v in (options or {}).items() if v and k not in q.options)
    if extra:
        takes = ", ".join(f"--{o}" for o in q.options) or "no options"
        raise UsageError(f"'{name}' does not take --{extra[0]}; it takes {takes}", where=f"ask {name}")
    if top is not None and top < 0:
        raise UsageError(f"--top must be 0 (all) or more, not {top}", where=f"ask {name}")
    if period and (q.sparql is None or not dates_apply(q.quote, q.time == "statement")):
        raise UsageError(f"'{name}' does not take --since or --until: its rows are not dated relations", where=f"ask {name}")
    notes: list[str] = []
    if q.sparql is None:
        answer = _graph_question(store, q, args, 10 if top is None else top, notes)
        answer.notes = notes
        return answer
    bindings: Bindings = {var: find_entity(store, value, where=f"ask {name}", notes=notes)
                          for var, value in zip(q.args, args)}
    given = {var: value for var, value in zip(q.args, args)}
    for var, value in (options or {}).items():
        if value:
            bindings[var] = find_entity(store, value, where=f"ask {name} --{var}", notes=notes)
            given[var] = value
    names, found = store.records(q.sparql, bindings) if bindings else listing(store, q)
    found = _in_period(store, q, found, period)  # before the best rows are taken
    if not found and not notes:
        notes += [note for var, value in given.items() if (note := _wider_names(store, value, str(bindings[var])))]
    limit = ROWS if top is None else top
    rows = found[:limit] if limit else found
    if q.key and q.details and rows:
        extra, more = store.records(q.details, {q.key: tuple(URIRef(str(r[q.key])) for r in rows)})
        by_key = {str(r[q.key]): r for r in more}
        for row in rows:
            row.update({k: v for k, v in by_key.get(str(row[q.key]), {}).items() if k not in row})
        names += [v for v in extra if v not in names]
    hidden = {*q.quote, q.key, "start"}
    columns = [v for v in names if v not in hidden]
    if q.quote:
        _add_quotes(store, rows, q.quote)
        columns = [c for c in columns if c not in ("quote", "document")] + ["quote", "document"]
        columns += ["url"] if any("url" in row for row in rows) else []  # web pages cited by address too
    columns = _with_time(store, q, columns, rows)
    for row in rows:
        for column in q.lists:
            if isinstance(row.get(column), str):
                row[column] = "; ".join(sorted(str(row[column]).split("; ")))
    # an empty aggregate comes back unbound from Oxigraph and as "" from Virtuoso: both are "nothing"
    return Answer(columns, [{k: v for k, v in row.items() if k in columns and v != ""} for row in rows], len(found),
                  notes)


def _in_period(store: Store, q: Question, rows: list[dict[str, object]], period: Period | None) -> list[dict[str, object]]:
    """The rows that count in ``period`` (all without one; see actorgraph.graph.period)."""
    if not period:
        return rows
    spans = row_spans(store, rows, q.quote, q.time == "statement")
    return [row for row, span in zip(rows, spans, strict=True) if period.holds(span)]


def _with_time(store: Store, q: Question, columns: list[str], rows: list[dict[str, object]]) -> list[str]:
    """Rows of relations or statements given when they held (from, to, ended; date for a
    statement), and the columns with them."""
    statements = q.time == "statement"
    if not dates_apply(q.quote, statements):
        return columns
    return add_time(columns, rows, row_spans(store, rows, q.quote, statements), statements)


def listing(store: Store, q: Question) -> tuple[list[str], list[dict[str, object]]]:
    """The rows of a question asked without arguments (every facility, every campaign):
    a view of an embedded store (see actorgraph.graph.cache), made after an ingest, so that
    listing thousands of campaigns in order does not read and sort them all on every call."""
    sparql = q.sparql or ""
    return cached(store, f"question-{q.name}", 1, lambda: store.records(sparql))


def prepare_listings(store: Store) -> None:
    """Make the views of the questions that take no argument (see :func:`listing`)."""
    for q in questions().values():
        if q.sparql is not None and not q.args:
            listing(store, q)


QUOTE_CHUNK = 200  # statements quoted per look-up

_QUOTES = """SELECT ?s ?p ?o ?d ?quote ?start ?title ?source WHERE {
  %s
  GRAPH ?d { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ag:quote ?quote }
  OPTIONAL { GRAPH ?d { ?ev ag:charStart ?start } }
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d dcterms:source ?source }
}"""  # an OPTIONAL inside the GRAPH group would make Oxigraph read it for every document


def _add_quotes(store: Store, rows: list[dict[str, object]], variables: tuple[str, ...]) -> None:
    """Give each answer row the quote of its statement — subject, predicate and object in
    the row's first three ``variables`` ("_": any) — in the document named by the fourth,
    and that document's title: one look-up per QUOTE_CHUNK rows, whatever the number of
    documents that make the statements. Where a document makes it more than once, its
    first sentence is the quote. A web page's address goes in ``url``."""
    known = [i for i, v in enumerate(variables) if v != "_"]
    keyed = [(row, tuple(str(row[variables[i]]) for i in known)) for row in rows
             if all(variables[i] in row for i in known)]
    found: dict[tuple[str, ...], tuple[tuple[int, str], str, str]] = {}
    for start in range(0, len(keyed), QUOTE_CHUNK):
        keys = sorted({key for _, key in keyed[start:start + QUOTE_CHUNK]})
        table = values_table(["s", "p", "o", "d"], [tuple(URIRef(key[known.index(i)]) if i in known else None
                                                          for i in range(4)) for key in keys])
        for *spod, quote, offset, title, source in store.values(_QUOTES % table):
            key = tuple(str(spod[i]) for i in known)
            rank = (int(offset) if offset else 0, str(quote))
            if key not in found or rank < found[key][0]:
                url = str(source) if str(source or "").startswith(("http://", "https://")) else ""
                found[key] = (rank, title or str(spod[3]), url)
    for row, key in keyed:
        if key in found:
            (_, row["quote"]), row["document"], url = found[key]
            if url:
                row["url"] = url


def _graph_question(store: Store, q: Question, args: list[str], top: int, notes: list[str] | None = None) -> Answer:
    if q.name == "overlaps":
        node = str(find_entity(store, args[0], analysis.ACTOR_CLASSES, where="ask overlaps", notes=notes))
        if keeps_views(store):  # what every actor works on, kept beside the store
            rows = analysis.overlaps_in(cause_view(store), node, lambda iris: classes_and_labels(store, iris), top)
        else:  # only the relations of the actors that share a cause with it
            rows = analysis.overlaps(_overlaps_graph(store, node), node, top=top)
        return Answer(["label", "class", "campaigns", "score", "shared"],
                      [{**r, "shared": "; ".join(r["shared"])} for r in rows])
    a, b = (str(find_entity(store, x, where="ask path", notes=notes)) for x in args)
    graph = _paths_graph(store, a, b)
    hops_shown: list[dict[str, object]] = []
    for i, hops in enumerate(analysis.paths(graph, a, b), 1):
        for j, hop in enumerate(hops, 1):
            s, o, p = hop["subject"], hop["object"], hop["predicate"]
            hops_shown.append({"path": i, "hop": j, "subject": graph.nodes[s]["label"], "relation": p,
                               "object": graph.nodes[o]["label"], "s": s, "p": NS + p, "o": o})
    if not hops_shown:
        raise NotFoundError(f"no chain of relations links '{args[0]}' and '{args[1]}'", where="ask path")
    # the hops shown only: the first document of each (the direct triples, an index read),
    # then its quote there (reading the evidence of every document would cost more)
    firsts: dict[tuple[str, str, str], str] = {}
    table = values_table(["s", "p", "o"], sorted({(URIRef(str(r["s"])), URIRef(str(r["p"])), URIRef(str(r["o"])))
                                                  for r in hops_shown}))
    for s, p, o, g in store.values("SELECT ?s ?p ?o ?g WHERE { " + table + " GRAPH ?g { ?s ?p ?o } }"):
        key = (str(s), str(p), str(o))
        if g and (key not in firsts or g < firsts[key]):
            firsts[key] = g
    for row in hops_shown:
        row["first"] = firsts.get((str(row["s"]), str(row["p"]), str(row["o"])), "")
    _add_quotes(store, hops_shown, ("s", "p", "o", "first"))
    columns = ["path", "hop", "subject", "relation", "object", "quote", "document"]
    columns += ["url"] if any("url" in row for row in hops_shown) else []
    return Answer(columns, [{k: row[k] for k in columns if k in row} for row in hops_shown])


MAX_HOPS = 8  # path: chains longer than this are not looked for


def _paths_graph(store: Store, a: str, b: str):
    """The part of the graph that holds every shortest chain between ``a`` and ``b``:
    breadth-first from both ends, one indexed neighbour query per layer (the smaller side
    grows), so the cost follows the neighbourhoods, not the store."""
    import networkx as nx

    if a == b:
        return relations_among(store, [a])
    dist = [{a: 0}, {b: 0}]
    frontier = [{a}, {b}]
    meet: set[str] = set()
    for _ in range(MAX_HOPS):
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        if not frontier[side]:
            break
        reached = neighbourhood(store, frontier[side]) - set(dist[side])
        depth = max(dist[side].values()) + 1
        for n in reached:
            dist[side][n] = depth
        frontier[side] = reached
        meet = set(dist[0]) & set(dist[1])
        if meet:
            break
    if not meet:
        return nx.MultiDiGraph()
    # every shortest chain runs through the meeting nodes and the inner layers of each
    # side: a node in a side's outermost layer that the other side did not reach is on none
    outer = [max(d.values()) for d in dist]
    on_paths = meet | {n for side in (0, 1) for n, d in dist[side].items() if d < outer[side]}
    return relations_among(store, on_paths | {a, b})  # the relations between them, quoted once the paths are known


def _overlaps_graph(store: Store, node: str):
    """Everything :func:`actorgraph.graph.analysis.overlaps` looks at for ``node``: what it
    works on, the actors that work on any of the same (directly or through a campaign), and
    what those work on. Only the relations that say what an actor works on are read, and
    only toward those items: an item such as ICE brings the actors that oppose it, not every
    one of its thousands of relations."""
    import networkx as nx

    causes = [p for p, side in analysis._CAUSES if side == "out"]
    through = ["campaignSupports", "campaignTargets"]

    def campaigns_of(graph, actors):
        return {o for s in actors if s in graph for _, o, d in graph.out_edges(s, data=True)
                if d.get("predicate") == "createdCampaign"}

    own = relations_of(store, [node], causes, "out")
    own = nx.compose(own, relations_of(store, campaigns_of(own, [node]), through, "out"))
    items = {v for vs in analysis.causes(own, node).values() for v in vs}
    around = relations_of(store, items, causes + through, "in")  # who else works on them
    campaigns = {n for n, d in around.nodes(data=True) if d.get("cls") == "Campaign"}
    around = nx.compose(around, relations_of(store, campaigns, ["createdCampaign"], "in"))
    candidates = {n for n, d in around.nodes(data=True)
                  if d.get("cls") in ACTOR_CLASSES}
    theirs = relations_of(store, candidates, causes, "out")  # what they work on
    theirs = nx.compose(theirs, relations_of(store, campaigns_of(theirs, candidates), through, "out"))
    return nx.compose(nx.compose(own, around), theirs)
