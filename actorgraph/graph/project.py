"""The RDF graph projected to networkx: a MultiDiGraph whose nodes are entities (label,
class, aliases, documents) and whose edges are relations (predicate, evidence quotes and
sources, evidence count as weight)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from actorgraph.graph.store import Store
from actorgraph.ontology import NS

_RELATIONS = """
SELECT ?s ?p ?o ?quote ?doc ?title ?start ?end ?modality ?extractor WHERE {
  ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      ag:quote ?quote ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?ev ag:charStart ?start ; ag:charEnd ?end }
  OPTIONAL { ?ev ag:modality ?modality }
  OPTIONAL { ?ev ag:extractor ?extractor }
  OPTIONAL { ?doc dcterms:title ?title }
}
"""


def store_to_networkx(store: Store) -> nx.MultiDiGraph:
    """Project the store to a MultiDiGraph: one edge per (subject, predicate, object) with
    its evidence list; ``weight`` is the number of evidence sentences.

    Node attributes: ``label``, ``cls``, ``aliases`` (list), ``documents`` (list of titles).
    Edge attributes: ``predicate``, ``weight``, ``evidence`` (list of dicts with quote,
    document, title, start, end, modality).
    """
    from actorgraph.graph.resolve import entity_table

    graph = nx.MultiDiGraph()
    titles = {str(r["d"]): str(r["t"]) for r in store.query("SELECT ?d ?t WHERE { ?d a ag:Document ; dcterms:title ?t }").rows}
    for iri, item in sorted(entity_table(store).items()):
        label = item["label"] or iri.rsplit("/", 1)[-1]
        aliases = sorted(f for f in item["forms"] if f != label)
        docs = sorted({titles.get(d, d) for d in item["docs"]})
        graph.add_node(iri, label=label, cls=item["cls"], aliases=aliases, documents=docs)
    evidence: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in store.query(_RELATIONS).rows:
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
