"""What the words around an event say, read from the language packs: which nouns name events
and of what kind (``event_nouns.csv``), which verbs make their subject take part
(``event_verbs.csv``), which words make an event noun generic, planned or singled out
(``event_cues.csv``), which verbs tell of a protest without naming it
(``event_gatherings.csv``), and how a date is written (``expressions.toml``: ``events.date``).
Read by the event mention pass (:mod:`actorgraph.loaders.mentions.events`) and the event
rules (:mod:`actorgraph.loaders.rules.events`, :mod:`actorgraph.loaders.rules.event_agency`);
imports no spaCy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import LanguagePack, all_packs, alternation, registry_version

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the kind of event whose agency raids its site
RAID = "raid"
#: the kind of a noun that only refers back to an event named before ("the event")
ANY = "any"


@dataclass(frozen=True, slots=True)
class EventNoun:
    """A noun of an event (``event_nouns.csv``): its kind, whether it is plural, and what it
    needs to name one event: ``""``, ``"agent"`` (an actor who did it, stated with it) or
    ``"antecedent"`` (an event named before it)."""

    words: str
    kind: str
    plural: bool
    needs: str


@dataclass(frozen=True, slots=True)
class EventVerb:
    """A verb whose subject takes part in an event (``event_verbs.csv``): where the event is
    (``"object"``, ``"subject"``, ``"during"`` or a preposition), the modality it gives, and
    whether it still tells of taking part with its event left unsaid ("X also took part")."""

    lemma: str
    particle: str  # the second word of "take part", "" for one word
    argument: str
    modality: str
    alone: bool = False


@lru_cache(maxsize=8)
def event_nouns(pack: LanguagePack) -> dict[str, EventNoun]:
    """The pack's event nouns by their words in lower case ("raid", "sit-in")."""
    return {row["noun"].lower(): EventNoun(row["noun"].lower(), row["kind"], row["number"] == "plural", row.get("needs") or "")
            for row in pack.rows("event_nouns.csv")}


@lru_cache(maxsize=8)
def event_verbs(pack: LanguagePack) -> dict[str, tuple[EventVerb, ...]]:
    """The pack's event verbs by lemma."""
    out: dict[str, tuple[EventVerb, ...]] = {}
    for row in pack.rows("event_verbs.csv"):
        lemma, _, particle = row["verb"].lower().partition(" ")
        out[lemma] = (*out.get(lemma, ()), EventVerb(lemma, particle, row["argument"], row.get("modality") or "",
                                                          row.get("alone") == "yes"))
    return out


@lru_cache(maxsize=8)
def cue_words(pack: LanguagePack) -> dict[str, str]:
    """Word -> ``generic``, ``planned`` or ``marked`` (``event_cues.csv``)."""
    return {row["word"].lower(): row["cue"] for row in pack.rows("event_cues.csv")}


@lru_cache(maxsize=8)
def gathering_words(pack: LanguagePack, role: str) -> frozenset[str]:
    """The verbs of ``event_gatherings.csv`` with ``role`` (gathering, protest, purpose)."""
    return frozenset(row["word"].lower() for row in pack.rows("event_gatherings.csv") if row["role"] == role)


def multiword(pack: LanguagePack, name: str) -> dict[str, tuple[str, ...]]:
    """The entries of the list ``name`` by first word, each with the words after it ("take
    place" -> take: ("place",))."""
    return _multiword(pack, name)


@lru_cache(maxsize=32)
def _multiword(pack: LanguagePack, name: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for entry in pack.words(name):
        first, *rest = entry.split()
        out[first] = (*out.get(first, ()), " ".join(rest))
    return out


@lru_cache(maxsize=8)
def _date_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    found = pack.expressions.get("events.date")
    if not found:
        return None
    # each word capitalised, and as written unless the pack says a date's words are
    # capitalised (``case``: English "march" is a noun, "March 4" a date); a weekday by its
    # full name only (the first of its line: "Sun" alone is no date)
    listed = {"months": {w for line in pack.lines("months") for w in line.split()}, "weekdays": {line.split()[0] for line in pack.lines("weekdays")}}
    both = found.get("case") != "capitalised"
    words = {key: {f for w in ws for f in ((w, w.capitalize()) if both else (w.capitalize(),))} for key, ws in listed.items()}
    pattern = re.sub(r"\{(months|weekdays)\}", lambda m: alternation(words[m.group(1)]), found["pattern"])
    return re.compile(pattern, re.I if "i" in found.get("flags", "") else 0)


def cues_of(token: Token, pack: LanguagePack) -> set[str]:
    """The cues (generic, planned, marked, definite) of the words that modify an event noun
    or its verb ("every raid", "the planned march", "the biggest raid", "will hold")."""
    cues = cue_words(pack)
    out: set[str] = set()
    words = [c for c in token.children if c.dep_ in ("det", "amod", "nummod", "advmod", "case", "acl", "predet", "poss")]
    verb = token.head if token.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass", "attr", "pobj") else None
    if verb is not None:
        words += [c for c in verb.children if c.dep_ in ("aux", "advmod")]
        if verb.dep_ == "prep":
            words += [c for c in verb.head.children if c.dep_ in ("aux",)]
    for w in words:
        cue = cues.get(w.lower_)
        if cue:
            out.add(cue)
        if w.dep_ == "nummod" or (w.dep_ == "amod" and w.tag_ == "JJS"):
            out.add("generic" if w.dep_ == "nummod" else "marked")
        if w.dep_ in ("det", "poss") and (w.lower_ in pack.definites or w.lower_ in pack.words("articles")
                                          or w.lower_ in pack.words("possessives")):
            out.add("definite")
    return out


def find_date(pack: LanguagePack, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first date of an event the pack's ``events.date`` finds in ``text[pos:endpos]``.

    >>> from actorgraph.loaders.lang import load_pack
    >>> find_date(load_pack("en"), "ICE raided the plant on Feb. 17, 2023.").group(0)
    'Feb. 17, 2023'
    """
    pattern = _date_pattern(pack)
    if pattern is None:
        return None
    return pattern.search(text, pos, len(text) if endpos is None else endpos)


def event_kind(name: str) -> str | None:
    """The kind of event a name built for it (or found for it) names: that of its first
    event noun, in any pack ("raid at Lakeview Fittings LLC (March 4)" -> raid).

    >>> event_kind("redada en Muebles Ribera S.A. (martes 4 de marzo)"), event_kind("Fresno raid")
    ('raid', 'raid')
    """
    return _kinds(registry_version())(name)


@lru_cache(maxsize=4)
def _kinds(version: int):
    table = {words: noun.kind for pack in all_packs() for words, noun in event_nouns(pack).items() if noun.kind != ANY}
    pattern = re.compile(r"(?<!\w)(" + alternation(set(table)) + r")(?!\w)", re.I)

    def kind(name: str) -> str | None:
        found = pattern.search(name)
        return table[found.group(1).lower()] if found else None

    return kind


__all__ = ["ANY", "RAID", "EventNoun", "EventVerb", "cue_words", "cues_of", "event_kind", "event_nouns", "event_verbs",
           "find_date", "gathering_words", "multiword"]
