"""Units of a larger body (mentions.unit.v1): "the Fresno field office of ICE" holds the place
and the body."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.units import unit_mentions
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment


def _unit(text, first, first_cls, second, second_cls):
    found = []
    for name, cls in ((first, first_cls), (second, second_cls)):
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7))
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),), tuple(found))
    return [(m.text, m.cls, m.kind) for m in unit_mentions(ctx)]


@pytest.mark.parametrize(("text", "body", "cls"), [
    ("Agents from the Fresno field office of ICE arrested him.", "ICE", "GovernmentAgency"),
    ("The Fresno chapter of the Harbor Workers Union marched.", "Harbor Workers Union", "Organization"),
])
def test_mentions_unit_of_a_body(text, body, cls):
    place = "Fresno"
    unit = text[text.index(place):text.index(body) + len(body)]
    assert _unit(text, place, "Place", body, cls) == [(unit, cls, MentionKind.UNIT)]


@pytest.mark.parametrize(("text", "first", "first_cls", "second", "second_cls"), [
    ("Agents from Fresno and officers of ICE arrested him.", "Fresno", "Place", "ICE", "GovernmentAgency"),  # no unit word
    ("The Fresno office of Dana Okonkwo closed.", "Fresno", "Place", "Dana Okonkwo", "Person"),  # not a body
    ("The Harbor Workers Union office of Fresno closed.", "Harbor Workers Union", "Organization", "Fresno", "Place"),
])
def test_mentions_unit_needs_a_place_a_unit_word_and_a_body(text, first, first_cls, second, second_cls):
    assert _unit(text, first, first_cls, second, second_cls) == []
