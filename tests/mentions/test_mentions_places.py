"""Places: a USPS state code after a place names the state (mentions.place.state_code.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.places import state_codes
from actorgraph.loaders.model import Mention, Segment
from actorgraph.loaders.parse import ParsedSegment


@pytest.mark.parametrize(("text", "cls", "states"), [
    ("The march went to Springfield, KY, on Tuesday.", "Place", [("KY", "Kentucky")]),
    ("The march went to Springfield,KY on Tuesday.", "Place", [("KY", "Kentucky")]),
    ("The march went to Springfield, XQ, on Tuesday.", "Place", []),  # no state
    ("The Lakeview Union, KY chapter, marched.", "Organization", []),  # after a group, not a place
])
def test_mentions_place_state_code(text, cls, states):
    name = "Springfield" if cls == "Place" else "Lakeview Union"
    start = text.index(name)
    place = Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7)
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),), (place,))
    assert [(m.text, m.canonical, m.cls) for m in state_codes(ctx)] == [(s, state, "Place") for s, state in states]
