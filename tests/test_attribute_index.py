"""The indexed attribute ruler sets exactly the token attributes spaCy's own does."""

from __future__ import annotations

import pytest
import spacy
from conftest import DOCS, SEEDS

from actorgraph.loaders.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.nlp import pipeline_available

# one-token patterns are looked up; these go through the Matcher (several tokens, REGEX, NOT_IN, IS_SPACE)
UNINDEXED = "They ain't gonna stop, y'all: nothin' will. Let's go -- there were   three of them, and that is that."


def _stock(names):
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip(f"none of {names} installed")


def _attributes(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("code, texts", [
    ("en", [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [UNINDEXED]),
    ("es", [(DOCS / "spanish-news.txt").read_text("utf-8")]),
], ids=["en", "es"])
def test_indexed_attribute_ruler_matches_spacy(code, texts):
    if not pipeline_available(code, ""):
        pytest.skip(f"the optional pipeline of {code} is not installed")
    models = load_pack(code).models
    stock, indexed = _stock(models), _stock(models)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert indexed.pipe_names == stock.pipe_names
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    assert len(ruler._rest) < len(ruler.patterns)  # most patterns are answered by the index
    assert _attributes(indexed, texts) == _attributes(stock, texts)


def test_the_pipeline_uses_the_indexed_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    doc = nlp("They ain't gonna stop.")
    assert [t.lemma_ for t in doc][1:5] == ["be", "not", "go", "to"]  # multi-token patterns still apply
