"""Offices and places in a body said in passing (rules.intro.*, rules.title.office)."""

import pytest
from conftest import triples_of


@pytest.mark.parametrize("role, predicate, extractor", [
    ("a member", "memberOf", "rules.intro.member_of.v1"),
    ("an organizer", "memberOf", "rules.intro.member_of.v1"),
    ("the director", "leads", "rules.intro.leads.v1"),
    ("a founder", "founded", "rules.intro.founded.v1"),
])
def test_rules_intro_as_a_role_of_a_group(nlp, role, predicate, extractor):
    text = f"As {role} of the Coastal Farmworkers Union, Rosa Benitez spoke at the hearing."
    relation = triples_of(nlp, text)[("Rosa Benitez", predicate, "Coastal Farmworkers Union")]
    assert relation.evidence.extractor == extractor and relation.evidence.quote == text


def test_rules_intro_a_pronoun_stands_for_the_person_named_before(nlp):
    text = "Rosa Benitez spoke first. As a member of the Coastal Farmworkers Union, she has marched every week."
    relation = triples_of(nlp, text)[("Rosa Benitez", "memberOf", "Coastal Farmworkers Union")]
    assert relation.evidence.extractor == "rules.intro.member_of.v1"
    assert relation.evidence.quote.startswith("As a member")


def test_rules_intro_needs_the_comma_after_the_group(nlp):
    text = "As a member of the Coastal Farmworkers Union Rosa Benitez spoke at the hearing."
    assert not [r for r in triples_of(nlp, text).values() if r.evidence.extractor.startswith("rules.intro.")]


def test_rules_title_office_leads_the_body_of_that_title(nlp):
    text = "The Ohio Attorney General opened an inquiry. Attorney General Ruth Calloway said the county must answer."
    relation = triples_of(nlp, text)[("Ruth Calloway", "leads", "Ohio Attorney General")]
    assert relation.evidence.extractor == "rules.title.office.v1"
    assert relation.evidence.quote == "Attorney General Ruth Calloway said the county must answer."


def test_rules_title_office_needs_one_body_of_that_title(nlp):
    text = ("The Ohio Attorney General and the Kansas Attorney General opened inquiries. Attorney General Ruth "
            "Calloway said the county must answer.")
    assert not [t for t in triples_of(nlp, text) if t[0] == "Ruth Calloway" and t[1] == "leads"]
