"""Spans shared by the mention passes: trimming a tagged span to its name, finding known
phrases in a segment, and keeping the best of overlapping mentions (which the orchestrator
does after every stage of passes)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from actorgraph.loaders.lang import alternation, union
from actorgraph.loaders.model import Mention, MentionKind, Segment


@lru_cache(maxsize=4)
def _tail(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"[ \t]+(?:" + alternation(words) + r")$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives/punctuation from a span (the
    words of every pack's ``leading_words.txt`` and ``trailing_words.txt``: a span in one
    language may quote another)."""
    leading = union("leading_words")
    while True:
        span = text[start:end]
        first = span.split(" ", 1)[0]
        if " " in span and first.lower() in leading:
            start += len(first) + 1
            continue
        break
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and text[end - 1] in " ,;:!?\"“”()[]-–—":
        end -= 1
    tail = _tail(union("trailing_words")).search(text[start:end])
    if tail and tail.start() > 0:  # "the National Tenants Guild of" (the place was tagged apart)
        end = start + tail.start()
    while start < end and text[start] in " ,;:!?\"“”()[]-–—'’":
        start += 1
    return start, end


def title_case_text(seg: Segment) -> bool:
    """Whether a segment is written in title case (a petition title, a heading), where
    capitals do not mark names."""
    return seg.kind in ("petition-title", "heading")


def phrase_hits(text: str, seg: Segment, phrases: dict[str, tuple[str, str]], case: bool,
                extractor: str, kind: MentionKind = MentionKind.NAME) -> list[Mention]:
    """Exact occurrences of known phrases inside a segment (word-bounded)."""
    out = []
    body = text[seg.start:seg.end]
    for phrase, (cls, canonical) in phrases.items():
        flags = 0 if case else re.IGNORECASE
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", body, flags):
            out.append(Mention(seg.start + m.start(), seg.start + m.end(), m.group(0), cls, extractor,
                               0.9, canonical, kind))
    return out


class SpanIndex:
    """Spans (which may overlap one another) and a logarithmic test of whether any of them
    overlaps a given span: sorted starts with the running maximum of ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the best of overlapping mentions: data-backed, then longer, then earlier.

    Containers (a petition title, a unit "the Seattle office of X") may hold other mentions.
    The kept plain mentions never overlap, so one binary search finds a clash: the time is
    O(n log n) in the number of mentions, whatever the document's length.
    """
    def rank(m: Mention):
        return (m.kind.is_petition or m.kind == MentionKind.CAMPAIGN_LABEL, m.canonical is not None,
                m.end - m.start, m.confidence, -m.start)

    chosen: list[Mention] = []
    containers: set[tuple[int, int]] = set()
    titles = {(m.start, m.end) for m in mentions if m.kind.is_container}
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(mentions, key=rank, reverse=True):
        if m.kind.is_container:
            if (m.start, m.end) not in containers:
                containers.add((m.start, m.end))
                chosen.append(m)
            continue
        i = bisect.bisect_left(starts, m.end)  # kept spans that start before m ends: the last may reach m
        if i > 0 and ends[i - 1] > m.start:
            continue
        if (m.start, m.end) in titles:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: (m.start, m.end))
