"""The entity recognizer learned from the gold (train/ner.py) and the weights that ship in
actorgraph/loaders/trained/."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from actorgraph.loaders.trained import CLASSES, TypedSpan, load_ner_from, load_trained_ner, shipped_languages

ROOT = Path(__file__).resolve().parent.parent
TRAINED = ROOT / "actorgraph" / "loaders" / "trained"

# invented names only: none of them is in the seeds or the development corpus
TINY = ("Brindlewood Forward, the national organizing hub, met officials of the Department of Labor in Toledo.\n\n"
        "Pellmark, a trailer maker, said Harlan Voss of Brindlewood Forward would speak.")
TINY_GOLD = [(["Brindlewood Forward"], "Organization"), (["Pellmark"], "Company"), (["Harlan Voss"], "Person"),
             (["Department of Labor"], "GovernmentAgency"), (["Toledo"], "Place")]


def _training_script():
    spec = importlib.util.spec_from_file_location("actorgraph_train_ner", ROOT / "train" / "ner.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("epochs", [2])
def test_trained_ner_training_script_makes_a_loadable_component(tmp_path, epochs):
    ner = _training_script()
    docs = [ner.GoldDoc(f"tiny{i}", "A", TINY, "en", TINY_GOLD) for i in range(4)]
    refs = ner.examples(docs, "en", ner.Options())
    assert len(refs) == 8
    assert {(e.text, e.label_) for e in refs[0].ents} >= {("Brindlewood Forward", "Organization"), ("Toledo", "Place")}
    model, info = ner.build_and_train(docs, "en", ner.Options(epochs=epochs), tmp_path / "run", base=tmp_path / "base")
    assert info["examples"] == 8
    shipped = ner.strip_model(model, tmp_path / "ship", "en", info)
    recognizer = load_ner_from(shipped)
    assert CLASSES <= set(recognizer.nlp.get_pipe("ner").labels)
    assert len(recognizer.nlp(TINY).ents) > 0
    # the training text's words are not shipped: only the blank pipeline's strings and the labels
    strings = json.loads((shipped / "vocab" / "strings.json").read_text("utf-8"))
    assert "Brindlewood" not in strings and "Pellmark" not in strings
    assert "Organization" in strings
    assert json.loads((shipped / "meta.json").read_text("utf-8"))["trained_with"]["examples"] == 8


def test_trained_ner_ships_english():
    assert "en" in shipped_languages()
    assert load_trained_ner("en") is load_trained_ner("en")
    meta = json.loads((TRAINED / "en" / "meta.json").read_text("utf-8"))
    assert meta["trained_with"]["spacy"].startswith("3.8")
    size = sum(p.stat().st_size for p in (TRAINED / "en").rglob("*") if p.is_file())
    assert size < 8_000_000


@pytest.mark.parametrize(("text", "name", "cls"), [
    # one invented word: nothing in the name says what it is, the apposition does
    ("The contract went to Dravenport, a trailer maker based in the county, which declined to comment.",
     "Dravenport", "Company"),
    ("The county jail contract went to Ostrava Holdings, a private prison operator.", "Ostrava Holdings", "Company"),
    ("Sheriff Odalys Brenneman said the county would renew the agreement.", "Odalys Brenneman", "Person"),
    ("The nonprofit Quorvale United said it would sue.", "Quorvale United", "Organization"),
])
def test_trained_ner_types_unknown_names_by_context(text, name, cls):
    recognizer = load_trained_ner("en")
    assert recognizer is not None
    found = {s.text: s.cls for s in recognizer(text)}
    # the name, or a span holding it with a title ("Sheriff ...")
    assert [c for t, c in found.items() if name in t and len(t) <= len(name) + 10] == [cls], found


@pytest.mark.parametrize("text", ["Members of Veltrana Rising marched to the Hollisford Processing Center on Monday."])
def test_trained_ner_reads_a_doc_of_another_pipeline(nlp, text):
    recognizer = load_trained_ner("en")
    assert recognizer is not None
    doc = nlp(text)
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    spans = recognizer(doc)
    assert spans == recognizer(text) and spans
    assert all(isinstance(s, TypedSpan) and text[s.start:s.end] == s.text and s.cls in CLASSES for s in spans)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == ents  # the caller's Doc is left alone


def _gold_names() -> set[str]:
    names = set()
    for gold in [*(ROOT / "eval" / "dev" / "gold").glob("*.json"), *(ROOT / "seeds" / "gold").glob("*.json")]:
        for e in json.loads(gold.read_text("utf-8"))["entities"]:
            if e["type"] in ("Person", "Organization", "Campaign", "Event"):
                names |= {n for n in [e["name"], *e.get("aliases", [])] if len(n) >= 6}
    return names


@pytest.mark.parametrize("lang", ["en"])
def test_trained_ner_files_hold_no_name_from_the_gold(lang):
    names = _gold_names()
    assert len(names) > 100
    for path in (TRAINED / lang).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits = [n for n in names if n.encode("utf-8") in data]
            assert not hits, f"{path.name}: {hits[:3]}"
