"""Counting descriptions (rules.coref.resolve_groups): "both men", "the pair", "the two",
"los tres" stand for the people or bodies named just before them when their number is the
count, within the sentence before or the same paragraph, with no other candidate between."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"
HARLAN = "Harlan Detention Center"


@pytest.mark.parametrize(("text", "expected"), [
    # in the same sentence, two clauses after the names ("X together with his son, Y")
    ("Agents picked up Marco Ibarra together with his son, Juan Ibarra, on Monday, and before night fell both men "
     "were being held at the Harlan Detention Center.",
     {("Marco Ibarra", "detainedAt", HARLAN), ("Juan Ibarra", "detainedAt", HARLAN)}),
    # in the sentence before
    ("Police stopped Ana Ruiz and Luis Soto in March. The two were held at the Harlan Detention Center.",
     {("Ana Ruiz", "detainedAt", HARLAN), ("Luis Soto", "detainedAt", HARLAN)}),
    # the speaker of the sentence is not who "the pair" are
    ("Police stopped Ana Ruiz and Luis Soto in March. Their lawyer Carla Mendes said the pair were held at the "
     "Harlan Detention Center.",
     {("Ana Ruiz", "detainedAt", HARLAN), ("Luis Soto", "detainedAt", HARLAN)}),
    # bodies counted by a body noun
    ("The Harbor Tenants Union and the Valley Workers Coalition met in March. Both groups sued ICE in May.",
     {("Harbor Tenants Union", "sues", ICE), ("Valley Workers Coalition", "sues", ICE)}),
])
def test_rules_coref_group_stands_for_the_names_before(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected <= set(found), found
    assert all(found[t].evidence.extractor.endswith(".coref") for t in expected)


@pytest.mark.parametrize("text", [
    # three named, two counted: no antecedent agrees in number
    "Police stopped Ana Ruiz, Luis Soto and Marta Gil. The two were held at the Harlan Detention Center.",
    # another person named between the pair and the description
    "Police stopped Ana Ruiz and Luis Soto in March. Carla Mendes, a lawyer, spoke on Friday. The two were held at "
    "the Harlan Detention Center.",
    # the subjects of the clause above are not "both men"
    "Ana Ruiz and Luis Soto said both men were held at the Harlan Detention Center.",
    # too far back: an earlier paragraph, not the sentence before
    "Police stopped Ana Ruiz and Luis Soto in March.\n\nThe city council met on Tuesday. It voted on the budget.\n\n"
    "The two were held at the Harlan Detention Center.",
    # a count of something else ("both sides") stands for no one
    "Ana Ruiz and Luis Soto spoke in March. Both sides were held at the Harlan Detention Center.",
])
def test_rules_coref_group_not(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "detainedAt"]


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize("text", [
    "La activista Ana Ruiz y el obrero Luis Soto hablaron el lunes en la plaza. Un día después, ICE arrestó a los "
    "dos en sus casas.",
    "Ana Ruiz y Luis Soto hablaron el lunes en la plaza. Al día siguiente, ICE detuvo a ambos.",
])
def test_rules_coref_group_spanish(nlp, text):
    found = triples_of(nlp, text)
    assert {(ICE, "arrested", "Ana Ruiz"), (ICE, "arrested", "Luis Soto")} <= set(found), found


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_rules_coref_group_spanish_not(nlp):
    text = "Ana Ruiz, Luis Soto y Marta Gil hablaron el lunes. Al día siguiente, ICE detuvo a los dos."
    assert not [t for t in triples_of(nlp, text) if t[1] == "arrested"]
