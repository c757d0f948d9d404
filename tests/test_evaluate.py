"""Scoring against gold (DESIGN.md "Evaluation"), on invented gold."""

import json
from pathlib import Path

import pytest

from actorgraph.api import open_store
from actorgraph.graph.evaluate import evaluate, same_place
from actorgraph.graph.ingest import ingest_extraction
from actorgraph.loaders.model import Document, Entity, Evidence, Extraction, Relation
from actorgraph.ontology.ids import document_iri, entity_iri

# --------------------------------------------------------------- events stated in one place

MARCH = "The Riverside Tenants Union marched to the county jail on Saturday. Police watched from the steps."


def _store_with_event(text: str, quote: str, source: str = "notes/E01_march.txt"):
    """A store holding one document: a union, an event the extraction named 'the march',
    and the union's participatedIn that event, stated by ``quote``."""
    document = Document(text=text, source=source, title="invented", iri=str(document_iri(text)), media_type="text/plain")
    union = Entity(str(entity_iri("Organization", "Riverside Tenants Union")), "Organization", "Riverside Tenants Union",
                   ("Riverside Tenants Union",))
    march = Entity(str(entity_iri("Event", "the march")), "Event", "the march", ("the march",))
    start = text.index(quote)
    relation = Relation(union.iri, "participatedIn", march.iri,
                        Evidence(quote, start, start + len(quote), "rules.test.v1", 0.8))
    store = open_store("memory")
    ingest_extraction(store, Extraction(document, (union, march), (relation,), ()))
    return store


def _gold(folder: Path, evidence: str, document: str = "E01_march.txt") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "E01_march.json").write_text(json.dumps({
        "document": document,
        "entities": [{"name": "Riverside Tenants Union", "aliases": [], "type": "Organization"},
                     {"name": "Riverside jail march (Saturday)", "aliases": [], "type": "Event"}],
        "relations": [{"subject": "Riverside Tenants Union", "predicate": "participatedIn",
                       "object": "Riverside jail march (Saturday)", "evidence": evidence}],
        "campaigns": []}), "utf-8")
    return folder


@pytest.mark.parametrize(("quote", "evidence", "document", "found"), [
    # the annotators' name for the event differs; the sentence is the same: a match
    (MARCH.split(". ")[0] + ".", "The Riverside Tenants Union marched to the county jail", "E01_march.txt", True),
    # the gold evidence holds the quote's words, trimmed otherwise
    (MARCH.split(". ")[0] + ".", "Riverside Tenants Union marched to the county jail on Saturday.", "E01_march.txt", True),
    # stated elsewhere in the same document: no match
    ("Police watched from the steps.", "The Riverside Tenants Union marched to the county jail", "E01_march.txt", False),
    # the same sentence, but the gold is about another document: no match
    (MARCH.split(". ")[0] + ".", "The Riverside Tenants Union marched to the county jail", "E02_other.txt", False),
])
def test_evaluate_an_event_end_matches_where_the_relation_is_stated(tmp_path, quote, evidence, document, found):
    store = _store_with_event(MARCH, quote)
    report = evaluate(store, _gold(tmp_path / "gold", evidence, document))
    assert (report.relations.tp_pred, report.relations.tp_gold) == ((1, 1) if found else (0, 0))
    assert report.by_predicate["participatedIn"].f1 == (1.0 if found else 0.0)
    # the event itself is still scored by name: the extraction's "the march" is not the gold's name
    assert report.by_class["Event"].tp_pred == 0


def test_evaluate_same_place_needs_most_of_the_words():
    assert same_place("ICE agents raided the plant in Sumner.", "ICE agents raided the plant")
    assert not same_place("ICE agents raided the plant in Sumner.", "the union condemned the raid in a statement")
    assert not same_place("", "anything")


def test_evaluate_leaves_out_facts_from_the_reference_table(seed_store):
    """The ICE facilities table gives facts no document states (DESIGN.md): they are not
    extraction and are not scored, while the documents' own statements still are."""
    from actorgraph.graph.evaluate import _predicted
    from actorgraph.graph.reference import REFERENCE_GRAPH

    from_table = {(s, p, o) for s, p, o in seed_store.values(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }",
        {"g": REFERENCE_GRAPH})}
    scored = set(_predicted(seed_store)[1])
    assert from_table  # the seeds name facilities of the table
    stated = {(s, p, o) for s, p, o in seed_store.values(
        "SELECT ?s ?p ?o WHERE { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
        "prov:wasDerivedFrom ?d FILTER(?d != ?g) }", {"g": REFERENCE_GRAPH})}
    assert scored == {(s, p[len("https://w3id.org/actorgraph/ont#"):], o) for s, p, o in stated}
    assert {(s, p[len("https://w3id.org/actorgraph/ont#"):], o) for s, p, o in from_table - stated}.isdisjoint(scored)
