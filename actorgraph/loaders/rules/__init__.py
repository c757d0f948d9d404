"""Relation rules as small named components (spaCy's registry is the model): each rule
family lives in one file, registers each rule under a versioned dotted name with
:func:`register`, and that name is recorded in ``ag:extractor`` of every Evidence the rule
produces. :data:`DOCUMENT_ORDER` and :data:`SENTENCE_ORDER` say, in one place, which rules
run and in what order; ``docs/rules.md`` lists them (written by ``docs/rules.py``).

A rule reads at one of two levels (:class:`Level`):

- a sentence rule, ``rule(ctx: SentenceContext) -> Iterable[Relation]``, reads one parsed
  sentence: which entity each token names (directly, through a stand-in noun such as
  "agents of X", or through coreference), the language's rule pack and the sentence's
  modality;
- a document rule, ``rule(ctx: DocumentContext) -> Iterable[Relation]``, reads the
  document's structure and words: its segments (petition listings, bylines, contact
  lines), the names in each sentence, who "we" is, and the relations the rules before it
  found.

Every rule builds its relations with :func:`make_relation`, which checks the ontology's
domains and ranges and quotes the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from actorgraph import ontology
from actorgraph.errors import UnknownFormatError
from actorgraph.loaders import lang
from actorgraph.loaders.lang import LanguagePack, all_packs, registry_version, trie_alternation
from actorgraph.loaders.model import Entity, Evidence, Mention, Relation
from actorgraph.loaders.rules.coref import clause_verb, object_controllers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from actorgraph.loaders.parse import ParsedSegment


class Level(StrEnum):
    """What a rule reads: one parsed sentence, or the whole document."""

    SENTENCE = "sentence"
    DOCUMENT = "document"


Predicates = tuple[str, ...] | Callable[[], Iterable[str]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its name (also its ``ag:extractor``), its level, the function and
    the predicates it can produce (a tuple, or a function that reads them from the
    language packs)."""

    name: str
    level: Level
    fn: Callable[[Any], Iterable[Relation]]
    predicates: Predicates

    def __call__(self, ctx: Any) -> Iterable[Relation]:
        return self.fn(ctx)

    def produces(self) -> tuple[str, ...]:
        """The predicates the rule can produce, sorted."""
        found = self.predicates() if callable(self.predicates) else self.predicates
        return tuple(sorted(set(found)))

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring."""
        return (self.fn.__doc__ or "").strip().split("\n", 1)[0]

    @property
    def family(self) -> str:
        """The module of ``actorgraph.loaders.rules`` the rule is written in."""
        return self.fn.__module__.rsplit(".", 1)[-1]


RULES: dict[str, Rule] = {}


def register(name: str, level: Level, predicates: Predicates) -> Callable[[Callable], Callable]:
    """Register a rule under ``name`` (``rules.<family>.<what>.v<N>``) at ``level``, with
    the predicates it can produce."""

    def wrap(fn: Callable) -> Callable:
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        RULES[name] = Rule(name, level, fn, predicates)
        return fn

    return wrap


def from_packs(read: Callable[[LanguagePack], Iterable[str]]) -> Callable[[], tuple[str, ...]]:
    """The predicates of a rule whose knowledge is data: what ``read`` finds in the rule pack
    of every language."""
    return lambda: tuple(p for pack in all_packs() for p in read(pack))


@dataclass(frozen=True, slots=True)
class Ref:
    """An entity a token names, and how it was reached: ``""`` (the token is in a mention),
    ``"standin"`` ("agents of X"), ``"coref"`` (a pronoun or "the agency")."""

    entity: Entity
    via: str = ""


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What a sentence rule reads (built by :func:`actorgraph.loaders.syntax.syntactic_relations`)."""

    text: str                          # the whole cleaned document text
    sent: Span                         # the parsed sentence
    base: int                          # offset of the sentence's segment in ``text``
    tokens: Mapping[int, Entity]       # token index -> entity of the mention it is in
    coref: Mapping[int, Entity]        # token index -> antecedent of a pronoun or description
    document_entities: tuple[Entity, ...]
    pack: LanguagePack
    modality: str
    siblings: Mapping[int, tuple[Entity, ...]] = field(default_factory=dict)
    # token index -> the entities of the list of names it is in ("A, B, C and D")
    groups: Mapping[int, tuple[Entity, ...]] = field(default_factory=dict)
    # token index -> the entities a counting description stands for ("both men", "los tres")
    sent_tokens: tuple[Token, ...] | None = None
    # the sentence's tokens, made once (spaCy makes a new Token for each index it is asked)
    named_tokens: tuple[tuple[Token, Entity], ...] | None = None
    # the sentence's tokens in a mention, with its entity (what ``named`` gives), found once

    @property
    def words(self) -> tuple[Token, ...]:
        """The tokens of the sentence, in order (those given, or made from ``sent``)."""
        return self.sent_tokens if self.sent_tokens is not None else tuple(self.sent)

    @property
    def named(self) -> tuple[tuple[Token, Entity], ...]:
        """The tokens of the sentence that are in a mention (in ``tokens``), each with the
        entity of its mention, in order: the words the rules that start from a name read
        (those given, or found in ``words``)."""
        if self.named_tokens is not None:
            return self.named_tokens
        return tuple((t, e) for t in self.words if (e := self.tokens.get(t.i)) is not None)

    @property
    def start(self) -> int:
        return self.base + self.sent.start_char

    @property
    def end(self) -> int:
        return self.base + self.sent.end_char


