"""The ontology, read once from ``ag.ttl``; Python names are built from it, never typed twice.

>>> AG.DetentionFacility
rdflib.term.URIRef('https://w3id.org/actorgraph/ont#DetentionFacility')
>>> "sharedDataWith" in OBJECT_PROPERTIES
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD, ClosedNamespace
from rdflib.term import Node

from actorgraph.errors import OntologyError

NS = "https://w3id.org/actorgraph/ont#"
ID = Namespace("https://w3id.org/actorgraph/id/")
DOC = Namespace("https://w3id.org/actorgraph/doc/")
ENTITIES_GRAPH = URIRef("https://w3id.org/actorgraph/graph/entities")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "ag": NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "owl": str(OWL),
}


def _read(name: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(data=files(__name__).joinpath(name).read_text("utf-8"), format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parse failure is an ontology error
        raise OntologyError(f"cannot parse: {exc}", where=name) from exc
    return graph


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The ontology graph from ag.ttl (cached)."""
    return _read("ag.ttl")


def _terms(graph: Graph, kind: URIRef) -> list[str]:
    return sorted(str(s)[len(NS):] for s in graph.subjects(RDF.type, kind) if str(s).startswith(NS))


_ONT = load_ontology()
CLASSES: tuple[str, ...] = tuple(_terms(_ONT, OWL.Class))
OBJECT_PROPERTIES: tuple[str, ...] = tuple(_terms(_ONT, OWL.ObjectProperty))
DATA_PROPERTIES: tuple[str, ...] = tuple(_terms(_ONT, OWL.DatatypeProperty))
#: Every local name ag.ttl declares.
TERMS: frozenset[str] = frozenset(CLASSES + OBJECT_PROPERTIES + DATA_PROPERTIES)
AG = ClosedNamespace(NS, sorted(TERMS))

#: The nine classes an extracted entity can have (Actor, Document and Evidence are not).
ENTITY_CLASSES: tuple[str, ...] = (
    "Person", "Organization", "GovernmentAgency", "Company",
    "Place", "DetentionFacility", "Policy", "Campaign", "Event",
)
#: Relation predicates an extractor may produce (everything but ag:mentions).
RELATION_PREDICATES: tuple[str, ...] = tuple(p for p in OBJECT_PROPERTIES if p != "mentions")


def label(term: str) -> str:
    """The rdfs:label of an ontology term given by local name.

    >>> label("GovernmentAgency")
    'Government agency'
    """
    value = _ONT.value(AG[term], RDFS.label)
    return str(value) if value is not None else term


def comment(term: str) -> str:
    """The rdfs:comment of an ontology term given by local name."""
    value = _ONT.value(AG[term], RDFS.comment)
    return str(value) if value is not None else ""


def _classes_of(node) -> tuple[str, ...]:
    """Local names of a domain/range node: a class or an owl:unionOf list."""
    if node is None:
        return ()
    union = _ONT.value(node, OWL.unionOf)
    if union is not None:
        return tuple(str(c)[len(NS):] for c in Collection(_ONT, union))
    return (str(node)[len(NS):],)


@lru_cache(maxsize=256)
def domain(prop: str) -> tuple[str, ...]:
    """Classes allowed as subject of ``prop`` (empty: any).

    >>> domain("operates")
    ('Company', 'GovernmentAgency')
    """
    return _classes_of(_ONT.value(AG[prop], RDFS.domain))


@lru_cache(maxsize=256)
def range_(prop: str) -> tuple[str, ...]:
    """Classes allowed as object of ``prop`` (empty: any)."""
    return _classes_of(_ONT.value(AG[prop], RDFS.range))


