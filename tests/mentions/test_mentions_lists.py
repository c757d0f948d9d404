"""Lists of groups (mentions.list.items.v1): the unknown items of a list the sentence says
names groups or members are groups; invented sentences."""

import pytest

from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.lists import list_runs
from actorgraph.loaders.mentions import extract_mentions
from actorgraph.loaders.mentions.lists import GROUPS, MEMBERS, list_cue
from actorgraph.loaders.parse import parse
from actorgraph.loaders.segment import segment


def _found(nlp, text):
    return {(m.text, m.cls) for m in extract_mentions(text, parse(text, segment(text), nlp))}


def _cue(text, code="en"):
    runs = list_runs(text, 0, len(text), load_pack(code))
    assert len(runs) == 1, runs
    return list_cue(text, 0, runs[0])


@pytest.mark.parametrize(("text", "code", "cue"), [
    ("Its members include Open Door, FairWage and Voces Unidas.", "en", MEMBERS),
    ("The support committee counts among its members:\nOpen Door, FairWage, Voces Unidas and Casa Norte.", "en", MEMBERS),
    ("Groups such as Open Door, FairWage and Voces Unidas signed it.", "en", GROUPS),
    ("It is a coalition of the Open Door, FairWage and Voces Unidas.", "en", GROUPS),
    ("Open Door, FairWage, Voces Unidas and several other groups signed it.", "en", GROUPS),
    ("Open Door, FairWage and Voces Unidas signed it.", "en", None),
    ("Acudieron representantes de Manos Unidas, Tierra Firme y Casa Norte.", "es", MEMBERS),
    ("Firmaron Manos Unidas, Tierra Firme, Casa Norte y otras organizaciones.", "es", GROUPS),
])
def test_mentions_list_what_the_sentence_says_the_items_are(text, code, cue):
    assert _cue(text, code) == cue


def test_mentions_list_a_list_ends_with_and_other_groups():
    text = "They are Open Door, FairWage, IYC and several other groups."
    assert [[text[a:b] for a, b, _ in run] for run in list_runs(text, 0, len(text), load_pack("en"))] == [
        ["Open Door", "FairWage", "IYC"]]


@pytest.mark.parametrize(("text", "groups", "people"), [
    ("The strike support committee counts among its members:\nHarbor Hands, Tierra Firme, Lakeview Watch, "
     "Casa Norte and several other groups.",
     ["Harbor Hands", "Tierra Firme", "Lakeview Watch", "Casa Norte"], []),
    # members may be people: a person's name stays a person's
    ("The committee's members include Dana Whitcombe, Marta Quiroz, Harbor Hands and Casa Norte.",
     ["Harbor Hands"], ["Dana Whitcombe", "Marta Quiroz"]),
])
def test_mentions_list_items_of_a_cued_list_are_groups(nlp, text, groups, people):
    found = _found(nlp, text)
    for name in groups:
        assert (name, "Organization") in found, found
    for name in people:
        assert (name, "Person") in found, found


def test_mentions_list_no_cue_no_known_group_no_groups(nlp):
    found = _found(nlp, "We met Dana, Marta, Luis and then went home.")
    assert not any(cls == "Organization" for _, cls in found)


def test_mentions_list_spanish_members(nlp):
    from actorgraph.loaders.nlp import pipeline_available

    if not pipeline_available("es"):
        pytest.skip("no Spanish pipeline installed")
    text = ("La marcha llegó a la plaza del ayuntamiento el lunes por la tarde. Acudieron también representantes "
            "de Manos Unidas, Mano Amiga, la Coalición de Inquilinos de Riverbend, Casa Norte y el capítulo local "
            "de otra organización.")
    found = _found(nlp, text)
    for name in ("Manos Unidas", "Mano Amiga", "Casa Norte"):
        assert (name, "Organization") in found, found
