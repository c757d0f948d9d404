import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from actorgraph import ontology
from actorgraph.ontology import AG, ids
from actorgraph.ontology.validate import validate_graph

DESIGN_CLASSES = ["Actor", "Person", "Organization", "GovernmentAgency", "Company", "Place",
                  "DetentionFacility", "Policy", "Campaign", "Event", "Document", "Evidence"]
DESIGN_PROPERTIES = ["sharedDataWith", "collaboratesWith", "detainedAt", "detainedBy", "arrested", "deported",
                     "targets", "raided", "operates", "contractsWith", "fundedBy", "memberOf", "leads", "founded",
                     "partOf", "createdCampaign", "campaignTargets", "campaignSupports", "supports", "opposes",
                     "sues", "locatedIn", "enacted", "amended", "implements", "participatedIn", "mentions"]


@pytest.mark.parametrize("term", DESIGN_CLASSES + DESIGN_PROPERTIES)
def test_ontology_declares_every_design_term_with_label_and_comment(term):
    assert str(AG[term]) == "https://w3id.org/actorgraph/ont#" + term
    graph = ontology.load_ontology()
    assert graph.value(AG[term], RDFS.label) is not None
    assert ontology.comment(term)


@pytest.mark.parametrize("typo", ["sharedDataWtih", "Persn"])
def test_ontology_closed_namespace_rejects_typos(typo):
    with pytest.raises(AttributeError):
        getattr(AG, typo)


@pytest.mark.parametrize("cls, supers", [("DetentionFacility", ("DetentionFacility", "Place")),
                                         ("GovernmentAgency", ("GovernmentAgency", "Actor"))])
def test_ontology_subclass_chain(cls, supers):
    assert ontology.superclasses(cls) == supers


@pytest.mark.parametrize("prop, cls, side, ok", [
    ("operates", "Company", "domain", True),
    ("operates", "Person", "domain", False),
    ("detainedAt", "DetentionFacility", "range", True),
    ("detainedAt", "Place", "range", False),
    ("campaignTargets", "Place", "range", True),
])
def test_ontology_domain_and_range(prop, cls, side, ok):
    allowed = ontology.domain(prop) if side == "domain" else ontology.range_(prop)
    assert ontology.fits(cls, allowed) is ok


def test_ontology_shapes_only_name_declared_terms():
    shapes = ontology.load_shapes()
    sh = Namespace("http://www.w3.org/ns/shacl#")
    declared = set(ontology.CLASSES + ontology.OBJECT_PROPERTIES + ontology.DATA_PROPERTIES)
    used = [t for t in set(shapes.objects(None, sh.path)) | set(shapes.objects(None, sh["class"]))
            if str(t).startswith(ontology.NS)]
    assert used
    assert {str(t)[len(ontology.NS):] for t in used} <= declared


def _entity_graph(cls: str, labels: int = 1) -> Graph:
    g = Graph()
    doc = URIRef("https://w3id.org/actorgraph/doc/0000000000000000")
    e = ids.entity_iri(cls, "Example")
    g.add((doc, RDF.type, AG.Document))
    g.add((doc, URIRef("http://purl.org/dc/terms/source"), Literal("x.txt")))
    g.add((doc, AG.mentions, e))
    g.add((e, RDF.type, AG[cls]))
    for i in range(labels):
        g.add((e, RDFS.label, Literal(f"Example {i}")))
    return g


@pytest.mark.parametrize("labels, n_violations", [(1, 0), (0, 1), (2, 1)])
def test_validate_entity_has_exactly_one_label(labels, n_violations):
    assert len(validate_graph(_entity_graph("Person", labels))) == n_violations


@pytest.mark.parametrize("subject_cls, ok", [("Company", True), ("Person", False)])
def test_validate_domain_of_operates(subject_cls, ok):
    g = _entity_graph(subject_cls)
    facility = ids.entity_iri("DetentionFacility", "Some Detention Center")
    g.add((facility, RDF.type, AG.DetentionFacility))
    g.add((ids.entity_iri(subject_cls, "Example"), AG.operates, facility))
    violations = validate_graph(g)
    assert (not violations) is ok
    if not ok:
        assert any("operates" in v.message for v in violations)


@pytest.mark.parametrize("name, expected", [
    ("The  Mora-Villalpando", "mora villalpando"),
    ("Jose “Ivan” Nuñez", "jose ivan nunez"),
    ("U.S. Immigration and Customs Enforcement", "us immigration and customs enforcement"),
])
def test_ids_normalize_name(name, expected):
    assert ids.normalize_name(name) == expected


def test_ids_are_deterministic_and_iri_safe():
    a = ids.entity_iri("Organization", "<script>alert(1)</script> Alliance")
    assert a == ids.entity_iri("Organization", "<script>alert(1)</script> Alliance")
    assert "<" not in str(a) and " " not in str(a)
    assert str(ids.document_iri("text")).startswith("https://w3id.org/actorgraph/doc/")
    assert len(str(ids.document_iri("text")).rsplit("/", 1)[1]) == 16
