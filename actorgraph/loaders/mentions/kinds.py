"""What the text says a name is (``mentions.kind.*``): the statistical model reads a name's
class from the name and four words around it, and often guesses wrong where the sentence
says it plainly:

- an apposition whose head noun is a kind ("Camino Sur, a Riverbend-based human rights
  organization that ...", "Tralco, a trailer maker", "Quiet Walls, a report released by ...");
- a kind noun before the name ("the nonprofit Proyecto Faro", "la empresa X");
- a relative clause whose verb says what the name does ("Tralco, which manufactures trailers");
- a firm's site after the name or before its owner ("the Tralco factory", "plants owned by
  Greenbriar Foods").

The kind nouns and verbs are the packs' ``kinds.csv`` (read by the model's pass too, for the
names it tags); the sites are ``firm_sites.txt`` through the expressions
``mentions.kind.site_after`` and ``mentions.kind.site_owner``.

The pass retypes the names only the model typed (and names found again from them), and
spreads what the text said to every other such mention of the same name in the document
("one sense per discourse"): "Tierra Firme" tagged a person four times is the organization one
apposition says it is. Class ``none`` (a report's title) drops the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.lang import LanguagePack, all_packs, alternation, pack_for, registry_version, union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import SpanIndex, title_case_text
from actorgraph.loaders.model import Mention, MentionKind
from actorgraph.loaders.parse import ParsedSegment

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the class of a kind that names no actor of the ontology (a report's title)
NOT_AN_ACTOR = "none"
KIND_EXTRACTOR = "rules.kind_said.v1"

#: the classes a name may have that what the text says may change
_RETYPED = ("Person", "Organization", "Place", "Company", "GovernmentAgency")


@dataclass(frozen=True, slots=True)
class Kinds:
    """The kind nouns of a pack (``kinds.csv``) and the patterns that find them around a name:
    after it in an apposition ("X, a detention center in …"), before it ("the nonprofit X",
    "la empresa X") and in a relative clause after it ("X, which manufactures …")."""

    classes: dict[tuple[str, str], str]  # (where, kind) -> class
    people: frozenset[tuple[str, str]]  # (where, kind) that may also say what a person is
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    relative: re.Pattern[str] | None
    before_name: re.Pattern[str] | None  # the kind before a capitalised word ("the nonprofit Puerta ...")


@dataclass(frozen=True, slots=True)
class Said:
    """What the text says a name is: the class, and whether the words may also describe a person."""

    cls: str
    people: bool = False


@lru_cache(maxsize=8)
def kinds_of(pack: LanguagePack) -> Kinds:
    rows = pack.rows("kinds.csv")
    determiners = alternation(pack.words("determiners"))
    by_where: dict[str, set[str]] = {}
    for r in rows:
        by_where.setdefault(r["where"], set()).add(r["kind"].lower())
    # the kind is the head noun, which ends the noun phrase: "a Florida-based prison company" is a
    # company ("prison" only modifies it); "a network of ..." is a network
    ends = "|".join(pack.lines("noun_phrase_ends"))
    np_end = r"(?=[ \t]*(?:[,.;:!?)\"”]|$)|[ \t]+(?:" + ends + r")\b)"
    # the words before the head noun: no word that ends a noun phrase ("the director of
    # Harbor Coalition" is no coalition); the kind itself is a common noun, in lower case
    modifiers = r"(?:(?!(?:" + ends + r")\b)[\w'’-]+[ \t]+)" if ends else r"(?:[\w'’-]+[ \t]+)"
    det = r"(?i:" + determiners + r")"

    def compiled(where: str, make) -> re.Pattern[str] | None:
        return re.compile(make(alternation(by_where[where]))) if by_where.get(where) else None

    return Kinds(
        {(r["where"], r["kind"].lower()): r["class"] for r in rows},
        frozenset((r["where"], r["kind"].lower()) for r in rows if (r.get("people") or "") == "also"),
        compiled("after", lambda k: r",[ \t]+" + det + r"[ \t]+" + modifiers + r"{0,4}?(" + k + r")\b" + np_end),
        compiled("before", lambda k: r"\b" + det + r"[ \t]+" + modifiers + r"{0,3}?(" + k + r")[ \t]+$"),
        compiled("relative", lambda k: r",[ \t]+(?:which|that|que)[ \t]+(" + k + r")\b"),
        compiled("before", lambda k: r"\b" + det + r"[ \t]+" + modifiers + r"{0,3}?(" + k + r")[ \t]+(?=[A-Z])"))


def _said(pack: LanguagePack, where: str, match: re.Match[str] | None) -> Said | None:
    if match is None:
        return None
    key = (where, match.group(1).lower())
    kinds = kinds_of(pack)
    return Said(kinds.classes[key], key in kinds.people)


def kind_after(after: str) -> Said | None:
    """What the kind in an apposition after a name says it is ("X, a detention center")."""
    for pack in all_packs():
        pattern = kinds_of(pack).after
        if pattern is not None and (said := _said(pack, "after", pattern.match(after))):
            return said
    return None


def kind_before(before: str, packs: tuple[LanguagePack, ...] | None = None) -> Said | None:
    """What the kind before a name says it is ("the nonprofit X", "la empresa X"), in the
    given packs (default: all)."""
    for pack in packs if packs is not None else all_packs():
        pattern = kinds_of(pack).before
        if pattern is not None and (said := _said(pack, "before", pattern.search(before))):
            return said
    return None


def kind_relative(after: str) -> Said | None:
    """What a relative clause after a name says it does ("X, which manufactures trailers")."""
    for pack in all_packs():
        pattern = kinds_of(pack).relative
        if pattern is not None and (said := _said(pack, "relative", pattern.match(after))):
            return said
    return None


def firm_site(text: str, start: int, end: int) -> Said | None:
    """A firm's site right after the name ("the X factory") or the name right after a site's
    owner is said ("plants owned by X")."""
    if lang.match("mentions.kind.site_after", text, end) or \
            lang.search("mentions.kind.site_owner", text, max(0, start - 60), start):
        return Said("Company")
    return None


def said_class(text: str, m: Mention) -> Said | None:
    """What the words around a mention say it is, or None. A place before a firm's site is
    where the site is ("the Ohio plants"), not its owner."""
    said = (kind_after(text[m.end:m.end + 80]) or kind_relative(text[m.end:m.end + 40])
            or kind_before(text[max(0, m.start - 40):m.start]))
    if said is None and m.cls in ("Person", "Organization") and m.text.lower() not in data_tables.known_place_names():
        said = firm_site(text, m.start, m.end)
    return said


def guessed(m: Mention) -> bool:
    """A mention whose class only a guess stands behind: the model's, or a name found again
    from one (no table, definition or structure behind it)."""
    return m.canonical is None and (m.kind == MentionKind.MODEL or (m.kind == MentionKind.NAME and m.cls in _RETYPED))


def retypes(m: Mention, said: Said) -> bool:
    """Whether what the text says changes the mention's class: a person only when the words
    cannot describe a person or the name does not look like one; a government body only
    when the model alone typed it; nothing else than actors and places."""
    if said.cls == m.cls or m.cls not in _RETYPED:
        return False
    if said.cls == NOT_AN_ACTOR:
        return m.kind == MentionKind.MODEL
    if m.cls == "Person":
        return not said.people or not data_tables.looks_like_person(m.text)
    if m.cls == "GovernmentAgency":
        return m.kind == MentionKind.MODEL and said.cls in ("Organization", "Company", "DetentionFacility")
    return True


@register("mentions.kind.said.v1", rewrites=True)
def kinds_said(ctx: MentionContext) -> list[Mention]:
    """Names the text says what they are, retyped, and every other guessed mention of the same
    name with them; names the text says are no actor (a report) dropped."""
    text = ctx.text
    decided: dict[str, Said] = {}
    for m in ctx.found:
        if m.kind.is_container or not guessed(m) or m.text in decided:
            continue
        said = said_class(text, m)
        if said is not None and (said.cls == m.cls or retypes(m, said)):
            decided[m.text] = said
    out = []
    for m in ctx.found:
        said = decided.get(m.text)
        if said is None or m.kind.is_container or not guessed(m) or not retypes(m, said):
            out.append(m)
        elif said.cls != NOT_AN_ACTOR:
            out.append(replace(m, cls=said.cls, kind=MentionKind.NAME, extractor=KIND_EXTRACTOR,
                               confidence=max(m.confidence, 0.85)))
    return out


# finding the names the model missed

#: a name: capitalised words, the name links of every pack between them ("Voces del Sur" in
#: an English report)
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|\d+[\w'’.&-]*[A-Za-z][\w'’.&-]*)"
_SENTENCE_OPENS = (".", "!", "?", ":", ";", "\n", "—", "–", "•")


@lru_cache(maxsize=4)
def _name_runs(links: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name that ends where the text ends, and one that begins where it begins."""
    name = rf"{_NAME_WORD}(?:[ \t]+(?:(?:{alternation(links)})[ \t]+)*{_NAME_WORD})*"
    return re.compile(rf"(?<![\w'’.&-])({name})$"), re.compile(rf"({name})(?![\w'’&-])")