@dataclass(frozen=True, slots=True)
class Node:
    """A mention and the entity it names in the document."""

    mention: Mention
    entity: Entity


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of the document that evidence quotes (a line, a title, a sentence)."""

    text: str  # the whole cleaned document text
    start: int
    end: int
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class TextSentence:
    """A parsed sentence as the document rules read it: its words and the names in it."""

    text: str                    # the whole cleaned document text
    start: int
    end: int
    modality: str
    nodes: tuple[Node, ...]      # its mentions (petition titles and campaign headings aside)
    with_refs: tuple[Node, ...]  # and the pronouns and descriptions standing for entities named before
    authors: tuple[Entity, ...]  # who "we" is (nobody in a petition: the signers)
    campaign: Entity | None      # the petition whose body it is in

    @property
    def string(self) -> str:
        return self.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the document rules read (built by :func:`actorgraph.loaders.relations.document_context`)."""

    text: str                               # the whole cleaned document text
    parsed: tuple[ParsedSegment, ...]       # every segment, with its parse (None when not parsed)
    entities: tuple[Entity, ...]
    nodes: tuple[Node, ...]                 # every mention with its entity, in document order
    sentences: tuple[TextSentence, ...]     # the parsed sentences (petition titles aside)
    bounds: tuple[tuple[int, int], ...]     # every sentence (or unparsed segment) as offsets
    authors: tuple[Entity, ...] = ()        # the groups that sign the document ("we")
    found: tuple[Relation, ...] = ()        # the relations the rules before this one found
    #: what rules read off the fields above, made once per document and shared by the copies
    #: :func:`dataclasses.replace` makes for each rule (keyed by the reading's name)
    readings: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def reading(self, name: str, read: Callable[[DocumentContext], Any]) -> Any:
        """``read(self)``, made once per document under ``name``: shared by every rule's copy,
        so a reading must not depend on ``found`` (which differs from copy to copy)."""
        found = self.readings.get(name)
        if found is None:
            found = self.readings[name] = read(self)
        return found

    def sentence_at(self, position: int) -> Passage:
        """The sentence (or unparsed segment) at an offset, with its modality."""
        start, end = next(((s, e) for s, e in self.bounds if s <= position < e), (position, position))
        return Passage(self.text, start, end, modality(self.text[start:end]))


