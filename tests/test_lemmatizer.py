"""The one-pass lemmatizer sets exactly the lemmas spaCy's own does."""

from __future__ import annotations

from conftest import DOCS, ROOT, SEEDS, stock_pipeline

from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.lemmatizer import OnePassEnglishLemmatizer, one_pass_lemmatizer

DEV = ROOT / "eval" / "dev" / "docs"


def test_one_pass_lemmas_are_spacys():
    stock, ours = stock_pipeline(load_pack("en").models), stock_pipeline(load_pack("en").models)
    one_pass_lemmatizer(ours)
    assert type(ours.get_pipe("lemmatizer")) is OnePassEnglishLemmatizer
    assert ours.pipe_names == stock.pipe_names
    # paragraphs, twice over: the second time most lemmas are the kept ones
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt")) + [DOCS / "news-report.txt", DOCS / "petition.txt"]
    texts = [p for path in paths for p in path.read_text("utf-8").split("\n\n") if p.strip()] * 2
    mine = [[(t.text, t.lemma_) for t in doc] for doc in ours.pipe(texts)]
    theirs = [[(t.text, t.lemma_) for t in doc] for doc in stock.pipe(texts)]
    assert sum(map(len, theirs)) > 40_000
    assert mine == theirs


def test_spanish_keeps_spacys_lemmatizer(spanish_model):
    from actorgraph.loaders.nlp import load_language_pipeline

    nlp = load_language_pipeline("es")
    assert not isinstance(nlp.get_pipe("lemmatizer"), OnePassEnglishLemmatizer)


def test_the_pipeline_uses_the_one_pass_lemmatizer(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), OnePassEnglishLemmatizer)
    assert [t.lemma_ for t in nlp("The officers were detaining two workers.")] == ["the", "officer", "be", "detain", "two", "worker", "."]
