"""Privacy for everything that leaves the store (maps, pictures, every export format).

The documents name undocumented immigrants, detainees and their families. A person is
*public* when the documents give them a public role (they lead or founded something, hold a
title or role in a body, or hold office), *private* otherwise, in particular when they appear
only as arrested, detained, deported, targeted or defended by a campaign. Modes:

- ``standard`` (default): private people become stable pseudonyms ("Person 3f9a");
- ``strict``: every person who is not an official (a role in a government body, or the
  head of a place) is masked;
- ``open``: everything is shown, and the output says so.

A masked person is masked where the documents name them (see :mod:`actorgraph.exports.masking`:
their names in the quotes and titles of the documents that mention them, their full name
anywhere, the names made from theirs such as a petition "Release X from Custody"), never
where another entity's name shares a word with theirs ("Vigil Technologies" beside "Maria
Vigil"). Every IRI that would carry a masked name becomes an opaque one. Source paths
become relative to the folder the documents were ingested from, masked the same way. The
store itself and ``query`` keep the full data: this is the researcher's own.
The curation file can set a person's level: ``[[privacy]] name = "…" level = "public"``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from rdflib import RDFS, SKOS, Literal, URIRef

from actorgraph.errors import UsageError
from actorgraph.exports.masking import Masker, Names, pseudonyms
from actorgraph.graph.cache import cached
from actorgraph.graph.project import classes_and_labels
from actorgraph.graph.resolve import mapping_from_store
from actorgraph.graph.store import OxigraphStore, Store, Term, nquad_lines
from actorgraph.ontology import DCTERMS, ENTITIES_GRAPH, NS
from actorgraph.ontology.ids import normalize_name

MODES = ("open", "standard", "strict")
_PSEUDONYM = re.compile(r"Person [0-9a-f]{4,64}\b")
NAME_KEY = URIRef(NS + "nameKey")
ENTITY_CLASS = URIRef(NS + "entityClass")
PUBLIC_ROLES = ("leads", "founded")
ENFORCED = {("arrested", "object"), ("deported", "object"), ("targets", "object"), ("detainedAt", "subject"),
            ("detainedBy", "subject"), ("campaignSupports", "object")}


@dataclass
class PrivacyReport:
    mode: str
    masked: dict[str, str] = field(default_factory=dict)  # person IRI -> pseudonym

    def describe(self) -> str:
        if self.mode == "open":
            return "privacy: open (names of private people are included)"
        return f"privacy: {self.mode} ({len(self.masked)} people shown as pseudonyms)"


def check_mode(mode: str, where: str = "--privacy") -> str:
    if mode not in MODES:
        raise UsageError(f"unknown privacy mode '{mode}'; available: {', '.join(MODES)}", where=where)
    return mode


def people_and_roles(store: Store) -> dict[str, dict]:
    """Every person with their names and the relations that can make them public (the roles
    they hold: predicate, side, class at the other end, extractor); kept as a view of a
    read-only embedded store (see :mod:`actorgraph.graph.cache`)."""
    return cached(store, "people", 1, lambda: _read_people(store))


def _read_people(store: Store) -> dict[str, dict]:
    """:func:`people_and_roles` from the store. Each pattern is joined inside a document graph:
    across the union, an entity named in n documents would pair n mentions with n class
    triples (n² rows for a name in every document)."""
    people: dict[str, dict] = {}
    for p, f in store.values("""SELECT DISTINCT ?p ?f WHERE {
            GRAPH ?d { ?d ag:mentions ?p . ?p a ag:Person ; skos:altLabel ?f } }"""):
        people.setdefault(str(p), {"forms": set(), "edges": set()})["forms"].add(str(f))
    for p, label in store.values("SELECT ?p ?l WHERE { GRAPH ?entities { ?p rdfs:label ?l } }",
                                 {"entities": ENTITIES_GRAPH}):
        if p in people:
            people[p]["forms"].add(str(label))
    # the relations that can make a person public (_level): a role they hold, as subject
    roles = " ".join(f"ag:{p}" for p in sorted({"leads", "memberOf", *PUBLIC_ROLES}))
    rows = store.values(f"""SELECT DISTINCT ?p ?pred ?cls ?x WHERE {{ GRAPH ?g {{
        VALUES ?pred {{ {roles} }} ?ev rdf:predicate ?pred ; rdf:subject ?p ; rdf:object ?n . ?p a ag:Person .
        OPTIONAL {{ ?ev ag:extractor ?x }} OPTIONAL {{ ?n a ?cls }} }} }}""")
    for p, pred, cls, x in rows:
        if p in people:
            people[p]["edges"].add(((pred or "")[len(NS):], "subject", (cls or "")[len(NS):], x or ""))
    return people


def _level(edges: set[tuple[str, str, str, str]], mode: str) -> str:
    official = any(side == "subject" and ((pred in ("leads", "memberOf") and other == "GovernmentAgency")
                                          or (pred == "leads" and other == "Place"))
                   for pred, side, other, _ in edges)
    if mode == "strict":
        return "public" if official else "private"
    role = official or any(side == "subject" and (pred in PUBLIC_ROLES or (pred == "memberOf" and x.startswith("rules.role.")))
                           for pred, side, _, x in edges)
    return "public" if role else "private"


def private_people(store: Store, mode: str, overrides: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Person IRI -> every name of each person to mask under ``mode``."""
    if mode == "open":
        return {}
    out = {}
    overrides = overrides or {}
    for iri, item in people_and_roles(store).items():
        level = next((overrides[normalize_name(f)] for f in item["forms"] if normalize_name(f) in overrides), None)
        if (level or _level(item["edges"], mode)) == "private":
            out[iri] = item["forms"]
    return out


