"""Units of a larger body (mentions.unit.v1): "the Fresno field office of ICE" holds the place
and the body."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.units import unit_mentions
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment


def _unit(text, first, first_cls, second, second_cls):
    found = []
    for name, cls in ((first, first_cls), (second, second_cls)):
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7))
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),), tuple(found))
    return [(m.text, m.cls, m.kind) for m in unit_mentions(ctx)]


@pytest.mark.parametrize(("text", "body", "cls"), [
    ("Agents from the Fresno field office of ICE arrested him.", "ICE", "GovernmentAgency"),
    ("The Fresno chapter of the Harbor Workers Union marched.", "Harbor Workers Union", "Organization"),
])
def test_mentions_unit_of_a_body(text, body, cls):
    place = "Fresno"
    unit = text[text.index(place):text.index(body) + len(body)]
    assert _unit(text, place, "Place", body, cls) == [(unit, cls, MentionKind.UNIT)]


@pytest.mark.parametrize(("text", "first", "first_cls", "second", "second_cls"), [
    ("Agents from Fresno and officers of ICE arrested him.", "Fresno", "Place", "ICE", "GovernmentAgency"),  # no unit word
    ("The Fresno office of Dana Okonkwo closed.", "Fresno", "Place", "Dana Okonkwo", "Person"),  # not a body
    ("The Harbor Workers Union office of Fresno closed.", "Harbor Workers Union", "Organization", "Fresno", "Place"),
])
def test_mentions_unit_needs_a_place_a_unit_word_and_a_body(text, first, first_cls, second, second_cls):
    assert _unit(text, first, first_cls, second, second_cls) == []


def _parts(text, *names):
    """The part pass over the mentions ``names`` gives, each (text, class[, kind]): the model's
    by default; a name given twice is its next occurrence; every mention it returns as (text, class)."""
    from actorgraph.loaders.mentions.units import part_names

    found: list[Mention] = []
    for name, cls, *kind in names:
        start = text.index(name, max([m.end for m in found if m.text == name], default=0))
        found.append(Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7,
                             kind=kind[0] if kind else MentionKind.MODEL))
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),), tuple(found))
    return [(m.text, m.cls) for m in part_names(ctx)]


CBP = ("U.S. Customs and Border Protection", "GovernmentAgency", MentionKind.KNOWN)


@pytest.mark.parametrize(("text", "pieces", "name"), [
    # the model cut the name at its "and": one part of an agency is an agency
    ("The sweep was backed by Sea and Harbor Operations (an arm of U.S. Customs and Border Protection).",
     [("Sea", "Organization"), ("Harbor Operations", "Person")], "Sea and Harbor Operations"),
    # or left its last words out
    ("The sweep was backed by Sea and Harbor Operations (an arm of U.S. Customs and Border Protection).",
     [("Sea", "Organization")], "Sea and Harbor Operations"),
    ("Agents of Tidewater Patrol Operations, the enforcement arm of U.S. Customs and Border Protection, came.",
     [("Tidewater Patrol", "Organization")], "Tidewater Patrol Operations"),
    # "of" joins a name too
    ("The Office of Harbor Transport, a division of U.S. Customs and Border Protection, moved them.",
     [("Office", "GovernmentAgency"), ("Harbor Transport", "Person")], "Office of Harbor Transport"),
])
def test_mentions_unit_part_pieces_are_one_name_typed_like_the_body(text, pieces, name):
    assert _parts(text, *pieces, CBP) == [(name, "GovernmentAgency"), CBP[:2]]


@pytest.mark.parametrize(("text", "pieces"), [
    # two names: the first is a body's or a person's name of its own
    ("The Tralvex Union and Greenbriar Foods, a subsidiary of U.S. Customs and Border Protection, met.",
     [("Tralvex Union", "Organization"), ("Greenbriar Foods", "Company")]),
    ("The Tralvex Union and Greenbriar Foods, a subsidiary of U.S. Customs and Border Protection, met.",
     [("Tralvex Union", "Organization")]),
    ("Dana Whitfield and Harbor Operations, a division of U.S. Customs and Border Protection, met.",
     [("Dana Whitfield", "Person"), ("Harbor Operations", "GovernmentAgency")]),
    ("Texas and Harbor Operations, a division of U.S. Customs and Border Protection, met.",
     [("Texas", "Place"), ("Harbor Operations", "GovernmentAgency")]),
    # a name from a table is not reshaped
    ("The sweep was backed by Sea and Harbor Operations (an arm of U.S. Customs and Border Protection).",
     [("Sea", "Organization", MentionKind.KNOWN), ("Harbor Operations", "GovernmentAgency")]),
    # no part: a member, a former part
    ("The sweep was backed by Sea and Harbor Operations (a member of U.S. Customs and Border Protection).",
     [("Sea", "Organization"), ("Harbor Operations", "Person")]),
    ("The sweep was backed by Sea and Harbor Operations (a former arm of U.S. Customs and Border Protection).",
     [("Sea", "Organization"), ("Harbor Operations", "Person")]),
])
def test_mentions_unit_part_names_left_as_they_are(text, pieces):
    assert _parts(text, *pieces, CBP) == [p[:2] for p in pieces] + [CBP[:2]]


def test_mentions_unit_part_of_no_body_is_left_as_it_is():
    text = "The deputies, Sea and Harbor Operations (an arm of the law), came."
    pieces = [("Sea", "Organization"), ("Harbor Operations", "Person")]
    assert _parts(text, *pieces) == pieces


@pytest.mark.parametrize(("body", "cls", "part", "typed"), [
    # a company's subsidiary is a company, in every mention of the name
    (("Greenbriar Foods", "Company"), "Organization", "Norvale Packing", "Company"),
    # a group's unit the model took for a person is a group; what it took for a body stays
    (("Harbor Workers Union", "Organization"), "Person", "Norvale Packing", "Organization"),
    (("Harbor Workers Union", "Organization"), "Company", "Norvale Packing", "Company"),
    # a person's name is never a part: it stays a person
    (("Greenbriar Foods", "Company"), "Person", "Dana Whitfield", "Person"),
])
def test_mentions_unit_part_typed_like_its_body(body, cls, part, typed):
    text = f"{part}, a unit of {body[0]}, hired them. Later {part} closed."
    found = _parts(text, (part, cls), body)
    assert found[0] == (part, typed) and body in found
    later = _parts(text, (part, cls), body, (part, cls))  # the second mention of the name
    assert later == [(part, typed), body, (part, typed)]


def test_mentions_unit_part_in_spanish():
    text = "La Oficina de Vigilancia Costera, una dependencia del Departamento de Seguridad Nacional, actuó."
    body = ("Departamento de Seguridad Nacional", "GovernmentAgency")
    pieces = [("Oficina", "Organization"), ("Vigilancia Costera", "Person")]
    assert _parts(text, *pieces, body) == [("Oficina de Vigilancia Costera", "GovernmentAgency"), body]
    assert _parts(text.replace("una dependencia", "miembro"), *pieces, body) == [*pieces, body]


def test_mentions_unit_part_the_model_cut_is_one_agency(nlp):
    from actorgraph.loaders.mentions import extract_mentions
    from actorgraph.loaders.parse import parse
    from actorgraph.loaders.segment import segment

    text = "The sweep was backed by Sea and Air Operations (an arm of U.S. Customs and Border Protection) and by 200 agents."
    found = {(m.text, m.cls) for m in extract_mentions(text, parse(text, segment(text), nlp))}
    assert ("Sea and Air Operations", "GovernmentAgency") in found
    assert not {name for name, _ in found} & {"Sea", "Air Operations"}
