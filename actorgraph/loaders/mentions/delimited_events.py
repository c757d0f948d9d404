"""Events as readers name them: a raid, march, vigil, strike or hearing that the text
delimits, one Event per event of a document, whatever words tell of it.

An event noun (``lang/<code>/event_nouns.csv``: "raid", "la vigilia", "sit-in") or a
verb of gathering to protest (``event_gatherings.csv``: "dozens gathered outside X to
protest") *introduces* an event when the sentence singles it out: by its site ("a vigil
outside the X Detention Center", "la redada en X"), by who did it ("ICE conducted a raid", "un
operativo migratorio", "the union held a vigil"), as the first, last or biggest one, or by its
date when the document names a place. A definite mention with none of these ("the march",
"el acto") refers back to an event of its kind (or forward, to the one the document names
next); a generic one ("raids have become common", "cualquier redada", "more raids") names
none. Events of one kind are one event unless their sites or dates differ, or one is still to
come (``event_cues.csv``: "planned", "previsto").

Every mention of an event gets the name built for it from what the document says of it:
what, where and when ("hunger strike at the Valleverde Detention Center (Feb. 17, 2023)",
"manifestación en Plaza Mayor (2 de junio de 2025)"); the name is also each mention's surface
form, so that two documents' raids never join on the word "raid" alone.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actorgraph.loaders.event_words import (
    ANY,
    RAID,
    EventNoun,
    cues_of,
    event_nouns,
    event_verbs,
    find_date,
    gathering_words,
    multiword,
)
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, LanguagePack, load_pack, pack_for
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text
from actorgraph.loaders.model import Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SITES = ("DetentionFacility", "Company", "Place", "GovernmentAgency")
_ACTORS = ("Person", "Organization", "GovernmentAgency", "Company")
_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")
_OBJECTS = ("dobj", "obj")
_OBLIQUES = ("obl", "nmod", "obl:arg")


class _Found:
    """The mentions found so far, looked up by document offsets."""

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.spans = sorted((m.start, m.end, m) for m in mentions if not m.kind.is_container)
        self.starts = [s for s, _, _ in self.spans]

    def at(self, start: int, end: int) -> Mention | None:
        """The mention that holds the offsets ``start:end``."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.spans[i][1] >= end:
            return self.spans[i][2]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return any(s < end and start < e for s, e, _ in self.spans[max(0, i - 8):i])

    def in_subtree(self, token: Token, base: int, classes: tuple[str, ...]) -> bool:
        """Whether a mention of one of ``classes`` lies in the subtree of ``token``."""
        left, right = token.left_edge, token.right_edge
        lo, hi = base + left.idx, base + right.idx + len(right)
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][2].cls in classes and self.spans[i][1] <= hi:
                return True
            i += 1
        return False


@dataclass(slots=True)
class _Told:
    """One telling of an event: an event noun or a verb of gathering, and what its sentence
    says of it."""

    start: int                    # document offsets of the words that become the mention
    end: int
    kind: str
    what: str                     # the words that name it ("hunger strike"); "" for a verb
    definite: bool                # "the march", "la vigilia", "its raid"
    needs: str                    # what the noun needs to name an event of its own
    plural: bool = False
    site: tuple[Mention, str] | None = None  # the site and the words that join it ("at the ")
    date: str | None = None
    actor: bool = False           # an actor who did it or took part is stated with it
    marked: bool = False          # "the first march", "the biggest raid", "que tuvo lugar"
    planned: bool = False

    def introduces(self, places: bool) -> bool:
        """Whether it names an event of its own (``places``: the document names a place); a
        plural ("the raids") only refers to one named before or after it."""
        if self.plural or self.needs == "antecedent" or (self.needs == "agent" and not self.actor):
            return False
        return bool(self.site or self.actor or self.marked or (self.date and places))


