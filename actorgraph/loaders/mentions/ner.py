"""The model's names: spaCy's NER and actorgraph's EntityRuler (:mod:`actorgraph.loaders.nlp`)
mapped onto the ontology's classes.

Each tagged span goes through named steps, in this order, each with its reason: filters
drop what is no name at all (a date, a common word, a clause); a span that glues names
together is split; filters drop spans that are seats or unknown Spanish "places"; a
person's span is reshaped (the given name before it, the title of a lone surname, no role
word, no possessive); filters drop fragments, furniture and common nouns; the class comes
from the label, the cue words and what the text says around the name; and filters that
need the class drop the guesses title case and common words fool the model into. The
EntityRuler's names (``from_data``) skip most of the filters: the tables and the naming
patterns are not guesses.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.cues import cue_class, generic_words, role_nouns
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, all_packs, alternation, pack_for, registry_version, union
from actorgraph.loaders.mentions.firms import legal_forms
from actorgraph.loaders.mentions.group_names import extend_group_names, extend_of_place
from actorgraph.loaders.mentions.kinds import NOT_AN_ACTOR, kind_after, kind_before
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text, trim
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.nlp import RULER_LABELS
from actorgraph.loaders.parse import ParsedSegment
from actorgraph.loaders.person_titles import title_before, title_re

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NER_CLASSES = {"PERSON": "Person", "PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
               "FAC": "Place", "LAW": "Policy", "EVENT": "Event"}


_JUNK = re.compile(r"^[\W\d_]+$|_|https?:|www\.|@|\.(?:com|org|net)\b")


@register("mentions.ner.v1")
def model_names(ctx: MentionContext) -> list[Mention]:
    """What the model and the EntityRuler tag in each parsed segment, filtered and classed,
    and grown where the text goes on with a group's name (:mod:`.group_names`)."""
    out = []
    for p in ctx.parsed:
        if p.doc is not None:
            out.extend(extend_of_place(ctx.text, extend_group_names(ctx.text, _ner_mentions(ctx.text, p))))
    return out


def classify(name: str, ner_label: str) -> str | None:
    """Ontology class of a name from its NER label and the cue words in it.

    >>> classify("Tacoma City Council", "ORG")
    'GovernmentAgency'
    >>> classify("Ridgeline Foods", "ORG")
    'Company'
    >>> classify("Eastside Renters Union", "ORG")
    'Organization'
    >>> classify("Lakeview Fittings LLC", "GPE")
    'Company'
    """
    if ner_label in RULER_LABELS:
        return RULER_LABELS[ner_label]
    base = NER_CLASSES.get(ner_label)
    if base is None:
        return None
    cued = cue_class(name)
    if base == "Person":
        strong = cue_class(name, strong_only=True)
        return strong if strong and strong != "Person" else base
    if base in ("Policy", "Event"):
        return base
    if base == "Place":
        if cued == "Company" and cue_class(name, strong_only=True) == "Company":
            return "Company"  # "Lakeview Fittings LLC": a legal form ends the name of a firm
        return "DetentionFacility" if cued == "DetentionFacility" else ("GovernmentAgency" if cued == "GovernmentAgency" and ner_label != "GPE" else "Place")
    return cued or base


def is_junk(name: str, from_data: bool) -> bool:
    """Fragments and non-names the model tags as names (a lower-case first word but a
    particle of a surname: ``name_particles.txt``)."""
    if len(name) < 2 or _JUNK.search(name):
        return True
    if from_data:
        return False
    if not any(ch.isupper() for ch in name):
        return True
    first = name.split()[0]
    if first[0].islower() and first.lower() not in union("name_particles"):
        return True
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) > 6 and all(ch.isupper() for ch in letters):
        return True  # shouted headings: "GO AWAY", "WHAT WE ARE TRYING"
    return len(name.split()) > 10


_POSSESSIVE_IN = re.compile(r"(?:'s|’s)\s")


@lru_cache(maxsize=4)
def _owner_before(possessives: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(possessives, bounded=True) + r")[ \t]+$", re.I)


def _inner_body(text: str, start: int, name: str, language: str) -> bool:
    """"the campaign's Steering Committee", "its Board of Directors": generic words of a body
    (``inner_bodies.txt``) inside the owner named before them (``possessives.txt``), not a
    name of its own."""
    words = pack_for(language).inner_bodies
    return all(w in words for w in name.lower().split()) and \
        bool(_owner_before(union("possessives")).search(text[max(0, start - 20):start]))


