"""Campaigns: headings, "Petition Campaign - X" labels, hashtags and campaigns named in
prose (mentions.campaign.*)."""

import pytest

from actorgraph.loaders.mentions import NAMES, extract_mentions
from actorgraph.loaders.model import MentionKind
from actorgraph.loaders.parse import parse
from actorgraph.loaders.segment import segment


def _found(nlp, text, passes=None):
    return extract_mentions(text, parse(text, segment(text), nlp), passes)


def test_mentions_campaign_heading_that_ends_in_a_campaign_word(nlp):
    text = "Valley Families Defense Fund\n\nThe fund pays bonds for neighbors."
    found = _found(nlp, text, {"mentions.campaign.heading.v1"})
    assert [(m.text, m.cls, m.kind) for m in found] == [
        ("Valley Families Defense Fund", "Campaign", MentionKind.HEADING_CAMPAIGN)]
    assert _found(nlp, "Valley Families Meeting\n\nThe fund pays bonds.", {"mentions.campaign.heading.v1"}) == []


def test_mentions_campaign_label_names_the_words_after_it(nlp):
    text = "Petition Campaign - Justice for Marisol Teague\n\nNeighbors signed it."
    found = _found(nlp, text, {"mentions.ner.v1", "mentions.campaign.label.v1"})
    assert ("Justice for Marisol Teague", "Campaign", MentionKind.CAMPAIGN_LABEL) in [(m.text, m.cls, m.kind) for m in found]


def test_mentions_campaign_hashtags(nlp):
    text = "Share #RiverbendStaysHome and #StopTheVans, not #1 or ##x."
    assert [m.text for m in _found(nlp, text, {"mentions.campaign.hashtag.v1"})] == ["#RiverbendStaysHome", "#StopTheVans"]


@pytest.mark.parametrize(("text", "name"), [
    ("They launched the Keep Riverbend Home campaign on Monday.", "Keep Riverbend Home"),
    ("Neighbors started a petition called No Vans In Riverbend last week.", "No Vans In Riverbend"),
    ("She joined the #RiverbendStaysHome campaign.", "#RiverbendStaysHome"),
])
def test_mentions_campaign_named_in_prose(nlp, text, name):
    found = _found(nlp, text)
    assert (name, "Campaign", MentionKind.CAMPAIGN_NAME) in [(m.text, m.cls, m.kind) for m in found]


def test_mentions_campaign_of_a_group_is_not_a_campaign_name(nlp):
    text = "Volunteers joined the Harbor Workers Union campaign on Monday."
    found = _found(nlp, text)
    assert ("Harbor Workers Union", "Organization") in [(m.text, m.cls) for m in found]
    assert not any(m.kind == MentionKind.CAMPAIGN_NAME for m in found)
    assert any(m.kind == MentionKind.CAMPAIGN_NAME for m in _found(nlp, text, set(NAMES) - {"mentions.ner.v1"}))
