"""Events (``rules.event.*``): who took part in an event and where it took place.

An Event (see :mod:`actorgraph.loaders.mentions.delimited_events`) gets ``participatedIn``
from the actors a sentence gives it (``lang/<code>/event_verbs.csv``, ``event_roles.txt``):

- the subject of a verb of holding, conducting or joining it: "X held a vigil", "ICE
  conducted a raid", "la redada la llevó a cabo ICE", "X took part in the march", "X
  participó en la marcha", "X went on hunger strike";
- who did it in a passive or a participle: "the raids were carried out by X", "a march
  organized by X", "Jointly conducted by X and Y, the raid was …";
- a relative clause: "el evento, en el que participaron X, Y y Z", "la operación que X
  llevó a cabo"; "a hearing featuring X";
- a name modifying it: "the union's march", "an ICE raid", "la redada de ICE", "by X", "a
  manos de X";
- an agency whose arrests it holds: "X arrested 20 workers during the raid", "in what is
  said to be the biggest raid";
- the bearer of a part in it: "X, one of the organizers of the march", "X figured among the
  speakers at the rally";
- and, in a sentence that names no event, an actor who attended "it" or was one of its
  attendees, the event of the sentences just before: "Acudieron representantes de X", "Una
  de las asistentes fue X".

``locatedIn`` comes from the place at its site or where it began, took place or ended ("a
march in Z", "the raid took place at a plant in Z", "la protesta arrancó en X y terminó
frente a Y", "Z, where the convention was under way"). A planned event ("a rally set for
Friday", "X announced a march") gives relations of modality ``planned``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.event_words import RAID, EventVerb, cues_of, event_kind, event_verbs, multiword
from actorgraph.loaders.rules import Level, Ref, SentenceContext, case_of, make_relation, prep_objects, refs, register
from actorgraph.loaders.rules.frames import expand_refs, negated, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.model import Entity, Relation

_ACTORS = ("Person", "Organization", "GovernmentAgency", "Company")
_PLACES = ("Place", "DetentionFacility")
_OBJECTS = ("dobj", "obj")
_PASSIVE_SUBJECTS = ("nsubjpass", "nsubj:pass")
_OBLIQUES = ("obl", "nmod", "obl:arg")
_CLAUSES = ("acl", "relcl", "acl:relcl")


def _heads(ctx: SentenceContext) -> Iterator[tuple[Token, Entity]]:
    """Each token that heads the words of an Event mention, with the Event."""
    for token, event in ctx.named:
        if event.cls == "Event" and ctx.tokens.get(token.head.i) is not event:
            yield token, event
        elif event.cls == "Event" and token.head.i == token.i:
            yield token, event


def _verbs_of(ctx: SentenceContext, verb: Token, argument: str) -> list[EventVerb]:
    """The event verbs of ``verb``'s lemma (``event_verbs.csv``) whose event is ``argument``
    ("object", "subject", "during" or a preposition); a verb of two words ("take part")
    needs its second word as its object."""
    return [v for v in event_verbs(ctx.pack).get(verb.lemma_.lower(), ())
            if v.argument == argument and _has_particle(verb, v)]


def _has_particle(verb: Token, v: EventVerb) -> bool:
    """Whether ``verb`` has the second word of the event verb ``v`` ("take part"), if any."""
    return not v.particle or any(c.lower_ == v.particle and c.dep_ in ("dobj", "obj", "compound", "prt", "fixed")
                                 for c in verb.children)


def _prep_of(token: Token) -> tuple[Token, str] | None:
    """The verb or noun a token is the prepositional object of, and the preposition: "in the
    march" (prep + pobj), "en la marcha" (an oblique with its case marker)."""
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent", "dative"):
        return token.head.head, token.head.lower_
    if token.dep_ in _OBLIQUES + _OBJECTS and case_of(token) is not None:  # "participaron en el despliegue" (read as obj)
        return token.head, case_of(token) or ""
    return None


