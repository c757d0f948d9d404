"""Parsing: each language's spaCy pipeline over a document's segments, batched across
documents. The mention passes, the list reader and the relation rules all read the
:class:`ParsedSegment` records made here; this module imports none of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import DEFAULT_LANGUAGE, languages
from actorgraph.loaders.model import Segment
from actorgraph.loaders.nlp import load_language_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ParsedSegment:
    segment: Segment
    doc: Doc | None  # None for passages in a language without a pipeline


def parse(text: str, segments: list[Segment], nlp) -> list[ParsedSegment]:
    """Run each language's pipeline over its segments (batched), petition titles included:
    ``nlp`` for the default language, the pipeline of another registered language when
    one is installed; other passages stay unparsed."""
    return parse_many([(text, segments)], nlp)[0]


#: paragraphs per spaCy batch: over 200 bench documents, 128 took 12.3 s of process time,
#: 32 took 12.9 s and one document's paragraphs per batch 13.8 s
PARSE_BATCH = 128


def parse_many(items: list[tuple[str, list[Segment]]], nlp, mode: str = "") -> list[list[ParsedSegment]]:
    """:func:`parse` for several documents (text and segments each) at once: one
    ``pipe`` per language over the segments of them all, so spaCy fills its batches across
    documents (a document's dozen paragraphs alone make a short batch: about 10% more CPU
    for the same text). ``mode`` is Settings.spanish (ACTORGRAPH_SPANISH): how the pipelines
    of the languages besides the default one load."""
    present = {s.language for _, segments in items for s in segments}
    docs: dict[tuple[int, int], Doc] = {}
    for language in languages():
        if language not in present:
            continue
        pipeline = nlp if language == DEFAULT_LANGUAGE else load_language_pipeline(language, mode)
        if pipeline is None:
            continue
        chosen = [(d, i) for d, (_, segments) in enumerate(items) for i, s in enumerate(segments) if s.language == language]
        texts = (items[d][0][items[d][1][i].start:items[d][1][i].end] for d, i in chosen)
        for key, doc in zip(chosen, pipeline.pipe(texts, batch_size=PARSE_BATCH)):
            docs[key] = doc
    return [[ParsedSegment(s, docs.get((d, i))) for i, s in enumerate(segments)] for d, (_, segments) in enumerate(items)]
