"""Relation rules as small named components over the dependency parse (spaCy's registry is
the model): each rule family lives in one file, registers itself under a versioned dotted
name with :func:`register`, and that name is recorded in ``ag:extractor`` of every Evidence
it produces. :data:`ORDER` says, in one place, which rules run and in what order.

A rule is a function ``rule(ctx: SentenceContext) -> Iterable[Relation]``. The context
gives the parsed sentence, which entity each token names (directly, through a stand-in noun
such as "agents of X", or through coreference), the language's rule pack and the
sentence's modality; :func:`make_relation` checks the ontology's domains and ranges and
builds the Evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actorgraph import ontology
from actorgraph.loaders.lang import LanguagePack
from actorgraph.loaders.model import Entity, Evidence, Relation
from actorgraph.loaders.rules.coref import clause_verb, object_controllers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

RuleFn = Callable[["SentenceContext"], Iterable[Relation]]
RULES: dict[str, RuleFn] = {}


def register(name: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule under ``name`` (``rules.<family>.<what>.v<N>``)."""

    def wrap(fn: RuleFn) -> RuleFn:
        if name in RULES:
            raise ValueError(f"rule {name} registered twice")
        RULES[name] = fn
        return fn

    return wrap


@dataclass(frozen=True, slots=True)
class Ref:
    """An entity a token names, and how it was reached: ``""`` (the token is in a mention),
    ``"standin"`` ("agents of X"), ``"coref"`` (a pronoun or "the agency")."""

    entity: Entity
    via: str = ""


@dataclass(frozen=True, slots=True)
class SentenceContext:
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

    @property
    def start(self) -> int:
        return self.base + self.sent.start_char

    @property
    def end(self) -> int:
        return self.base + self.sent.end_char


def refs(ctx: SentenceContext, token: Token, standins: bool = True) -> list[Ref]:
    """The entities a token names: its mention, the body a stand-in noun belongs to
    ("agents of X", "X agents", "the county's deputies"), or a pronoun's antecedent."""
    if token.i in ctx.tokens:
        return [Ref(ctx.tokens[token.i])]
    if token.pos_ == "NUM" and token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        return _counted_list(ctx, token)
    if token.lower_ in ("they", "them", "their") and token.pos_ == "PRON":
        return _plural_antecedent(ctx, token)
    if token.lower_ in ctx.pack.coref:  # "the ABCD-USA network", "the GEO company"
        named = [ctx.tokens[c.i] for c in token.children if c.dep_ in ("compound", "nmod") and c.i in ctx.tokens]
        if len(set(named)) == 1:
            return [Ref(named[0])]
    if token.i in ctx.coref:
        return [Ref(ctx.coref[token.i], "coref")]
    if token.pos_ == "PROPN":  # "CoreCivic Inc.": the rest of a name the mention left out
        named = [ctx.tokens[c.i] for c in token.children if c.dep_ == "compound" and c.i in ctx.tokens]
        if len(set(named)) == 1:
            return [Ref(named[0])]
    if standins and token.lower_ in ctx.pack.standins:
        for prep in ("of", "from", "with", "at", "de", "del"):
            for pobj in prep_objects(token, prep):
                found = refs(ctx, pobj, standins=False)
                if found:
                    return [Ref(r.entity, r.via or "standin") for r in found]
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod", "amod") and (child.i in ctx.tokens or child.i in ctx.coref):
                return [Ref(r.entity, r.via or "standin") for r in refs(ctx, child, standins=False)]
    return []


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


def make_relation(ctx: SentenceContext, subject: Ref, predicate: str, obj: Ref, extractor: str,
                  confidence: float = 0.7) -> Relation | None:
    """A relation with the sentence as evidence, or None when the ends do not fit the
    predicate's domain and range (or are one entity). An end reached through coreference
    marks the extractor ``.coref`` and lowers the confidence."""
    s, o = subject.entity, obj.entity
    if s.iri == o.iri:
        return None
    if not (ontology.fits(s.cls, ontology.domain(predicate)) and ontology.fits(o.cls, ontology.range_(predicate))):
        return None
    if predicate == "locatedIn" and s.cls == "Place":
        return None
    if "coref" in (subject.via, obj.via):
        extractor, confidence = extractor + ".coref", min(confidence, 0.5)
    start, end = ctx.start, ctx.end
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    return Relation(s.iri, predicate, o.iri, Evidence(ctx.text[start:end], start, end, extractor, confidence, ctx.modality))


# the rule families register themselves on import
from actorgraph.loaders.rules import events, frames, legal, locations, policies, roles  # noqa: E402,F401

#: Which rules run, in order (a rule's name is also its ``ag:extractor``)
ORDER: tuple[str, ...] = (
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
    "rules.policy.implements.v1",
    "rules.caption.sues.v1",
)


def run_rules(ctx: SentenceContext, order: Iterable[str] = ORDER) -> list[Relation]:
    """Every relation the rules in ``order`` find in one sentence."""
    out: list[Relation] = []
    for name in order:
        out.extend(RULES[name](ctx))
    return out


__all__ = ["ORDER", "RULES", "Ref", "SentenceContext", "case_of", "make_relation", "prep_objects", "refs", "register",
           "run_rules", "same_list", "with_conjuncts"]
