"""Roles (rules.role.*): appositions, titles between names, titles alone, the copula."""

import pytest
from conftest import triples_of


@pytest.mark.parametrize("text, expected", [
    ("Marisol Vega, the director of the Coastal Farmworkers Union, spoke at the rally.",
     ("Marisol Vega", "leads", "Coastal Farmworkers Union")),
    ("Marisol Vega, the deputy director of the Coastal Farmworkers Union, spoke at the rally.",
     ("Marisol Vega", "memberOf", "Coastal Farmworkers Union")),
    # a department's director is a member of the body, not its leader
    ("Marisol Vega, legal and advocacy director of the nonprofit Coastal Farmworkers Union, spoke at the rally.",
     ("Marisol Vega", "memberOf", "Coastal Farmworkers Union")),
    ("Marisol Vega, the communications director of the Coastal Farmworkers Union, spoke at the rally.",
     ("Marisol Vega", "memberOf", "Coastal Farmworkers Union")),
    ("Tomas Reyes, an organizer with the Coastal Farmworkers Union, spoke at the rally.",
     ("Tomas Reyes", "memberOf", "Coastal Farmworkers Union")),
    ("Ana Ruiz, a spokeswoman for the Lakeside Department of Motor Vehicles, declined to comment.",
     ("Ana Ruiz", "memberOf", "Lakeside Department of Motor Vehicles")),
    ("Pedro Alonso, founder of the Valley Migrant Coalition, spoke first.",
     ("Pedro Alonso", "founded", "Valley Migrant Coalition")),
])
def test_rules_role_apposition(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected in found
    if expected[1] == "memberOf":
        assert (expected[0], "leads", expected[2]) not in found


@pytest.mark.parametrize("text, expected", [
    ("Coastal Farmworkers Union director Marisol Vega spoke at the rally.",
     ("Marisol Vega", "leads", "Coastal Farmworkers Union")),
    ("Coastal Farmworkers Union policy director Marisol Vega spoke at the rally.",
     ("Marisol Vega", "memberOf", "Coastal Farmworkers Union")),
    ("Yesterday Valley Migrant Coalition attorney Tomas Reyes filed the papers.",
     ("Tomas Reyes", "memberOf", "Valley Migrant Coalition")),
])
def test_rules_role_prenominal(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_role_title_names_the_body_of_the_document(nlp):
    text = ("The Greenfield City Commission met on Monday. Commissioner Laura Benton said the agreement "
            "was never approved.")
    assert ("Laura Benton", "memberOf", "Greenfield City Commission") in triples_of(nlp, text)


def test_rules_role_title_for_several_people(nlp):
    text = ("The Greenfield County Board of Supervisors voted on Tuesday. The motion was backed by Supervisors "
            "Laura Benton and Ray Ocampo.")
    found = triples_of(nlp, text)
    assert ("Laura Benton", "memberOf", "Greenfield County Board of Supervisors") in found
    assert ("Ray Ocampo", "memberOf", "Greenfield County Board of Supervisors") in found


@pytest.mark.parametrize("text, expected", [
    ("Marisol Vega is a member of the Coastal Farmworkers Union.", ("Marisol Vega", "memberOf", "Coastal Farmworkers Union")),
    ("Marisol Vega serves as president of the Coastal Farmworkers Union.",
     ("Marisol Vega", "leads", "Coastal Farmworkers Union")),
])
def test_rules_role_copula(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_role_needs_a_role_word(nlp):
    found = triples_of(nlp, "Marisol Vega, a resident of Greenfield, praised the Coastal Farmworkers Union.")
    assert not [t for t in found if t[1] in ("memberOf", "leads")]


def test_rules_role_person_in_apposition_to_the_role(nlp):
    text = "The spokesman for the Lakeside Department of Motor Vehicles, Tomas Reyes, declined to comment."
    assert ("Tomas Reyes", "memberOf", "Lakeside Department of Motor Vehicles") in triples_of(nlp, text)


def test_rules_role_governor_of_a_state(nlp):
    text = "An investigation was sought by Gov. Laura Benton of Vermont and by two senators from Ohio."
    assert ("Laura Benton", "leads", "Vermont") in triples_of(nlp, text)


def test_rules_role_copula_through_a_relative_clause(nlp):
    text = ("Marisol Vega answers the hotline at night. Ms. Vega, who also works as communications manager for the "
            "Coastal Farmworkers Union, said the calls never stop.")
    assert ("Marisol Vega", "memberOf", "Coastal Farmworkers Union") in triples_of(nlp, text)


def test_rules_contact_lines_of_a_press_release(nlp):
    text = ("FOR IMMEDIATE RELEASE\n\nContact: Coastal Farmworkers Union, Marisol Vega, mvega@example.org 555.201.3344\n"
            "Valley Migrant Coalition, Tomas Reyes, treyes@example.org, 555.380.2785\n\n"
            "The two groups filed a complaint against the county on Monday.")
    triples = triples_of(nlp, text)
    assert ("Marisol Vega", "memberOf", "Coastal Farmworkers Union") in triples
    assert ("Tomas Reyes", "memberOf", "Valley Migrant Coalition") in triples
    assert not {t for t in triples if t[0] == "Marisol Vega" and t[2] == "Valley Migrant Coalition"}


def test_rules_firm_named_after_its_partners_is_one_company(nlp):
    text = ("The Coastal Farmworkers Union, the Valley Migrant Coalition and the law firm Alvarez, Brook, Chen & Ortiz "
            "jointly filed a lawsuit against the Lakeside County Sheriff's Office.")
    triples = triples_of(nlp, text)
    for plaintiff in ("Coastal Farmworkers Union", "Valley Migrant Coalition", "Alvarez, Brook, Chen & Ortiz"):
        assert (plaintiff, "sues", "Lakeside County Sheriff's Office") in triples
    assert ("Coastal Farmworkers Union", "collaboratesWith", "Alvarez, Brook, Chen & Ortiz") in triples


def test_a_role_word_is_not_part_of_a_persons_name(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    text = "Spokeswoman Ana Ruiz and Supervisor Tomas Reyes did not comment."
    labels = {e.label for e in extract(make_document(text, "t.txt"), nlp).entities if e.cls == "Person"}
    assert not any(label.startswith(("Spokeswoman", "Supervisor")) for label in labels), labels
    assert "Ana Ruiz" in labels


def test_title_sheriff_leads_the_sheriffs_office(nlp):
    """"Sheriff X" and "the X County Sheriff's Office": the possessive normalises to
    "sheriffs", which still names the sheriff."""
    text = ("The Rivera County Sheriff's Office signed a new agreement last year. Sheriff Tom Berrocal said "
            "the office would keep working with federal agents.")
    assert ("Tom Berrocal", "leads", "Rivera County Sheriff's Office") in triples_of(nlp, text)
