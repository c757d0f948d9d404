"""Acronyms: defined ones ("Long Name (ACR)"), unknown all-caps names of groups ("the
ABCD"), and every later use of an acronym the document defined or knows."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from actorgraph.loaders.lang import alternation, own_pack
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import SpanIndex, phrase_hits
from actorgraph.loaders.model import Mention

_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9.&/\-]{1,11})\s*\)")


def acronym_fits(acronym: str, name: str) -> bool:
    """True when ``acronym`` can abbreviate ``name``: its first letter starts a word of the
    name and its letters occur in order in the name.

    >>> acronym_fits("DOL", "WA Department of Licensing"), acronym_fits("USA", "LOS ANGELES")
    (True, False)
    """
    letters = [ch for ch in acronym.upper() if ch.isalnum()]
    if len(letters) < 2 or not any(ch.isupper() for ch in acronym[1:]):
        return False
    words = re.findall(r"[A-Za-z0-9]+", name)
    if not words or letters[0] not in {w[0].upper() for w in words}:
        return False
    upper = name.upper()
    pos = upper.find(letters[0])
    for ch in letters[1:]:
        pos = upper.find(ch, pos + 1)
        if pos < 0:
            return False
    return True


@register("mentions.acronym.definition.v1")
def acronym_definitions(ctx: MentionContext) -> list[Mention]:
    """Mentions for "Long Name (ACR)": the acronym with the long name as canonical."""
    out = []
    for m in ctx.found:
        match = _ACRONYM_DEF.match(ctx.text, m.end)
        if not match:
            continue
        acronym = match.group(1).rstrip(".")
        if not acronym_fits(acronym, m.text):
            continue  # "(Translation)", "LOS ANGELES (USA)" are not definitions
        out.append(Mention(match.start(1), match.start(1) + len(acronym), acronym, m.cls,
                           "rules.acronym_definition.v1", 0.9, m.canonical or m.text))
    return out


_CAPS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,6})(?![\w-])")


@lru_cache(maxsize=4)
def _caps_context(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(words, bounded=True) + r")\s*$", re.I)


@register("mentions.acronym.caps.v1")
def capitalised_acronyms(ctx: MentionContext) -> list[Mention]:
    """Unknown all-caps names ("the ABCD", "of ABCD", or used twice) are group names, in the
    passages of a language whose pack lists the words before such a name
    (``acronym_context.txt``) and the capitals that are no names (``not_acronyms.txt``)."""
    text = ctx.text
    counts: dict[str, int] = {}
    for m in _CAPS.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    out = []
    occupied = SpanIndex([(t.start, t.end) for t in ctx.plain])
    for seg in ctx.segments:
        pack = own_pack(seg.language)
        if pack is None or not pack.words("acronym_context"):
            continue
        stop, context = frozenset(pack.lines("not_acronyms")), _caps_context(pack.words("acronym_context"))
        for m in _CAPS.finditer(text, seg.start, seg.end):
            word = m.group(1)
            if word in stop or word.isdigit() or occupied.overlaps(m.start(), m.start() + 1):
                continue
            if re.search(r"[A-Z]{2,}\s*$", text[max(seg.start, m.start() - 12):m.start()]) or re.match(r"\s*[A-Z]{2,}", text[m.end():m.end() + 12]):
                continue  # part of a shouted phrase: "GO AWAY", "TRUST ACT"
            if counts[word] >= 2 or context.search(text[max(seg.start, m.start() - 12):m.start()]):
                out.append(Mention(m.start(), m.end(), word, "Organization", "rules.caps_acronym.v1", 0.6))
    return out


@register("mentions.acronym.use.v1")
def acronym_uses(ctx: MentionContext) -> list[Mention]:
    """Every later use of an acronym the document defined or a table knows (all capitals, two
    to eight letters), but inside a longer name ("ACLU" in "ACLU of Texas")."""
    acronyms = {m.text: (m.cls, m.canonical or m.text) for m in ctx.found
                if m.text.isupper() and 2 <= len(m.text) <= 8}
    # kept plain mentions do not overlap: the one starting last at or before a hit is the only
    # one that can contain it
    taken = sorted((m.start, m.end) for m in ctx.plain)
    starts = [s for s, _ in taken]

    def inside_another(hit: Mention) -> bool:
        i = bisect.bisect_right(starts, hit.start) - 1
        return i >= 0 and taken[i][1] >= hit.end and taken[i] != (hit.start, hit.end)

    return [hit for p in ctx.parsed for hit in phrase_hits(ctx.text, p.segment, acronyms, True, "rules.acronym_use.v1")
            if not inside_another(hit)]
