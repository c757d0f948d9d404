"""RDF serializations of the whole store: turtle (union graph), trig, nquads, jsonld."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from actorgraph._files import atomic_write
from actorgraph.graph.store import Store
from actorgraph.ontology import AG, CLASSES, DATA_PROPERTIES, NS, OBJECT_PROPERTIES, PREFIXES, load_ontology


def store_to_dataset(store: Store) -> Dataset:
    """All quads of a store as an rdflib Dataset (named graphs kept)."""
    ds = Dataset()
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    for s, p, o, g in store.quads():
        ds.add((s, p, o, None if g is None else ds.graph(URIRef(str(g)))))
    return ds


def store_to_graph(store: Store) -> Graph:
    """The union of all graphs as one rdflib Graph."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for s, p, o, _ in store.quads():
        graph.add((s, p, o))
    return graph


def jsonld_context() -> dict:
    """A JSON-LD context built from ag.ttl: every class and property by its local name,
    object properties typed as IRIs, data properties with their XSD range.

    >>> ctx = jsonld_context(); ctx["sharedDataWith"]["@type"], ctx["signatureCount"]["@type"]
    ('@id', 'http://www.w3.org/2001/XMLSchema#integer')
    """
    from rdflib import RDFS

    ont = load_ontology()
    context: dict = dict(PREFIXES)
    for cls in CLASSES:
        context[cls] = NS + cls
    for prop in OBJECT_PROPERTIES:
        context[prop] = {"@id": NS + prop, "@type": "@id"}
    for prop in DATA_PROPERTIES:
        rng = ont.value(AG[prop], RDFS.range)
        context[prop] = {"@id": NS + prop, **({"@type": str(rng)} if rng is not None else {})}
    context["label"] = str(RDFS.label)
    context["altLabel"] = "http://www.w3.org/2004/02/skos/core#altLabel"
    return context


def _serialize(store: Store, fmt: str) -> bytes:
    if fmt == "turtle":
        return store_to_graph(store).serialize(format="turtle", encoding="utf-8")
    ds = store_to_dataset(store)
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=jsonld_context(), encoding="utf-8")
    return ds.serialize(format=fmt, encoding="utf-8")


def write_turtle(store: Store, out: Path) -> Path:
    return atomic_write(out, _serialize(store, "turtle"))


def write_trig(store: Store, out: Path) -> Path:
    return atomic_write(out, _serialize(store, "trig"))


def write_nquads(store: Store, out: Path) -> Path:
    return atomic_write(out, _serialize(store, "nquads"))


def write_jsonld(store: Store, out: Path) -> Path:
    return atomic_write(out, _serialize(store, "jsonld"))
