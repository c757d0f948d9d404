"""Entity recognizers learned from the gold annotations (``train/ner.py``; how they were
made: ``SOURCES.md`` beside this file).

Each language's recognizer is a spaCy pipeline of one component, the stock pipeline's own
``ner`` fine-tuned on the nine ontology classes, shipped here as package data. It reads a
name's class from its context ("X, the national organizing hub" is a group, "Y, a trailer
maker" a company), which the stock labels (ORG, GPE, ...) cannot tell apart.

    ner = load_trained_ner("en")          # None when no recognizer ships for the language
    if ner is not None:
        spans = ner(doc)                  # a spaCy Doc of any pipeline, or a str
        # [TypedSpan(start=0, end=19, text='...', cls='Organization'), ...]

Only the nine classes come out; the stock labels the sourced component still knows
(DATE, CARDINAL, ...) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from actorgraph.errors import ActorgraphError

#: the ontology classes the recognizers tag (their spaCy labels are the class names)
CLASSES = frozenset({"Person", "Organization", "GovernmentAgency", "Company", "Place", "DetentionFacility",
                     "Policy", "Campaign", "Event"})


@dataclass(frozen=True, slots=True)
class TypedSpan:
    """A name the recognizer found: character offsets into the text, its text and its class."""

    start: int
    end: int
    text: str
    cls: str


class TrainedNER:
    """A loaded recognizer; call it on a Doc (of any pipeline: only its tokens are read, it
    is not changed) or on a text."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    @property
    def lang(self) -> str:
        return str(self.nlp.lang)

    def __call__(self, doc: Any) -> list[TypedSpan]:
        from spacy.tokens import Doc

        if isinstance(doc, str):
            ours = self.nlp(doc)
        else:
            ours = self.nlp(Doc(self.nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]))
        return [TypedSpan(e.start_char, e.end_char, e.text, e.label_) for e in ours.ents if e.label_ in CLASSES]


def load_ner_from(path: str | Path) -> TrainedNER:
    """The recognizer saved in ``path`` (a spaCy pipeline folder)."""
    import warnings

    import spacy

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a patch-level spaCy version difference (W095)
            nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ActorgraphError(f"cannot load the trained entity recognizer: {exc}", where=str(path)) from exc
    return TrainedNER(nlp)


def shipped_languages() -> list[str]:
    """Languages for which a trained recognizer ships with the package."""
    root = files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("config.cfg").is_file())


@lru_cache(maxsize=4)
def load_trained_ner(lang: str = "en") -> TrainedNER | None:
    """The shipped recognizer for ``lang``, loaded once, or None when none ships.

    >>> load_trained_ner("xx") is None
    True
    """
    if lang not in shipped_languages():
        return None
    with as_file(files(__name__).joinpath(lang)) as path:
        return load_ner_from(path)