def _during(ctx: SentenceContext, head: Token) -> Token | None:
    """The verb an event holds through a preposition of "during" ("arrested 20 workers
    during the raid", "in what is said to be the biggest raid", "durante un operativo")."""
    during = ctx.pack.words("event_during_preps")
    node = head
    for _ in range(5):
        found = _prep_of(node)
        if found is not None and found[1] in during:
            return _clause_verb(found[0])
        if node.dep_ in ("attr", "xcomp", "pcomp", "ccomp", "nsubj") and node.head.i != node.i:
            node = node.head  # "in what is said to be the biggest raid"
            if node.dep_ == "prep" and node.lower_ in during and node.head.pos_ in ("VERB", "AUX"):
                return node.head
            continue
        return None
    return None


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word is in, through the nouns and adjectives the parser hung
    a phrase on ("arrestaron a trabajadores de una fábrica situada en X, durante un operativo":
    the parser hangs "durante" on "situada")."""
    node = token
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "acl"):
            return node
        if node.dep_ not in ("amod", "acl", "nmod", "obl", "obj", "dobj", "pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _from_verbs(ctx: SentenceContext, head: Token, kind: str | None) -> list[tuple[list[Ref], str]]:
    """Who takes part through a verb of the event: its subject, or its agent in a passive."""
    out: list[tuple[list[Ref], str]] = []
    verb = head.head
    if head.dep_ in _OBJECTS + _PASSIVE_SUBJECTS + ("nsubj",) and verb.pos_ in ("VERB", "AUX") \
            and not negated(verb, ctx.pack):
        for v in _verbs_of(ctx, verb, "object"):
            who = [t for t in subjects(verb) if t.i != head.i]
            if head.dep_ == "nsubj" and not who:
                continue
            out.append((_attending(ctx, who), v.modality))
    found = _prep_of(head)
    if found is not None and found[0].pos_ in ("VERB", "AUX") and not negated(found[0], ctx.pack):
        for v in _verbs_of(ctx, found[0], found[1]):
            out.append((_attending(ctx, subjects(found[0])), v.modality))
    during = _during(ctx, head)
    if during is not None and kind == RAID and _verbs_of(ctx, during, "during") and not negated(during, ctx.pack):
        agencies = [r for r in _attending(ctx, subjects(during)) if r.entity.cls == "GovernmentAgency"]
        out.append((agencies, ""))
    return out


def _from_clauses(ctx: SentenceContext, head: Token) -> list[tuple[list[Ref], str]]:
    """Who takes part through a clause on the event: "a march organized by X", "el evento,
    en el que participaron X", "la operación que X llevó a cabo", "a hearing featuring X",
    "Jointly conducted by X, the raid was …"."""
    out: list[tuple[list[Ref], str]] = []
    clauses = [c for c in head.children if c.dep_ in _CLAUSES]
    # the parser hangs a relative clause on the last noun of the phrase ("la operación de gran escala que X llevó a cabo")
    clauses += [g for c in head.children if c.dep_ == "nmod" and c.i not in ctx.tokens for g in c.children
                if g.dep_ in _CLAUSES and any(r.lower_ in ("que", "which", "that") and r.dep_ in _OBJECTS for r in g.children)]
    if head.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        clauses += [c for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    for clause in clauses:
        if negated(clause, ctx.pack):
            continue
        relative = [c for c in clause.children if c.dep_ in _OBLIQUES and case_of(c) is not None
                    and c.lower_ in ("que", "which", "cual", "cuales", "whom")]
        for c in relative:
            if _verbs_of(ctx, clause, case_of(c) or ""):
                out.append((expand_refs(ctx, [s for s in subjects(clause) if s.i != head.i]), ""))
        for v in _verbs_of(ctx, clause, "object"):
            out.append((_attending(ctx, [s for s in subjects(clause) if s.i != head.i]), v.modality))
        if _verbs_of(ctx, clause, "subject"):
            out.append((expand_refs(ctx, [c for c in clause.children if c.dep_ in _OBJECTS]), ""))
    return out


def _from_noun(ctx: SentenceContext, head: Token, event: Entity, kind: str | None) -> list[Ref]:
    """Who a name modifying the event says did it: "the union's march", "an ICE raid", "la
    redada de ICE" (an agency, for a raid), "a raid by X", "a manos de X"."""
    pack = ctx.pack
    people: list[Ref] = []
    for c in head.children:
        if c.dep_ in ("poss", "compound", "nmod:poss", "nmod") and ctx.tokens.get(c.i) not in (None, event):
            if c.dep_ == "nmod" and (kind != RAID or case_of(c) not in pack.words("genitive_preps")):
                continue  # "la redada de ICE"; but "el tiroteo de X" is done to X
            found = refs(ctx, c, standins=False)
            people += [r for r in found if kind != RAID or r.entity.cls == "GovernmentAgency"]
    people += [r for prep in pack.lines("agent_preps") for p in prep_objects(head, prep) for r in refs(ctx, p)]
    hands = pack.words("hands")
    for c in head.children:
        if any(t.lower_ in hands for t in c.children):  # "a manos de X"
            people += [r for prep in pack.lines("genitive_preps") for p in prep_objects(c, prep) for r in refs(ctx, p)]
        elif c.dep_ == "nmod" and any(g.lower_ in hands for k in c.children if k.dep_ == "case" for g in (k, *k.children)):
            people += refs(ctx, c)  # "a manos del ICE" read as one case marker
    return people


