"""Units of a body (rules.unit.*): "the <Place> office of X" is part of X, and an office
or branch is in its place."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


def test_rules_unit_an_office_is_part_of_its_body_and_in_its_place(nlp):
    text = "The Denver field office of U.S. Immigration and Customs Enforcement denied the request."
    unit = "Denver field office of U.S. Immigration and Customs Enforcement"
    triples = triples_of(nlp, text)
    assert triples[(unit, "partOf", ICE)].evidence.extractor == "rules.unit.part_of.v1"
    located = triples[(unit, "locatedIn", "Denver")]
    assert located.evidence.extractor == "rules.unit.located_in.v1" and located.evidence.quote == text


@pytest.mark.parametrize("word", ["chapter", "division"])
def test_rules_unit_a_chapter_is_part_of_its_body_but_not_located(nlp, word):
    text = f"The Boston {word} of the National Lawyers Guild sent observers."
    unit = f"Boston {word} of the National Lawyers Guild"
    triples = triples_of(nlp, text)
    assert triples[(unit, "partOf", "National Lawyers Guild")].evidence.extractor == "rules.unit.part_of.v1"
    assert (unit, "locatedIn", "Boston") not in triples