@lru_cache(maxsize=1)
def _calendar(version: int) -> frozenset[str]:
    """Names of months and days in every pack (``months.txt``, ``days.txt``), lower case."""
    return frozenset(w for pack in all_packs() for name in ("months", "days") for line in pack.lines(name)
                     for w in line.lower().split())


def _opens_sentence(text: str, start: int, floor: int) -> bool:
    opening = text[max(floor, start - 4):start].strip(" \t\"“(")
    return start <= floor or opening == "" or opening.endswith(_SENTENCE_OPENS)


def _name_at(text: str, start: int, end: int, floor: int, doc: Doc | None, floor_of_doc: int,
             code: str) -> tuple[int, int] | None:
    """The run of capitalised words as a name, or None: a run that begins a sentence with a
    word the parser does not call a proper noun ("Workers at Tralvex", "Yesterday") may not
    be one; nor is a date or a known place."""
    from actorgraph.loaders.nlp import stop_words

    if _opens_sentence(text, start, floor) and doc is not None:
        span = doc.char_span(start - floor_of_doc, end - floor_of_doc, alignment_mode="expand")
        if span is None or span[0].pos_ not in ("PROPN", "X"):
            return None
    name = text[start:end]
    words = name.split()
    if not words or words[0].lower() in stop_words(code) | union("articles") | union("name_links"):
        return None
    if any(w.lower().strip(".") in _calendar(registry_version()) for w in words):
        return None
    if name.lower() in data_tables.known_place_names():
        return None
    return start, end