def _bearer(ctx: SentenceContext, role: Token) -> list[Ref]:
    """Who bears a part in an event: the name the role noun is in apposition or coordination
    with ("X, director of Y and one of the organizers of Z"), the subject of the clause it
    is the complement of ("X was among the speakers", "organización que figuró entre las
    convocantes"), or the name it is the subject of in a copula ("Una de las asistentes fue X")."""
    node = role
    for _ in range(5):
        if node.dep_ in ("nsubj",) and any(c.dep_ == "cop" for c in node.head.children):
            return expand_refs(ctx, [node.head])  # "una de las asistentes fue X"
        if node.dep_ in ("appos", "conj", "nmod", "pobj", "prep", "obl", "nsubj") and node.head.i != node.i:
            node = node.head
            if node.i in ctx.tokens:
                return refs(ctx, node)
            continue
        if node.pos_ in ("VERB", "AUX"):
            who = subjects(node) + [c for c in node.children if c.dep_ == "attr" and c.i > role.i]
            found = expand_refs(ctx, who)
            if not found:  # "organización que figuró …": the name it is in apposition to
                found = [r for s in who if s.dep_ == "appos" and s.head.i in ctx.tokens for r in refs(ctx, s.head)]
            return found
        return []
    return []


def _from_roles(ctx: SentenceContext, head: Token) -> list[Ref]:
    """"X, one of the organizers of the march", "among the speakers at the rally": the
    bearer of a part in the event (``event_roles.txt``)."""
    roles = ctx.pack.words("event_roles")
    found = _prep_of(head)
    if found is None or found[0].lower_ not in roles:
        return []
    return _bearer(ctx, found[0])


def _modality(ctx: SentenceContext, head: Token, verb_modality: str) -> str | None:
    """``planned`` for an event still to come ("the planned march", "a rally set for
    Friday", "will hold", "X announced a march"), else the sentence's."""
    if verb_modality == "planned" or "planned" in cues_of(head, ctx.pack):
        return "planned"
    if any(c.dep_ == "acl" and c.lower_ in ("set", "scheduled", "slated") for c in head.children):
        return "planned"
    return None


def participants(ctx: SentenceContext, head: Token, event: Entity) -> list[tuple[Ref, str]]:
    """The actors a sentence says took part in the event ``head`` names, each with the
    modality of its telling (``""``: the sentence's)."""
    kind = event_kind(event.label)
    found: list[tuple[list[Ref], str]] = _from_verbs(ctx, head, kind) + _from_clauses(ctx, head)
    found.append((_from_noun(ctx, head, event, kind) + _from_roles(ctx, head), ""))
    out: dict[Ref, str] = {}
    for people, modality in found:
        for person in people:
            if person.entity.cls in _ACTORS and person.entity is not event:
                out.setdefault(person, modality)
    return list(out.items())


