"""A name grown after the model's span ("X Coalition" + "of New York") stops at the end of
its sentence: "… of New York. On Monday …" is not one name."""

import pytest

from actorgraph.loaders.mentions.group_names import extend_of_place
from actorgraph.loaders.model import Mention


@pytest.mark.parametrize(("text", "name", "grown"), [
    ("Rosa Delgado co-founded the Harbor Coalition of New York. On Monday, agents arrived.", "Harbor Coalition",
     "Harbor Coalition of New York"),
    ("She leads the Valley Coalition for Tenant Rights. The Council met.", "Valley Coalition",
     "Valley Coalition for Tenant Rights"),
    # an abbreviation's full stop is not a sentence's end
    ("Members of the Workers Federation of St. Paul Tenants marched.", "Workers Federation",
     "Workers Federation of St. Paul Tenants"),
])
def test_mentions_grown_name_stops_at_the_sentence_end(text, name, grown):
    start = text.index(name)
    [m] = extend_of_place(text, [Mention(start, start + len(name), name, "Organization", "spacy.ner.v1", 0.7)])
    assert m.text == grown