def list_joined(between: str) -> bool:
    """Whether the text between two names joins them in one list ("X and Y", "X, as well as
    Y", "X (XA) and the Y": the packs' ``rules.list_joiner`` expression)."""
    return lang.match("rules.list_joiner", between) is not None


#: the modalities a cue may give, the first found deciding (``lang/<code>/modality.csv``)
MODALITIES = ("alleged", "demanded")
#: where a cue acts: the whole sentence (""), or only the claim that opens after it ("after")
_SCOPES = ("", "after")

_Cues = tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=4)
def _modality_cues(version: int) -> tuple[_Cues, _Cues]:
    """Each modality with the pattern of its cues in every registered pack (a Spanish
    passage may quote an English demand): those that speak for the whole sentence, and
    those that open the claim after them (scope ``after``)."""
    cues: dict[tuple[str, str], set[str]] = {(m, scope): set() for m in MODALITIES for scope in _SCOPES}
    for pack in all_packs():
        for row in pack.rows("modality.csv"):
            cues[(row["modality"], (row.get("scope") or "").strip())].add(row["cue"].lower())
    sentence, after = (tuple((m, re.compile(r"\b(?:" + trie_alternation(cues[(m, scope)]) + r")\b", re.I))
                             for m in MODALITIES if cues[(m, scope)]) for scope in _SCOPES)
    return sentence, after


def modality(sentence: str) -> str:
    """How a sentence states what it says: ``alleged``, ``demanded`` or ``asserted``, by the
    cue words of the language packs (``modality.csv``: "allegedly", "alleging", "urge").

    >>> modality("The office allegedly shared records."), modality("We urge the county to act.")
    ('alleged', 'demanded')
    """
    return _modality(sentence, registry_version())


@lru_cache(maxsize=8192)
def _modality(sentence: str, version: int) -> str:
    """:func:`modality` for the packs of one registry version (each sentence is read twice:
    by the sentence rules and by the document rules)."""
    for name, cues in _modality_cues(version)[0]:
        if cues.search(sentence):
            return name
    return "asserted"


def clause_modality(text: str, relations: Iterable[Relation], entities: Iterable[Entity]) -> list[Relation]:
    """``relations`` with the modality of a cue that opens the claim after it (scope
    ``after`` in ``modality.csv``): an asserted relation is alleged when one of its ends is
    named in its sentence after "alleging" and not before. "X sued Y, alleging that Y
    shared data with ICE": the data sharing is alleged, the suit asserted."""
    openers = _modality_cues(registry_version())[1]
    if not openers:
        return list(relations)
    where = {e.iri: [m.start for m in e.mentions] for e in entities}
    out = []
    for r in relations:
        ev = r.evidence
        for name, cues in openers:
            cue = cues.search(text, ev.start, ev.end) if ev.modality == "asserted" else None
            if cue and any(any(cue.end() <= p < ev.end for p in where.get(end, ())) and
                           not any(ev.start <= p < cue.start() for p in where.get(end, ())) for end in (r.subject, r.object)):
                r = replace(r, evidence=replace(ev, modality=name))
                break
        out.append(r)
    return out


