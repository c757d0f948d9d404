"""Lists of names (:mod:`actorgraph.loaders.lists` reads them from the punctuation): the
unknown items of a list of groups are groups too. A list is one of groups when it names at
least two known groups and no person, or when the sentence says so: "groups such as A, B
and C", "a coalition of A, B, C", "A, B, C and several other groups" (every item a group),
"its members include A, B and C", "representantes de A, B y C" (every item a group unless it
looks like a person's name). The words are the packs' expressions ``mentions.list.*``."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.lang import LanguagePack, alternation, pack_for, union
from actorgraph.loaders.lists import list_runs
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text
from actorgraph.loaders.model import Mention, MentionKind

LIST_EXTRACTOR = "rules.name_list.v1"
_GROUPS = ("Organization", "GovernmentAgency", "Company")
#: what the sentence says the items of a list are
GROUPS, MEMBERS = "groups", "members"

Run = list[tuple[int, int, bool]]


@lru_cache(maxsize=4)
def _article_at_end(articles: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(articles | {a.capitalize() for a in articles}) + r")[ \t]+$")


def list_cue(text: str, floor: int, run: Run) -> str | None:
    """What the words around a list say its items are: :data:`GROUPS`, :data:`MEMBERS` or None.

    >>> t = "Its members include Open Door, FairWage and Voces Unidas."
    >>> list_cue(t, 0, [(20, 29, True), (31, 39, True), (44, 56, False)])
    'members'
    """
    first, last = run[0][0], run[-1][1]
    lo = max(floor, first - 120)
    article = _article_at_end(union("articles")).search(text, lo, first)
    end = article.start() if article else first
    if lang.search("mentions.list.groups_before", text, lo, end) or lang.match("mentions.list.groups_after", text, last):
        return GROUPS
    if lang.search("mentions.list.members_before", text, lo, end):
        return MEMBERS
    return None


def _whole(m: Mention, a: int, b: int) -> bool:
    return (m.start, m.end) == (a, b)


def _odd(ms: list[Mention], a: int, b: int, cue: str | None) -> bool:
    """An item named whole as a person or a place: it speaks against a list of groups (a
    person does not, in a list of members)."""
    return len(ms) == 1 and _whole(ms[0], a, b) and ms[0].cls in ("Person", "Place") \
        and (ms[0].cls == "Place" or (cue != MEMBERS and data_tables.looks_like_person(ms[0].text)))


def _is_list_of_groups(classes: Counter[str], odd: int, size: int, cue: str | None) -> bool:
    groups = sum(n for cls, n in classes.items() if cls in _GROUPS)
    if cue is not None:
        return 3 * odd < size
    return groups >= 2 and 3 * groups >= size and 3 * odd <= groups


def _retyped(m: Mention, name: str, cue: str | None) -> bool:
    """Whether an item the model named whole as a person or a place is one of the groups: a
    one-word "person" among groups ("Unidarte") that no census given name makes one; under
    a cue, an unknown place, and under "groups" any guessed person (members may be people)."""
    if m.kind != MentionKind.MODEL:
        return False
    if m.cls == "Person" and " " not in name and not data_tables.looks_like_person(name):
        return True
    if cue is None:
        return False
    if m.cls == "Person":
        return cue == GROUPS
    return m.cls == "Place" and name.lower() not in data_tables.known_place_names()


def _item_mentions(text: str, run: Run, overlapping: list[list[Mention]], cls: str, cue: str | None,
                   pack: LanguagePack) -> list[Mention]:
    out = []
    for (a, b, whole), ms in zip(run, overlapping, strict=True):
        name = text[a:b]
        words = name.lower().split()
        if words[0] in pack.standins or words[-1] in pack.standins:
            continue  # "Parole Officers", "Agentes de Libertad Condicional": people of a body
        cued = cue_class(name)
        item_cls = cued if cued in _GROUPS else cls
        if len(ms) == 1 and _whole(ms[0], a, b):
            if ms[0].cls in ("Person", "Place") and _retyped(ms[0], name, cue):
                out.append(Mention(a, b, name, item_cls, LIST_EXTRACTOR, 0.75))
            continue
        if any(m.start <= a and b <= m.end for m in ms):
            continue  # already named whole, or inside a longer name
        if ms and not whole:
            continue  # an end item with a mention in it: the mention knows better
        if any(m.canonical or m.cls == "DetentionFacility" or (m.cls == "Person" and data_tables.looks_like_person(m.text))
               for m in ms):
            continue  # a known name, or a person's name, inside the item
        if cue == MEMBERS and not ms and data_tables.looks_like_person(name):
            continue  # a member who is a person
        out.append(Mention(a, b, name, item_cls, LIST_EXTRACTOR, 0.65))
    return out


@register("mentions.list.items.v1")
def list_mentions(ctx: MentionContext) -> list[Mention]:
    """Mentions for the unknown items of lists of groups, in the class most of the known items
    have (Organization when none is known)."""
    text = ctx.text
    plain = sorted(ctx.plain, key=lambda m: m.start)
    out: list[Mention] = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment):
            continue
        pack = pack_for(p.segment.language)
        base = p.segment.start
        for sent in p.doc.sents:
            s, e = base + sent.start_char, base + sent.end_char
            inside = [m for m in plain if s <= m.start and m.end <= e]
            known = [(m.start, m.end) for m in inside]
            for run in list_runs(text, s, e, pack, known):
                overlapping = [[m for m in inside if m.start < b and a < m.end] for a, b, _ in run]
                classes = Counter(ms[0].cls for ms in overlapping if ms)
                cue = list_cue(text, base, run)
                odd = sum(1 for (a, b, _), ms in zip(run, overlapping, strict=True) if _odd(ms, a, b, cue))
                if not _is_list_of_groups(classes, odd, len(run), cue):
                    continue
                cls = max(_GROUPS, key=lambda c: (classes[c], c == "Organization"))
                out.extend(_item_mentions(text, run, overlapping, cls, cue, pack))
    return out
