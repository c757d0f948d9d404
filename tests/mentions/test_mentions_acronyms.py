"""Acronyms: definitions "Long Name (ACR)" (mentions.acronym.definition.v1), unknown all-caps
group names (mentions.acronym.caps.v1) and later uses of a known acronym
(mentions.acronym.use.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.acronyms import acronym_definitions, acronym_fits, acronym_uses, capitalised_acronyms
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment


def _context(text, *found, language="en"):
    return MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", language), None),), tuple(found))


def _mention(text, name, cls="Organization", canonical=None, at=0):
    start = text.index(name, at)
    return Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7, canonical, MentionKind.MODEL)


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Members of the Harbor Workers Alliance (HWA) marched.", "Harbor Workers Alliance", "HWA"),
    ("The Lakeview Department of Licensing ( LDOL ) wrote.", "Lakeview Department of Licensing", "LDOL"),
    ("The Harbor Workers Alliance (Translation) marched.", "Harbor Workers Alliance", None),  # no acronym
    ("The Harbor Workers Alliance (RTWC) marched.", "Harbor Workers Alliance", None),  # letters that do not fit
])
def test_mentions_acronym_definition(text, name, acronym):
    found = acronym_definitions(_context(text, _mention(text, name)))
    assert [(m.text, m.canonical) for m in found] == ([(acronym, name)] if acronym else [])


@pytest.mark.parametrize(("acronym", "name", "fits"), [
    ("HWA", "Harbor Workers Alliance", True),
    ("LDOL", "Lakeview Department of Licensing", True),
    ("HBA", "Harbor Workers Alliance", True),  # letters in order, inside words too
    ("AHW", "Harbor Workers Alliance", False),
    ("Hwa", "Harbor Workers Alliance", False),  # one capital is no acronym
])
def test_mentions_acronym_fits(acronym, name, fits):
    assert acronym_fits(acronym, name) is fits


@pytest.mark.parametrize(("text", "groups"), [
    ("Join the RTWC at the hall on Friday.", ["RTWC"]),  # "the RTWC"
    ("RTWC members marched, and RTWC members sang.", ["RTWC", "RTWC"]),  # used twice
    ("RTWC members marched on Friday.", []),  # once, with nothing that makes it a name
    ("Marchers shouted GO AWAY RTWC at the vans.", []),  # part of a shouted phrase
    ("Join the USA team and the FAQ page.", []),  # common all-caps words
])
def test_mentions_acronym_unknown_caps_are_group_names(text, groups):
    found = capitalised_acronyms(_context(text))
    assert [(m.text, m.cls) for m in found] == [(g, "Organization") for g in groups]


def test_mentions_acronym_caps_not_inside_a_name_or_another_language():
    text = "Join the RTWC at the hall on Friday."
    assert capitalised_acronyms(_context(text, _mention(text, "RTWC"))) == []
    assert capitalised_acronyms(_context(text, language="es")) == []


def test_mentions_acronym_later_uses_but_not_inside_a_longer_name():
    text = "The Harbor Workers Alliance (HWA) marched. Later the HWA met the HWA of Lakeview chapter."
    definition = _mention(text, "HWA", canonical="Harbor Workers Alliance")
    longer = _mention(text, "HWA of Lakeview", at=text.index("HWA of"))
    uses = acronym_uses(_context(text, definition, longer))
    assert [(m.start, m.canonical) for m in uses] == [(text.index("HWA"), "Harbor Workers Alliance"),
                                                     (text.index("the HWA met") + 4, "Harbor Workers Alliance")]
