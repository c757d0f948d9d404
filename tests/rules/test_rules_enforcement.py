"""Enforcement stated in passing (rules.joint_enforcement, rules.worksite_raid)."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, local", [
    ("Last March, 45 workers were arrested by ICE and the Nebraska State Patrol on a farm.", "Nebraska State Patrol"),
    ("Deputies of the Linn County Sheriff's Office and ICE detained six people on Friday.", "Linn County Sheriff's Office"),
])
def test_rules_joint_enforcement_a_local_agency_beside_a_federal_one(nlp, text, local):
    relation = triples_of(nlp, text)[(local, "collaboratesWith", ICE)]
    assert relation.evidence.extractor == "rules.joint_enforcement.v1"


@pytest.mark.parametrize("text", [
    "ICE and the Nebraska State Patrol met on Monday to discuss the budget.",  # no enforcement
    "Last March, 45 workers were arrested by ICE and U.S. Customs and Border Protection on a farm.",  # both federal
])
def test_rules_joint_enforcement_needs_enforcement_and_a_local_agency(nlp, text):
    assert not [r for r in triples_of(nlp, text).values() if r.evidence.extractor == "rules.joint_enforcement.v1"]


def test_rules_worksite_raid_the_agency_raided_the_place(nlp):
    text = "Last March, ICE arrested 45 workers at a meatpacking plant in Grand Island."
    relation = triples_of(nlp, text)[(ICE, "raided", "Grand Island")]
    assert relation.evidence.extractor == "rules.worksite_raid.v1" and relation.evidence.quote == text


@pytest.mark.parametrize("text", [
    "ICE inspected a meatpacking plant in Grand Island last week.",  # no arrest, raid or deportation
    "Last March, ICE arrested 45 workers who had moved to Grand Island.",  # no worksite
])
def test_rules_worksite_raid_needs_enforcement_at_a_worksite(nlp, text):
    assert not [r for r in triples_of(nlp, text).values() if r.evidence.extractor == "rules.worksite_raid.v1"]
