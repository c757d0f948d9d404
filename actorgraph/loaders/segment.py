"""Split a cleaned document into segments and recognise its structure: petition listings
("N of M Signatures", "Created by X & Y"), headings, paragraphs, and the language of each
passage (a translation is kept away from the original language's model)."""

from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.loaders import lang
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, all_packs, alternation, letters, union
from actorgraph.loaders.model import Segment

_BULLET = re.compile(r"^\s*[•*▪◦·\-–]\s+")


@lru_cache(maxsize=4)
def _language_break(markers: frozenset[str]) -> re.Pattern[str]:
    """A run of dashes or an explicit marker (``lang/<code>/translation_markers.txt``:
    "[english below]") separates a translation from the original."""
    return re.compile(r"-{5,}|\[\s*(?:" + alternation(markers) + r")\s*\]", re.I)


@lru_cache(maxsize=4)
def _word(letters: str) -> re.Pattern[str]:
    return re.compile(f"[a-z{letters}]+")


def _counts(words: list[str]) -> dict[str, int]:
    """Language code -> how many of the words are its detection words (``detection.txt``),
    the default language first, then in registration order."""
    return {pack.code: sum(w in pack.words("detection") for w in words) for pack in all_packs()}


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """ISO 639-1 code of a passage: a vote of the registered languages' function words
    (``lang/<code>/detection.txt``), and langdetect (seeded) when the vote is close on a
    longer passage.

    >>> detect_language("La oficina de Inmigración ha enviado un aviso de deportación a la activista.")
    'es'
    >>> detect_language("The Seattle office of Immigration and Customs Enforcement has served a notice.")
    'en'
    """
    words = _word(letters()).findall(text.lower())
    if len(words) < 4:
        return default
    counts = _counts(words)
    best = max(counts, key=lambda code: counts[code])  # the first of the best: ties go to the default language
    if len(words) < 25 and counts[best]:
        return best
    # function words leave no doubt: langdetect (slow, character n-grams) only for close calls
    for code, n in counts.items():
        if n >= 5 and all(n >= 4 * m for other, m in counts.items() if other != code):
            return code
    return _close_call(text, counts, default)


def _close_call(text: str, counts: dict[str, int], default: str) -> str:
    """langdetect's guess when it is a registered language; else the function words decide
    between the default language and the best other one, or langdetect's guess stands."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        guess = detect_langs(text)[0].lang
    except LangDetectException:
        return default
    if guess in counts:
        return guess
    mine = counts[DEFAULT_LANGUAGE]
    others = {code: n for code, n in counts.items() if code != DEFAULT_LANGUAGE}
    if not others:
        return DEFAULT_LANGUAGE
    other = max(others, key=lambda code: others[code])
    if others[other] > mine * 2:
        return other
    return DEFAULT_LANGUAGE if mine >= others[other] else guess


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _number(text: str) -> int:
    return int(re.sub(r"[,.]", "", text))


MAX_SEGMENT = 20_000  # characters: the parser needs about 1 GB per 100,000


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long block at sentence ends (or spaces) into parts of at most MAX_SEGMENT."""
    out = []
    while end - start > MAX_SEGMENT:
        window = text[start:start + MAX_SEGMENT]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 1 if cut > MAX_SEGMENT // 2 else window.rfind(" ")
        if cut <= 0:
            cut = MAX_SEGMENT
        out.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    out.append((start, end))
    return out


def _split_language(text: str, start: int, end: int, kind: str) -> list[Segment]:
    """Cut a block at translation markers (and into parts the parser can take) and detect
    each part's language."""
    pieces = []
    cursor = start
    for match in _language_break(union("translation_markers")).finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    pieces = [p for s, e in pieces for p in _pieces(text, s, e)]
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Segment(s, e, kind, detect_language(text[s:e])))
    return out


def _creators(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Split "Created by A & B" into names with offsets."""
    who = text[start:end]
    trailing = lang.search("segment.trailing_words", who)
    if trailing:
        end -= len(trailing.group(0))
        who = text[start:end]
    out = []
    cursor = start
    joiner = "|".join(f"(?:{p.pattern})" for p in lang.expressions("segment.creator_joiner"))
    for part in re.split(joiner, who):
        if not part:
            continue
        s = text.index(part, cursor, end)
        out.append((part, s, s + len(part)))
        cursor = s + len(part)
    return tuple(out)


def segment(text: str) -> list[Segment]:
    """Segments of a cleaned text, in order.

    Petition listings become one ``petition-title`` segment carrying the figures and the
    creators in ``fields``, ``paragraph`` segments for the description, and are skipped
    for the counter and "Created by" lines.
    """
    lines = _lines(text)
    segments: list[Segment] = []
    consumed: set[int] = set()
    petition_title: dict[int, dict] = {}
    for i, (s, e) in enumerate(lines):
        counter = lang.match("segment.signatures", text[s:e])
        if not counter:
            continue
        # title: nearest bulleted line above, else the line above the description
        j = i - 1
        while j >= 0 and j not in consumed and not _BULLET.match(text[lines[j][0]:lines[j][1]]) \
                and not (j > 0 and (j - 1) in consumed):
            j -= 1
        j = max(j, 0)
        if j in consumed or j == i:
            continue
        fields: dict = {"count": _number(counter["count"]), "goal": _number(counter["goal"])}
        consumed.add(i)
        if i + 1 < len(lines):
            cs, ce = lines[i + 1]
            created = lang.match("segment.created", text[cs:ce])
            if created:
                fields["creators"] = _creators(text, cs + created.start("who"), cs + created.end("who"))
                consumed.add(i + 1)
        fields["body"] = (lines[j + 1][0], lines[i - 1][1]) if j + 1 < i else None
        petition_title[j] = fields
    for i, (s, e) in enumerate(lines):
        if i in consumed:
            continue
        if i in petition_title:
            bullet = _BULLET.match(text[s:e])
            ts = s + (bullet.end() if bullet else 0)
            fields = petition_title[i]
            segments.append(Segment(ts, e, "petition-title", detect_language(text[ts:e]),
                                    tuple(sorted(fields.items()))))
            continue
        line = text[s:e]
        kind = "heading" if len(line) < 160 and not line.rstrip().endswith((".", "!", "?", ":", "”", '"')) \
            and len(line.split()) <= 20 else "paragraph"
        bullet = _BULLET.match(line)
        if bullet:
            s += bullet.end()
        if kind == "heading" and " / " in line:
            # a bilingual heading: "Statement on X / Declaración sobre X"
            cut = text.index(" / ", s, e)
            segments.extend(_split_language(text, s, cut, kind))
            segments.extend(_split_language(text, cut + 3, e, kind))
            continue
        segments.extend(_split_language(text, s, e, kind))
    return segments


def document_language(text: str, segments: list[Segment]) -> str:
    """The language most of the text is in."""
    sizes: dict[str, int] = {}
    for seg in segments:
        sizes[seg.language] = sizes.get(seg.language, 0) + (seg.end - seg.start)
    return max(sizes, key=lambda lang: sizes[lang]) if sizes else DEFAULT_LANGUAGE
