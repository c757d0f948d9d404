"""Petition listings (mentions.petition.listing.v1) and petition accounts that are groups
(mentions.petition.account.v1)."""

import pytest

from actorgraph.loaders.mentions import extract_mentions
from actorgraph.loaders.mentions.petitions import creator_class
from actorgraph.loaders.model import MentionKind
from actorgraph.loaders.parse import ParsedSegment
from actorgraph.loaders.segment import segment

LISTING = ("• Free Marisol Teague From Detention\n1,204 of 2,000 signatures\nCreated by Riverbend Families United & Dana K.\n\n"
           "Our neighbor has lived in Riverbend for twenty years.\n\n"
           "• Tell the Lakeview County Commission to end the contract\n310 of 500 signatures\nStarted by RFU R.\n\n"
           "The RFU & Friends network asks the board to vote no.")


def _unparsed(text, passes):
    """The passes over a text whose segments no model read (these passes need none)."""
    return extract_mentions(text, [ParsedSegment(s, None) for s in segment(text)], passes)


def test_mentions_petition_title_party_and_creators():
    found = [(m.text, m.cls, m.kind) for m in _unparsed(LISTING, {"mentions.petition.listing.v1"})]
    assert found == [
        ("Free Marisol Teague From Detention", "Campaign", MentionKind.PETITION_TITLE),
        ("Marisol Teague", "Person", MentionKind.PETITION_PARTY),
        ("Riverbend Families United", "Organization", MentionKind.PETITION_CREATOR),
        ("Dana K.", "Person", MentionKind.PETITION_CREATOR),
        ("Tell the Lakeview County Commission to end the contract", "Campaign", MentionKind.PETITION_TITLE),
        ("Lakeview County Commission", "GovernmentAgency", MentionKind.PETITION_PARTY),
        ("RFU R.", "Person", MentionKind.PETITION_CREATOR),
    ]


def test_mentions_petition_account_named_after_a_group_of_the_document_is_that_group():
    found = _unparsed(LISTING, {"mentions.petition.listing.v1", "mentions.petition.account.v1"})
    account = next(m for m in found if m.text == "RFU R.")
    assert (account.cls, account.kind) == ("Organization", MentionKind.PETITION_CREATOR)
    start = LISTING.index("RFU & Friends")
    assert [(m.start, m.text, m.cls) for m in found if m.text == "RFU"] == [(start, "RFU", "Organization")]


def test_mentions_petition_account_without_its_group_stays_a_person():
    text = LISTING[:LISTING.index("The RFU")]
    found = _unparsed(text, {"mentions.petition.listing.v1", "mentions.petition.account.v1"})
    assert [(m.text, m.cls) for m in found if m.text.startswith("RFU")] == [("RFU R.", "Person")]


@pytest.mark.parametrize(("name", "cls"), [
    ("Dana K.", "Person"),
    ("Rev. Tomas Aldana", "Person"),
    ("Comité de Vecinos", "Organization"),
    ("Riverbend Families United", "Organization"),
    ("Marisol Teague", "Person"),
])
def test_mentions_petition_creator_class(name, cls):
    assert creator_class(name) == cls