def _role_vocabulary() -> frozenset[str]:
    """Every word of the role nouns and titles of the rule packs ("spokeswoman", "supervisor")."""
    return _role_words(registry_version())


@lru_cache(maxsize=4)
def _role_words(version: int) -> frozenset[str]:
    words: set[str] = set(role_nouns())
    for pack in all_packs():
        for phrase in [*pack.roles, *(t.title for t in pack.titles), *pack.role_modifiers]:
            words.update(w.strip(".").lower() for w in phrase.split())
    return frozenset(words)


@lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """Every word of a text, as written (computed once per document)."""
    return frozenset(re.findall(r"[\w-]+", text))


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """True when ``word`` also occurs in lower case in the document: a common word."""
    return word.lower() in _words_of(text)


@lru_cache(maxsize=4)
def _joint(suffixes: frozenset[str]) -> re.Pattern[str]:
    """A slash, or a comma but before a suffix that belongs to the name (``comma_suffixes.txt``:
    "Acme, Inc.")."""
    return re.compile(r"[ \t]*/[ \t]*|,[ \t]+(?!(?:" + alternation(suffixes) + r")\b)")


def joined_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names a tagged span glues together with a slash or commas, when every
    part is a capitalised name; [] when it is one name.

    >>> t = "Voices of Harbor, Open Door"
    >>> [t[s:e] for s, e in joined_parts(t, 0, len(t))]
    ['Voices of Harbor', 'Open Door']
    """
    pieces = []
    cursor = start
    for match in _joint(union("comma_suffixes", case=True)).finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    if not pieces:
        return []
    pieces.append((cursor, end))
    if all(e > s and text[s].isupper() for s, e in pieces):
        return pieces
    return []


@dataclass(frozen=True, slots=True)
class _Tagged:
    """A span the model or the EntityRuler tagged, as the steps reshape it."""

    text: str  # the document's text
    segment: Segment
    ent: Span
    start: int
    end: int
    from_data: bool  # the EntityRuler's: a name of the domain tables or of naming structure
    firm: bool  # the name says it is a firm (a legal form, "la empresa X")
    split: bool = False  # one of the names a tagged span glued together

    @property
    def name(self) -> str:
        return self.text[self.start:self.end]

    @property
    def label(self) -> str:
        return self.ent.label_

    @property
    def after(self) -> str:
        return self.text[self.end:self.end + 40]

    def before(self, width: int) -> str:
        return self.text[max(0, self.start - width):self.start]


def _tagged(text: str, segment: Segment, ent: Span, start: int, end: int, split: bool = False) -> _Tagged:
    from_data = ent.label_ in RULER_LABELS
    firm = not from_data and _named_as_firm(text, start, end, segment.language)
    return _Tagged(text, segment, ent, start, end, from_data, firm, split)


def _ner_mentions(text: str, parsed: ParsedSegment) -> list[Mention]:
    """The mentions of what the model and the EntityRuler tagged in one segment."""
    assert parsed.doc is not None
    base = parsed.segment.start
    work = deque(_tagged(text, parsed.segment, ent, *trim(text, base + ent.start_char, base + ent.end_char))
                 for ent in parsed.doc.ents)
    out = []
    while work:
        tagged = work.popleft()
        if any(drop(tagged) for drop in _TAG_FILTERS):
            continue
        parts = _glued_names(tagged)
        if parts:
            work.extendleft(reversed(parts))
            continue
        if any(drop(tagged) for drop in _SPAN_FILTERS):
            continue
        tagged = _person_span(tagged)
        if any(drop(tagged) for drop in _NAME_FILTERS):
            continue
        mention = _classed(tagged)
        if mention is not None:
            out.append(mention)
    return out


# 1. what is no name at all

_NOT_NAME_POS = ("NOUN", "ADJ", "VERB", "PRON", "ADV", "DET", "ADP", "SCONJ", "CCONJ")


def _no_class(t: _Tagged) -> bool:
    """A label no class of the ontology answers to (a date, a number), unless the name says
    it is a firm (the Spanish model tags "Servicios Norteños S.A." MISC)."""
    return not t.from_data and t.label not in NER_CLASSES and not t.firm


def _one_common_word(t: _Tagged) -> bool:
    """One word that is a common noun, verb, pronoun … or a generic word ("County")."""
    return not t.from_data and len(t.ent) == 1 and (t.ent[0].pos_ in _NOT_NAME_POS or t.ent[0].lower_ in generic_words())


def _clause(t: _Tagged) -> bool:
    """A clause, such as a quoted article title, is not a name."""
    return not t.from_data and any(token.pos_ in ("AUX", "VERB", "PRON") and token.tag_ != "VBN" for token in t.ent)


_TAG_FILTERS: tuple[Callable[[_Tagged], bool], ...] = (_no_class, _one_common_word, _clause)


# 2. names glued together

def _glued_names(t: _Tagged) -> list[_Tagged]:
    """"Voices of Harbor, Open Door", "Open Door/Open Door Action": each name of a span the
    model glued together with commas or a slash (each part then goes through the steps)."""
    if t.from_data or t.split or t.label not in ("ORG", "PERSON", "FAC"):
        return []
    return [_tagged(t.text, t.segment, t.ent, s, e, True) for s, e in joined_parts(t.text, t.start, t.end)]


# 3. spans that are no names of their own

@lru_cache(maxsize=8)
def _word_before(words: frozenset[str]) -> re.Pattern[str] | None:
    """One of ``words`` right before a position (None for no words: nothing matches)."""
    return re.compile(r"\b(?:" + alternation(words) + r")\s+$") if words else None


def _said_before(words: frozenset[str], before: str) -> bool:
    pattern = _word_before(words)
    return pattern is not None and pattern.search(before) is not None


@lru_cache(maxsize=4)
def _seat_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(words) + r") \d+")


def _unknown_loc(t: _Tagged) -> bool:
    """A model's unknown "places" (LOC) with nothing that says they are places, in a language
    whose model tags them freely: its pack lists the words that must stand before one
    (``loc_cues.txt``: Spanish "en", "desde" …)."""
    cues = pack_for(t.segment.language).words("loc_cues")
    return (bool(cues) and not t.from_data and t.label == "LOC" and not t.firm
            and t.name.lower() not in data_tables.known_place_names() and not _said_before(cues, t.before(8)))


def _seat(t: _Tagged) -> bool:
    """"District 4" is a seat, not a body (``seat_words.txt``)."""
    return not t.from_data and _seat_pattern(union("seat_words", case=True)).fullmatch(t.name) is not None


_SPAN_FILTERS: tuple[Callable[[_Tagged], bool], ...] = (_unknown_loc, _seat)


# 4. a person's span

def _person_span(t: _Tagged) -> _Tagged:
    """A person the model tagged, reshaped: the given name before it, the title of a lone
    surname, no role word, no possessive."""
    if t.from_data or t.label != "PERSON":
        return t
    return _before_possessive(_without_role_word(_with_title(_with_given_name(t))))


def _with_given_name(t: _Tagged) -> _Tagged:
    """"Noriko Tanabe-Ruiz" tagged from the surname on: the given name before it joins."""
    if t.ent.start == 0:
        return t
    previous = t.ent.doc[t.ent.start - 1]
    return replace(t, start=t.segment.start + previous.idx) if _given_name_of(previous, t) else t


def _given_name_of(token: Token, t: _Tagged) -> bool:
    """A capitalised proper noun that modifies the tagged name and is no entity, role, title,
    common word, place or cue word of its own."""
    return (token.pos_ == "PROPN" and token.is_title and token.dep_ == "compound"
            and token.head.i in range(t.ent.start, t.ent.end) and not token.ent_type_
            and token.lower_ not in _role_vocabulary() and not title_re().match(token.text + " X")
            and not _lowercase_elsewhere(t.text, token.text)
            and token.lower_ not in data_tables.known_place_names() and not cue_class(token.text))


def _with_title(t: _Tagged) -> _Tagged:
    """"Gov. Okafor", "General Brandt": a surname alone keeps the title it was given."""
    if " " in t.name:
        return t
    title = title_before().search(t.text, max(t.segment.start, t.start - 40), t.start)
    return replace(t, start=title.start()) if title else t


def _without_role_word(t: _Tagged) -> _Tagged:
    """"Spokeswoman Ana Ruiz": a role word the model took into the name (titles stay:
    "Sheriff X")."""
    start = t.start
    name = t.name
    while len(name.split()) > 2 and name.split()[0].lower() in _role_vocabulary() and not title_re().match(name):
        start += len(name.split()[0]) + 1
        name = t.text[start:t.end]
    return replace(t, start=start)


def _before_possessive(t: _Tagged) -> _Tagged:
    """"Trump’s Racist" -> "Trump"."""
    cut = _POSSESSIVE_IN.search(t.name)
    return replace(t, end=t.start + cut.start()) if cut else t


# 5. fragments, furniture and common nouns

_DEFINITION_AFTER = re.compile(r"\s*\(([^()]{4,80})\)")


def _junk(t: _Tagged) -> bool:
    """Fragments and non-names (:func:`is_junk`)."""
    return is_junk(t.name, t.from_data)


def _day(t: _Tagged) -> bool:
    """"Valentine's Day" is a date."""
    return lang.match("mentions.ner.day_after", t.after) is not None


def _modifies_common_noun(t: _Tagged) -> bool:
    """"C-Pap machine", "sleep Apnea": a word modifying the common noun after it."""
    root = t.ent.root
    return (not t.from_data and t.label in ("ORG", "PERSON") and not t.name.isupper() and root.dep_ == "compound"
            and root.head.pos_ == "NOUN" and root.head.is_lower and root.head.i == t.ent.end)


def _kind_of_thing(t: _Tagged) -> bool:
    """"sleep Apnea": a common noun before one word makes it a kind of thing."""
    return not t.from_data and len(t.ent) == 1 and t.label in ("ORG", "PERSON") and any(
        c.dep_ == "compound" and c.is_lower and c.pos_ == "NOUN" and c.lower_ not in role_nouns() for c in t.ent.root.children)


def _abbreviates_a_thing(t: _Tagged) -> bool:
    """"RAD (Reactive Attachment Disorder)" abbreviates a thing, not a body."""
    if t.from_data or not t.name.isupper() or t.label != "ORG":
        return False
    definition = _DEFINITION_AFTER.match(t.after)
    return bool(definition and not cue_class(definition.group(1)) and not re.search(r"[A-Z]{2,}", definition.group(1)))


def _greeting(t: _Tagged) -> bool:
    """Capitalised words of letters and greetings ("Solidarity", "Regards": ``greetings.txt``)."""
    return not t.from_data and t.name.lower() in union("greetings")


def _body_of_owner(t: _Tagged) -> bool:
    """"the campaign's Steering Committee" is part of the campaign (:func:`_inner_body`)."""
    return not t.ent.ent_id_ and _inner_body(t.text, t.start, t.name, t.segment.language)


def _describes(t: _Tagged) -> bool:
    """"Washington-based" describes, it does not name the place."""
    return lang.match("mentions.ner.describing_after", t.text[t.end:t.end + 8]) is not None


_NAME_FILTERS: tuple[Callable[[_Tagged], bool], ...] = (
    _junk, _day, _modifies_common_noun, _kind_of_thing, _abbreviates_a_thing, _greeting, _body_of_owner, _describes)


# 6. the class

def _classed(t: _Tagged) -> Mention | None:
    """The mention of a tagged name with its class, or None when the class says it is no
    name (:data:`_CLASSED_FILTERS`)."""
    after = t.after  # what follows the name as tagged, before a code suffix joins it
    t = _with_code_suffix(t)
    cls = _class_of(t, after)
    if cls is None or (not t.from_data and any(drop(t, cls) for drop in _CLASSED_FILTERS)):
        return None
    canonical = t.ent.ent_id_ or None
    extractor, found_as = ("spacy.entity_ruler.v1", MentionKind.KNOWN) if t.from_data else ("spacy.ner.v1", MentionKind.MODEL)
    if canonical and canonical != t.name and t.segment.language != DEFAULT_LANGUAGE:
        # a name of the sourced table: its English name labels it
        extractor, found_as = "rules.spanish_names.v1", MentionKind.TRANSLATED
    confidence = 0.95 if canonical else (0.85 if t.from_data else 0.7)
    return Mention(t.start, t.end, t.name, cls, extractor, confidence, canonical, found_as)


_CODE_SUFFIX = re.compile(r"-[A-Z]{2,}\b")


def _with_code_suffix(t: _Tagged) -> _Tagged:
    """"ABCD-US": a code joined by a hyphen is part of the name."""
    suffix = _CODE_SUFFIX.match(t.text[t.end:t.end + 8])
    return replace(t, end=t.end + suffix.end()) if suffix else t


@lru_cache(maxsize=4)
def _who_after(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r",\s+(?:" + alternation(words) + r")\b")


def _class_of(t: _Tagged, after: str) -> str | None:
    """The class of a tagged name: a firm's, else the label's with the cue words
    (:func:`classify`), corrected by what the text says around it; None for an unknown
    one-word place with nothing that says it is one (a word of the segment's pack's
    ``place_preps.txt`` before it)."""
    cls = "Company" if t.firm else classify(t.name, t.label)
    if cls is None:
        return None
    if cls == "Person" and not t.from_data and len(t.name.split()) == 1 and t.name.lower() in \
            data_tables.known_place_names() and _said_before(union("person_place_preps"), t.before(10)):
        cls = "Place"  # "in Taylor"
    cls = _class_said_around(t, cls, after)
    if _who_after(union("person_relatives")).match(after) and cls in ("Place", "Organization") \
            and t.name.lower() not in data_tables.known_place_names():
        return "Person"  # "Arlen, who is twelve"
    if cls == "Place" and not t.from_data and len(t.ent) == 1 and t.label in ("GPE", "LOC") \
            and t.name.lower() not in data_tables.known_place_names() \
            and not _said_before(pack_for(t.segment.language).words("place_preps"), t.before(8)):
        return None  # an unknown one-word "place" with nothing that says it is one
    return cls


def _class_said_around(t: _Tagged, cls: str, after: str) -> str:
    """What the words around a model's name say it is (:mod:`.kinds`): an apposition ("Camp
    East Montana, a detention center in El Paso"), a kind before it ("la empresa Sendero
    Correccional", "the nonprofit X"), or a given name ("Heather Okafor-Duarte" tagged as a
    group). A kind that also says what people are ("a contractor") leaves a person's name a
    person; what names no actor (a report) is left to the kinds pass."""
    if t.from_data:
        return cls
    said = kind_after(after) or kind_before(t.before(30))
    if said is not None and said.cls != NOT_AN_ACTOR and cls in ("Organization", "Place", "Company", "Person") \
            and not (cls == "Person" and said.people and data_tables.looks_like_person(t.name)):
        return said.cls
    if cls in ("Organization", "Place") and not cue_class(t.name) and data_tables.looks_like_person(t.name):
        return "Person"
    return cls


# 7. guesses the class gives away (the model's names only)

def _title_case_guess(t: _Tagged, cls: str) -> bool:
    """Title case fools the model: "Gay Couple Torn Apart" in a headline is no group."""
    return title_case_text(t.segment) and cls in ("Organization", "Event", "Policy") and not cue_class(t.name)


def _headline_phrase(t: _Tagged, cls: str) -> bool:
    """A headline phrase of common words (most of them also written in lower case in the
    document), not a name."""
    words = t.name.split()
    return title_case_text(t.segment) and len(words) >= 3 and sum(_lowercase_elsewhere(t.text, w) for w in words) * 2 >= len(words)


def _role_plural(t: _Tagged, cls: str) -> bool:
    """"Probation Officers" is a role, not a person (``role_plurals.txt``)."""
    return cls == "Person" and t.name.split()[-1].lower() in union("role_plurals")


def _common_word(t: _Tagged, cls: str) -> bool:
    """"Solidarity" when the text also says "solidarity"."""
    return len(t.name.split()) == 1 and t.label != "PERSON" and _lowercase_elsewhere(t.text, t.name)


def _generic_words(t: _Tagged, cls: str) -> bool:
    """"Black and Brown": generic words (``generic_words.txt``) joined by "and" only (but "City
    Council" is a body)."""
    words = t.name.split()
    joining = pack_for(t.segment.language).conjunctions - pack_for(t.segment.language).words("disjunctions")
    return len(words) > 1 and all(w.lower() in generic_words() or w.lower() in joining for w in words) \
        and cue_class(words[-1]) != "GovernmentAgency"


_CLASSED_FILTERS: tuple[Callable[[_Tagged, str], bool], ...] = (
    _title_case_guess, _headline_phrase, _role_plural, _common_word, _generic_words)

def _named_as_firm(text: str, start: int, end: int, language: str) -> bool:
    """A name that says it is a firm: it ends in a legal form ("Servicios Norteños S.A.",
    ``legal_forms.txt``) or its language puts the kind before it ("la empresa X",
    ``kinds.csv``). The Spanish model tags such names MISC or LOC."""
    name = text[start:end].lower()
    if " " in name and any(name.endswith(" " + form) for form in legal_forms()):
        return True
    said = kind_before(text[max(0, start - 30):start], (pack_for(language),))
    return said is not None and said.cls == "Company"
