"""Privacy for everything that leaves the store (maps, pictures, every export format).

The documents name undocumented immigrants, detainees and their families. A person is
*public* when the documents give them a public role (they lead or founded something, hold a
title or role in a body, or hold office), *private* otherwise, in particular when they appear
only as arrested, detained, deported, targeted or defended by a campaign. Modes:

- ``standard`` (default): private people become stable pseudonyms ("Person 3f9a");
- ``strict``: every person who is not an official (a role in a government body, or the
  head of a place) is masked;
- ``open``: everything is shown, and the output says so.

Masking rewrites a masked person's IRI and every occurrence of any of their names (all
aliases, case- and accent-insensitive) in labels, aliases, quotes, campaign and document
titles. Source paths become relative to the folder the documents were ingested from. The
store itself and ``query`` keep the full data: this is the researcher's own.
The curation file can set a person's level: ``[[privacy]] name = "…" level = "public"``.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Literal, URIRef

from actorgraph.errors import UsageError
from actorgraph.graph.cache import cached
from actorgraph.graph.store import OxigraphStore, Store, Term, nquad_lines
from actorgraph.ontology import DCTERMS, ENTITIES_GRAPH, NS
from actorgraph.ontology.ids import normalize_name

MODES = ("open", "standard", "strict")
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


def pseudonym(iri: str) -> str:
    """A stable pseudonym for a person.

    >>> pseudonym("https://w3id.org/actorgraph/id/person/ana-ruiz")
    'Person d228'
    """
    return "Person " + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:4]


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


def _fold(text: str) -> tuple[str, list[int] | range]:
    """Case- and accent-folded text, with each folded character's index in ``text``."""
    if text.isascii():  # nothing to decompose: one character for one
        return text.lower(), range(len(text))
    chars, index = [], []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFD", ch):
            if not unicodedata.combining(part):
                chars.append(part.lower())
                index.append(i)
    return "".join(chars), index


_WORD = re.compile(r"\w+")


class NameMasker:
    """Replaces every name of the masked people by their pseudonyms, case and accents
    ignored, whole words only, the longest name first. One pass over the words of a text
    with a dictionary lookup per word run, so the cost does not grow with the number of
    people masked.

    >>> masker = NameMasker({"Person 1a2b": {"José Ruiz", "Ruiz"}})
    >>> masker.mask("Jose RUIZ was detained; Ruiz's lawyer spoke.")
    "Person 1a2b was detained; Person 1a2b's lawyer spoke."
    """

    def __init__(self, names: dict[str, set[str]]) -> None:
        self.names: dict[str, str] = {}
        for pseudonym in sorted(names):
            for name in names[pseudonym]:
                if len(name.strip()) >= 3:
                    self.names.setdefault(_fold(name.strip())[0], pseudonym)
        self.longest = max((len(_WORD.findall(n)) for n in self.names), default=0)
        self._done: dict[str, str] = {}  # titles and quotes recur: each is masked once

    def mask(self, text: str) -> str:
        if not self.names:
            return text
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._mask(text)
        return done

    def _mask(self, text: str) -> str:
        folded, index = _fold(text)
        words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        pieces, last, i = [], 0, 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                pseudonym = self.names.get(folded[start:end])
                if pseudonym is not None:
                    pieces.append(text[last:index[start]])
                    pieces.append(pseudonym)
                    last = index[end - 1] + 1
                    i += n
                    break
            else:
                i += 1
        return "".join(pieces) + text[last:] if pieces else text


def _relative_sources(store: Store) -> dict[str, str]:
    paths = [str(r["src"]) for r in store.query("SELECT DISTINCT ?src WHERE { ?d dcterms:source ?src }").rows]
    local = [p for p in paths if os.path.isabs(p)]
    if not local:
        return {}
    root = os.path.commonpath([os.path.dirname(p) for p in local])
    return {p: os.path.relpath(p, root) for p in local}


def masked_store(store: Store, mode: str, overrides: dict[str, str] | None = None) -> tuple[Store, PrivacyReport]:
    """An in-memory copy of ``store`` as ``mode`` allows it to leave the machine."""
    check_mode(mode)
    private = private_people(store, mode, overrides)
    report = PrivacyReport(mode, {iri: pseudonym(iri) for iri in private})
    masker = NameMasker({report.masked[iri]: names for iri, names in private.items()})
    iris = {iri: URIRef("https://w3id.org/actorgraph/id/person/" + report.masked[iri].lower().replace(" ", "-"))
            for iri in private}
    sources = _relative_sources(store)

    def term(t: Term | None, predicate: Term | None = None):
        if isinstance(t, URIRef):
            return iris.get(str(t), t)
        if isinstance(t, Literal) and t.datatype is None:
            if predicate == DCTERMS.source and str(t) in sources:
                return Literal(sources[str(t)])
            masked = masker.mask(str(t))
            return Literal(masked, lang=t.language) if masked != str(t) else t
        return t

    copy = OxigraphStore(None)
    batch = []
    for s, p, o, g in store.quads():
        if p in (NAME_KEY, ENTITY_CLASS):
            continue  # the store's own lookup index stays home
        batch.append((term(s), term(p), term(o, p), term(g) if g is not None else None))
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


def mask_graph(graph: nx.MultiDiGraph, store: Store, mode: str,
               overrides: dict[str, str] | None = None) -> tuple[nx.MultiDiGraph, PrivacyReport]:
    """A projected graph (see :func:`actorgraph.graph.project.store_to_networkx`) as ``mode``
    lets it leave the machine: the same as projecting :func:`masked_store`, without copying
    the store (masked people get pseudonym IDs and labels; every name of a masked person in
    labels, aliases, document titles and quotes becomes the pseudonym). Who is private is
    decided over the whole store, so a name is masked in every quote the graph shows."""
    check_mode(mode)
    private = private_people(store, mode, overrides)
    report = PrivacyReport(mode, {iri: pseudonym(iri) for iri in private})
    if mode == "open":
        return graph, report
    masker = NameMasker({report.masked[iri]: names for iri, names in private.items()})
    ids = {iri: "https://w3id.org/actorgraph/id/person/" + report.masked[iri].lower().replace(" ", "-") for iri in private}
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for node in sorted(graph, key=lambda n: ids.get(n, n)):
        data = dict(graph.nodes[node])
        label = masker.mask(str(data.get("label", "")))
        forms = {masker.mask(f) for f in [data.get("label", ""), *data.get("aliases", [])]}
        data.update(label=label, aliases=sorted(f for f in forms if f and f != label),
                    documents=sorted({masker.mask(t) for t in data.get("documents", [])}))
        out.add_node(ids.get(node, node), **data)
    edges = []
    for s, o, key, data in graph.edges(keys=True, data=True):
        evidence = [{**ev, "quote": masker.mask(ev.get("quote", "")), "title": masker.mask(ev.get("title", ""))}
                    for ev in data.get("evidence", [])]
        edges.append((ids.get(s, s), ids.get(o, o), key, {**data, "evidence": evidence}))
    for s, o, key, data in sorted(edges, key=lambda e: (e[0], e[2], e[1])):
        out.add_edge(s, o, key=key, **data)
    return out, report
