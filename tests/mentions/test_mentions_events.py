"""Events: noun phrases headed by an event word (mentions.event.phrase.v1), quoted historical
events (mentions.event.quoted.v1) and events named by their site (mentions.event.sited.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext, extract_mentions
from actorgraph.loaders.mentions.events import quoted_events
from actorgraph.loaders.model import MentionKind, Segment
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


def test_mentions_event_sited_gets_a_name_built_from_what_where_and_when(nlp):
    text = "Neighbors began a hunger strike at the Valleverde Detention Center on Monday."
    found = _found(nlp, text, {"mentions.ner.v1", "mentions.event.sited.v1"})
    [event] = [m for m in found if m.cls == "Event"]
    assert text[event.start:event.end] == "hunger strike"
    assert (event.text, event.canonical, event.kind) == (
        "hunger strike at the Valleverde Detention Center (Monday)",) * 2 + (MentionKind.BUILT,)


def test_mentions_event_sited_needs_a_site_and_one_event(nlp):
    for text in ("Neighbors began a hunger strike on Monday.",  # no site
                 "Neighbors remember the raids at the Valleverde Detention Center."):  # plural: no one event
        found = _found(nlp, text, {"mentions.ner.v1", "mentions.event.sited.v1"})
        assert not any(m.kind == MentionKind.BUILT for m in found)
