"""Events: noun phrases headed by an event word with a name or number before it ("this
Tennessee raid"), quoted names of historical events, and events named by their site ("a
hunger strike at X"), whose name is built from the text."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import DEFAULT_LANGUAGE, LanguagePack, alternation, load_pack, pack_for, union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text
from actorgraph.loaders.model import Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

@register("mentions.event.phrase.v1")
def event_mentions(ctx: MentionContext) -> list[Mention]:
    """Noun phrases headed by an event word with a name or number before it ("this
    Tennessee raid", "the 9/11 attacks") name events."""
    out = []
    heads = union("event_heads")
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        base = p.segment.start
        if not any(t.lower_ in heads for t in p.doc):
            continue  # no event word: spare the noun-chunk iterator (the costliest step here)
        for chunk in p.doc.noun_chunks:
            head = chunk.root
            if head.lower_ not in heads:
                continue
            mods = [t for t in chunk if t.i < head.i and (t.pos_ in ("PROPN", "NUM") or t.like_num)]
            if not mods or any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") for t in chunk):
                continue
            first = min(mods, key=lambda t: t.i)
            start, end = base + first.idx, base + head.idx + len(head.text)
            out.append(Mention(start, end, ctx.text[start:end], "Event", "rules.event_phrase.v1", 0.6))
    return out


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


_SITES = ("DetentionFacility", "Company", "Place", "GovernmentAgency")


@register("mentions.event.sited.v1")
def sited_events(ctx: MentionContext) -> list[Mention]:
    """A delimited event named by its site: a singular event noun ("a hunger strike", "the
    raid", "una marcha") with a place, facility or company after "at/in/outside/en" becomes
    an Event whose name is built from the text — what, where and, when the sentence gives a
    date, when: "hunger strike at the Valleverde Detention Center (on Monday)". The words
    are the segment's pack's: ``event_nouns.txt``, ``site_preps.txt``."""
    spans = sorted((m.start, m.end, m) for m in ctx.found if m.cls in _SITES)
    starts = [s for s, _, _ in spans]
    out = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        pack = pack_for(p.segment.language)
        for head in p.doc:
            if head.pos_ != "NOUN" or head.lemma_.lower() not in pack.event_nouns or head.lower_ != head.lemma_.lower():
                continue  # singular only: "raids" in general are no one event
            site = _site(head, p.segment.start, spans, starts, pack.words("site_preps"))
            if site is not None:
                out.extend(_sited_event(ctx.text, p.doc, p.segment.start, pack, head, site, spans))
    return out


def _site(head: Token, base: int, spans: list[tuple[int, int, Mention]], starts: list[int],
          site_preps: frozenset[str]) -> Mention | None:
    """The place, facility or company named after a site preposition of the event noun, or
    of the verb it is the object of ("held a vigil outside X")."""
    holders = [head]
    if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
        holders.append(head.head)
    for prep in (c for h in holders for c in h.children
                 if c.dep_ in ("prep", "case", "nmod", "obl") or c.lower_ in site_preps):
        objects = [prep] if prep.dep_ in ("nmod", "obl") else [o for o in prep.children if o.dep_ == "pobj"]
        for obj in objects:
            if obj.dep_ in ("nmod", "obl") and not any(c.lower_ in site_preps for c in obj.children):
                continue
            if obj.dep_ == "pobj" and prep.lower_ not in site_preps:
                continue
            i = bisect.bisect_right(starts, base + obj.idx) - 1
            if i >= 0 and spans[i][1] >= base + obj.idx + len(obj.text):
                return spans[i][2]
    return None


def _sited_event(text: str, doc: Doc, base: int, pack: LanguagePack, head: Token, site: Mention,
                 spans: list[tuple[int, int, Mention]]) -> list[Mention]:
    """The event an event noun and its site name, its name built from the text; none when a
    site's name is part of the noun phrase ("the ICE raid": the agency is no part of the
    event's name)."""
    mods = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1 - sum(
        1 for u in head.lefts if u.i > t.i and u.dep_ in ("compound", "amod"))]
    first = min([head, *mods], key=lambda t: t.i)
    start, end = base + first.idx, base + head.idx + len(head.text)
    if any(m.start < end and start < m.end for _, _, m in spans):
        return []
    between = text[end:site.start].strip() if site.start - end < 60 else ""
    if site.start < end or not between or len(between.split()) > 6:
        between = pack.about.get("site_preposition") or load_pack(DEFAULT_LANGUAGE).about["site_preposition"]
    name = f"{text[start:end]} {between} {site.canonical or site.text}".strip()
    when = [e for e in doc.ents if e.label_ == "DATE" and e.sent == head.sent]
    if when:
        name += f" ({when[0].text})"
    name = " ".join(name.split())
    # the built name is also the surface form: "raid" alone would join every raid of a corpus
    return [Mention(start, end, name, "Event", "rules.event.sited.v1", 0.6, name, MentionKind.BUILT)]
