"""What follows from what the other rules found (rules.inference.arrest_detains)."""

from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


def test_rules_inference_an_arrested_person_is_detained_by_the_agency(nlp):
    triples = triples_of(nlp, "ICE arrested Tomas Ibarra at his home in Springdale on Monday.")
    arrested = triples[(ICE, "arrested", "Tomas Ibarra")].evidence
    detained = triples[("Tomas Ibarra", "detainedBy", ICE)].evidence
    assert detained.extractor == "rules.inference.arrest_detains.v1"
    assert (detained.start, detained.end, detained.quote, detained.modality) == \
        (arrested.start, arrested.end, arrested.quote, arrested.modality)
    assert detained.confidence == min(arrested.confidence, 0.5)


def test_rules_inference_no_arrest_no_detention(nlp):
    triples = triples_of(nlp, "ICE did not arrest Tomas Ibarra, his lawyer said.")
    assert not [t for t in triples if t[1] in ("arrested", "detainedBy")], sorted(triples)


def test_rules_inference_follows_the_arrest_rule(nlp):
    """Switched off with the rule that found the arrest, the inference has nothing to read."""
    from actorgraph.loaders.pipeline import extract, make_document
    from actorgraph.loaders.rules import RULES

    ex = extract(make_document("ICE arrested Tomas Ibarra on Monday.", "invented.txt"), nlp,
                 rules=[r for r in RULES if r != "rules.frame.verb.v1"])
    assert not [r for r in ex.relations if r.predicate in ("arrested", "detainedBy")]
