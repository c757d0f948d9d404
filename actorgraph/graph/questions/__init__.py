"""Named questions: parameterised SPARQL in ``*.rq`` files (parameters are bound, never
pasted) plus the graph questions ``overlaps`` and ``path`` computed with networkx."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rdflib import Literal, URIRef

from actorgraph.errors import AmbiguousNameError, InputError, NotFoundError, UsageError
from actorgraph.graph.store import Store, Term
from actorgraph.ontology import ENTITIES_GRAPH, ENTITY_CLASSES
from actorgraph.ontology.ids import normalize_name


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    description: str
    args: tuple[str, ...]      # required entity arguments, in order
    options: tuple[str, ...]   # optional entity arguments (--by, --targeting, --operator)
    sparql: str | None         # None for graph questions
    lists: tuple[str, ...] = ()  # GROUP_CONCAT columns ("; "), sorted here: SPARQL leaves their order open


GRAPH_QUESTIONS = {
    "overlaps": Question("overlaps", "who overlaps with an organization: campaigns created together first, then shared causes",
                         ("organization",), (), None),
    "path": Question("path", "the shortest chains of relations between two actors, each hop with its quote",
                     ("a", "b"), (), None),
}


_HEADER = re.compile(r"^# (description|args|lists):[ \t]*(.*)$", re.M)


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
        out[name] = Question(name, description, tuple(args), tuple(options), text, lists)
    out.update(GRAPH_QUESTIONS)
    return dict(sorted(out.items()))


def get_question(name: str) -> Question:
    table = questions()
    if name not in table:
        raise UsageError(f"no question named '{name}'; available: {', '.join(table)}", where="ask")
    return table[name]


def find_entity(store: Store, name: str, classes: tuple[str, ...] = (), where: str = "ask") -> URIRef:
    """The one entity whose label or alias is ``name`` (case, accents and punctuation
    ignored). Raises NotFoundError or AmbiguousNameError (listing the candidates);
    ``where`` names the command and option for the message."""
    if not name.strip():
        raise InputError("empty entity name", where=where)
    key = normalize_name(name)
    hits: dict[str, tuple[str, str]] = {}
    # the name keys of the entities graph make this an index lookup, whatever the store's size
    for row in store.query("""SELECT DISTINCT ?e ?cls ?label WHERE { GRAPH ?g { ?e ag:nameKey ?key }
                              ?e a ?cls ; rdfs:label ?label }""", {"key": Literal(key), "g": ENTITIES_GRAPH}).rows:
        cls = str(row["cls"]).rsplit("#", 1)[-1]
        if cls in ENTITY_CLASSES and (not classes or cls in classes):
            hits[str(row["e"])] = (str(row["label"]), cls)
    rows: list = []
    if not hits:
        rows = store.query("""SELECT DISTINCT ?e ?cls ?label ?form WHERE { ?d ag:mentions ?e . ?e a ?cls ; rdfs:label ?label .
                              { ?e rdfs:label ?form } UNION { ?e skos:altLabel ?form } }""").rows
        for row in rows:  # a store written before name keys existed
            if normalize_name(str(row["form"])) == key:
                cls = str(row["cls"]).rsplit("#", 1)[-1]
                if not classes or cls in classes:
                    hits[str(row["e"])] = (str(row["label"]), cls)
    if not hits:
        close = sorted({str(r["label"]) for r in rows if key and key in normalize_name(str(r["form"]))})[:8]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise NotFoundError(f"no entity named '{name}'{hint}", where=where)
    if len(hits) > 1:
        listing = "; ".join(f"{label} ({cls})" for _, (label, cls) in sorted(hits.items(), key=lambda x: x[1]))
        raise AmbiguousNameError(f"'{name}' names {len(hits)} entities: {listing}; use a fuller name", where=where)
    return URIRef(next(iter(hits)))


@dataclass
class Answer:
    columns: list[str]
    rows: list[dict[str, object]]


def ask(store: Store, name: str, args: list[str], options: dict[str, str | None] | None = None, top: int = 10) -> Answer:
    """Answer a named question. ``args`` are entity names, ``options`` optional filters."""
    q = get_question(name)
    if len(args) != len(q.args):
        raise UsageError(f"'{name}' takes {len(q.args)} argument(s): {' '.join(a.upper() for a in q.args) or '(none)'}",
                         where=f"ask {name}")
    extra = sorted(k for k, v in (options or {}).items() if v and k not in q.options)
    if extra:
        takes = ", ".join(f"--{o}" for o in q.options) or "no options"
        raise UsageError(f"'{name}' does not take --{extra[0]}; it takes {takes}", where=f"ask {name}")
    if q.sparql is None:
        return _graph_question(store, q, args, top)
    bindings: dict[str, Term] = {var: find_entity(store, value, where=f"ask {name}")
                                             for var, value in zip(q.args, args)}
    for var, value in (options or {}).items():
        if value:
            bindings[var] = find_entity(store, value, where=f"ask {name} --{var}")
    result = store.query(q.sparql, bindings or None)
    # an empty aggregate comes back unbound from Oxigraph and as "" from Virtuoso: both are "nothing"
    rows = [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items() if str(v) != ""}
            for row in result.rows]
    for row in rows:
        for column in q.lists:
            if isinstance(row.get(column), str):
                row[column] = "; ".join(sorted(str(row[column]).split("; ")))
    return Answer([v for v in result.vars if v != "start"], rows)


def _graph_question(store: Store, q: Question, args: list[str], top: int) -> Answer:
    from actorgraph.graph import analysis

    if q.name == "overlaps":
        node = str(find_entity(store, args[0], ("Organization", "Person", "GovernmentAgency", "Company"), where="ask overlaps"))
        rows = analysis.overlaps(_overlaps_graph(store, node), node, top=top)
        return Answer(["label", "class", "campaigns", "score", "shared"],
                      [{**r, "shared": "; ".join(r["shared"])} for r in rows])
    a, b = (str(find_entity(store, x, where="ask path")) for x in args)
    graph = _paths_graph(store, a, b)
    rows = []
    for i, hops in enumerate(analysis.paths(graph, a, b), 1):
        for j, hop in enumerate(hops, 1):
            ev = hop["evidence"][0] if hop["evidence"] else {}
            rows.append({"path": i, "hop": j, "subject": graph.nodes[hop["subject"]]["label"],
                         "relation": hop["predicate"], "object": graph.nodes[hop["object"]]["label"],
                         "quote": ev.get("quote", ""), "document": ev.get("title") or ev.get("document", "")})
    if not rows:
        raise NotFoundError(f"no chain of relations links '{args[0]}' and '{args[1]}'", where="ask path")
    return Answer(["path", "hop", "subject", "relation", "object", "quote", "document"], rows)


MAX_HOPS = 8  # path: chains longer than this are not looked for


def _paths_graph(store: Store, a: str, b: str):
    """The part of the graph that holds every shortest chain between ``a`` and ``b``:
    breadth-first from both ends, one indexed neighbour query per layer (the smaller side
    grows), so the cost follows the neighbourhoods, not the store."""
    import networkx as nx

    from actorgraph.graph.project import neighbourhood, store_to_networkx

    if a == b:
        return store_to_networkx(store, [a])
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
    return store_to_networkx(store, among=on_paths | {a, b})  # the relations between them only


def _overlaps_graph(store: Store, node: str):
    """Everything :func:`actorgraph.graph.analysis.overlaps` looks at for ``node``: what it
    works on, the actors that work on any of the same (directly or through a campaign), and
    what those work on. Only the relations that say what an actor works on are read, and
    only toward those items: an item such as ICE brings the actors that oppose it, not every
    one of its thousands of relations."""
    import networkx as nx

    from actorgraph.graph import analysis
    from actorgraph.graph.project import relations_of, store_to_networkx

    causes = [p for p, side in analysis._CAUSES if side == "out"]
    through = ["campaignSupports", "campaignTargets"]

    def campaigns_of(graph, actors):
        return {o for s in actors if s in graph for _, o, d in graph.out_edges(s, data=True)
                if d.get("predicate") == "createdCampaign"}

    own = store_to_networkx(store, [node])
    own = nx.compose(own, store_to_networkx(store, campaigns_of(own, [node])))
    items = {v for vs in analysis.causes(own, node).values() for v in vs}
    around = relations_of(store, items, causes + through, "in")  # who else works on them
    campaigns = {n for n, d in around.nodes(data=True) if d.get("cls") == "Campaign"}
    around = nx.compose(around, relations_of(store, campaigns, ["createdCampaign"], "in"))
    candidates = {n for n, d in around.nodes(data=True)
                  if d.get("cls") in ("Organization", "Person", "GovernmentAgency", "Company")}
    theirs = relations_of(store, candidates, causes, "out")  # what they work on
    theirs = nx.compose(theirs, relations_of(store, campaigns_of(theirs, candidates), through, "out"))
    return nx.compose(nx.compose(own, around), theirs)