def _relative_sources(store: Store) -> dict[str, str]:
    paths = [str(r["src"]) for r in store.query("SELECT DISTINCT ?src WHERE { ?d dcterms:source ?src }").rows]
    local = [p for p in paths if os.path.isabs(p)]
    if not local:
        return {}
    root = os.path.commonpath([os.path.dirname(p) for p in local])
    return {p: os.path.relpath(p, root) for p in local}


def store_names(store: Store) -> Names:
    """Each entity's class and label, the names each document writes for it and the IRIs
    merged away (what :class:`Masker` reads), kept as a view of a read-only embedded store
    (see :mod:`actorgraph.graph.cache`)."""
    return cached(store, "names", 1, lambda: _read_names(store))


def _read_names(store: Store) -> Names:
    classes, labels = classes_and_labels(store)
    written: dict[str, dict[str, set[str]]] = {}
    for d, e, f in store.values("SELECT ?d ?e ?f WHERE { GRAPH ?d { ?e skos:altLabel ?f } }"):
        if d and e and f:
            written.setdefault(e, {}).setdefault(f, set()).add(d)
    return Names(classes, labels, {e: {f: frozenset(ds) for f, ds in forms.items()} for e, forms in written.items()},
                 mapping_from_store(store))


def masker_for(store: Store, mode: str, overrides: dict[str, str] | None = None) -> tuple[Masker, PrivacyReport]:
    """The masker of ``store`` under ``mode`` and the report of who it masks."""
    check_mode(mode)
    private = private_people(store, mode, overrides)
    report = PrivacyReport(mode, pseudonyms(private))
    return Masker(store_names(store) if private else Names({}, {}, {}), report.masked), report


def masked_store(store: Store, mode: str, overrides: dict[str, str] | None = None) -> tuple[Store, PrivacyReport]:
    """An in-memory copy of ``store`` as ``mode`` allows it to leave the machine."""
    masker, report = masker_for(store, mode, overrides)
    sources = _relative_sources(store)

    def literal(s: Term, p: Term, o: Literal, g: Term | None) -> Literal:
        text = str(o)
        if p in (RDFS.label, SKOS.altLabel):
            masked = masker.name(str(s), text)
        elif p == DCTERMS.source:
            masked = masker.path(sources.get(text, text), [str(s)])
        elif p == DCTERMS.title:
            masked = masker.text(text, [str(s)])
        else:  # quotes, and any other text of a document
            masked = masker.text(text, [str(g)] if g is not None else [])
        return Literal(masked, lang=o.language) if masked != text else o

    def term(t: Term | None) -> Term | None:
        return URIRef(masker.iri(str(t))) if isinstance(t, URIRef) else t

    copy = OxigraphStore(None)
    batch = []
    for s, p, o, g in store.quads():
        if p in (NAME_KEY, ENTITY_CLASS):
            continue  # the store's own lookup index stays home
        if isinstance(o, Literal) and o.datatype is None:
            o = literal(s, p, o, g)
        batch.append((term(s), p, term(o), term(g)))
        if len(batch) >= 5000:
            _load(copy, batch)
            batch = []
    _load(copy, batch)
    copy.location = store.location
    return copy, report


def _load(copy: OxigraphStore, quads: list) -> None:
    named = [q for q in quads if q[3] is not None]
    default = [q for q in quads if q[3] is None]
    parts = []
    if named:
        parts.append("INSERT DATA {\n" + nquad_lines(named) + "\n}")
    if default:
        parts.append("INSERT DATA {\n" + "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in default) + "\n}")
    if parts:
        copy.update(" ;\n".join(parts))


