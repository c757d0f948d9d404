"""Statements signed by groups (rules.slogan.opposes, rules.our_member): the groups that
open a statement are "we"; a slogan says they oppose what it names, "our member X" that X
belongs to them."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("The Harbor Tenants Union condemns the raids. Abolish ICE!", {("Harbor Tenants Union", "opposes", ICE)}),
    ("The Harbor Tenants Union and the Coastal Workers Center stand with our neighbors. Defund CoreCivic!",
     {("Harbor Tenants Union", "opposes", "CoreCivic"), ("Coastal Workers Center", "opposes", "CoreCivic")}),
])
def test_rules_slogan_the_authors_oppose_what_it_names(nlp, text, expected):
    triples = triples_of(nlp, text)
    assert expected <= set(triples), sorted(triples)
    for key in expected:
        evidence = triples[key].evidence
        assert evidence.extractor == "rules.slogan.opposes.v1" and evidence.quote == text.split(". ")[-1]


@pytest.mark.parametrize("text", [
    "Residents gathered on Sunday. Abolish ICE!",  # no group opens the statement: no "we"
    "The Harbor Tenants Union condemns the raids. Abolish ICE and every agency that works with it without a warrant, "
    "today and always, in every county of this state.",  # a long sentence is no slogan
    "• Keep Families Together\nWe are pressing the county to end the contract. Abolish ICE!\n"
    "120 of 500 Signatures\nCreated by Harbor Tenants Union\n",  # in a petition "we" are the signers
])
def test_rules_slogan_needs_authors_and_a_short_slogan(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "opposes"]


def test_rules_our_member_belongs_to_the_authors(nlp):
    text = "The Harbor Tenants Union condemns the detention of our member, Tomas Ibarra, since May."
    relation = triples_of(nlp, text)[("Tomas Ibarra", "memberOf", "Harbor Tenants Union")]
    assert relation.evidence.extractor == "rules.our_member.v1" and relation.evidence.quote == text


def test_rules_our_member_needs_our(nlp):
    text = "The Harbor Tenants Union condemns the detention of the worker Tomas Ibarra since May."
    assert ("Tomas Ibarra", "memberOf", "Harbor Tenants Union") not in triples_of(nlp, text)
