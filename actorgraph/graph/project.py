"""The RDF graph projected to networkx: a MultiDiGraph whose nodes are entities (label,
class, aliases, documents) and whose edges are relations (predicate, evidence quotes and
sources, evidence count as weight)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, URIRef

from actorgraph.graph.analysis import cause_table
from actorgraph.graph.cache import cached
from actorgraph.graph.resolve import entity_table
from actorgraph.graph.store import Store
from actorgraph.ontology import ENTITIES_GRAPH, ENTITY_CLASSES, NS, RELATION_PREDICATES

_EVIDENCE = """
  ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      ag:quote ?quote ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?ev ag:charStart ?start ; ag:charEnd ?end }
  OPTIONAL { ?ev ag:modality ?modality }
  OPTIONAL { ?ev ag:extractor ?extractor }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?ev ag:start ?since } OPTIONAL { ?ev ag:end ?until } OPTIONAL { ?ev ag:asOf ?asOf }
  OPTIONAL { ?ev ag:ended ?ended } OPTIONAL { ?doc dcterms:created ?created }
"""
_COLUMNS = "?s ?p ?o ?quote ?doc ?title ?start ?end ?modality ?extractor ?since ?until ?asOf ?ended ?created"
_RELATIONS = "SELECT " + _COLUMNS + " WHERE {" + _EVIDENCE + "}"
# the relations of some entities: ?x is bound to them (VALUES), either end of the evidence
_RELATIONS_AROUND = ("SELECT " + _COLUMNS + " WHERE {\n"
                     "  VALUES ?x { %s }\n  { ?ev rdf:subject ?x } UNION { ?ev rdf:object ?x }" + _EVIDENCE + "}")


# the relations among some entities: the evidence with both ends bound (VALUES), then what
# it says, read per evidence (joined in one pattern, the planner starts from every ag:Evidence)
_EVIDENCE_AMONG = "SELECT DISTINCT ?ev WHERE { VALUES ?s { %s } ?ev rdf:subject ?s ; rdf:object ?o . VALUES ?o { %s } }"


_DETAILS = {str(RDF.subject): "s", str(RDF.predicate): "p", str(RDF.object): "o", f"{NS}quote": "quote",
            "http://www.w3.org/ns/prov#wasDerivedFrom": "doc", f"{NS}charStart": "start", f"{NS}charEnd": "end",
            f"{NS}modality": "modality", f"{NS}extractor": "extractor", f"{NS}start": "since", f"{NS}end": "until",
            f"{NS}asOf": "asOf", f"{NS}ended": "ended"}


_TIME = {"since": "since", "until": "until", "as_of": "asOf", "ended": "ended", "created": "created"}


def _relations_among(store: Store, centre: set[str]) -> list[dict[str, Any]]:
    """The evidence with both ends among ``centre`` (one query), then what each says (an
    index read per evidence: a VALUES list of thousands is joined row by row)."""
    found = [ev for (ev,) in store.values(_EVIDENCE_AMONG % (_values(centre), _values(centre))) if ev]
    rows = []
    for _, pairs in sorted(store.describe(found).items()):
        row = {_DETAILS[p]: v for p, v in pairs if p in _DETAILS}
        if {"s", "p", "o", "quote", "doc"} <= set(row):
            rows.append(row)
    return rows


def _values(iris: Iterable[str]) -> str:
    return " ".join(URIRef(i).n3() for i in sorted(set(iris)))


def skeleton(store: Store) -> nx.MultiDiGraph:
    """The graph without its evidence: every entity (``label``, ``cls``) and one edge per
    (subject, predicate, object) with ``predicate`` and ``weight`` (how many sentences state
    it), as :func:`store_to_networkx` builds them: classes and labels from the entities
    graph and the evidence counted per predicate, read as plain strings — what the analyses
    and the ranking of a large map need, at a fraction of the cost of reading every quote.
    Kept as a view of a read-only embedded store (see :mod:`actorgraph.graph.cache`)."""
    return cached(store, "skeleton", 1, lambda: _skeleton(store))


def cause_view(store: Store):
    """What every actor works on (:func:`actorgraph.graph.analysis.cause_table` of the
    :func:`skeleton`), kept as a view of a read-only embedded store: ``ask overlaps`` reads
    it instead of the relations of every actor that shares a cause with the one asked about."""
    return cached(store, "causes", 1, lambda: cause_table(skeleton(store)))


def _skeleton(store: Store) -> nx.MultiDiGraph:
    classes, labels = classes_and_labels(store)
    edges = []
    for p in RELATION_PREDICATES:  # one query per predicate: no predicate IRI to decode per row
        edges += [(s or "", p, o or "", int(n or 0)) for s, o, n in store.values(_EDGES, {"p": URIRef(NS + p)})]
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((iri, {"label": labels.get(iri) or iri.rsplit("/", 1)[-1], "cls": classes[iri]})
                         for iri in sorted(classes))
    graph.add_edges_from((s, o, p, {"predicate": p, "weight": n}) for s, p, o, n in sorted(edges)
                         if s in classes and o in classes)
    return graph


# the evidence of one predicate, counted per (subject, object)
_EDGES = "SELECT ?s ?o (COUNT(?ev) AS ?n) WHERE { GRAPH ?g { ?ev rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o } } GROUP BY ?s ?o"


LOOKUP_LIMIT = 200  # entities; above, one flat read of every class and label beats VALUES lookups


def has_entity_classes(store: Store) -> bool:
    """Whether the entities graph holds the entities' classes (stores resolved since it does)."""
    return bool(store.query("ASK { GRAPH ?g { ?e ag:entityClass ?c } }", {"g": ENTITIES_GRAPH}).boolean)


