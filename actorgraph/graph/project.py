"""The RDF graph projected to networkx: a MultiDiGraph whose nodes are entities (label,
class, aliases, documents) and whose edges are relations (predicate, evidence quotes and
sources, evidence count as weight)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import URIRef

from actorgraph.graph.store import Store
from actorgraph.ontology import NS, RELATION_PREDICATES

_EVIDENCE = """
  ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      ag:quote ?quote ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?ev ag:charStart ?start ; ag:charEnd ?end }
  OPTIONAL { ?ev ag:modality ?modality }
  OPTIONAL { ?ev ag:extractor ?extractor }
  OPTIONAL { ?doc dcterms:title ?title }
"""
_RELATIONS = "SELECT ?s ?p ?o ?quote ?doc ?title ?start ?end ?modality ?extractor WHERE {" + _EVIDENCE + "}"
# the relations of some entities: ?x is bound to them (VALUES), either end of the evidence
_RELATIONS_AROUND = ("SELECT ?s ?p ?o ?quote ?doc ?title ?start ?end ?modality ?extractor WHERE {\n"
                     "  VALUES ?x { %s }\n  { ?ev rdf:subject ?x } UNION { ?ev rdf:object ?x }" + _EVIDENCE + "}")


def _values(iris: Iterable[str]) -> str:
    return " ".join(URIRef(i).n3() for i in sorted(set(iris)))


def store_to_networkx(store: Store, around: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Project the store to a MultiDiGraph: one edge per (subject, predicate, object) with
    its evidence list; ``weight`` is the number of evidence sentences.

    With ``around`` (entity IRIs) only the relations of those entities and the entities at
    their ends are read — index lookups, so the cost follows the neighbourhood, not the
    store (named questions use this; see :func:`neighbourhood`).

    Node attributes: ``label``, ``cls``, ``aliases`` (list), ``documents`` (list of titles).
    Edge attributes: ``predicate``, ``weight``, ``evidence`` (list of dicts with quote,
    document, title, start, end, modality).
    """
    from actorgraph.graph.resolve import entity_table

    graph = nx.MultiDiGraph()
    if around is None:
        rows = store.query(_RELATIONS).rows
        table = entity_table(store)
        titles = {str(r["d"]): str(r["t"]) for r in store.query(
            "SELECT ?d ?t WHERE { ?d a ag:Document ; dcterms:title ?t }").rows}
    else:
        centre = set(around)
        if not centre:
            return graph
        rows = store.query(_RELATIONS_AROUND % _values(centre)).rows
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
    for row in rows:
        marker = (str(row["s"]), str(row["p"]), str(row["o"]), str(row["quote"]), str(row["doc"]), str(row.get("start", "")))
        if around is not None and marker in seen_evidence:  # reached from both ends
            continue
        seen_evidence.add(marker)
        key = (str(row["s"]), str(row["p"])[len(NS):], str(row["o"]))
        evidence[key].append({
            "quote": str(row["quote"]), "document": str(row["doc"]),
            "title": str(row.get("title", "")), "start": int(row["start"]) if "start" in row else None,
            "end": int(row["end"]) if "end" in row else None,
            "modality": str(row.get("modality", "asserted")),
            "extractor": str(row.get("extractor", "")),
        })
    for (s, p, o), items in sorted(evidence.items()):
        if s not in graph or o not in graph:
            continue
        items.sort(key=lambda ev: (ev["document"], ev["start"] or 0))
        graph.add_edge(s, o, key=p, predicate=p, weight=len(items), evidence=items)
    return graph


def neighbourhood(store: Store, nodes: Iterable[str]) -> set[str]:
    """The entities related to any of ``nodes`` (either direction), one indexed query."""
    centre = set(nodes)
    if not centre:
        return set()
    rows = store.query("SELECT DISTINCT ?n WHERE { VALUES ?x { " + _values(centre) + " } VALUES ?p { " +
                       " ".join(f"<{NS}{p}>" for p in RELATION_PREDICATES) + " } { ?x ?p ?n } UNION { ?n ?p ?x } }").rows
    return {str(r["n"]) for r in rows}
