"""The extraction pipeline, one small step after another:

read -> clean -> segment -> parse -> mentions -> entities -> relations -> Extraction
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.loaders.clean import clean_text
from actorgraph.loaders.entities import resolve_mentions
from actorgraph.loaders.lang import all_packs, alternation, registry_version, union
from actorgraph.loaders.mentions import extract_mentions
from actorgraph.loaders.model import Document, Extraction
from actorgraph.loaders.parse import parse_many
from actorgraph.loaders.read import read_file
from actorgraph.loaders.relations import extract_relations
from actorgraph.loaders.rules import clause_modality, selected
from actorgraph.loaders.segment import document_language, segment
from actorgraph.loaders.time.documents import METADATA, document_date
from actorgraph.loaders.time.statements import date_relations
from actorgraph.ontology.ids import document_iri
from actorgraph.settings import MAX_BYTES


def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return _boilerplate_patterns(registry_version())


@lru_cache(maxsize=4)
def _boilerplate_patterns(version: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What opens a press release above its headline (``lang/<code>/boilerplate.csv``): a
    label with the separators after it, a phrase that opens a line that is no headline, and
    a date (month names: ``lang/<code>/months.txt``)."""
    rows = [row for pack in all_packs() for row in pack.rows("boilerplate.csv")]
    labels = {r["phrase"] for r in rows if r["kind"] == "label"}
    lines = {r["phrase"] for r in rows if r["kind"] == "line"}
    month = alternation({w.casefold() for line in union("months") for w in line.split()})  # several forms a line
    day = r"\d{1,2}[^\W\d_]{0,2}\.?"  # 3, 3rd, 3º
    date = (rf"(?:{month})\.?\s+{day},?(?:\s+\d{{4}})?|{day}\s+(?:[^\W\d_]{{1,3}}\s+)?(?:{month})\.?"
            rf"(?:,?\s+(?:[^\W\d_]{{1,3}}\s+)?\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}")
    return (re.compile(rf"^(?:{alternation(labels)})(?=$|[\s:—–|/.,-])[\s:—–|/.,-]*", re.I),
            re.compile(rf"^(?:{alternation(lines)})(?=$|[\s:.,-])", re.I),
            re.compile(rf"\b(?:{date})(?!\w)", re.I))


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")  # an e-mail address, a phone number


def _is_dateline(text: str) -> bool:
    """A line that only says where and when a release was issued: "SEATTLE, Wash., March 3,
    2024 —", "SAN FRANCISCO –", "Aug 8, 2019"."""
    dashed = bool(re.search(r"[—–-]\s*$", text))
    core = text.strip().rstrip("—–-.: ").strip()
    date = _boilerplate()[2].search(core)
    if not core or len(core) > 80 or not (dashed or (date and re.search(r"\d{4}", date.group()))):
        return False
    rest = core[:date.start()] + " " + core[date.end():] if date else core
    words = re.findall(r"[^\W\d_][\w.'’]*", rest)
    if any(w[0].islower() and len(w) > 3 for w in words):  # a word of running text: a sentence
        return False
    capitals = [w for w in words if w.replace(".", "").isupper()]
    return len(words) - len(capitals) <= 3 and bool(date or capitals)


def _headline(line: str) -> str | None:
    """``line`` without the release labels that open it ("FOR IMMEDIATE RELEASE //", "PRESS
    RELEASE:"), or None when nothing of a headline is left: only labels, a contact line, a
    date line or a dateline."""
    label, opener, _ = _boilerplate()
    text = line.strip()
    if opener.match(text) or _CONTACT.search(text):
        return None
    while (match := label.match(text)) and match.end():
        text = text[match.end():]
    text = text.strip(" —–-|/:")
    return None if not text or _is_dateline(text) else text


TITLE_LINES = 8  # lines of a document's start where its title is looked for
TITLE_CHARACTERS = 160  # the longest line taken for a title (press releases have long headlines)


def document_title(text: str, source: str) -> str:
    """A document's title: its first line that is not press-release boilerplate (labels such
    as "FOR IMMEDIATE RELEASE", contact lines, datelines: ``lang/<code>/boilerplate.csv``),
    when it reads as a headline (short, no final full stop, not a list item); else the
    file's name (the first words, for a text without one).

    >>> document_title("FOR IMMEDIATE RELEASE\\nMarch 3, 2025\\n\\nCoalition Sues Harris County\\n\\nHOUSTON — ...", "a.txt")
    'Coalition Sues Harris County'
    >>> document_title("PRESS RELEASE — For immediate release\\nSEATTLE, Wash. —\\nThe county voted.", "reports/b.txt")
    'b'
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    line = next((candidate for candidate in lines[:TITLE_LINES] if _headline(candidate) is not None), "")
    first = re.sub(r"^[•*▪◦·\-–]\s+", "", line)
    head = _headline(first) or first
    named = "/" in source or "." in source
    if first != line and named:
        return Path(source).stem  # a list item is not the page's title
    if head and len(head) <= TITLE_CHARACTERS and not head.endswith("."):
        return head
    if named or not head:
        return Path(source).stem
    return head[:80].rsplit(" ", 1)[0] + "…"


def make_document(raw: str, source: str, media_type: str = "text/plain", title: str | None = None) -> Document:
    """Clean raw text into a Document (the IRI hashes the cleaned text)."""
    text = clean_text(raw)
    if not text.strip():
        raise InputError("no text left after clean-up (empty or only page furniture)", where=source)
    if title is None:
        title = document_title(text, source)
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
        relations = clause_modality(text, extract_relations(text, parsed, mentions, entities, spans, chosen), entities)
        # the time each sentence gives its relations (a step after the rules: it adds dates, never relations)
        relations, warnings = date_relations(document, parsed, mentions, spans, relations)
        out.append(Extraction(document, tuple(entities), tuple(relations), tuple(segments), tuple(warnings)))
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + after_parse - before_parse
        timings["rules"] = timings.get("rules", 0.0) + time.perf_counter() - after_parse + before_parse - started
    return out


def extract_path(path: Path, nlp) -> Extraction:
    return extract(load_document(path), nlp)
