"""The model's names (mentions.ner.v1): what spaCy's NER and the EntityRuler tag, filtered,
reshaped and classed."""

import pytest

from actorgraph.loaders.mentions import NAMES, extract_mentions
from actorgraph.loaders.mentions.ner import classify, is_junk
from actorgraph.loaders.model import MentionKind
from actorgraph.loaders.parse import parse
from actorgraph.loaders.segment import segment


def _found(nlp, text, passes=None):
    return extract_mentions(text, parse(text, segment(text), nlp), passes)


def test_mentions_ner_model_and_ruler_names_keep_what_they_are(nlp):
    text = "The Lakeview Renters Union met Dana Okonkwo and agents of ICE in Springfield."
    found = {m.text: m for m in _found(nlp, text)}
    assert (found["Dana Okonkwo"].cls, found["Dana Okonkwo"].kind) == ("Person", MentionKind.MODEL)
    assert (found["Lakeview Renters Union"].cls, found["Lakeview Renters Union"].kind) == ("Organization", MentionKind.KNOWN)
    assert (found["ICE"].cls, found["ICE"].canonical) == ("GovernmentAgency", "U.S. Immigration and Customs Enforcement")
    assert found["Springfield"].cls == "Place"


@pytest.mark.parametrize(("text", "tagged"), [
    ("The council member for District 4 spoke at noon.", "District 4"),  # a seat, not a body
    ("She spoke on Valentine's Day at noon.", "Valentine"),  # a date
    ("They joined a Washington-based group.", "Washington"),  # describes, does not name
    ("Solidarity with the families of Riverbend.", "Solidarity"),  # a greeting
])
def test_mentions_ner_drops_what_the_model_tags_that_is_no_name(nlp, text, tagged):
    assert tagged in [e.text for e in nlp(text).ents]  # the model did tag it
    start = text.index(tagged)
    assert not any(m.start < start + len(tagged) and start < m.end for m in _found(nlp, text, {"mentions.ner.v1"}))


def test_mentions_ner_reshapes_a_persons_span(nlp):
    """A lone surname keeps its title; a role word the model took into a name goes."""
    text = "Gov. Okafor signed the order, and Spokeswoman Ana Ruiz said Okafor’s policy must end."
    assert [(m.text, m.cls) for m in _found(nlp, text, {"mentions.ner.v1"})] == [
        ("Gov. Okafor", "Person"), ("Ana Ruiz", "Person"), ("Okafor", "Person")]


def test_mentions_ner_grows_a_group_named_after_a_building(nlp):
    text = "Members of the Riverbend Detention Center Resistance marched."
    assert [(m.text, m.cls) for m in _found(nlp, text, {"mentions.ner.v1"})] == [
        ("Riverbend Detention Center Resistance", "Organization")]


def test_mentions_ner_spanish_kind_before_a_name_says_it_is_a_firm(nlp):
    from actorgraph.loaders.nlp import pipeline_available

    if not pipeline_available("es"):
        pytest.skip("no Spanish pipeline installed")
    text = "La empresa Servicios Norteños S.A. opera el centro de Riverbend."
    found = _found(nlp, text, set(NAMES))
    assert ("Servicios Norteños S.A.", "Company") in [(m.text, m.cls) for m in found]


@pytest.mark.parametrize(("name", "label", "cls"), [
    ("Riverbend City Council", "ORG", "GovernmentAgency"),
    ("Lakeview Fittings LLC", "GPE", "Company"),
    ("Harbor Tenants Union", "PERSON", "Person"),  # a word cue does not hold against a person tag
    ("Harbor Tenants Project", "PERSON", "Organization"),  # a last word does
    ("Dana Okonkwo", "PERSON", "Person"),
    ("Valleverde Detention Center", "GPE", "DetentionFacility"),
    ("next Tuesday", "DATE", None),
])
def test_mentions_ner_classify_from_label_and_cue_words(name, label, cls):
    assert classify(name, label) == cls


@pytest.mark.parametrize(("name", "junk"), [
    ("WHAT WE ARE ASKING", True),
    ("www.riverbend.org", True),
    ("the families", True),
    ("X", True),
    ("Riverbend Families United", False),
    ("de la Cruz", False),
])
def test_mentions_ner_junk_is_no_name(name, junk):
    assert is_junk(name, from_data=False) is junk
