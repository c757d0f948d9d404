"""A language is a folder: everything language-specific lives in ``actorgraph/loaders/lang/<code>/``,
registered once; a new language is a new folder and one registration."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from actorgraph.errors import UsageError
from actorgraph.loaders.lang import (
    DEFAULT_LANGUAGE,
    languages,
    load_pack,
    pack_for,
    register_language,
    union,
    unregister_language,
)

PACKAGE = Path(__file__).resolve().parent.parent / "actorgraph"
PACKS = PACKAGE / "loaders" / "lang"

#: a toy language that borrows English's grammar, so the English model parses it, but has its
#: own words: what tells a passage is in it, and a verb frame English does not have
TOY_SENTENCE = "Lakeview Tenants Union pickets ICE."


def _toy_pack(folder: Path) -> Path:
    folder.mkdir()
    models = ", ".join(f'"{m}"' for m in load_pack(DEFAULT_LANGUAGE).models)
    (folder / "pack.toml").write_text(f'name = "Toy"\nmodels = [{models}]\n', "utf-8")
    (folder / "detection.txt").write_text("# words only the toy language has\npickets\npicket\n", "utf-8")
    (folder / "frames.csv").write_text("lemma,predicate,objects,requires,inverse,note\n"
                                       "picket,opposes,dobj,,,X pickets Y\n", "utf-8")
    (folder / "site_preps.txt").write_text("# prepositions of an event's site\nbeside\n", "utf-8")
    return folder


@pytest.fixture
def toy(tmp_path):
    register_language("xx", _toy_pack(tmp_path / "xx"))
    try:
        yield load_pack("xx")
    finally:
        unregister_language("xx")


def _literals(path: Path) -> list[tuple[int, str]]:
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if PACKS not in p.parents),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_lang_no_module_outside_the_packs_names_a_language(path):
    codes = set(languages())
    assert len(codes) >= 2
    found = [(line, value) for line, value in _literals(path) if value in codes]
    assert found == [], f"{path.relative_to(PACKAGE)} names a language: {found}; the knowledge belongs in lang/<code>/"


def test_lang_the_default_language_is_declared_once_and_is_the_fallback():
    assert languages()[0] == DEFAULT_LANGUAGE
    assert pack_for("pt") is load_pack(DEFAULT_LANGUAGE)  # a language without a pack reads as the default one
    assert pack_for("es") is load_pack("es")
    with pytest.raises(UsageError, match="Unknown language 'pt'"):
        load_pack("pt")


def test_lang_a_folder_without_pack_toml_is_refused(tmp_path):
    with pytest.raises(UsageError, match="needs a pack.toml"):
        register_language("xx", tmp_path)
    assert "xx" not in languages()


@pytest.mark.parametrize("code", ["en", "es"])
def test_lang_every_file_of_a_pack_says_what_it_is(code):
    """Each list and table opens with a comment saying what it is, where rules read it and
    where the knowledge comes from."""
    data = [p for p in sorted((PACKS / code).iterdir()) if p.suffix in (".txt", ".csv", ".jsonl", ".toml")]
    assert len(data) > 40
    for path in data:
        assert path.read_text("utf-8").startswith("# "), path.name


def test_lang_a_third_pack_from_a_folder_extracts_a_relation(nlp, toy):
    from actorgraph.loaders.pipeline import extract, make_document

    assert languages() == (DEFAULT_LANGUAGE, "es", "xx")
    assert "beside" in union("site_preps") and "beside" in toy.words("site_preps")
    ex = extract(make_document(TOY_SENTENCE, "toy.txt"), nlp)
    assert ex.document.language == "xx" and {s.language for s in ex.segments} == {"xx"}
    labels = {e.iri: e.label for e in ex.entities}
    found = {(labels[r.subject], r.predicate, labels[r.object], r.evidence.extractor) for r in ex.relations}
    assert ("Lakeview Tenants Union", "opposes", "U.S. Immigration and Customs Enforcement", "rules.frame.verb.v1") in found


def test_lang_without_the_third_pack_the_sentence_is_english_and_says_nothing(nlp, tmp_path):
    """The control: the relation comes from the toy pack's frames, not from English's."""
    from actorgraph.loaders.pipeline import extract, make_document

    register_language("xx", _toy_pack(tmp_path / "xx"))
    unregister_language("xx")
    assert languages() == (DEFAULT_LANGUAGE, "es") and "beside" not in union("site_preps")
    ex = extract(make_document(TOY_SENTENCE, "toy.txt"), nlp)
    assert ex.document.language == DEFAULT_LANGUAGE
    assert not [r for r in ex.relations if r.predicate == "opposes"]


def test_lang_the_default_language_cannot_be_unregistered():
    with pytest.raises(UsageError, match="cannot be unregistered"):
        unregister_language(DEFAULT_LANGUAGE)
