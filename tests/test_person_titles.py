"""A person named by a surname alone keeps the title the text gives ("Gov. Wolf"); a full
name drops it ("Governor Maria Lopez" is Maria Lopez)."""

from actorgraph.loaders.person_titles import strip_title
from actorgraph.loaders.pipeline import extract, make_document


def _people(nlp, text: str) -> dict[str, tuple[str, ...]]:
    ex = extract(make_document(text, "invented.txt"), nlp)
    return {e.label: e.forms for e in ex.entities if e.cls == "Person"}


def test_a_surname_alone_keeps_its_title(nlp):
    people = _people(nlp, "We are pressing our legislators and Gov. Okafor to advance the idea. Tell General "
                          "Brandt to protect the Dreamers.")
    assert set(people) == {"Gov. Okafor", "General Brandt"}
    assert "Okafor" in people["Gov. Okafor"]  # the bare surname stays a form, for other documents


def test_a_full_name_drops_its_title(nlp):
    people = _people(nlp, "Governor Maria Lopez signed the bill on Monday. Later, Gov. Lopez thanked the unions.")
    assert list(people) == ["Maria Lopez"]


def test_strip_title():
    assert strip_title("Attorney General Bob Ferguson") == "Bob Ferguson"
    assert strip_title("Gov. Wolf") == "Wolf"
    assert strip_title("General Motors") == "Motors"  # only ever applied to people
    assert strip_title("Governor") == "Governor"
