"""Claims and complements (rules.frame.verb, rules.frame.nominal): what an accusation or a
lawsuit charges is alleged, the one a lawsuit charges is the one it sues, the authors of a
report act through it, and a gerund of means has the subject of its verb. Invented sentences."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("The lawsuit accuses the Pima County Sheriff's Office of passing booking data to ICE.",
     ("Pima County Sheriff's Office", "sharedDataWith", ICE)),
    ("On Monday the Valley Rights Project accused the Lakeside Department of Motor Vehicles of passing driver records "
     "to ICE.", ("Lakeside Department of Motor Vehicles", "sharedDataWith", ICE)),
    ("A class action lawsuit that the Valley Rights Project filed today charges that Sheriff Ray Ocampo is holding "
     "people for ICE without a warrant.", ("Ray Ocampo", "collaboratesWith", ICE)),
])
def test_rules_claim_is_alleged(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected in found
    assert found[expected].evidence.modality == "alleged"


def test_rules_claim_not_through_a_subject(nlp):
    text = "The Pima County Sheriff's Office, which arrested Ana Ruiz in May, accused the Valley Rights Project of lying."
    found = triples_of(nlp, text)
    assert found[("Pima County Sheriff's Office", "arrested", "Ana Ruiz")].evidence.modality == "asserted"


@pytest.mark.parametrize("text, expected", [
    ("A class action lawsuit that the Valley Rights Project filed today charges that Sheriff Ray Ocampo is holding "
     "people for ICE without a warrant.", ("Valley Rights Project", "sues", "Ray Ocampo")),
    ("The lawsuit by the Valley Rights Project alleges that the Pima County Sheriff's Office ignored state law.",
     ("Valley Rights Project", "sues", "Pima County Sheriff's Office")),
])
def test_rules_claim_of_a_lawsuit_names_the_defendant(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_claim_of_a_statement_names_no_defendant(nlp):
    text = "The statement by the Valley Rights Project says that the Pima County Sheriff's Office ignored state law."
    assert not [t for t in triples_of(nlp, text) if t[1] == "sues"]


@pytest.mark.parametrize("text, authors", [
    ("A report released by the Valley Rights Project, the Harbor Alliance and the Eastside Neighbors Union condemns ICE.",
     ("Valley Rights Project", "Harbor Alliance", "Eastside Neighbors Union")),
    ("The Harbor Alliance's report sharply criticizes ICE.", ("Harbor Alliance",)),
])
def test_rules_authors_act_through_their_report(nlp, text, authors):
    found = triples_of(nlp, text)
    for author in authors:
        assert (author, "opposes", ICE) in found


def test_rules_a_report_about_a_group_is_not_by_it(nlp):
    found = triples_of(nlp, "A report about the Harbor Alliance condemns ICE.")
    assert ("Harbor Alliance", "opposes", ICE) not in found


@pytest.mark.parametrize("text, expected", [
    ("The Lakeside Department of Motor Vehicles colluded with ICE by providing the personal information of drivers.",
     ("Lakeside Department of Motor Vehicles", "collaboratesWith", ICE)),
    ("In 2013 Vermont made progress by passing the Fair Policing Act.", ("Vermont", "enacted", "Fair Policing Act")),
])
def test_rules_gerund_of_means_has_the_subject_of_its_verb(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_rules_claim_spanish(nlp):
    text = "La demanda acusa a la Oficina del Alguacil del Condado Pima de pasar datos personales a ICE."
    found = triples_of(nlp, text)
    key = ("Pima County Sheriff's Office", "sharedDataWith", ICE)
    assert key in found
    assert found[key].evidence.modality == "alleged"