def _document_titles(store: Store, masker: Masker) -> dict[str, str]:
    """Each document title as it may be shown (a title two documents share: masked as
    either would mask it)."""
    out: dict[str, str] = {}
    for d, t in store.values("SELECT ?d ?t WHERE { ?d a ag:Document ; dcterms:title ?t }"):
        if d and t is not None:
            masked = masker.text(t, [d])
            if masked != t or t not in out:
                out[t] = masked
    return out


def mask_graph(graph: nx.MultiDiGraph, store: Store, mode: str,
               overrides: dict[str, str] | None = None) -> tuple[nx.MultiDiGraph, PrivacyReport]:
    """A projected graph (see :func:`actorgraph.graph.project.store_to_networkx`) as ``mode``
    lets it leave the machine: the same as projecting :func:`masked_store`, without copying
    the store (masked people get pseudonym IDs and labels; their mentions in quotes and
    titles and the names made from theirs become the pseudonym; IDs that carry such a name
    become opaque). Who is private is decided over the whole store, so a name is masked in
    every quote the graph shows. ``graph.graph["pseudonyms"]`` lists the pseudonyms shown."""
    masker, report = masker_for(store, mode, overrides)
    if mode == "open":
        return graph, report
    titles = _document_titles(store, masker)
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    ids = {node: masker.iri(node) for node in graph}
    for node in sorted(graph, key=ids.__getitem__):
        data = dict(graph.nodes[node])
        label = masker.name(node, str(data.get("label", "")))
        forms = {masker.name(node, f) for f in [data.get("label", ""), *data.get("aliases", [])]}
        data.update(label=label, aliases=sorted(f for f in forms if f and f != label),
                    documents=sorted({titles.get(t, t) for t in data.get("documents", [])}))
        out.add_node(ids[node], **data)
    edges = []
    for s, o, key, data in graph.edges(keys=True, data=True):
        evidence = [{**ev, "quote": masker.text(ev.get("quote", ""), [ev.get("document", "")]),
                     "title": masker.text(ev.get("title", ""), [ev.get("document", "")])}
                    for ev in data.get("evidence", [])]
        edges.append((ids[s], ids[o], key, {**data, "evidence": evidence}))
    for s, o, key, data in sorted(edges, key=lambda e: (e[0], e[2], e[1])):
        out.add_edge(s, o, key=key, **data)
    out.graph.update(privacy=mode, pseudonyms=shown_pseudonyms(out, report.masked.values()))
    return out, report


def shown_pseudonyms(graph: nx.MultiDiGraph, pseudonyms: Iterable[str]) -> list[str]:
    """The pseudonyms that a graph's labels, aliases, titles and quotes show."""
    texts = [t for _, d in graph.nodes(data=True) for t in [d.get("label", ""), *d.get("aliases", []), *d.get("documents", [])]]
    texts += [t for _, _, d in graph.edges(data=True) for ev in d.get("evidence", []) for t in (ev.get("quote", ""), ev.get("title", ""))]
    return _found(texts, pseudonyms)


def _found(texts: Iterable[str], pseudonyms: Iterable[str]) -> list[str]:
    wanted = set(pseudonyms)
    return sorted({m.group() for t in texts for m in _PSEUDONYM.finditer(str(t))} & wanted)


def pseudonym_note(graph: nx.MultiDiGraph, order: Iterable[str] = (), texts: Iterable[str] | None = None) -> str:
    """What a pseudonym means, for the legend of a map or handout of ``graph`` (a graph from
    :func:`mask_graph`; '' when it shows none, or none of ``texts`` if given: what a
    handout prints). The example is the first pseudonym in ``order`` (the nodes, most
    central first)."""
    shown = graph.graph.get("pseudonyms") or []
    if texts is not None:
        shown = _found(texts, shown)
    if not shown:
        return ""
    example = next((graph.nodes[n]["label"] for n in order if n in graph and graph.nodes[n].get("label") in shown), shown[0])
    who = ("a person named in the documents who holds no office (--privacy strict masks everyone but officials)"
           if graph.graph.get("privacy") == "strict" else
           "a private person named in the documents: someone with no public role there, such as a person detained, "
           "arrested or defended by a campaign")
    return (f"“{example}” and the like are pseudonyms. Each stands for {who}; the same person has the same pseudonym "
            "in every map and export of this store. Their names are left out to protect them; whoever holds the store "
            "can show them with --privacy open.")
