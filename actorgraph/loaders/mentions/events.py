"""Events named as such: noun phrases headed by an event word with a name or number before
it ("this Fresno raid", "the 2019 raids") and quoted names of historical events. Events the
text delimits without a name ("the raid at the plant", "la marcha") are
:mod:`.delimited_events`'."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from actorgraph.loaders.lang import alternation, union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text
from actorgraph.loaders.model import Mention

_ACTORS = ("Person", "Organization", "GovernmentAgency", "Company")


@register("mentions.event.phrase.v1")
def event_mentions(ctx: MentionContext) -> list[Mention]:
    """Noun phrases headed by an event word with a name or number before it ("this
    Ohio raid", "the 9/11 attacks") name events."""
    out = []
    heads = union("event_heads")
    actors = sorted((m.start, m.end) for m in ctx.plain if m.cls in _ACTORS)
    starts = [s for s, _ in actors]
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        base = p.segment.start
        if not _may_name(ctx.text[base:p.segment.end].lower(), heads) or not any(t.lower_ in heads for t in p.doc):
            continue  # no event word: spare the noun-chunk iterator (the costliest step here)
        for chunk in p.doc.noun_chunks:
            head = chunk.root
            if head.lower_ not in heads:
                continue
            mods = [t for t in chunk if t.i < head.i and (t.pos_ in ("PROPN", "NUM") or t.like_num)]
            if not mods or any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") for t in chunk):
                continue
            if all(_inside(base + t.idx, actors, starts) for t in mods if t.pos_ == "PROPN") \
                    and any(t.pos_ == "PROPN" for t in mods):
                continue  # "the ICE raid": a raid by an agency, no name (mentions.event.delimited)
            first = min(mods, key=lambda t: t.i)
            start, end = base + first.idx, base + head.idx + len(head.text)
            out.append(Mention(start, end, ctx.text[start:end], "Event", "rules.event_phrase.v1", 0.6))
    return out


def _may_name(lowered: str, heads: frozenset[str]) -> bool:
    """Whether a passage in lower case holds one of the words anywhere (a token's lower case is
    a stretch of its passage's, but for a Greek final sigma: without a hit no token is one of
    them, and its tokens need not be read)."""
    return any(head in lowered for head in heads)


def _inside(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][1] > offset


@lru_cache(maxsize=4)
def _quoted_event(heads: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"[‘“\"']((?:[A-Z][a-z]+ ){1,3}(?:" + alternation(heads) + r"))[’”\"']")


@register("mentions.event.quoted.v1")
def quoted_events(ctx: MentionContext) -> list[Mention]:
    """A quoted capitalised name of a historical event: 'the 1929 ‘Great Depression’'
    (its last word in a pack's ``historic_event_heads.txt``)."""
    out = []
    pattern = _quoted_event(union("historic_event_heads", case=True))
    for seg in ctx.segments:
        for m in pattern.finditer(ctx.text, seg.start, seg.end):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Event", "rules.quoted_event.v1", 0.7))
    return out


