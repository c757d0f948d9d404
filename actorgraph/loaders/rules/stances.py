"""Stances toward what was done to someone (``rules.stance.*``).

To protest, condemn or denounce an arrest, a detention or a deportation is to stand with
whoever underwent it: "X rallied to protest the arrest of Y", "X condemned Y's deportation",
"after Y and Z were detained, X rallied to protest their arrests" (Y, Z). The nouns are the
pack's ``custody_nouns.txt``; the verbs its ``frames.csv`` rows of ``opposes`` that require
nothing of their object. Who did it (the agency behind "the arrest of Y by ICE") is opposed:
the verb frames find that.

A gathering held for a stance gives it to whoever holds, joins or speaks at it: "X joined a
rally held to denounce Y", "X habló en una concentración convocada para denunciar a Y"
(``gathering_nouns.txt``).

A stance noun in apposition to a name says the name's stance: "X, an outspoken critic of
ICE", "la senadora X, impulsora de la ley Y" (``nominal.csv`` rows of ``opposes`` and
``supports`` that name no preposition of who acts).

To accuse an institution or a group is to oppose it: "X accused ICE of lying", "X acusó a
ICE de mentir" (``accusation_verbs.txt``). A participle that elaborates another verb ("sued
Y, accusing it of …") states the claims of that act (the suit), not a stance of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.rules import Level, Ref, SentenceContext, make_relation, prep_objects, refs, register, with_conjuncts
from actorgraph.loaders.rules.frames import (
    claimed,
    document_authors,
    expand_refs,
    frame_targets,
    is_passive,
    negated,
    objects,
    patients,
    subjects,
    verb_lemmas,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.lang import LanguagePack
    from actorgraph.loaders.model import Relation

_PASSIVE_SUBJECTS = ("nsubjpass", "nsubj:pass")


def _opposing_verb(noun: Token, pack: LanguagePack) -> Token | None:
    """The verb whose ``opposes`` frame (one that requires nothing of its object) has ``noun``
    among its objects ("protested [the arrest]", "protestó contra [la deportación]")."""
    verb = noun.head
    if noun.dep_ == "pobj" or (noun.dep_ in ("obl", "nmod") and verb.pos_ not in ("VERB", "AUX")):
        verb = verb.head
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    frames = next((f for lemma in verb_lemmas(verb) if (f := pack.frames_for(lemma))), ())
    for frame in frames:
        if frame.predicate == "opposes" and not frame.requires and any(
                noun in objects(verb, spec, pack) for spec in frame.objects):
            return verb
    return None


def _passive_sufferers(ctx: SentenceContext, pronoun: Token) -> list[Ref]:
    """The people named as the subject of the last passive before a possessive pronoun in the
    sentence ("after Y and Z were detained, … their arrests"), when their number agrees with
    it (a plural pronoun, ``plural_pronouns.txt``: more than one; any other: one): whom the
    pronoun on a noun of what was done stands for."""
    subject = None
    for token in ctx.words:
        if token.i >= pronoun.i:
            break
        if token.dep_ in _PASSIVE_SUBJECTS or (token.dep_ == "nsubj" and is_passive(token.head)):
            subject = token
    if subject is None:
        return []
    many = with_conjuncts(subject)  # "Y and his son": two people, one of them named
    if (len(many) > 1 or "Plur" in subject.morph.get("Number", [])) != (pronoun.lower_ in ctx.pack.words("plural_pronouns")):
        return []
    return [r for t in many for r in refs(ctx, t) if r.entity.cls == "Person"]


def _undergoers(ctx: SentenceContext, noun: Token) -> list[Ref]:
    """The people who underwent what ``noun`` names: its possessor ("Y's deportation", "their
    arrests") and the object of its genitive preposition ("the arrest of Y")."""
    out: list[Ref] = []
    for owner in (c for c in noun.children if c.dep_ in ("poss", "nmod:poss")):
        found = [r for r in refs(ctx, owner) if r.entity.cls == "Person"]
        if not found and owner.pos_ == "PRON":
            found = _passive_sufferers(ctx, owner)
        out += found
    for prep in ctx.pack.lines("genitive_preps"):
        out += [r for p in prep_objects(noun, prep) for r in expand_refs(ctx, [p]) if r.entity.cls == "Person"]
    return list(dict.fromkeys(out))


@register("rules.stance.undergoer.v1", Level.SENTENCE, ("supports",))
def undergoer(ctx: SentenceContext) -> Iterator[Relation]:
    """Protesting what was done to someone stands with them: "X protested the arrest of Y", "X condemned Y's deportation"."""
    pack = ctx.pack
    nouns = pack.words("custody_nouns")
    for noun in ctx.words:
        if noun.pos_ != "NOUN" or (noun.lower_ not in nouns and noun.lemma_.lower() not in nouns):
            continue
        verb = _opposing_verb(noun, pack)
        if verb is None or negated(verb, pack):
            continue
        people = _undergoers(ctx, noun)
        if not people:
            continue
        agents = expand_refs(ctx, subjects(verb, authored=pack.authored_nouns)) or document_authors(ctx, verb)
        how = "alleged" if claimed(verb, pack) else None
        for agent in agents:
            for person in people:
                relation = make_relation(ctx, agent, "supports", person, "rules.stance.undergoer.v1", 0.6, how)
                if relation is not None:
                    yield relation


#: what one accuses and so opposes (a person accused is no stance: prosecutors accuse people)
_ACCUSED = ("GovernmentAgency", "Company", "Organization")
_ADJUNCTS = ("advcl", "xcomp", "acl", "conj")


def _elaborates(verb: Token) -> bool:
    """A verb without a subject of its own that hangs on another verb ("sued Y, accusing it
    of …", "demandó a Y acusándola de …"): it states the claims of that verb's act."""
    return verb.dep_ in _ADJUNCTS and verb.head.i != verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") for c in verb.children)


@register("rules.stance.accuse.v1", Level.SENTENCE, ("opposes",))
def accuse(ctx: SentenceContext) -> Iterator[Relation]:
    """Accusing an institution or a group opposes it: "X accused ICE of lying", "X acusó a ICE de mentir"."""
    pack = ctx.pack
    verbs = pack.words("accusation_verbs")
    for verb in ctx.words:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or _elaborates(verb) or negated(verb, pack):
            continue
        # "acusó a ICE de …": the Spanish parser may call the one accused an indirect object
        accused = [r for r in expand_refs(ctx, patients(verb) + objects(verb, "iobj", pack)) if r.entity.cls in _ACCUSED]
        if not accused:
            continue
        for agent in expand_refs(ctx, subjects(verb, authored=pack.authored_nouns)) or document_authors(ctx, verb):
            for target in accused:
                if agent.entity.cls == "GovernmentAgency" and target.entity.cls == "Company":
                    continue  # an agency charging a company enforces the law; it takes no stance
                relation = make_relation(ctx, agent, "opposes", target, "rules.stance.accuse.v1", 0.6)
                if relation is not None:
                    yield relation


_STANCES = ("opposes", "supports")


def _set_off(word: Token, doc) -> bool:
    """A modifier set off by a comma after the name it describes, which the Spanish parser
    reads as an adjective ("X, crítico de ICE, …", "X, aliada de Y, …")."""
    return word.dep_ == "amod" and word.pos_ == "ADJ" and word.i > word.head.i and word.i > 0 and doc[word.i - 1].text == ","


def _ended(noun: Token, doc, pack: LanguagePack) -> bool:
    """A stance that no longer holds: a word of ``ended_modifiers.txt`` in the noun's phrase
    or just before it ("X, a former sponsor of Y", "X, once a critic of Y", "X, antiguo aliado de Y")."""
    ended = pack.words("ended_modifiers")
    return any(t.lower_ in ended for t in doc[max(noun.left_edge.i - 1, 0):noun.i])


@register("rules.stance.apposition.v1", Level.SENTENCE, _STANCES)
def apposition(ctx: SentenceContext) -> Iterator[Relation]:
    """A stance noun in apposition to a name: "X, an outspoken critic of ICE", "X, impulsora de la ley Y"."""
    pack = ctx.pack
    doc = ctx.sent.doc
    for noun in ctx.words:
        if noun.i in ctx.tokens or not (noun.dep_ == "appos" and noun.pos_ == "NOUN" or _set_off(noun, doc)):
            continue
        frames = [f for f in pack.nominal_for(noun.lower_) or pack.nominal_for(noun.lemma_.lower())
                  if f.predicate in _STANCES and not f.subject_preps]
        if not frames or _ended(noun, doc, pack):
            continue
        holders = [r for r in expand_refs(ctx, [noun.head]) if r.entity.cls != "Place"]
        for frame in frames:
            objects_ = [p for prep in frame.object_preps for p in prep_objects(noun, prep)]
            for holder in holders:
                for target in [r for r in expand_refs(ctx, objects_, stance=True) if r.entity.cls != "Place"]:
                    relation = make_relation(ctx, holder, frame.predicate, target, "rules.stance.apposition.v1", 0.6)
                    if relation is not None:
                        yield relation


def _frames_of(verb: Token, pack: LanguagePack) -> tuple:
    """The verb frames of a verb's lemma (or of the infinitive of a participle)."""
    return next((found for lemma in verb_lemmas(verb) if (found := pack.frames_for(lemma))), ())


def _gathering(verb: Token, pack: LanguagePack) -> Token | None:
    """The gathering a stance verb is the purpose of: its subject is one ("a rally held to
    denounce Y": the participle's patient) or it modifies one ("a rally to denounce Y")."""
    nouns = pack.words("gathering_nouns")
    candidates = [t for t in subjects(verb) if t.pos_ == "NOUN"]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        candidates.append(verb.head)
    elif verb.dep_ in ("advcl", "xcomp") and verb.head.dep_ in ("acl", "amod") and verb.head.head.pos_ == "NOUN":
        candidates.append(verb.head.head)  # "una concentración convocada para denunciar": the participle read as an adjective
    for token in candidates:
        for t in with_conjuncts(token):
            if t.lower_ in nouns or t.lemma_.lower() in nouns or f"{t.head.lower_} {t.lower_}" in nouns \
                    or any(f"{c.lower_} {t.lower_}" in nouns for c in t.children if c.dep_ == "compound"):
                return token
    return None


#: a verb with one of these besides the gathering says something of it ("called the rally a
#: stunt", "described the vigil as …"), it does not hold or join it
_SECOND_COMPLEMENTS = ("oprd", "ccomp", "xcomp")


def _attendees(gathering: Token, pack: LanguagePack) -> list[Token]:
    """Who holds, joins or speaks at a gathering: the subject of the verb whose object it is
    ("X held a rally"), or of the verb its preposition hangs on ("X joined activists at a
    rally"), when that verb is one of holding, joining or speaking (``gathering_verbs.txt``)."""
    verb = gathering.head
    if gathering.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif gathering.dep_ not in ("dobj", "obj", "obl"):
        return []
    if verb.pos_ not in ("VERB", "AUX") or verb.i == gathering.i or verb.lemma_.lower() not in pack.words("gathering_verbs") \
            or negated(verb, pack) or any(c.dep_ in _SECOND_COMPLEMENTS for c in verb.children):
        return []
    return subjects(verb)


@register("rules.stance.gathering.v1", Level.SENTENCE, _STANCES)
def gathering(ctx: SentenceContext) -> Iterator[Relation]:
    """Whoever holds, joins or speaks at a gathering held for a stance takes it: "X joined a rally held to denounce Y"."""
    pack = ctx.pack
    for verb in ctx.words:
        if verb.pos_ != "VERB":
            continue
        frames = [f for f in _frames_of(verb, pack) if f.predicate in _STANCES and not f.requires]
        if not frames or negated(verb, pack) or (where := _gathering(verb, pack)) is None:
            continue
        agents = [r for r in expand_refs(ctx, _attendees(where, pack)) if r.entity.cls != "Place"]
        for frame in frames:
            for agent in agents:
                for target in frame_targets(ctx, verb, frame):
                    relation = make_relation(ctx, agent, frame.predicate, target, "rules.stance.gathering.v1", 0.6)
                    if relation is not None:
                        yield relation
