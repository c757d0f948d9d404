"""Who writes and who speaks (rules.byline.member_of, rules.contact.member_of)."""

import pytest
from conftest import triples_of

STORY = "County ends its jail contract with ICE\n\n{line}\n\nThe county board voted on Tuesday to end the contract."


def test_rules_byline_writers_belong_to_the_outlet(nlp):
    line = "By Laura Benton and Ray Ocampo, Rivermouth News Network"
    triples = triples_of(nlp, STORY.format(line=line))
    for writer in ("Laura Benton", "Ray Ocampo"):
        evidence = triples[(writer, "memberOf", "Rivermouth News Network")].evidence
        assert evidence.extractor == "rules.byline.member_of.v1" and evidence.quote == line


def test_rules_byline_needs_a_line_that_opens_with_by(nlp):
    triples = triples_of(nlp, STORY.format(line="Reported with Laura Benton, Rivermouth News Network"))
    assert ("Laura Benton", "memberOf", "Rivermouth News Network") not in triples


@pytest.mark.parametrize("lines, expected", [
    ("Contact: Prairie Workers Alliance, Rosa Benitez, rbenitez@example.org, 555-201-3344",
     {("Rosa Benitez", "memberOf", "Prairie Workers Alliance")}),
    ("Media Contacts:\nPrairie Workers Alliance, Rosa Benitez, rbenitez@example.org\n"
     "Coastal Farmworkers Union, Tomas Ibarra, (555) 201-3344",
     {("Rosa Benitez", "memberOf", "Prairie Workers Alliance"), ("Tomas Ibarra", "memberOf", "Coastal Farmworkers Union")}),
])
def test_rules_contact_the_person_speaks_for_the_group_on_the_line(nlp, lines, expected):
    triples = triples_of(nlp, f"The Prairie Workers Alliance filed a complaint on Monday.\n\n{lines}\n")
    assert expected <= set(triples), sorted(triples)
    assert all(triples[key].evidence.extractor == "rules.contact.member_of.v1" for key in expected)


def test_rules_contact_with_two_people_on_a_line_says_nothing(nlp):
    text = ("The Prairie Workers Alliance filed a complaint on Monday.\n\n"
            "Contact: Prairie Workers Alliance, Rosa Benitez and Tomas Ibarra, press@example.org, 555-201-3344\n")
    assert not [r for r in triples_of(nlp, text).values() if r.evidence.extractor == "rules.contact.member_of.v1"]