def refs(ctx: SentenceContext, token: Token, standins: bool = True) -> list[Ref]:
    """The entities a token names: its mention, the body a stand-in noun belongs to
    ("agents of X", "X agents", "the county's deputies"), or a pronoun's antecedent."""
    if token.i in ctx.tokens:
        return [Ref(ctx.tokens[token.i])]
    if token.i in ctx.groups:  # "both men", "the pair", "los tres": the people named just before
        return [Ref(e, "coref") for e in ctx.groups[token.i]]
    if token.pos_ == "NUM" and token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        return _counted_list(ctx, token)
    if token.lower_ in ctx.pack.words("plural_pronouns") and token.pos_ == "PRON":
        return _plural_antecedent(ctx, token)
    if token.lower_ in ctx.pack.coref and (one := _one_named(ctx, token, ("compound", "nmod"))):
        return one  # "the ABCD-USA network", "the GEO company"
    if token.i in ctx.coref:
        return [Ref(ctx.coref[token.i], "coref")]
    if token.pos_ == "PROPN" and (one := _one_named(ctx, token, ("compound",))):
        return one  # "CoreCivic Inc.": the rest of a name the mention left out
    if standins and token.lower_ in ctx.pack.standins:
        for prep in ctx.pack.lines("standin_preps"):
            for pobj in prep_objects(token, prep):
                found = refs(ctx, pobj, standins=False)
                if found:
                    return [Ref(r.entity, r.via or "standin") for r in found]
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod", "amod") and (child.i in ctx.tokens or child.i in ctx.coref):
                return [Ref(r.entity, r.via or "standin") for r in refs(ctx, child, standins=False)]
    return []


def _one_named(ctx: SentenceContext, token: Token, deps: tuple[str, ...]) -> list[Ref]:
    """The one entity the token's children of those dependencies name, if they name exactly one."""
    named = [ctx.tokens[c.i] for c in token.children if c.dep_ in deps and c.i in ctx.tokens]
    return [Ref(named[0])] if len(set(named)) == 1 else []


def _counted_list(ctx: SentenceContext, numeral: Token) -> list[Ref]:
    """A numeral as subject that counts back the list of names before it ("X, Y, and Z, and
    all three are run by W"): the names of the nearest such list earlier in the sentence,
    when it has exactly that many."""
    count = ctx.pack.numerals.get(numeral.lower_) or (int(numeral.text) if numeral.text.isdecimal() and numeral.text.isascii() else 0)
    if count < 2:
        return []
    before = [(min(t for t, g in ctx.siblings.items() if g is items), items)
              for items in set(ctx.siblings.values())]
    before = [(first, items) for first, items in before if first < numeral.i]
    if not before:
        return []
    _, items = max(before, key=lambda pair: pair[0])
    return [Ref(e, "coref") for e in items] if len(items) == count else []


def _controller(pronoun: Token) -> list[Token]:
    """The object that controls the open complement a pronoun is in ("pressing X to end
    their contracts")."""
    verb = clause_verb(pronoun)
    return object_controllers(verb) if verb.pos_ == "VERB" else []


def _plural_antecedent(ctx: SentenceContext, pronoun: Token) -> list[Ref]:
    """"they", "them", "their": the object that controls the clause it is in, or else the
    subject before it in the same sentence ("the staff at X delayed … while they
    communicated with ICE"); across sentences it is too ambiguous."""
    controllers = _controller(pronoun)
    if controllers:  # never the subject then: "X urged Y to end their contracts" is about Y
        return [Ref(r.entity, "coref") for token in controllers for t in with_conjuncts(token) for r in refs(ctx, t)
                if r.entity.cls in _PLURAL_CLASSES]
    for token in reversed(list(ctx.sent[:pronoun.i - ctx.sent.start])):
        if token.dep_ in ("nsubj", "nsubjpass"):
            found = []
            for t in with_conjuncts(token):
                found.extend(refs(ctx, t))
            if len(found) > 1 or (found and found[0].via == "standin"):
                return [Ref(r.entity, "coref") for r in found]
            if found and found[0].entity.cls in ("Organization", "GovernmentAgency", "Company"):
                return [Ref(found[0].entity, "coref")]
    return []


#: what a plural pronoun controlled by an object may stand for (a county ends "their agreements")
_PLURAL_CLASSES = ("Organization", "GovernmentAgency", "Company", "Person", "Place")
_UD_OBLIQUE = ("obl", "nmod", "obj", "iobj", "obl:arg", "obl:agent")