@dataclass(slots=True)
class _Event:
    kind: str
    told: list[_Told] = field(default_factory=list)

    @property
    def sites(self) -> set[str]:
        return {(t.site[0].canonical or t.site[0].text).lower() for t in self.told if t.site}

    @property
    def dates(self) -> set[str]:
        return {t.date.lower() for t in self.told if t.date and any(ch.isdigit() for ch in t.date)}

    def admits(self, told: _Told) -> bool:
        """Whether a telling that introduces an event may tell of this one: same kind, no
        other site, no other date, not one planned and the other held."""
        if told.kind != self.kind or told.planned != self.told[0].planned:
            return False
        site = (told.site[0].canonical or told.site[0].text).lower() if told.site else None
        if site and self.sites and site not in self.sites:
            return False
        date = told.date.lower() if told.date and any(ch.isdigit() for ch in told.date) else None
        return not (date and self.dates and date not in self.dates)


# ----------------------------------------------------------------- reading a sentence

def _noun_at(token: Token, table: dict[str, EventNoun]) -> tuple[EventNoun, int, int] | None:
    """The event noun whose head ``token`` is, with the indices of its first and last word
    ("hunger strike", "huelga de hambre")."""
    doc = token.doc
    if token.i > 0 and f"{doc[token.i - 1].lower_} {token.lower_}" in table:
        return table[f"{doc[token.i - 1].lower_} {token.lower_}"], token.i - 1, token.i
    if token.i + 2 < len(doc) and f"{token.lower_} {doc[token.i + 1].lower_} {doc[token.i + 2].lower_}" in table:
        return table[f"{token.lower_} {doc[token.i + 1].lower_} {doc[token.i + 2].lower_}"], token.i, token.i + 2
    if token.lower_ in table:
        return table[token.lower_], token.i, token.i
    return None


def _site(head: Token, kind: str, base: int, found: _Found, pack: LanguagePack) -> tuple[Mention, str] | None:
    """The place, facility or company named after a site preposition of the event noun or of
    the verb it is the object of ("held a vigil outside X", "una redada en X"; a raid's also
    after its target prepositions, ``event_target_preps.txt``: "a raid on X"), directly or
    through a site noun ("at a factory in X", "against plants owned by X", "en las
    instalaciones de X"), with the words from the preposition to the name ("at the ")."""
    site_preps = pack.words("site_preps") | (pack.words("event_target_preps") if kind == RAID else frozenset())
    holders = [head]
    if head.dep_ in _OBJECTS and head.head.pos_ == "VERB" and not any(c.dep_ == "case" for c in head.children):
        holders.append(head.head)
    for holder in holders:
        for prep, obj in _prep_objects(holder, site_preps):
            mention = _named(obj, base, found, pack, 0)
            if mention is not None:
                return mention, head.doc.text[prep.idx:mention.start - base] if mention.start - base >= prep.idx else ""
    return None


def _prep_objects(holder: Token, preps: frozenset[str]) -> list[tuple[Token, Token]]:
    """(preposition, object) of the prepositions ``preps`` on ``holder``: "at X" (prep +
    pobj), "en X" (an oblique whose case marker is the preposition; "frente a X")."""
    out: list[tuple[Token, Token]] = []
    for c in holder.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend((c, o) for o in c.children if o.dep_ == "pobj")
        elif c.dep_ in _OBLIQUES:
            case = [g for g in c.children if g.dep_ in ("case", "advmod") and g.i < c.i and g.lower_ in preps]
            if case:
                out.append((min(case, key=lambda g: g.i), c))
    return out