@register("rules.event.roles.v1", Level.SENTENCE, ("participatedIn",))
def event_roles(ctx: SentenceContext) -> Iterator[Relation]:
    """Who took part in an event: "X held a vigil outside Y", "the raids were carried out by X", "X, one of the organizers of the march"."""
    for head, event in _heads(ctx):
        for person, verb_modality in participants(ctx, head, event):
            modality = _modality(ctx, head, verb_modality)
            relation = make_relation(ctx, person, "participatedIn", Ref(event), "rules.event.roles.v1", 0.6, modality)
            if relation is not None:
                yield relation


# ------------------------------------------------------------------ the event in focus

def _event_in_focus(ctx: SentenceContext) -> Entity | None:
    """The event the sentences just before this one tell of: the Event whose mention ends
    last before it, within a few hundred characters."""
    best: tuple[int, Entity] | None = None
    for entity in ctx.document_entities:
        if entity.cls != "Event":
            continue
        for m in entity.mentions:
            if m.end <= ctx.start and ctx.start - m.end < 400 and (best is None or m.end > best[0]):
                best = (m.end, entity)
    return best[1] if best else None


@register("rules.event.attendees.v1", Level.SENTENCE, ("participatedIn",))
def event_attendees(ctx: SentenceContext) -> Iterator[Relation]:
    """Who attended the event just told of, in a sentence that names no event: "Acudieron representantes de X", "Una de las asistentes fue X"."""
    if any(e.cls == "Event" for i, e in ctx.tokens.items() if ctx.sent.start <= i < ctx.sent.end):
        return
    event = _event_in_focus(ctx)
    if event is None:
        return  # no event just told of: spare reading the sentence's words
    people: list[Ref] = []
    roles = ctx.pack.words("event_roles")
    verbs = event_verbs(ctx.pack)
    for token in ctx.words:
        verb = token.pos_ in ("VERB", "AUX")
        entries = verbs.get(token.lemma_.lower(), ()) if verb else ()
        # the cheap test first: a verb that is no event verb and no role word gives nothing, negated or not
        if verb and (entries or token.lower_ in roles) and not negated(token, ctx.pack):
            people += _verb_attendees(ctx, token, entries)
        elif token.lower_ in roles and not any(c.dep_ in ("prep",) or case_of(c) for c in token.children
                                               if c.dep_ in ("prep", "nmod") and c.i > token.i):
            people += _bearer(ctx, token)
    for person in dict.fromkeys(people):
        if person.entity.cls in _ACTORS:
            relation = make_relation(ctx, person, "participatedIn", Ref(event), "rules.event.attendees.v1", 0.5)
            if relation is not None:
                yield relation


def _verb_attendees(ctx: SentenceContext, token: Token, entries) -> list[Ref]:
    """The subject of a verb of attending that stands alone ("Acudieron representantes de X")."""
    preps = [v.argument for v in entries
             if v.alone and v.argument not in ("object", "subject", "during") and _has_particle(token, v)]
    if preps and not any(prep_objects(token, p) for p in preps):
        return _attending(ctx, [c for c in token.children if c.dep_ == "nsubj"])
    return []


def _attending(ctx: SentenceContext, who: list[Token]) -> list[Ref]:
    """The actors a subject names, also every name of a noun of those who stand for them
    ("representatives of X, Y and Z", "agentes de X, de Y y de Z") and the name that a
    proper noun outside any mention stands in apposition to ("el Servicio de … (ICE)")."""
    out = expand_refs(ctx, who)
    standins = ctx.pack.standins | ctx.pack.words("event_standins")
    for t in who:
        if t.lower_ not in standins and (t.pos_ != "PROPN" or t.i in ctx.tokens):
            continue
        for c in t.subtree:
            if c.i not in ctx.tokens or c.dep_ not in ("nmod", "pobj", "conj", "appos", "flat"):
                continue
            if c.head.i in ctx.tokens and c.dep_ in ("flat", "appos"):
                continue  # "Administración de Control de Drogas (DEA)": one name and its acronym
            if not _inside_clause(c, t):
                out += refs(ctx, c)
    return list(dict.fromkeys(out))