def case_of(token: Token) -> str | None:
    """The preposition (case marker) of a Universal Dependencies oblique: "con ICE" -> "con"."""
    for c in token.children:
        if c.dep_ == "case":
            return c.lower_
    return None


def prep_objects(holder: Token, prep: str) -> list[Token]:
    """Objects of a preposition attached to ``holder``: "with X" (prep + pobj) or "con X"
    (an oblique whose case marker is the preposition); a repeated preposition coordinated
    with it counts too ("held at X and at Y")."""
    found: list[Token] = []
    for c in holder.children:
        if c.lower_ == prep and (c.dep_ in ("prep", "dative", "agent") or (c.dep_ == "conj" and c.pos_ == "ADP")):
            for p in (c, *(g for g in c.children if g.dep_ == "conj" and g.lower_ == prep and g.pos_ == "ADP")):
                found.extend(o for o in p.children if o.dep_ == "pobj")
        elif c.dep_ in _UD_OBLIQUE and case_of(c) == prep:
            found.append(c)
    return found


def same_list(ctx: SentenceContext, a: Entity, b: Entity) -> bool:
    """True when two entities are items of one list of names in the sentence."""
    return any(a in group and b in group for group in set(ctx.siblings.values()))


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens conjoined with it ("X, Y and Z")."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def fits(subject: Entity, predicate: str, obj: Entity) -> bool:
    """Whether two entities may be the ends of ``predicate``: two entities (not one), of
    classes in its domain and range (ag.ttl), and not a place in a place ("Tacoma,
    Washington" is geography, not a finding)."""
    if subject.iri == obj.iri or (predicate == "locatedIn" and subject.cls == "Place"):
        return False
    return ontology.fits(subject.cls, ontology.domain(predicate)) and ontology.fits(obj.cls, ontology.range_(predicate))


