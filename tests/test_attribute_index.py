"""The indexed attribute ruler sets exactly the token attributes spaCy's own does."""

from __future__ import annotations

import pytest
from conftest import DOCS, ROOT, SEEDS, stock_pipeline

from actorgraph.loaders.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.nlp import pipeline_available

# one-token patterns are answered per row; these exercise the others (several tokens) and the
# row tests that are not plain look-ups (REGEX, NOT_IN, IS_SPACE)
UNINDEXED = ("They ain't gonna stop, y'all: nothin' will. Let's go -- there were   three of them, and that is that. "
             "C'mon, we gotta go.\n\nThere is a line, and there's a wait; it gets longer. Y'all got this. Nuthin' else.")
DEV = ROOT / "eval" / "dev" / "docs"
SPANISH_DEV = ("A08_univision_puerto_rico_licencias_ice.txt", "A09_lanacion_houston_tribunales_ice.txt",
               "B08_miaminews24-geo-basile-contrato.txt", "B09_lanacion-redada-texas-couplings.txt",
               "C08_univision_marcha_los_angeles.txt", "C09_sindicatos_uni_solidaridad_inmigrantes.txt")


def _attributes(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("code, texts", [
    ("en", [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))] + [UNINDEXED]),
    ("es", [(DOCS / "spanish-news.txt").read_text("utf-8")] + [(DEV / name).read_text("utf-8") for name in SPANISH_DEV]),
], ids=["en", "es"])
def test_indexed_attribute_ruler_matches_spacy(code, texts):
    if not pipeline_available(code, ""):
        pytest.skip(f"the optional pipeline of {code} is not installed")
    models = load_pack(code).models
    stock, indexed = stock_pipeline(models), stock_pipeline(models)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert indexed.pipe_names == stock.pipe_names
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    assert len(ruler._rest_patterns) < len(ruler.patterns)  # most patterns are answered per row
    ours, spacys = _attributes(indexed, texts), _attributes(stock, texts)
    assert sum(map(len, spacys)) > 2000  # tokens compared (English: 50 000)
    assert ours == spacys
    # the matches too, in spaCy's order (for whoever calls match)
    stock_ruler = stock.get_pipe("attribute_ruler")
    with indexed.select_pipes(enable=indexed.pipe_names[:indexed.pipe_names.index("attribute_ruler")]):
        for doc in indexed.pipe(texts[:3] + [UNINDEXED]):
            assert ruler.match(doc) == stock_ruler.match(doc)


def test_the_pipeline_uses_the_indexed_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    doc = nlp("They ain't gonna stop.")
    assert [t.lemma_ for t in doc][1:5] == ["be", "not", "go", "to"]  # multi-token patterns still apply