def _named(token: Token, base: int, found: _Found, pack: LanguagePack, depth: int) -> Mention | None:
    """The site a token names: its mention, or the name a site noun leads to ("a factory in
    X", "plants owned by X", "las instalaciones de X", "7-Eleven stores")."""
    start, end = base + token.idx, base + token.idx + len(token)
    mention = found.at(start, end)
    if mention is not None:
        return mention if mention.cls in _SITES else None
    if depth > 2 or token.lower_ not in pack.words("event_site_nouns"):
        return None
    for c in token.children:
        nexts: list[Token] = []
        if c.dep_ in ("compound", "nmod", "appos", "flat"):
            nexts = [c]
        elif c.dep_ == "prep":
            nexts = [o for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ in ("acl", "relcl"):  # "owned by X", "based in X", "que pertenecen a X"
            nexts = [o for g in c.children if g.dep_ in ("agent", "prep") for o in g.children if o.dep_ == "pobj"]
            nexts += [g for g in c.children if g.dep_ in _OBLIQUES]
        for n in nexts:
            mention = _named(n, base, found, pack, depth + 1)
            if mention is not None:
                return mention
    return None


def _with_actor(head: Token, base: int, found: _Found, pack: LanguagePack) -> bool:
    """Whether an actor who did the event or took part is stated with it: a name modifying
    it ("ICE's raid", "an ICE raid", "la redada de ICE"), "by X", "a manos de X", the subject
    of a verb of holding or joining it ("ICE conducted a raid", "X participó en la vigilia",
    "la operación que ICE llevó a cabo")."""
    for c in head.children:
        if c.dep_ in ("compound", "poss", "nmod:poss", "nmod") and found.in_subtree(c, base, _ACTORS) \
                and c.i < head.i + 4:
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in pack.words("agent_preps") and found.in_subtree(c, base, _ACTORS):
            return True
        if c.dep_ in ("acl", "relcl", "acl:relcl") and _verb_with_actor(c, head, base, found, pack):
            return True
        # a relative clause the parser hung on the last noun of the phrase ("la operación de gran escala que X llevó a cabo")
        if c.dep_ == "nmod" and any(g.dep_ in ("acl", "relcl", "acl:relcl") and _verb_with_actor(g, head, base, found, pack)
                                    for g in c.children):
            return True
    return any(_verb_with_actor(verb, head, base, found, pack) for verb in _governing(head))


def _governing(head: Token) -> list[Token]:
    """The verb an event noun is the object or oblique of ("held a vigil", "participó en la
    marcha", "during the raid")."""
    if head.dep_ in _OBJECTS + _OBLIQUES and head.head.pos_ in ("VERB", "AUX"):
        return [head.head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        return [head.head.head]
    return []


def _verb_with_actor(verb: Token, head: Token, base: int, found: _Found, pack: LanguagePack) -> bool:
    """Whether ``verb`` is a verb of the event (``event_verbs.csv``) whose subject (or agent)
    names an actor."""
    if verb.lemma_.lower() not in event_verbs(pack):
        return False
    who = [c for c in verb.children if c.dep_ in ("nsubj", "agent", "obl:agent") and c.i != head.i]
    return any(found.in_subtree(w, base, _ACTORS) for w in who)


def _noun_told(head: Token, base: int, found: _Found, pack: LanguagePack, sent: Span) -> _Told | None:
    """What a sentence says of the event noun ``head`` (None when it names no event: a
    generic or bare plural, a word of a name, a negated verb of it)."""
    if head.pos_ in ("VERB", "AUX", "ADP", "PRON", "DET"):
        return None  # the cheap test first: every verb is asked
    noun_at = _noun_at(head, event_nouns(pack))
    if noun_at is None:
        return None
    noun, first, last = noun_at
    doc = head.doc
    if any(doc[i].text[:1].isupper() for i in range(first, last + 1) if i != sent.start):
        return None  # a word of a name ("Day of Action", "the Harbor Strike")
    start, end = base + doc[first].idx, base + doc[last].idx + len(doc[last])
    if found.overlaps(start, end):
        return None
    cues = cues_of(head, pack)
    if "generic" in cues or (noun.plural and ("definite" not in cues or _modified(head, first))):
        return None  # "raids", "más redadas"; "las redadas migratorias", "the ICE raids": raids in general
    if "definite" not in cues and any(_negated(v, pack) for v in _governing(head)):
        return None
    told = _Told(start, end, noun.kind, _what(doc, first, last), "definite" in cues, noun.needs, noun.plural,
                 planned="planned" in cues or _planning_verb(head, pack))
    told.site = _site(head, noun.kind, base, found, pack)
    told.date = _date(head, pack)
    told.actor = _with_actor(head, base, found, pack)
    told.marked = "marked" in cues or _happening_clause(head, pack)
    return told


_CLAUSE_EDGES = ("conj", "ccomp", "advcl", "parataxis", "relcl", "acl:relcl", "csubj")


def _date(head: Token, pack: LanguagePack) -> str | None:
    """The date of the clause an event is told in ("a rally on Friday", "la vigilia del
    sábado", "ICE conducted the raid on March 4"), not another clause's ("…, and the lawsuit
    was filed on March 9")."""
    top = head
    while top.dep_ not in ("ROOT",) + _CLAUSE_EDGES and top.head.i != top.i and top.pos_ not in ("VERB", "AUX"):
        top = top.head
    inside = {t.i for t in _clause(top)}
    doc = head.doc
    for found in _dates(pack, doc.text):
        first = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if first is not None and first.start in inside and first.end - 1 in inside:
            return found.group(0)
    return None


def _dates(pack: LanguagePack, text: str):
    found = find_date(pack, text)
    while found is not None:
        yield found
        found = find_date(pack, text, found.end())


def _clause(top: Token) -> list[Token]:
    """The tokens of a clause without the clauses inside it (but the relative clause on an
    event noun: "el despliegue, que tuvo lugar el jueves")."""
    out = [top]
    for c in top.children:
        if c.dep_ in _CLAUSES_OUT and c.pos_ in ("VERB", "AUX"):
            continue
        out.extend(_clause(c))
    return out


_CLAUSES_OUT = ("conj", "ccomp", "advcl", "parataxis", "csubj")


def _what(doc, first: int, last: int) -> str:
    """The words that name an event: its noun and the names and nouns compounded before it
    ("hunger strike", "courthouse protest", "ICE raid", "the union's march" ->
    "union's march"), a common noun in lower case."""
    head = doc[last]
    for c in sorted((c for c in head.children if c.i < first and c.dep_ in ("compound", "poss", "nmod:poss")),
                    key=lambda c: -c.i):
        if c.right_edge.i != first - 1 or any(t.pos_ == "VERB" or t.dep_ in ("amod", "nummod") and t.tag_ == "JJS"
                                              for t in c.subtree):
            break
        first = c.left_edge.i
    while first < last and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    text = doc[first:last + 1].text
    return text if text[:1].isupper() and doc[first].pos_ == "PROPN" else text[:1].lower() + text[1:]


def _modified(head: Token, first: int) -> bool:
    """Whether words besides a determiner modify an event noun ("the ICE raids", "las
    redadas migratorias", "los operativos de ICE en X"): a plural so modified names raids in
    general; "the raids" alone refers to the ones just told of."""
    return any(c.dep_ not in ("det", "case", "punct", "predet", "poss", "cc") and not (first <= c.i < head.i)
               for c in head.children if c.pos_ not in ("VERB", "AUX"))


def _negated(verb: Token, pack: LanguagePack) -> bool:
    """A verb with a negation or in a clause of condition ("did not hold a vigil", "if ICE
    conducts a raid"): it tells of no event."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in pack.negators)
               or (c.dep_ == "mark" and c.lower_ in pack.conditionals) for c in verb.children)


def _planning_verb(head: Token, pack: LanguagePack) -> bool:
    """"X announced a march", "X planea una vigilia": the verb of the event plans it."""
    verbs = _governing(head)
    return any(v.modality == "planned" for verb in verbs for v in event_verbs(pack).get(verb.lemma_.lower(), ()))


def _happening_clause(head: Token, pack: LanguagePack) -> bool:
    """"the raid that took place on Tuesday", "el despliegue, que tuvo lugar en X": a clause
    of it taking place singles it out."""
    happenings = multiword(pack, "event_happenings")
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "acl:relcl") and c.lemma_.lower() in happenings:
            return True
    return False


def _gathering_told(verb: Token, base: int, found: _Found, pack: LanguagePack, sent: Span) -> _Told | None:
    """A protest told by a verb alone: a verb of protesting with a site ("hundreds rallied
    outside X"), or of gathering with a site and a purpose of protest ("decenas se reunieron
    frente a X para protestar")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not (lemma in gathering_words(pack, "protest") or lemma in gathering_words(pack, "gathering")):
        return None
    if lemma not in gathering_words(pack, "protest"):
        purposes = gathering_words(pack, "purpose")
        if not any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in purposes for c in verb.children):
            return None
    start, end = base + verb.idx, base + verb.idx + len(verb)
    if _negated(verb, pack) or found.overlaps(start, end):
        return None
    site = _site(verb, "protest", base, found, pack)
    if site is None or site[0].cls not in ("Place", "DetentionFacility"):
        return None
    return _Told(start, end, "protest", "", False, "", site=site, date=_date(verb, pack))


# ----------------------------------------------------------------- the document's events

def _events(tellings: list[_Told], places: bool) -> list[_Event]:
    """The document's events: each telling that introduces one joins an event of its kind
    that admits it or begins a new one; each other telling refers to the nearest event of its
    kind before it (else after it); an indefinite one only to the one event of its kind."""
    events: list[_Event] = []
    for told in tellings:
        if told.introduces(places):
            event = next((e for e in events if e.admits(told)), None)
            if event is None:
                events.append(_Event(told.kind, [told]))
            else:
                event.told.append(told)
    for told in tellings:
        if told.introduces(places):
            continue
        kin = [e for e in events if told.kind in (e.kind, ANY) and e.told[0].planned == told.planned]
        if not told.definite:
            kin = kin if len(kin) == 1 else []
        before = [e for e in kin if e.told[0].start < told.start]
        event = before[-1] if before else (kin[0] if kin else None)
        if event is not None:
            event.told.append(told)
    return events


def _name(event: _Event, pack: LanguagePack, where: Mention | None, when: str | None) -> str | None:
    """What, where and when: "raid at Lakeview Fittings LLC (March 4)"; where and when are
    the document's (its first place, its first date) when no telling of the event says them.
    None when neither the event's tellings nor the document say where or when: "march" alone
    would be every march of a corpus."""
    told = sorted(event.told, key=lambda t: t.start)
    what = next((t.what for t in told if t.what and t.kind != ANY), "") or pack.about.get("gathering_noun") \
        or load_pack(DEFAULT_LANGUAGE).about.get("gathering_noun", "event")
    name = what
    sited = next((t for t in told if t.site), None)
    if sited is not None and sited.site is not None:
        site, join = sited.site
        join = join if join.strip() and len(join.split()) <= 4 else (
            pack.about.get("site_preposition") or load_pack(DEFAULT_LANGUAGE).about["site_preposition"]) + " "
        name += f" {join}{site.canonical or site.text}"
    elif where is not None:
        name += f" {next(iter(pack.lines('in_preps')), 'in')} {where.canonical or where.text}"
    dates = [t.date for t in told if t.date]
    when = next((d for d in dates if any(ch.isdigit() for ch in d)), dates[0] if dates else when)
    if sited is None and where is None and not when:
        return None
    if when:
        name += f" ({when})"
    return " ".join(name.split())


def _document_date(ctx: MentionContext) -> str | None:
    """The first date with a number that the document gives (a dateline, a byline)."""
    for p in ctx.parsed:
        found = find_date(pack_for(p.segment.language), ctx.text, p.segment.start, p.segment.end)
        if found is not None and any(ch.isdigit() for ch in found.group(0)):
            return found.group(0)
    return None


@register("mentions.event.delimited.v1")
def delimited_events(ctx: MentionContext) -> list[Mention]:
    """Events the text delimits, one per event of the document, each mention named by what,
    where and when the document says of it (see the module docstring)."""
    found = _Found(ctx.found)
    tellings: list[tuple[_Told, LanguagePack]] = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        pack = pack_for(p.segment.language)
        table = event_nouns(pack)
        base = p.segment.start
        for sent in p.doc.sents:
            for token in sent:
                if token.lower_ in table or token.pos_ == "VERB":
                    told = _noun_told(token, base, found, pack, sent) or (
                        _gathering_told(token, base, found, pack, sent) if token.pos_ == "VERB" else None)
                    if told is not None:
                        tellings.append((told, pack))
    if not tellings:
        return []
    packs = {id(t): pack for t, pack in tellings}
    where = next((m for _, _, m in found.spans if m.cls in ("Place", "DetentionFacility")), None)
    when = _document_date(ctx)
    out: list[Mention] = []
    for event in _events([t for t, _ in tellings], where is not None):
        name = _name(event, packs[id(event.told[0])], where, when)
        if name is None:
            continue
        # the built name is also the surface form: "raid" alone would join every raid of a corpus
        out.extend(Mention(t.start, t.end, name, "Event", "rules.event.delimited.v1", 0.6, name, MentionKind.BUILT)
                   for t in event.told)
    return out
