"""Masking a person where a text names that person (actorgraph.exports.masking), on
invented names: the spans of her mentions, never a word another name shares."""

from __future__ import annotations

import re

import pytest

from actorgraph.exports.masking import Masker, Names, pseudonyms

ID = "https://w3id.org/actorgraph/id/"
MARIA, ANA, SHERIFF = ID + "person/maria-vigil", ID + "person/ana-r", ID + "person/tom-vigil"
COMPANY, PLACE, FIRM = ID + "company/vigil-technologies", ID + "place/vigil-county", ID + "company/maria-vigil-consulting"
FREE, FAMILY = ID + "campaign/free-maria-vigil", ID + "campaign/justice-for-the-vigil-family"
D1, D2, D3, D4 = (f"https://w3id.org/actorgraph/doc/{i}" for i in range(1, 5))

WRITTEN = {
    MARIA: {"Maria Vigil": {D1, D2}, "Vigil": {D1}},
    ANA: {"Ana R.": {D1}},
    SHERIFF: {"Sheriff Tom Vigil": {D4}, "Vigil": {D4}},   # public: an official
    COMPANY: {"Vigil Technologies": {D1, D3}},
    PLACE: {"Vigil County": {D1, D4}},
    FIRM: {"Maria Vigil Consulting": {D3}},
    FREE: {"Free Maria Vigil": {D1}},
    FAMILY: {"Justice for the Vigil Family": {D1}},
}
CLASSES = {MARIA: "Person", ANA: "Person", SHERIFF: "Person", COMPANY: "Company", PLACE: "Place", FIRM: "Company",
           FREE: "Campaign", FAMILY: "Campaign"}


@pytest.fixture(scope="module")
def masker() -> Masker:
    names = Names(CLASSES, {iri: min(forms, key=len) if iri != MARIA else "Maria Vigil" for iri, forms in WRITTEN.items()},
                  {iri: {f: frozenset(d) for f, d in forms.items()} for iri, forms in WRITTEN.items()},
                  {ID + "person/vigil": MARIA})
    return Masker(names, pseudonyms([MARIA, ANA]))


def _p(masker: Masker, iri: str) -> str:
    return masker.masked[iri]


@pytest.mark.parametrize(("text", "docs", "expected"), [
    # her mentions, the surname alone included; the company and the county keep the word
    ("Deputies arrested Maria Vigil in Vigil County; Vigil Technologies sold the data. Vigil was held.", [D1],
     "Deputies arrested {M} in Vigil County; Vigil Technologies sold the data. {M} was held."),
    # a common word is not a name
    ("A candlelight vigil for Maria Vigil.", [D1], "A candlelight vigil for {M}."),
    # a document that names her in full only: her full name is masked, the word alone is not hers there
    ("Vigil said nothing; MARÍA VIGIL was released.", [D3], "Vigil said nothing; {M} was released."),
    # one word of her full name in a document that names her
    ("They called Maria. Vigil County refused.", [D1], "They called {M}. Vigil County refused."),
    # a document that writes the surname for someone else
    ("Sheriff Vigil spoke for Vigil County.", [D4], "Sheriff Vigil spoke for Vigil County."),
    # an initial with its dot, and a name made from hers inside a quote
    ("Created by Ana R. for the petition Free Maria Vigil.", [D1], "Created by {A}. for the petition Free {M}."),
])
def test_masking_masks_her_mentions_only(masker, text, docs, expected):
    assert masker.text(text, docs) == expected.format(M=_p(masker, MARIA), A=_p(masker, ANA))


def test_masking_names_made_from_hers_and_not_the_names_sharing_a_word(masker):
    m = _p(masker, MARIA)
    assert masker.name(FREE, "Free Maria Vigil") == f"Free {m}"
    assert masker.name(FAMILY, "Justice for the Vigil Family") == f"Justice for the {m} Family"  # a campaign for her
    assert masker.name(FIRM, "Maria Vigil Consulting") == f"{m} Consulting"  # her full name, whatever the class
    assert masker.name(COMPANY, "Vigil Technologies") == "Vigil Technologies"
    assert masker.name(PLACE, "Vigil County") == "Vigil County"
    assert masker.name(SHERIFF, "Sheriff Tom Vigil") == "Sheriff Tom Vigil"
    assert masker.name(MARIA, "Vigil") == m


def test_masking_gives_opaque_iris_to_what_carries_her_name(masker):
    assert masker.iri(MARIA) == ID + "person/" + _p(masker, MARIA).lower().replace(" ", "-")
    for iri in (FREE, FAMILY, FIRM, ID + "person/vigil"):  # the last: an IRI merged into hers
        assert re.fullmatch(re.escape(iri.rsplit("/", 1)[0]) + r"/masked-[0-9a-f]{12}", masker.iri(iri)), iri
    assert masker.iri(FREE) == masker.iri(FREE) != masker.iri(FAMILY)
    for iri in (COMPANY, PLACE, SHERIFF, D1, "https://w3id.org/actorgraph/ont#arrested"):
        assert masker.iri(iri) == iri


def test_masking_file_names_as_slugs(masker):
    m = _p(masker, MARIA).lower().replace(" ", "-")
    assert masker.path("docs/maria_vigil-arrest.txt", [D1]) == f"docs/{m}-arrest.txt"
    assert masker.path("docs/vigil-county-minutes.txt", [D1]) == "docs/vigil-county-minutes.txt"


def test_pseudonyms_are_distinct_even_when_four_digits_collide():
    iris = [f"{ID}person/p{i}" for i in range(2000)]  # enough for several four-digit collisions
    names = pseudonyms(iris)
    assert len(set(names.values())) == len(iris)
    longer = [n for n in names.values() if len(n) > len("Person 1234")]
    assert longer and all(re.fullmatch(r"Person [0-9a-f]{6,}", n) for n in longer)
    alone = next(i for i in iris if len(names[i]) == len("Person 1234"))
    assert pseudonyms([alone]) == {alone: names[alone]}  # the same pseudonym whoever else is masked


def test_masking_a_place_with_a_masked_persons_whole_name():
    """A person and a place both named "Ribera Oaks" (the model took the town for a person
    in one document): the town keeps its name where documents write it for the town, and
    masking it ends (it used to ask itself for its own name forever)."""
    person, town = ID + "person/ribera-oaks", ID + "place/ribera-oaks"
    written = {person: {"Ribera Oaks": frozenset({D1})}, town: {"Ribera Oaks": frozenset({D2, D3})}}
    names = Names({person: "Person", town: "Place"}, {person: "Ribera Oaks", town: "Ribera Oaks"}, written, {})
    masker = Masker(names, pseudonyms([person]))
    assert masker.name(town, "Ribera Oaks") == "Ribera Oaks"
    assert masker.iri(town) == town
    assert masker.text("Agents arrested 40 workers at a plant in Ribera Oaks, Texas.", [D2]) == \
        "Agents arrested 40 workers at a plant in Ribera Oaks, Texas."
    assert masker.text("Ribera Oaks was detained.", [D1]) == f"{masker.masked[person]} was detained."
