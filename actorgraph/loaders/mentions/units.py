"""Units of a larger body: "the Seattle office of <Agency>", "<Place> chapter of <Group>"
is one mention that holds the place and the body (``MentionKind.UNIT``); a name said to be
a part of a body ("X, a division of <Agency>", "X (an arm of <Agency>)") is one name, typed
like the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.mentions.kinds import guessed
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention, MentionKind


@register("mentions.unit.v1")
def unit_mentions(ctx: MentionContext) -> list[Mention]:
    """"<Place> office of <Agency>", "<Place> chapter of <Group>": a unit of a larger body
    (the packs' ``unit_words.txt`` in their expression ``mentions.unit``)."""
    text = ctx.text
    out = []
    ordered = sorted(ctx.plain, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.cls != "Place" or b.cls not in ("GovernmentAgency", "Organization", "Company"):
            continue
        gap = text[a.end:b.start]
        if any(p.fullmatch(gap) for p in lang.expressions("mentions.unit")):
            out.append(Mention(a.start, b.end, text[a.start:b.end], b.cls, "rules.unit.v1", 0.8, kind=MentionKind.UNIT))
    return out


#: the bodies a part may belong to, and the classes a part takes from its body: a part the model
#: typed otherwise is typed like its body when that is an agency or a company (an agency's arm
#: is an agency, a company's subsidiary a company); a group's only when the model took the part
#: for a person or a place (a group is what the model guesses when it does not know)
_BODIES = ("GovernmentAgency", "Organization", "Company")
_TYPED_LIKE_BODY = ("GovernmentAgency", "Company")
_REACH = 120  # how far before a body the words that say a name is its part may begin


@lru_cache(maxsize=4)
def _any_part_word(version: int) -> re.Pattern[str]:
    """Any word of the packs' ``part_words.txt`` as written, ignoring case (the registry's
    ``version``: the packs registered)."""
    return re.compile(lang.alternation(lang.union("part_words", case=True)), re.I)


def _part_words(text: str, floor: int, whole: Mention) -> re.Match[str] | None:
    """The apposition or copula right before ``whole`` that says a name before it is its part
    ("X, a division of <whole>", "X (an arm of <whole>)", "X is a subsidiary of <whole>").

    Every pattern of ``units.apposition`` and ``units.copula`` requires a word of its pack's
    ``part_words.txt`` (ignoring case), so a stretch with none of any pack's has no match:
    it is looked for first, the patterns (which try each offset) only where one is.
    """
    start = max(floor, whole.start - _REACH)
    if not _any_part_word(lang.registry_version()).search(text, start, whole.start):
        return None
    return lang.search("units.apposition", text, start, whole.start) or lang.search("units.copula", text, start, whole.start)


def _left_out(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only capitalised words the model left out at the end of
    a name, and name links between them ("Harbor Patrol" + "Operations", "Sea" + "and Air
    Operations")."""
    links = lang.union("name_links")
    words = text[start:end].split()
    return (0 < len(words) <= 4 and text[start:start + 1] in " \t" and "\n" not in text[start:end]
            and words[-1][:1].isupper() and all(w[:1].isupper() or w.lower() in links for w in words))


def _pieces(text: str, plain: list[Mention], end: int) -> list[Mention]:
    """The mentions that make the name ending at ``end``: the last ends there or a few
    capitalised words before, and each joins the next by name links alone ("Air" + "and" +
    "Marine Operations", "Office" + "of" + …)."""
    before = [m for m in plain if m.end <= end]
    if not before or not (before[-1].end == end or _left_out(text, before[-1].end, end)):
        return []
    pieces = [before[-1]]
    links = lang.union("name_links")
    for m in reversed(before[:-1]):
        gap = text[m.end:pieces[0].start]
        words = gap.split()
        if not words or "\n" in gap or len(words) > 2 or any(w.lower() not in links for w in words):
            break
        pieces.insert(0, m)
    return pieces


def _one_name(text: str, pieces: list[Mention], end: int) -> bool:
    """Whether pieces the model tagged apart (or cut short) are one name: each was only
    guessed, none before a conjunction is a name of its own (a body's head word, a person's
    name, a place: "Tralvex Union and Greenbriar Foods" are two), and the whole does not
    look like a person's name."""
    if not all(guessed(m) for m in pieces):
        return False
    conjunctions = lang.union("conjunctions")
    for m, after in zip(pieces, [p.start for p in pieces[1:]] + [end]):
        joined = {w.lower() for w in text[m.end:after].split()}
        if joined & conjunctions and (m.cls == "Place" or cue_class(m.text) or data_tables.looks_like_person(m.text)):
            return False
    return not data_tables.looks_like_person(text[pieces[0].start:end])


def _retyped(m: Mention, whole: Mention) -> str | None:
    """The class a part the model typed otherwise takes from its body, or None."""
    if not guessed(m) or m.cls == whole.cls or m.cls not in (*_BODIES, "Person", "Place"):
        return None
    if m.cls == "Person" and data_tables.looks_like_person(m.text):
        return None  # a person is part of no body
    if m.cls == "Place" and m.text.lower() in data_tables.known_place_names():
        return None
    if whole.cls in _TYPED_LIKE_BODY:
        return whole.cls
    return "Organization" if m.cls in ("Person", "Place") else None


def _merged_class(pieces: list[Mention], whole: Mention) -> str:
    """The class of a name made of pieces: its body's when that is an agency or a company,
    else the first piece's when it is a body's, else a group's."""
    if whole.cls in _TYPED_LIKE_BODY:
        return whole.cls
    return pieces[0].cls if pieces[0].cls in _BODIES else "Organization"


def _parts(text: str, ctx: MentionContext) -> Iterator[tuple[list[Mention], int, Mention]]:
    """Each name said to be a part of a body: its pieces as the model tagged them, where the
    name ends, and the body."""
    plain = sorted(ctx.plain, key=lambda m: m.start)
    for parsed in ctx.parsed:
        seg = parsed.segment
        inside = [m for m in plain if seg.start <= m.start and m.end <= seg.end]
        for whole in (m for m in inside if m.cls in _BODIES):
            said = _part_words(text, seg.start, whole)
            pieces = _pieces(text, inside, said.start()) if said else []
            if said and pieces:
                yield pieces, said.start(), whole


@register("mentions.unit.part.v1", rewrites=True)
def part_names(ctx: MentionContext) -> list[Mention]:
    """A name said to be a part of a body ("X, a division of Y", "X (an arm of Y)", "X es una
    filial de Y"; the packs' ``part_words.txt`` in their expressions ``units.apposition`` and
    ``units.copula``): the pieces the model cut it into are one name ("Air" + "Marine
    Operations" before "(an arm of …)"), and it is typed like its body when the model typed it
    otherwise; every other guessed mention of that name with it (one sense per discourse)."""
    text = ctx.text
    merged: dict[Mention, Mention] = {}
    decided: dict[str, str] = {}
    for pieces, end, whole in _parts(text, ctx):
        if (len(pieces) > 1 or pieces[-1].end < end) and _one_name(text, pieces, end):
            start = pieces[0].start
            name = Mention(start, end, text[start:end], _merged_class(pieces, whole), "rules.unit_part.v1",
                           max(m.confidence for m in pieces))
            merged.update((m, name) for m in pieces)
        elif pieces[-1].end == end and len(pieces) == 1 and (cls := _retyped(pieces[0], whole)) is not None:
            decided[pieces[0].text] = cls
    out: list[Mention] = []
    for m in ctx.found:
        if m in merged:
            if merged[m] not in out:
                out.append(merged[m])
        elif m.text in decided and guessed(m) and not m.kind.is_container:
            out.append(replace(m, cls=decided[m.text], kind=MentionKind.NAME, extractor="rules.unit_part.v1",
                               confidence=max(m.confidence, 0.8)))
        else:
            out.append(m)
    return out