class Quotable(Protocol):
    """A stretch of the document to quote: a :class:`SentenceContext`, a :class:`Passage`,
    a :class:`TextSentence`."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def modality(self) -> str: ...


def make_relation(where: Quotable, subject: Ref | Entity, predicate: str, obj: Ref | Entity, extractor: str,
                  confidence: float = 0.7, modality: str | None = None) -> Relation | None:
    """A relation quoting ``where`` (without its outer white space) as evidence, or None when
    its ends do not fit the predicate's domain and range in ag.ttl, are one entity, or are a
    place in a place. An end reached through coreference marks the extractor ``.coref`` and
    lowers the confidence; ``modality`` (else the passage's) says how it is stated.

    >>> from actorgraph.loaders.model import Entity
    >>> ice, ana = Entity("urn:x:1", "GovernmentAgency", "ICE", ()), Entity("urn:x:2", "Person", "Ana Ruiz", ())
    >>> where = Passage(" ICE arrested Ana Ruiz. ", 0, 24)
    >>> make_relation(where, ice, "arrested", ana, "rules.example.v1").evidence.quote
    'ICE arrested Ana Ruiz.'
    >>> make_relation(where, ana, "arrested", ice, "rules.example.v1") is None
    True
    """
    subject = subject if isinstance(subject, Ref) else Ref(subject)
    obj = obj if isinstance(obj, Ref) else Ref(obj)
    s, o = subject.entity, obj.entity
    if not fits(s, predicate, o):
        return None
    if "coref" in (subject.via, obj.via):
        extractor, confidence = extractor + ".coref", min(confidence, 0.5)
    text, start, end = where.text, where.start, where.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Relation(s.iri, predicate, o.iri,
                    Evidence(text[start:end], start, end, extractor, confidence, modality or where.modality))


# the rule families register themselves on import
from actorgraph.loaders.rules import (  # noqa: E402,F401
    bylines,
    discourse,
    enforcement,
    event_agency,
    events,
    frames,
    inference,
    legal,
    locations,
    offices,
    petitions,
    policies,
    roles,
    stances,
    statements,
    units,
)

#: Where the sentence rules run among the document rules (each parsed sentence, in
#: :data:`SENTENCE_ORDER`)
SENTENCE_RULES = "(the sentence rules)"

#: The document rules, in the order they run. The order matters where two rules find the same
#: relation in the same passage: the first one's evidence is kept.
DOCUMENT_ORDER: tuple[str, ...] = (
    "rules.slogan.opposes.v1",
    "rules.our_member.v1",
    "rules.intro.member_of.v1",
    "rules.intro.leads.v1",
    "rules.intro.founded.v1",
    "rules.title.office.v1",
    "rules.joint_enforcement.v1",
    "rules.worksite_raid.v1",
    "rules.petition.body_target.v1",
    "rules.petition.body_support.v1",
    "rules.unit.part_of.v1",
    "rules.unit.located_in.v1",
    "rules.unit.apposition.v1",
    "rules.unit.copula.v1",
    "rules.byline.member_of.v1",
    "rules.contact.member_of.v1",
    SENTENCE_RULES,
    "rules.event.raid_arrests.v1",
    "rules.event.raid_sites.v1",  # after the event rules: it reads who took part in a raid
    "rules.discourse.plaintiffs.v1",
    "rules.discourse.raid_targets.v1",
    "rules.petition.creator.v1",
    "rules.petition.title.v1",
    "rules.petition.family.v1",
    "rules.petition.hands_of.v1",
    "rules.petition.support_of.v1",
    "rules.inference.arrest_detains.v1",  # last: it reads what the others found
)

#: The sentence rules, in the order they run over each sentence.
SENTENCE_ORDER: tuple[str, ...] = (
    "rules.frame.verb.v1",
    "rules.frame.nominal.v1",
    "rules.frame.adjacent.v1",
    "rules.frame.joint.v1",
    "rules.role.apposition.v1",
    "rules.role.prenominal.v1",
    "rules.role.title.v1",
    "rules.role.of.v1",
    "rules.role.copula.v1",
    "rules.role.members.v1",
    "rules.role.affiliates.v1",
    "rules.location.in.v1",
    "rules.event.roles.v1",
    "rules.event.attendees.v1",
    "rules.event.place.v1",
    "rules.policy.implements.v1",
    "rules.caption.sues.v1",
    "rules.stance.undergoer.v1",
    "rules.stance.accuse.v1",
    "rules.stance.apposition.v1",
    "rules.stance.gathering.v1",
)


def selected(names: Iterable[str] | None) -> frozenset[str]:
    """The rules to run: ``names`` (every registered rule when None), checked.

    >>> "rules.frame.verb.v1" in selected(None)
    True
    >>> selected(["rules.frame.verbs.v1"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    actorgraph.errors.UnknownFormatError: rules: Unknown rule 'rules.frame.verbs.v1'. Available: rules.byline.member_of.v1, ...
    """
    if names is None:
        return frozenset(RULES)
    chosen = frozenset(names)
    unknown = sorted(chosen - set(RULES))
    if unknown:
        raise UnknownFormatError(f"Unknown rule {unknown[0]!r}. Available: {', '.join(sorted(RULES))}", where="rules")
    return chosen


def run_rules(ctx: SentenceContext, order: Iterable[str] = SENTENCE_ORDER) -> list[Relation]:
    """Every relation the sentence rules in ``order`` find in one sentence."""
    out: list[Relation] = []
    for name in order:
        out.extend(RULES[name](ctx))
    return out


__all__ = ["DOCUMENT_ORDER", "RULES", "SENTENCE_ORDER", "SENTENCE_RULES", "DocumentContext", "Level", "Node",
           "Passage", "Ref", "Rule", "SentenceContext", "TextSentence", "case_of", "fits", "from_packs", "list_joined", "make_relation", "modality",
           "clause_modality", "prep_objects", "refs", "register", "run_rules", "same_list", "selected", "with_conjuncts"]
