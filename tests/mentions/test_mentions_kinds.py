"""What the text says a name is (mentions.kind.named.v1, mentions.kind.said.v1): an apposition,
a kind noun before the name, a relative clause, a firm's site; invented sentences."""

import pytest

from actorgraph.loaders.mentions import MentionContext, extract_mentions
from actorgraph.loaders.mentions.kinds import kind_after, kind_before, kind_relative, kinds_said
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment, parse
from actorgraph.loaders.segment import segment


def _found(nlp, text):
    return {(m.text, m.cls) for m in extract_mentions(text, parse(text, segment(text), nlp))}


def _spanish(nlp):
    from actorgraph.loaders.nlp import pipeline_available

    if not pipeline_available("es"):
        pytest.skip("no Spanish pipeline installed")


@pytest.mark.parametrize(("after", "cls"), [
    (", a Hoover-based human rights organization that works with families", "Organization"),
    (", a Latinx non-profit that does community organizing", "Organization"),
    (", the national organizing hub for day laborers", "Organization"),
    (", a trailer maker based in Ohio", "Company"),
    (", a report released by the Law Center", "none"),
    (", a spokesperson for the coalition", "Person"),
    (", una organización de derechos humanos", "Organization"),
    (", una fábrica de pintura en El Cajón", "Company"),
])
def test_mentions_kind_the_head_of_an_apposition_says_what_a_name_is(after, cls):
    said = kind_after(after)
    assert said is not None and said.cls == cls


@pytest.mark.parametrize("after", [
    ", the executive director of Harbor Coalition for Immigrant Rights",  # the kind is in a phrase after the head
    ", a company spokesman said",  # "company" only modifies the head
    ", who met the coalition",
    ", una activista de la organización",
])
def test_mentions_kind_no_kind_where_it_is_not_the_head(after):
    said = kind_after(after)
    assert said is None or said.cls == "Person"


@pytest.mark.parametrize(("before", "after", "cls"), [
    ("director of the nonprofit ", "", "Organization"),
    ("said the immigrant rights group ", "", "Organization"),
    ("trabaja para la empresa ", "", "Company"),
    ("", ", which manufactures trailers", "Company"),
])
def test_mentions_kind_before_a_name_and_relative_clauses(before, after, cls):
    said = kind_before(before) if before else kind_relative(after)
    assert said is not None and said.cls == cls


def _context(text, *mentions):
    found = []
    for name, cls in mentions:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7, kind=MentionKind.MODEL))
        while (start := text.find(name, start + 1)) >= 0:
            found.append(Mention(start, start + len(name), name, cls, "spacy.ner.v1", 0.7, kind=MentionKind.MODEL))
    return MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", "en"), None),), tuple(found))


def test_mentions_kind_what_one_apposition_says_holds_for_every_mention_of_the_name():
    text = "Voces Firmes rallied on Monday. Voces Firmes, a Latinx non-profit, asked for his release. Ask Voces Firmes."
    out = kinds_said(_context(text, ("Voces Firmes", "Person")))
    assert [(m.cls, m.kind) for m in out] == [("Organization", MentionKind.NAME)] * 3


@pytest.mark.parametrize(("text", "name", "cls"), [
    # a kind that also says what a person does leaves a person's name a person
    ("Dana Whitcombe, a furniture maker from Ohio, was arrested.", "Dana Whitcombe", "Person"),
    ("Agents raided Tralco Hitch, a trailer maker from Ohio.", "Tralco Hitch", "Company"),
    # a place before a firm's sites is where they are
    ("The raids hit the Ohio plants of the firm.", "Ohio", "Place"),
    ("Agents raided the Tralco factory and arrested forty.", "Tralco", "Company"),
])
def test_mentions_kind_what_the_text_says_retypes_only_what_may_be_it(text, name, cls):
    model_cls = "Place" if name == "Ohio" else "Person"
    out = kinds_said(_context(text, (name, model_cls)))
    assert [m.cls for m in out] == [cls]


def test_mentions_kind_a_report_is_no_actor():
    text = "Hidden Walls, a report released by the Riverbend Law Center, says the jail is unsafe."
    assert kinds_said(_context(text, ("Hidden Walls", "Person"))) == []


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Agents opened an investigation into Korvan Hitch, which manufactures trailers.",
     ("Korvan Hitch", "Company"), None),
    ("Agents raided plants owned by Pelham Farms in three states.", ("Pelham Farms", "Company"), None),
    ("Marta Quiroz, legal director of the nonprofit Puerta Abierta, said the jail must close.",
     ("Puerta Abierta", "Organization"), None),
    # a common word that begins a sentence, a date, a place: no name
    ("Yesterday, a group of parents marched to the council.", None, "Yesterday"),
    ("In March, a coalition of twelve groups asked the county to end the contract.", None, "March"),
    ("On Tuesday, a company spokesman said nothing.", None, "Tuesday"),
])
def test_mentions_kind_names_the_model_missed(nlp, text, expected, absent):
    found = _found(nlp, text)
    if expected:
        assert expected in found
    if absent:
        assert not any(absent in name for name, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    # the Spanish model tags both names as places
    ("La policía detuvo ayer a cuarenta trabajadores en el condado. Carlos Ibarra, director ejecutivo de "
     "Voces Unidas, una organización de derechos humanos, dijo que la redada fue cruel.", ("Voces Unidas", "Organization")),
    ("Los agentes federales llegaron el jueves a las instalaciones de Pinturas Lomas, una fábrica de pintura de "
     "El Cajón, y detuvieron a treinta trabajadores.", ("Pinturas Lomas", "Company")),
])
def test_mentions_kind_spanish_apposition(nlp, text, expected):
    _spanish(nlp)
    assert expected in _found(nlp, text)
