"""The registry of mention passes: one order that lists every registered pass once, and
passes switched off by name."""

import re

import pytest

from actorgraph.errors import UsageError
from actorgraph.loaders.mentions import NAMES, ORDER, PASSES, extract_mentions
from actorgraph.loaders.parse import parse
from actorgraph.loaders.segment import segment


def _found(nlp, text, passes=None):
    return extract_mentions(text, parse(text, segment(text), nlp), passes)


def test_mentions_order_lists_every_registered_pass_once():
    assert sorted(NAMES) == sorted(PASSES)
    assert len(NAMES) == len(set(NAMES))
    assert all(stage for stage in ORDER)
    assert all(re.fullmatch(r"mentions(?:\.[a-z_]+)+\.v\d+", name) for name in NAMES)


@pytest.mark.parametrize(("name", "text", "span"), [
    ("mentions.campaign.hashtag.v1", "Share the news with #RiverbendStaysHome and sign today.", "#RiverbendStaysHome"),
    ("mentions.firm.partners.v1", "The law firm Alvarez, Brook & Chen represents the families.", "Alvarez, Brook & Chen"),
    ("mentions.place.state_code.v1", "The Lakeview Renters Union met in Springfield, KY, on Tuesday.", "KY"),
    ("mentions.unit.v1", "Agents from the Fresno field office of ICE arrested him.", "Fresno field office of ICE"),
    ("mentions.campaign.name.v1", "They launched the Keep Riverbend Home campaign on Monday.", "Keep Riverbend Home"),
    ("mentions.event.phrase.v1", "Neighbors still talk about the Fresno raid.", "Fresno raid"),
])
def test_mentions_switching_a_pass_off_removes_its_mentions(nlp, name, text, span):
    """The pass's mention (span, class, canonical name) is there with every pass and gone
    without it (the model may still tag the span: "KY" is a place to it, but no state)."""
    start = text.index(span)
    with_all = {(m.start, m.end): m for m in _found(nlp, text)}
    mention = with_all[(start, start + len(span))]
    without = [(m.start, m.end, m.cls, m.canonical) for m in _found(nlp, text, set(NAMES) - {name})]
    assert (mention.start, mention.end, mention.cls, mention.canonical) not in without


def test_mentions_switching_a_rewriting_pass_off_leaves_what_it_rewrites():
    """The English form is a rewriting pass: off, the Spanish name of a sheriff's office (read
    by the model-free Spanish pipeline) keeps no English name."""
    from actorgraph.loaders.model import Segment
    from actorgraph.loaders.nlp import load_language_pipeline
    from actorgraph.loaders.parse import ParsedSegment

    text = "La Oficina del Alguacil del Condado Lakeview firmó el acuerdo."
    parsed = [ParsedSegment(Segment(0, len(text), "paragraph", "es"), load_language_pipeline("es", "rules")(text))]
    assert PASSES["mentions.translation.english_form.v1"].rewrites
    with_all = extract_mentions(text, parsed)
    without = extract_mentions(text, parsed, set(NAMES) - {"mentions.translation.english_form.v1"})
    assert [m.canonical for m in with_all if m.text.startswith("Oficina")] == ["Lakeview County Sheriff's Office"]
    assert [m.canonical for m in without if m.text.startswith("Oficina")] == [None]


def test_mentions_no_pass_finds_nothing(nlp):
    assert _found(nlp, "The Lakeview Renters Union met Mayor Dana Okonkwo.", ()) == []


def test_mentions_an_unknown_pass_is_a_usage_error(nlp):
    with pytest.raises(UsageError, match="Unknown mention pass 'mentions.nothing.v1'"):
        _found(nlp, "The Lakeview Renters Union met.", {"mentions.nothing.v1"})