@lru_cache(maxsize=256)
def superclasses(cls: str) -> tuple[str, ...]:
    """``cls`` and every class above it (the ontology is read once: asked for each relation a
    rule builds, the answer is kept).

    >>> superclasses("DetentionFacility")
    ('DetentionFacility', 'Place')
    """
    out = [cls]
    current = _ONT.value(AG[cls], RDFS.subClassOf)
    while current is not None:
        out.append(str(current)[len(NS):])
        current = _ONT.value(current, RDFS.subClassOf)
    return tuple(out)


def fits(cls: str, allowed: tuple[str, ...]) -> bool:
    """True when an entity of class ``cls`` may stand where ``allowed`` classes may."""
    return not allowed or any(c in allowed for c in superclasses(cls))


def subclasses(cls: str) -> tuple[str, ...]:
    """The entity classes that are ``cls`` or below it (rdfs:subClassOf, any depth), in
    the order of ENTITY_CLASSES.

    >>> subclasses("Actor")
    ('Person', 'Organization', 'GovernmentAgency', 'Company')
    >>> subclasses("Place")
    ('Place', 'DetentionFacility')
    """
    return tuple(c for c in ENTITY_CLASSES if cls in superclasses(c))


#: Who acts: every entity class below ag:Actor (people, groups, agencies, companies)
ACTOR_CLASSES: tuple[str, ...] = subclasses("Actor")
#: Actors that are bodies of people, not one person: every actor class but ag:Person
GROUP_CLASSES: tuple[str, ...] = tuple(c for c in ACTOR_CLASSES if c not in subclasses("Person"))
#: Where things are: ag:Place and the classes below it
PLACE_CLASSES: tuple[str, ...] = subclasses("Place")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """shapes.ttl plus domain/range shapes derived from ag.ttl, checked against ag.ttl.

    Raises OntologyError when a shape names a term that ag.ttl does not declare.
    """
    shapes = _read("shapes.ttl")
    declared = set(CLASSES + OBJECT_PROPERTIES + DATA_PROPERTIES)
    for term in set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH["class"])):
        if isinstance(term, URIRef) and str(term).startswith(NS) and str(term)[len(NS):] not in declared:
            raise OntologyError(f"{term.n3()} is not declared in ag.ttl", where="shapes.ttl")
    for prop in RELATION_PREDICATES:
        for side, target, allowed in (
            ("domain", SH.targetSubjectsOf, domain(prop)),
            ("range", SH.targetObjectsOf, range_(prop)),
        ):
            if not allowed:
                continue
            shape = URIRef(f"{NS}{prop}-{side}-shape")
            shapes.add((shape, RDF.type, SH.NodeShape))
            shapes.add((shape, target, AG[prop]))
            message = f"the {side} of ag:{prop} is {' or '.join('ag:' + c for c in allowed)}"
            shapes.add((shape, SH.message, Literal(message)))
            if len(allowed) == 1:
                shapes.add((shape, SH["class"], AG[allowed[0]]))
            else:
                options: list[Node] = []
                for cls in allowed:
                    option = BNode()
                    shapes.add((option, SH["class"], AG[cls]))
                    options.append(option)
                head = BNode()
                Collection(shapes, head, options)
                shapes.add((shape, SH["or"], head))
    return shapes


def class_slug(cls: str) -> str:
    """IRI path segment of a class: ``GovernmentAgency`` -> ``government-agency``.

    >>> class_slug("DetentionFacility")
    'detention-facility'
    """
    out = []
    for i, ch in enumerate(cls):
        if ch.isupper() and i:
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


__all__ = [
    "AG", "CLASSES", "OBJECT_PROPERTIES", "DATA_PROPERTIES", "ENTITY_CLASSES",
    "RELATION_PREDICATES", "ACTOR_CLASSES", "GROUP_CLASSES", "PLACE_CLASSES", "ID", "DOC", "ENTITIES_GRAPH",
    "PREFIXES", "load_ontology", "load_shapes", "label", "comment", "domain", "range_", "superclasses", "subclasses",
    "fits", "class_slug",
    "DCTERMS", "PROV", "SKOS", "XSD", "RDF", "RDFS",
]
