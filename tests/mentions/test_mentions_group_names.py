"""Group names the model cut short, grown from the text after them (part of mentions.ner.v1)."""

import pytest

from actorgraph.loaders.mentions.group_names import extend_group_names, extend_of_place
from actorgraph.loaders.model import Mention


def _mention(text, name, cls):
    start = text.index(name)
    return Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7)


@pytest.mark.parametrize(("text", "name", "cls", "grown"), [
    ("Members of the Riverbend Detention Center Resistance marched.", "Riverbend Detention Center", "DetentionFacility",
     "Riverbend Detention Center Resistance"),
    ("The Lakeview Police Support Committee met.", "Lakeview Police", "GovernmentAgency", "Lakeview Police Support Committee"),
    ("The Riverbend Detention Center opened.", "Riverbend Detention Center", "DetentionFacility", "Riverbend Detention Center"),
])
def test_mentions_group_name_after_a_building_or_body(text, name, cls, grown):
    [m] = extend_group_names(text, [_mention(text, name, cls)])
    assert m.text == grown
    assert m.cls == (cls if grown == name else "Organization")


@pytest.mark.parametrize(("text", "name", "grown"), [
    ("Leaders of the ACLU of Nevada spoke.", "ACLU", "ACLU of Nevada"),
    ("The Riverbend Workers League of Ohio met.", "Riverbend Workers League", "Riverbend Workers League of Ohio"),
    ("The Dayton Coalition for Tenant Rights and Millbrook Workers Coalition met.", "Dayton Coalition",
     "Dayton Coalition for Tenant Rights"),
    ("Leaders of the ACLU of Riverbendia spoke.", "ACLU", "ACLU"),  # not a known place
])
def test_mentions_group_name_goes_on_with_of_a_place_or_a_name(text, name, grown):
    assert [m.text for m in extend_of_place(text, [_mention(text, name, "Organization")])] == [grown]