def _inside_clause(token: Token, top: Token) -> bool:
    """Whether a clause stands between a token and the word ``top`` it hangs from."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in _CLAUSES:
            return True
        node = node.head
    return False


# ---------------------------------------------------------------------------- places

def _happening_verbs(ctx: SentenceContext, head: Token) -> list[Token]:
    """The verbs that say where the event took place: the one it is the subject of
    ("the march began at X", and its conjuncts: "… y terminó frente a Y"), a relative clause
    on it ("que tuvo lugar en X"), a clause of "where" ("Z, where the convention was under
    way": none, its place is the name the clause is on)."""
    happenings = multiword(ctx.pack, "event_happenings")
    out = []

    def happens(verb: Token) -> bool:
        rest = happenings.get(verb.lemma_.lower())
        if rest is None:
            return False
        words = {c.lower_ for c in verb.children} | {c.lemma_.lower() for c in verb.children}
        return any(not r or all(w in words for w in r.split()) for r in rest)

    if head.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and happens(head.head):
        out.append(head.head)
        out += [c for c in head.head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    out += [c for c in head.children if c.dep_ in _CLAUSES and happens(c)]
    return out


def _places_at(ctx: SentenceContext, token: Token, depth: int = 0) -> list[Ref]:
    """The places a token names: its mention, or the place a site noun leads to ("a
    factory in X", "el centro de Los Ángeles")."""
    found = [r for r in refs(ctx, token, standins=False) if r.entity.cls in _PLACES]
    if found or depth > 2 or token.lower_ not in ctx.pack.words("event_site_nouns"):
        return found
    out: list[Ref] = []
    for c in token.children:
        if c.dep_ in ("compound", "nmod", "appos"):
            out += _places_at(ctx, c, depth + 1)
        elif c.dep_ == "prep":
            out += [r for o in c.children if o.dep_ == "pobj" for r in _places_at(ctx, o, depth + 1)]
        elif c.dep_ in _CLAUSES:  # "a factory located in X", "una fábrica situada en X"
            out += [r for g in c.children if g.dep_ in ("prep", *_OBLIQUES)
                    for o in ([g] if g.dep_ != "prep" else [o for o in g.children if o.dep_ == "pobj"])
                    for r in _places_at(ctx, o, depth + 1)]
    return out


def places(ctx: SentenceContext, head: Token) -> list[Ref]:
    """The places a sentence says the event ``head`` names took place in."""
    pack = ctx.pack
    holders = [head]
    if head.dep_ in _OBJECTS and head.head.pos_ == "VERB":
        holders.append(head.head)
    holders += _happening_verbs(ctx, head)
    verb = _during(ctx, head)
    if verb is not None:  # "arrestaron a 20 trabajadores de una fábrica de X durante un operativo"
        holders += [verb] + [c for c in verb.children if c.dep_ in _OBJECTS]
    found = [r for h in holders for prep in pack.lines("event_place_preps") for p in prep_objects(h, prep)
             for r in _places_at(ctx, p)]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ in ("relcl", "advcl") \
            and any(c.lower_ in pack.words("event_where") for c in head.head.children):
        found += [r for r in refs(ctx, head.head.head, standins=False) if r.entity.cls in _PLACES]
    return list(dict.fromkeys(found))


@register("rules.event.place.v1", Level.SENTENCE, ("locatedIn",))
def event_place(ctx: SentenceContext) -> Iterator[Relation]:
    """Where an event took place: "a march in Z", "la protesta arrancó en X y terminó frente a Y", "Z, where the convention was under way"."""
    for head, event in _heads(ctx):
        for place in places(ctx, head):
            relation = make_relation(ctx, Ref(event), "locatedIn", place, "rules.event.place.v1", 0.6,
                                     _modality(ctx, head, ""))
            if relation is not None:
                yield relation
