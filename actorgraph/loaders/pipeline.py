"""The extraction pipeline, one small step after another:

read -> clean -> segment -> parse -> mentions -> entities -> relations -> Extraction
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.loaders.clean import clean_text
from actorgraph.loaders.entities import resolve_mentions
from actorgraph.loaders.mentions import extract_mentions
from actorgraph.loaders.model import Document, Extraction
from actorgraph.loaders.parse import parse_many
from actorgraph.loaders.read import read_file
from actorgraph.loaders.relations import extract_relations
from actorgraph.loaders.rules import selected
from actorgraph.loaders.segment import document_language, segment
from actorgraph.loaders.time.documents import METADATA, document_date
from actorgraph.loaders.time.statements import date_relations
from actorgraph.ontology.ids import document_iri
from actorgraph.settings import MAX_BYTES


def make_document(raw: str, source: str, media_type: str = "text/plain", title: str | None = None) -> Document:
    """Clean raw text into a Document (the IRI hashes the cleaned text)."""
    text = clean_text(raw)
    if not text.strip():
        raise InputError("no text left after clean-up (empty or only page furniture)", where=source)
    if title is None:
        line = text.split("\n", 1)[0].strip()
        first = re.sub(r"^[•*▪◦·\-–]\s+", "", line)
        if first != line and ("/" in source or "." in source):
            title = Path(source).stem  # a list item is not the page's title
        elif len(first) <= 120 and not first.endswith("."):
            title = first
        else:
            title = Path(source).stem if "/" in source or "." in source else first[:80].rsplit(" ", 1)[0] + "…"
    return Document(text=text, source=source, title=title, iri=str(document_iri(text)), media_type=media_type)


def path_text(path: Path) -> str:
    """A path as text that any output can hold: bytes of a file name that are not UTF-8
    become backslash escapes ("caf\\xe9.txt").

    >>> import os; path_text(Path(os.fsdecode(b"caf\\xe9.txt")))
    'caf\\\\xe9.txt'
    """
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def load_document(path: Path, limit: int = MAX_BYTES) -> Document:
    """A file read (refused above ``limit`` bytes, Settings.max_bytes) and cleaned."""
    raw = read_file(path, limit)
    document = make_document(raw.text, path_text(path), raw.media_type, raw.title)
    # what an HTML page's markup says of itself (publication date, author, site name); a
    # file without a date in its markup may give one at its top (a dateline), never the day it was read
    created, how = document_date(document.text, raw.date, METADATA)
    return replace(document, created=created, date_source=how, author=raw.author, site=raw.site)


def extract(document: Document, nlp, rules: Collection[str] | None = None,
            timings: dict[str, float] | None = None, spanish: str = "") -> Extraction:
    """Everything the document says, as entities and relations with evidence. ``rules``
    names the relation rules to run, document and sentence rules alike (default: every rule
    of :data:`actorgraph.loaders.rules.RULES`, listed in ``docs/rules.md``; an unknown name
    raises :class:`~actorgraph.errors.UnknownFormatError`); they run in the declared
    orders. ``timings`` (if given) gets the seconds spent in "parse" (spaCy) and "rules"
    added; ``spanish`` picks the Spanish pipeline (Settings.spanish: "", "off" or "rules")."""
    return extract_many([document], nlp, rules, timings, spanish)[0]


def extract_many(documents: list[Document], nlp, rules: Collection[str] | None = None,
                 timings: dict[str, float] | None = None, spanish: str = "") -> list[Extraction]:
    """:func:`extract` for several documents, parsed together (see
    :func:`actorgraph.loaders.parse.parse_many`); each extraction is the one
    :func:`extract` gives for its document alone."""
    chosen = selected(rules)  # an unknown rule name fails before any parsing
    started = time.perf_counter()
    prepared = []
    for document in documents:
        segments = segment(document.text)
        prepared.append((replace(document, language=document_language(document.text, segments)), segments))
    before_parse = time.perf_counter()
    parsed_all = parse_many([(document.text, segments) for document, segments in prepared], nlp, spanish)
    after_parse = time.perf_counter()
    out = []
    for (document, segments), parsed in zip(prepared, parsed_all, strict=True):
        text = document.text
        mentions = extract_mentions(text, parsed)
        entities, spans = resolve_mentions(mentions)
        # petition figures become attributes of the campaign entity
        figures = {}
        for seg in segments:
            if seg.kind == "petition-title":
                iri = spans.get((seg.start, seg.end))
                if iri:
                    figures[iri] = (("signatureCount", seg.get("count")), ("signatureGoal", seg.get("goal")))
        entities = [replace(e, attributes=figures[e.iri]) if e.iri in figures else e for e in entities]
        relations = extract_relations(text, parsed, mentions, entities, spans, chosen)
        # the time each sentence gives its relations (a step after the rules: it adds dates, never relations)
        relations, warnings = date_relations(document, parsed, mentions, spans, relations)
        out.append(Extraction(document, tuple(entities), tuple(relations), tuple(segments), tuple(warnings)))
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + after_parse - before_parse
        timings["rules"] = timings.get("rules", 0.0) + time.perf_counter() - after_parse + before_parse - started
    return out


def extract_path(path: Path, nlp) -> Extraction:
    return extract(load_document(path), nlp)
