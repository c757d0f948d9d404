"""People the model missed, found by a common given name (mentions.person.given_name.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.people import given_name_mentions
from actorgraph.loaders.model import Mention, Segment
from actorgraph.loaders.parse import ParsedSegment


def _context(nlp, text, kind="paragraph", found=()):
    return MentionContext(text, (ParsedSegment(Segment(0, len(text), kind, "en"), nlp(text)),), tuple(found))


@pytest.mark.parametrize(("text", "people"), [
    ("Yesterday Marisol Teague spoke for the families.", ["Marisol Teague"]),
    ("The Riverbend Tenants Union spoke for the families.", []),  # no given name
    ("Yesterday Marisol Teague Riverbend Okonkwo spoke.", []),  # part of a longer run of names
])
def test_mentions_person_with_a_given_name(nlp, text, people):
    assert [(m.text, m.cls) for m in given_name_mentions(_context(nlp, text))] == [(p, "Person") for p in people]


def test_mentions_person_not_where_a_name_was_found_or_in_a_heading(nlp):
    text = "Yesterday Marisol Teague spoke for the families."
    start = text.index("Marisol")
    taken = Mention(start, start + len("Marisol Teague"), "Marisol Teague", "Organization", "spacy.ner.v1", 0.7)
    assert given_name_mentions(_context(nlp, text, found=(taken,))) == []
    assert given_name_mentions(_context(nlp, text, kind="heading")) == []
