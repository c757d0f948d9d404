"""Short forms of people's names (mentions.person.short_form.v1): a surname used alone after
the full name is the same person, and the relations said of it are that person's."""

import pytest
from conftest import triples_of

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.short_forms import short_form_mentions
from actorgraph.loaders.model import Mention, Segment
from actorgraph.loaders.nlp import load_language_pipeline, pipeline_available
from actorgraph.loaders.parse import ParsedSegment

ICE = "U.S. Immigration and Customs Enforcement"


def _short_forms(nlp, text: str, people: list[str], language: str = "en") -> list[tuple[str, int]]:
    """The short forms the pass finds in ``text`` when ``people`` were found (at their first
    occurrence) as persons."""
    found = tuple(Mention(text.index(p), text.index(p) + len(p), p, "Person", "spacy.ner.v1", 0.8) for p in people)
    parsed = (ParsedSegment(Segment(0, len(text), "paragraph", language), nlp(text)),)
    return [(m.text, m.start) for m in short_form_mentions(MentionContext(text, parsed, found))]


@pytest.mark.parametrize(("text", "people", "forms"), [
    # the surname after the full name, opening a sentence or not
    ("Organizers rallied for Tomas Quiroveno on Friday. Agents stopped Quiroveno outside his home. "
     "Quiroveno was then moved to a jail.", ["Tomas Quiroveno"], ["Quiroveno", "Quiroveno"]),
    # after a title or an honorific
    ("Leticia Arvane Duclos spoke first. Later, Ms. Arvane Duclos thanked the crowd.", ["Leticia Arvane Duclos"],
     ["Arvane Duclos"]),
    # a hyphenated double surname
    ("Maru Ortalez Vindra spoke first. Agents later stopped Ortalez-Vindra at home.", ["Maru Ortalez Vindra"],
     ["Ortalez-Vindra"]),
])
def test_mentions_short_form_after_the_full_name(nlp, text, people, forms):
    assert [f for f, _ in _short_forms(nlp, text, people)] == forms


@pytest.mark.parametrize(("text", "people"), [
    # two people of the document share the surname: which one is meant is unknown
    ("Lena Quiroveno and Tomas Quiroveno spoke. Agents stopped Quiroveno at home.", ["Lena Quiroveno", "Tomas Quiroveno"]),
    # before the full name: no antecedent yet
    ("Quiroveno spoke first. Tomas Quiroveno is an organizer.", ["Tomas Quiroveno"]),
    # part of a longer name
    ("Tomas Quiroveno spoke. The Quiroveno Foundation paid for the bus. Rally organizers thanked Harlan Quiroveno.",
     ["Tomas Quiroveno"]),
    # a common word opening a sentence is no name ("Young people" after "Andrew Young")
    ("Andrew Young spoke on Friday. Young people filled the hall.", ["Andrew Young"]),
    # a given name alone may be anyone's
    ("Dana Jordan spoke on Friday. Organizers thanked Jordan.", ["Dana Jordan"]),
])
def test_mentions_short_form_not(nlp, text, people):
    assert _short_forms(nlp, text, people) == []


def test_mentions_short_form_carries_the_relations_of_the_full_name(nlp):
    text = ("Organizers rallied for Tomas Quiroveno on Friday. On March 3, ICE targeted Quiroveno outside his "
            "home. Quiroveno was then moved to the Harlan Detention Center.")
    found = triples_of(nlp, text)
    assert {(ICE, "targets", "Tomas Quiroveno"), ("Tomas Quiroveno", "detainedAt", "Harlan Detention Center")} \
        <= set(found), found
    assert not [t for t in found if "Quiroveno" in (t[0], t[2])], found


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_mentions_short_form_spanish():
    """A Spanish name's first surname ("Quintaredo" of "Marisol Quintaredo Vélez") or its last."""
    nlp_es = load_language_pipeline("es")
    text = "La activista Marisol Quintaredo Vélez habló el lunes. Dos días después, agentes detuvieron a Quintaredo."
    assert [f for f, _ in _short_forms(nlp_es, text, ["Marisol Quintaredo Vélez"], "es")] == ["Quintaredo"]
    text = "Marisol Quintaredo y Ana Quintaredo hablaron el lunes. Después, agentes detuvieron a Quintaredo."
    assert _short_forms(nlp_es, text, ["Marisol Quintaredo", "Ana Quintaredo"], "es") == []