def classes_and_labels(store: Store, iris: set[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Class and label of each of ``iris`` (of every entity when None). Both sit in the
    entities graph: index lookups for given entities, one read of the graph for all. A
    store resolved before classes were kept there reads them from the document graphs."""
    entities = str(ENTITIES_GRAPH)
    if has_entity_classes(store):
        if iris is not None:  # index lookups (a VALUES list is joined against the whole graph)
            found = store.describe(iris, f"{NS}entityClass", entities)
            names = store.describe(iris, str(RDFS.label), entities)
            return ({e: pairs[0][1] for e, pairs in found.items() if pairs[0][1] in ENTITY_CLASSES},
                    {e: min(v for _, v in pairs) for e, pairs in names.items()})
        classes = {e: c for e, c in store.pairs_of(f"{NS}entityClass", entities) if c in ENTITY_CLASSES}
        return classes, dict(store.pairs_of(str(RDFS.label), entities))
    kinds = " ".join(f"<{NS}{c}>" for c in ENTITY_CLASSES)
    only = "VALUES ?e { " + _values(iris) + " } " if iris is not None and len(iris) <= LOOKUP_LIMIT else ""
    classes = {e: c[len(NS):] for e, c in store.values(
        "SELECT DISTINCT ?e ?c WHERE { " + only + "VALUES ?c { " + kinds + " } GRAPH ?any { ?e a ?c } }")
        if e and c and (iris is None or e in iris)}
    labels = {e: label for e, label in store.values(
        "SELECT ?e ?l WHERE { " + only + "GRAPH ?g { ?e rdfs:label ?l } }", {"g": ENTITIES_GRAPH})
        if e and label and (iris is None or e in iris)}
    return classes, labels


def _branches(predicates: Iterable[str]) -> str:
    """``?s ?p ?o`` in the document graphs (``?g``) for each of ``predicates``, one UNION
    branch each with the predicate a constant: an index look-up per bound node and
    predicate, where a VALUES block of predicates makes Oxigraph read every triple of the
    nodes."""
    return " UNION ".join(f"{{ GRAPH ?g {{ ?s <{NS}{p}> ?o }} BIND(<{NS}{p}> AS ?p) }}" for p in predicates)


def relations_of(store: Store, nodes: Iterable[str], predicates: Iterable[str], side: str) -> nx.MultiDiGraph:
    """The relations with the given ``predicates`` whose subject (``side="out"``) or object
    (``side="in"``) is one of ``nodes``, without their quotes: one edge per (subject,
    predicate, object) with ``predicate`` and ``weight`` (here the number of documents that
    state it), and ``label`` and ``cls`` on every end. Index lookups on the nodes, so a
    hub's thousands of other relations are not read."""
    graph = nx.MultiDiGraph()
    centre, wanted = sorted(set(nodes)), sorted(set(predicates))
    if not centre or not wanted:
        return graph
    bound = "?s" if side == "out" else "?o"
    # the direct triples of the document graphs: the evidence would be read for every
    # statement about a hub, and its predicate checked
    edges = store.values("SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { VALUES " + bound + " { " + _values(centre) +
                         " } " + _branches(wanted) + " } GROUP BY ?s ?p ?o")
    ends = {e for s, _, o, _ in edges for e in (s, o) if e}
    if not ends:
        return graph
    classes, labels = classes_and_labels(store, ends)
    for e in sorted(ends):
        if e in classes:
            graph.add_node(e, label=labels.get(e) or e.rsplit("/", 1)[-1], cls=classes[e])
    for s, p, o, n in sorted((s or "", (p or "")[len(NS):], o or "", n) for s, p, o, n in edges):
        if s in graph and o in graph:
            graph.add_edge(s, o, key=p, predicate=p, weight=int(n or 0))
    return graph


def relations_among(store: Store, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """The relations between ``nodes`` without their quotes: one edge per (subject,
    predicate, object) with ``predicate`` and ``weight`` (the number of documents that
    state it), ``label`` and ``cls`` on every node. The subjects are looked up one
    predicate at a time (see :func:`relations_of`), the objects kept when they are among
    the nodes."""
    centre = sorted(set(nodes))
    graph = nx.MultiDiGraph()
    if not centre:
        return graph
    classes, labels = classes_and_labels(store, set(centre))
    for e in centre:
        if e in classes:
            graph.add_node(e, label=labels.get(e) or e.rsplit("/", 1)[-1], cls=classes[e])
    among = _values(centre)
    edges = store.values("SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE { VALUES ?s { " + among + " } " +
                         _branches(RELATION_PREDICATES) + " VALUES ?o { " + among + " } } GROUP BY ?s ?p ?o")
    for s, p, o, n in sorted((s or "", (p or "")[len(NS):], o or "", n) for s, p, o, n in edges):
        if s in graph and o in graph:
            graph.add_edge(s, o, key=p, predicate=p, weight=int(n or 0))
    return graph


def store_to_networkx(store: Store, around: Iterable[str] | None = None,
                      among: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Project the store to a MultiDiGraph: one edge per (subject, predicate, object) with
    its evidence list; ``weight`` is the number of evidence sentences.

    With ``around`` (entity IRIs) only the relations of those entities and the entities at
    their ends are read — index lookups, so the cost follows the neighbourhood, not the
    store (named questions use this; see :func:`neighbourhood`). With ``among`` only those
    entities and the relations between them (the top of a large map).

    Node attributes: ``label``, ``cls``, ``aliases`` (list), ``documents`` (list of titles).
    Edge attributes: ``predicate``, ``weight``, ``evidence`` (list of dicts with quote,
    document, title, url (a web page's address, else empty), start, end, modality).
    """
    graph = nx.MultiDiGraph()
    if among is not None:
        centre = set(among)
        if not centre:
            return graph
        rows: list[dict[str, Any]] = list(_relations_among(store, centre))
        table = entity_table(store, centre)
        docs = {d for item in table.values() for d in item["docs"]} | {r["doc"] for r in rows}
        titles = {d: t for d, t in store.values(
            "SELECT ?d ?t WHERE { VALUES ?d { " + _values(docs) + " } ?d dcterms:title ?t }") if d and t} if docs else {}
        created = {d: c for d, c in store.values(
            "SELECT ?d ?c WHERE { VALUES ?d { " + _values(docs) + " } ?d dcterms:created ?c }") if d and c} if docs else {}
        for row in rows:
            if row["doc"] in titles:
                row["title"] = titles[row["doc"]]
            if row["doc"] in created:
                row["created"] = created[row["doc"]]
    elif around is None:
        rows = [dict(r) for r in store.query(_RELATIONS).rows]
        table = entity_table(store)
        titles = {str(r["d"]): str(r["t"]) for r in store.query(
            "SELECT ?d ?t WHERE { ?d a ag:Document ; dcterms:title ?t }").rows}
    else:
        centre = set(around)
        if not centre:
            return graph
        rows = [dict(r) for r in store.query(_RELATIONS_AROUND % _values(centre)).rows]
        table = entity_table(store, centre | {str(r[k]) for r in rows for k in ("s", "o")})
        docs = {d for item in table.values() for d in item["docs"]}
        titles = {str(r["d"]): str(r["t"]) for r in store.query(
            "SELECT ?d ?t WHERE { VALUES ?d { " + _values(docs) + " } ?d dcterms:title ?t }").rows} if docs else {}
    for iri, item in sorted(table.items()):
        label = item["label"] or iri.rsplit("/", 1)[-1]
        aliases = sorted(f for f in item["forms"] if f != label)
        docs_of = sorted({titles.get(d, d) for d in item["docs"]})
        graph.add_node(iri, label=label, cls=item["cls"], aliases=aliases, documents=docs_of)
    evidence: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    seen_evidence: set[tuple] = set()
    urls = web_sources(store, None if around is None and among is None else {str(r["doc"]) for r in rows})
    for row in rows:
        marker = (str(row["s"]), str(row["p"]), str(row["o"]), str(row["quote"]), str(row["doc"]), str(row.get("start", "")))
        if around is not None and marker in seen_evidence:  # reached from both ends
            continue
        seen_evidence.add(marker)
        key = (str(row["s"]), str(row["p"])[len(NS):], str(row["o"]))
        evidence[key].append({
            "quote": str(row["quote"]), "document": str(row["doc"]),
            "title": str(row.get("title", "")), "url": urls.get(str(row["doc"]), ""),
            "start": int(row["start"]) if "start" in row else None,
            "end": int(row["end"]) if "end" in row else None,
            "modality": str(row.get("modality", "asserted")),
            "extractor": str(row.get("extractor", "")),
            # when it held, as the text says (see actorgraph.graph.period)
            **{name: str(row[var]) for name, var in _TIME.items() if row.get(var) is not None},
        })
    for (s, p, o), items in sorted(evidence.items()):
        if s not in graph or o not in graph:
            continue
        items.sort(key=lambda ev: (ev["document"], ev["start"] or 0))
        graph.add_edge(s, o, key=p, predicate=p, weight=len(items), evidence=items)
    return graph


def web_sources(store: Store, docs: set[str] | None = None) -> dict[str, str]:
    """The address of each document (of ``docs``, or all) that came from the web: its
    ``dcterms:source`` when that is an http(s) address, so that citations link to it."""
    if docs is not None and not docs:
        return {}
    among = "" if docs is None else "VALUES ?d { " + _values(docs) + " } "
    return {d: src for d, src in store.values(
        "SELECT ?d ?src WHERE { " + among + "?d a ag:Document ; dcterms:source ?src "
        "FILTER(STRSTARTS(STR(?src), 'http://') || STRSTARTS(STR(?src), 'https://')) }") if d and src}


def neighbourhood(store: Store, nodes: Iterable[str]) -> set[str]:
    """The entities related to any of ``nodes`` (either direction), one indexed query."""
    centre = set(nodes)
    if not centre:
        return set()
    # one branch per predicate and direction (see _branches)
    branches = " UNION ".join(f"{{ ?x <{NS}{p}> ?n }} UNION {{ ?n <{NS}{p}> ?x }}" for p in RELATION_PREDICATES)
    return {n for (n,) in store.values("SELECT DISTINCT ?n WHERE { VALUES ?x { " + _values(centre) + " } " + branches + " }")
            if n}
