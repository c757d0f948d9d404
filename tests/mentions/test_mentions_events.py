"""Events: noun phrases headed by an event word (mentions.event.phrase.v1), quoted historical
events (mentions.event.quoted.v1) and events the text delimits (mentions.event.delimited.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext, extract_mentions
from actorgraph.loaders.mentions.events import quoted_events
from actorgraph.loaders.model import MentionKind, Segment
from actorgraph.loaders.nlp import pipeline_available
from actorgraph.loaders.parse import ParsedSegment, parse
from actorgraph.loaders.segment import segment


def _found(nlp, text, passes):
    return extract_mentions(text, parse(text, segment(text), nlp), passes)


@pytest.mark.parametrize(("text", "events"), [
    ("Neighbors still talk about the Fresno raid.", ["Fresno raid"]),
    ("Neighbors still talk about the 2019 raids.", ["2019 raids"]),
    ("Neighbors still talk about the raid.", []),  # no name or number before it
    ("Neighbors still talk about Fresno's raid.", []),  # a possessive is no part of a name
])
def test_mentions_event_phrase(nlp, text, events):
    found = _found(nlp, text, {"mentions.event.phrase.v1"})
    assert [(m.text, m.cls) for m in found] == [(e, "Event") for e in events]


@pytest.mark.parametrize(("text", "events"), [
    ("Historians compared it to the ‘Great Depression’ of the 1930s.", ["Great Depression"]),
    ('They called it the "Harbor Strike" then.', ["Harbor Strike"]),
    ("They called it the ‘Great Day’ then.", []),  # no event word
])
def test_mentions_event_quoted(text, events):
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),))
    assert [m.text for m in quoted_events(ctx)] == events


def _delimited(nlp, text):
    found = _found(nlp, text, {"mentions.ner.v1", "mentions.event.delimited.v1"})
    return [(text[m.start:m.end], m.text) for m in found if m.kind == MentionKind.BUILT]


def test_mentions_event_delimited_gets_a_name_built_from_what_where_and_when(nlp):
    text = "Neighbors began a hunger strike at the Valleverde Detention Center on Monday."
    found = _found(nlp, text, {"mentions.ner.v1", "mentions.event.delimited.v1"})
    [event] = [m for m in found if m.cls == "Event"]
    assert text[event.start:event.end] == "hunger strike"
    assert (event.text, event.canonical, event.kind) == (
        "hunger strike at the Valleverde Detention Center (Monday)",) * 2 + (MentionKind.BUILT,)


def test_mentions_event_delimited_the_march_refers_back_to_the_one_event(nlp):
    text = ("The Harbor Workers Alliance held a vigil outside the Harbor County Jail on Friday. "
            "Dozens of families joined the vigil.")
    name = "vigil outside the Harbor County Jail (Friday)"
    assert _delimited(nlp, text) == [("vigil", name), ("vigil", name)]


def test_mentions_event_delimited_two_sites_are_two_events(nlp):
    text = ("ICE conducted a raid at Lakeview Fittings LLC. A week later ICE conducted a raid at Northgate Meats Inc.")
    assert len({name for _, name in _delimited(nlp, text)}) == 2


@pytest.mark.parametrize("text", [
    "Neighbors began a hunger strike on Monday.",  # nothing says where: "hunger strike" alone is every strike
    "Neighbors remember the raids at the Valleverde Detention Center.",  # plural: raids in general
    "Every raid at the Valleverde Detention Center frightens families.",  # generic
    "The union did not hold a vigil outside the Valleverde Detention Center.",  # negated
    "Neighbors still talk about the raid.",  # definite, and no event told before it
])
def test_mentions_event_delimited_needs_one_delimited_event(nlp, text):
    assert not _delimited(nlp, text)


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_mentions_event_delimited_spanish_la_marcha(nlp):
    text = ("La Coalición de Trabajadores del Valle convocó una marcha frente al Centro de Detención de Valleverde "
            "el sábado 3 de mayo. La marcha terminó sin incidentes. Cualquier redada causa miedo.")
    name = "marcha frente al Centro de Detención de Valleverde (sábado 3 de mayo)"
    assert _delimited(nlp, text) == [("marcha", name), ("marcha", name)]
