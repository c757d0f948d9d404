"""Firms: a legal form ends a firm's name (mentions.firm.legal_form.v1), and a firm named after
its partners keeps its commas (mentions.firm.partners.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.firms import attach_legal_forms, firm_names
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment


def _context(text, *names, language="en"):
    """A one-paragraph document with the model's mentions of ``names`` (each at its first place)."""
    found = []
    for name in names:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, "Organization", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL))
    return MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", language), None),), tuple(found))


@pytest.mark.parametrize(("text", "names", "firms"), [
    # the model tagged the form apart: it joins the mention before it
    ("Stonebridge Services LLC runs the kitchen.", ("Stonebridge Services", "LLC"), ["Stonebridge Services LLC"]),
    ("Harbor Fittings, Inc. supplies it.", ("Harbor Fittings", "Inc."), ["Harbor Fittings, Inc."]),
    # only the form was tagged: the capitalised words before it, without a sentence's "In"
    ("In Lakeview Fittings LLC we found the papers.", ("LLC",), ["Lakeview Fittings LLC"]),
    # a legal form with no name before it is no name
    ("the llc said so.", ("llc",), []),
])
def test_mentions_firm_legal_form_ends_the_name(text, names, firms):
    rewritten = attach_legal_forms(_context(text, *names))
    assert [m.text for m in rewritten if m.cls == "Company"] == firms
    assert not any(m.text.lower() in ("llc", "inc.") for m in rewritten)


@pytest.mark.parametrize(("text", "language", "firm"), [
    ("The law firm Alvarez, Brook & Chen represents the families.", "en", "Alvarez, Brook & Chen"),
    ("El bufete Ortega, Lomas y Prieto representa a las familias.", "es", "Ortega, Lomas y Prieto"),
    ("They hired the firm of Alvarez, Brook and Chen, LLP last year.", "en", "Alvarez, Brook and Chen, LLP"),
])
def test_mentions_firm_named_after_its_partners(text, language, firm):
    assert [(m.text, m.cls) for m in firm_names(_context(text, language=language))] == [(firm, "Company")]


def test_mentions_firm_a_list_of_names_is_no_firm():
    assert firm_names(_context("Alvarez, Brook & Chen spoke for the families.")) == []
