"""A name the document already gave is found again where the model missed it
(mentions.repeated_names), and only as a whole name."""

from conftest import triples_of

from actorgraph.loaders.pipeline import extract, make_document


def _mentions(nlp, text: str, label: str) -> list[str]:
    ex = extract(make_document(text, "invented.txt"), nlp)
    return [text[m.start:m.end] for e in ex.entities if e.label == label for m in e.mentions]


def test_a_name_shaped_like_a_clause_is_found_again_and_is_an_object(nlp):
    text = ("Groups launched the Harbor Is Home campaign on Monday. "
            "The Eastside Tenants Committee joined Harbor Is Home last week.")
    assert _mentions(nlp, text, "Harbor Is Home") == ["Harbor Is Home", "Harbor Is Home"]
    assert ("Eastside Tenants Committee", "memberOf", "Harbor Is Home") in triples_of(nlp, text)


def test_a_name_inside_a_longer_name_is_not_a_use_of_it(nlp):
    text = ("Groups launched the Harbor Is Home campaign on Monday. "
            "Organizers from Salem Harbor Is Home Alliance spoke. In Salem Harbor Is Home is a slogan.")
    assert _mentions(nlp, text, "Harbor Is Home") == ["Harbor Is Home"]


def test_co_chairs_of_a_name_read_as_a_clause(nlp):
    text = ("Groups are launching the Harbor Is Home campaign today. Co-chairs of Harbor Is Home are the "
            "United Farm Workers (UFW); the National Domestic Workers Alliance; and the Service Employees "
            "International Union (SEIU).")
    found = {t for t in triples_of(nlp, text) if t[1] == "leads"}
    assert found == {(g, "leads", "Harbor Is Home") for g in
                     ("United Farm Workers", "National Domestic Workers Alliance", "Service Employees International Union")}
