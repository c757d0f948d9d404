"""Graph exports for other tools: GraphML and GEXF (Gephi, Cytoscape), CSV node and edge
tables (spreadsheets), Cytoscape.js JSON, and FollowTheMoney entities (Aleph-style tools).
All are written atomically from the networkx projection of the store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from actorgraph._files import atomic_write
from actorgraph.exports.cite import citation
from actorgraph.exports.tables import csv_text
from actorgraph.graph.project import store_to_networkx
from actorgraph.graph.store import Store
from actorgraph.ontology import GROUP_CLASSES


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes (GraphML and GEXF cannot hold lists): aliases and
    documents joined with "; ", evidence as the first quote, its document and a count."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, label=data.get("label", node), cls=data.get("cls", ""),
                     aliases="; ".join(data.get("aliases", [])), documents="; ".join(data.get("documents", [])))
    for s, o, key, data in graph.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        first = evidence[0] if evidence else {}
        out.add_edge(s, o, key=key, predicate=data.get("predicate", key), label=data.get("predicate", key),
                     weight=int(data.get("weight", len(evidence) or 1)), quote=first.get("quote", ""),
                     source=citation(first) if first else "", evidence_count=len(evidence))
    return out


def write_graphml(store: Store, out: Path) -> Path:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(store_to_networkx(store)), buffer, encoding="utf-8")
    return atomic_write(out, buffer.getvalue())


def write_gexf(store: Store, out: Path) -> Path:
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(store_to_networkx(store)), buffer, encoding="utf-8")
    return atomic_write(out, buffer.getvalue())


def _csv(rows: list[dict], columns: list[str]) -> str:
    return csv_text(columns, ([row.get(c, "") for c in columns] for row in rows))


def write_csv(store: Store, out: Path) -> Path:
    """``out`` is a folder (created if needed) that receives nodes.csv and edges.csv; one
    row per relation and evidence sentence, with the quote and its source."""
    graph = store_to_networkx(store)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nodes = [{"id": n, "label": d.get("label", ""), "class": d.get("cls", ""),
              "aliases": "; ".join(d.get("aliases", [])), "documents": "; ".join(d.get("documents", []))}
             for n, d in sorted(graph.nodes(data=True))]
    edges = []
    for s, o, key, d in sorted(graph.edges(keys=True, data=True)):
        for ev in d.get("evidence", []) or [{}]:
            edges.append({"source": s, "target": o, "source_label": graph.nodes[s].get("label", ""),
                          "predicate": d.get("predicate", key), "target_label": graph.nodes[o].get("label", ""),
                          "quote": ev.get("quote", ""), "document": ev.get("document", ""),
                          "document_title": ev.get("title", ""), "char_start": ev.get("start", ""),
                          "char_end": ev.get("end", ""), "modality": ev.get("modality", ""),
                          "document_url": ev.get("url", "")})
    atomic_write(out / "nodes.csv", _csv(nodes, ["id", "label", "class", "aliases", "documents"]))
    atomic_write(out / "edges.csv", _csv(edges, ["source", "target", "source_label", "predicate", "target_label",
                                                 "quote", "document", "document_title", "char_start", "char_end",
                                                 "modality", "document_url"]))
    return out


def write_cytoscape(store: Store, out: Path) -> Path:
    """Cytoscape.js JSON (``elements.nodes`` / ``elements.edges``), readable by
    networkx.cytoscape_graph and by Cytoscape's JSON import."""
    data = nx.cytoscape_data(flat_graph(store_to_networkx(store)), name="label", ident="id")
    return atomic_write(out, json.dumps(data, ensure_ascii=False, indent=1))


FTM_SCHEMA = {"Person": "Person", "Organization": "Organization", "GovernmentAgency": "PublicBody",
              "Company": "Company", "Place": "Address", "DetentionFacility": "Address", "Event": "Event",
              "Campaign": "Organization", "Policy": "Note"}


