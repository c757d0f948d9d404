"""Petition listings (rules.petition.*): what a listing states by its structure. Invented
listings: a title line, a text, the signature count and "Created by …"."""

import pytest
from conftest import triples_of


def _listing(title: str, body: str, creator: str = "Rosa Benitez") -> str:
    return f"• {title}\n{body}\n120 of 500 Signatures\nCreated by {creator}\n"


@pytest.mark.parametrize("creator", ["Rosa Benitez", "Harbor Tenants Union"])
def test_rules_petition_creator_created_the_campaign(nlp, creator):
    triples = triples_of(nlp, _listing("Free Tomas Ibarra Now", "Tomas has lived in Linn County for twenty years.", creator))
    relation = triples[(creator, "createdCampaign", "Free Tomas Ibarra Now")]
    assert relation.evidence.extractor == "rules.petition.creator.v1"
    assert relation.evidence.quote == f"Created by {creator}" and relation.evidence.modality == "asserted"


@pytest.mark.parametrize("title, expected", [
    ("Free Tomas Ibarra Now", {("Free Tomas Ibarra Now", "campaignSupports", "Tomas Ibarra")}),
    ("Pass the Oregon Safe Homes Act Now", {("Pass the Oregon Safe Homes Act Now", "campaignSupports", "Oregon Safe Homes Act")}),
    ("The Linn County Board of Supervisors Should End the Jail Contract",
     {("The Linn County Board of Supervisors Should End the Jail Contract", "campaignTargets", "Linn County Board of Supervisors")}),
])
def test_rules_petition_title_targets_and_supports(nlp, title, expected):
    triples = triples_of(nlp, _listing(title, "The county rents beds to ICE."))
    assert expected <= set(triples), sorted(triples)
    for key in expected:
        evidence = triples[key].evidence
        assert evidence.extractor == "rules.petition.title.v1"
        assert evidence.quote == title and evidence.modality == "demanded"


def test_rules_petition_title_addressed_before_a_colon_is_the_target(nlp):
    title = "Tell Governor Laura Benton: Free Tomas Ibarra"
    triples = triples_of(nlp, _listing(title, "Tomas Ibarra has lived here for twenty years."))
    targets = {o for s, p, o in triples if s == title and p == "campaignTargets"}
    assert targets and all("Laura Benton" in o for o in targets), sorted(triples)
    assert not any(p == "campaignTargets" and "Ibarra" in o for s, p, o in triples)


def test_rules_petition_a_title_that_asks_nothing_of_anyone_targets_no_one(nlp):
    triples = triples_of(nlp, _listing("Linn County Families Remember Tomas Ibarra", "We gathered on Sunday."))
    assert not [t for t in triples if t[1] in ("campaignTargets", "campaignSupports")], sorted(triples)


def test_rules_petition_hands_of_and_support_of_in_the_text(nlp):
    triples = triples_of(nlp, _listing("Free Tomas Ibarra Now", "His fate is in the hands of Sheriff Dale Porter. "
                                                                "Please sign in support of Rosa Benitez and her family."))
    assert triples[("Free Tomas Ibarra Now", "campaignTargets", "Dale Porter")].evidence.extractor == "rules.petition.hands_of.v1"
    support = triples[("Free Tomas Ibarra Now", "campaignSupports", "Rosa Benitez")]
    assert support.evidence.extractor == "rules.petition.support_of.v1" and support.evidence.modality == "demanded"


def test_rules_petition_body_targets_every_body_pressed(nlp):
    title = "Keep Families Together in Linn County"
    triples = triples_of(nlp, _listing(title, "We are pressing the Linn County Sheriff's Office and the Linn County "
                                              "Board of Supervisors to end the contract."))
    pressed = {o for s, p, o in triples if s == title and p == "campaignTargets"}
    assert pressed == {"Linn County Sheriff's Office", "Linn County Board of Supervisors"}
    assert all(triples[(title, "campaignTargets", o)].evidence.extractor == "rules.petition.body_target.v1" for o in pressed)


def test_rules_petition_body_target_needs_a_verb_of_asking(nlp):
    title = "Keep Families Together in Linn County"
    triples = triples_of(nlp, _listing(title, "The Linn County Sheriff's Office signed the contract in 2019."))
    assert not [t for t in triples if t[1] == "campaignTargets"], sorted(triples)


def test_rules_petition_body_support_defends_a_described_person(nlp):
    title = "Keep Families Together in Linn County"
    triples = triples_of(nlp, _listing(title, "Please defend community organizer Tomas Ibarra and keep him home."))
    relation = triples[(title, "campaignSupports", "Tomas Ibarra")]
    assert relation.evidence.extractor == "rules.petition.body_support.v1" and relation.evidence.confidence == 0.5


def test_rules_petition_rules_need_a_listing(nlp):
    """The same words outside a petition listing state no campaign."""
    triples = triples_of(nlp, "His fate is in the hands of Sheriff Dale Porter. Please sign in support of Rosa Benitez.")
    assert not [t for t in triples if t[1] in ("campaignTargets", "campaignSupports", "createdCampaign")], sorted(triples)