def _found_before(text: str, floor: int, comma: int, doc: Doc | None, code: str) -> tuple[int, int] | None:
    run = _name_runs(union("name_links"))[0].search(text, floor, comma)
    return _name_at(text, run.start(1), run.end(1), floor, doc, floor, code) if run else None


def _found_after(text: str, start: int, floor: int, seg_end: int, doc: Doc | None, code: str) -> tuple[int, int] | None:
    run = _name_runs(union("name_links"))[1].match(text, start, seg_end)
    if run is None:
        return None
    end = run.end(1)
    while end > start and text[end - 1] == "." and not lang.search("lists.abbreviation_end", text[start:end]):
        end -= 1
    return _name_at(text, start, end, start - 1, doc, floor, code) if end > start else None


def _candidates(text: str, parsed: ParsedSegment, pack: LanguagePack) -> Iterator[tuple[int, int, Said | None]]:
    """(start, end, what it is) of the names an apposition, a relative clause or a kind
    before them say what they are, in one segment."""
    kinds = kinds_of(pack)
    seg = parsed.segment
    for where, pattern in (("after", kinds.after), ("relative", kinds.relative)):
        if pattern is None:
            continue
        for match in pattern.finditer(text, seg.start, seg.end):
            span = _found_before(text, seg.start, match.start(), parsed.doc, pack.code)
            if span is not None:
                yield (*span, _said(pack, where, match))
    if kinds.before_name is not None:
        for match in kinds.before_name.finditer(text, seg.start, seg.end):
            span = _found_after(text, match.end(), seg.start, seg.end, parsed.doc, pack.code)
            if span is not None:
                yield (*span, _said(pack, "before", match))


@register("mentions.kind.named.v1")
def kinds_named(ctx: MentionContext) -> list[Mention]:
    """Names the model missed where the text says what they are: the capitalised words before
    an apposition or a relative clause that gives their kind ("Tralvex, a trailer maker"),
    or after a kind noun ("the advocacy group Voces del Sur"). Not where a mention is, not
    what names no actor or a person (the model finds people), not a common word that begins
    a sentence, a date or a known place."""
    text = ctx.text
    taken = SpanIndex([(m.start, m.end) for m in ctx.plain])
    out: list[Mention] = []
    for p in ctx.parsed:
        seg = p.segment
        if title_case_text(seg):
            continue
        for start, end, said in _candidates(text, p, pack_for(seg.language)):
            if said is None or said.cls in (NOT_AN_ACTOR, "Person") or taken.overlaps(start, end):
                continue
            if said.people and data_tables.looks_like_person(text[start:end]):
                continue
            out.append(Mention(start, end, text[start:end], said.cls, "rules.kind_named.v1", 0.75))
    return out