def ftm_entities(store: Store) -> list[dict]:
    """The graph as FollowTheMoney entities: actors as Person/Organization/PublicBody/Company,
    places as Address, relations as Membership, Directorship or UnknownLink (with the quote
    as description and the document as source), one Documentation per document and entity."""
    from followthemoney import model  # lazy: 2 s to import; only the ftm export needs it

    graph = store_to_networkx(store)
    out = []
    ids: dict[str, str] = {}
    docs: dict[str, str] = {}

    def doc_entity(iri: str, title: str, url: str = "") -> str:
        if iri not in docs:
            d = model.make_entity("Document")
            d.make_id("actorgraph-doc", iri)
            d.add("title", title or iri)
            d.add("sourceUrl", url or iri)
            out.append(d.to_dict())
            docs[iri] = str(d.id)
        return docs[iri]

    for node, data in sorted(graph.nodes(data=True)):
        e = _ftm_node(model, node, data)
        out.append(e.to_dict())
        ids[node] = str(e.id)
    for s, o, key, data in sorted(graph.edges(keys=True, data=True)):
        predicate = data.get("predicate", key)
        for ev in data.get("evidence", []) or [{}]:
            out.append(_ftm_link(model, graph, ids, (s, predicate, o), ev).to_dict())
            if ev.get("document"):
                doc_id = doc_entity(ev["document"], ev.get("title", ""), ev.get("url", ""))
                for end in (s, o):
                    mention = model.make_entity("Documentation")
                    mention.make_id("actorgraph-docu", doc_id, ids[end])
                    mention.add("document", doc_id)
                    mention.add("entity", ids[end])
                    mention.add("summary", ev.get("quote", ""))
                    out.append(mention.to_dict())
    unique: dict[str, dict] = {}
    for item in out:
        unique.setdefault(item["id"], item)
    return list(unique.values())


def _ftm_node(model, node: str, data: dict):
    """One node as a FollowTheMoney entity of its class's schema."""
    schema = FTM_SCHEMA.get(str(data.get("cls")), "Thing")
    e = model.make_entity(schema)
    e.make_id("actorgraph", node)
    if schema == "Address":
        e.add("full", data.get("label"))
    elif schema == "Note":
        e.add("description", data.get("label"))
    else:
        e.add("name", data.get("label"))
        for alias in data.get("aliases", []):
            e.add("alias", alias, quiet=True)
    e.add("sourceUrl", node, quiet=True)
    if data.get("cls") == "Campaign":
        e.add("topics", "role.campaign", quiet=True)
    return e


def _ftm_link(model, graph: nx.MultiDiGraph, ids: dict[str, str], triple: tuple[str, str, str], ev: dict):
    """One statement of a relation as a Membership (a person's memberOf), a Directorship
    (leads a group) or an UnknownLink, with its quote and source."""
    s, predicate, o = triple
    if predicate == "memberOf" and FTM_SCHEMA.get(graph.nodes[s]["cls"]) == "Person":
        link = model.make_entity("Membership")
        link.add("member", ids[s])
        link.add("organization", ids[o], quiet=True)
    elif predicate == "leads" and graph.nodes[o]["cls"] in GROUP_CLASSES:
        link = model.make_entity("Directorship")
        link.add("director", ids[s])
        link.add("organization", ids[o])
    else:
        link = model.make_entity("UnknownLink")
        link.add("subject", ids[s])
        link.add("object", ids[o])
    link.add("role", predicate)
    link.add("description", ev.get("quote", ""))
    if ev.get("document"):
        link.add("sourceUrl", ev.get("url") or ev["document"])
        link.add("publisher", ev.get("title") or ev["document"])
    link.make_id("actorgraph-link", s, predicate, o, ev.get("document", ""), str(ev.get("start", "")))
    return link


def write_ftm(store: Store, out: Path) -> Path:
    """FollowTheMoney entities as JSON lines (``ftm`` / Aleph's import format)."""
    lines = "\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in ftm_entities(store))
    return atomic_write(out, lines + "\n")
