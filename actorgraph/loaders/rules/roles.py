"""Who leads, founded or belongs to what, from how English names people's roles
(``lang/<code>/roles.csv``, ``titles.csv``):

- apposition: "X, director of Y", "X, an organizer with Y", "X, Y's spokeswoman",
  "X, Y Senior Campaign Organizer";
- a role between two names: "Y director X", "Y attorney X", "Y Police Chief X";
- a title alone, tied to the body it names in the document: "Commissioner X" and the
  city commission, "Supervisors X, Y and Z" and the board of supervisors, "Gov. X" and the
  state in the sentence;
- the copula: "X is a member of Y", "X serves as director of Y".

"vice president", "deputy director" make a member, not a leader.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.rules import (
    Level,
    Ref,
    SentenceContext,
    from_packs,
    make_relation,
    prep_objects,
    refs,
    register,
    with_conjuncts,
)
from actorgraph.loaders.rules.frames import subjects
from actorgraph.ontology.ids import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.lang import LanguagePack
    from actorgraph.loaders.model import Entity, Relation

_GROUPS = ("Organization", "GovernmentAgency", "Company")
#: what a role noun can give (a modified leader is a member: "vice president")
_ROLE_PREDICATES = from_packs(lambda pack: ("memberOf", *pack.roles.values()))


def _demoting(pack: LanguagePack) -> frozenset[str]:
    """Words before a leading role that make it a membership: "vice", "deputy" (``role_modifiers.txt``)
    and a function or area ("legal director", ``function_modifiers.txt``), but not "acting"
    (``leading_modifiers.txt``)."""
    return (pack.role_modifiers | pack.words("function_modifiers")) - pack.words("leading_modifiers")


@lru_cache(maxsize=16)
def _role_endings(pack: LanguagePack) -> frozenset[str]:
    """What follows a space in a pack's role phrases ("president" of "vice president"): the
    only words a modifier and a noun may make a role with (packs compare by identity)."""
    return frozenset(role[i + 1:] for role in pack.roles for i, ch in enumerate(role) if ch == " ")


def role_predicate(ctx: SentenceContext, noun: Token) -> str | None:
    """The predicate a role noun gives (with its modifiers: "vice president" is a member)."""
    pack = ctx.pack
    lower = noun.lower_
    if lower not in pack.roles and lower not in _role_endings(pack) and noun.lemma_.lower() not in pack.roles:
        return None  # no role, with or without a modifier: spare reading its children
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    phrase = " ".join([*words[-1:], noun.lower_])
    predicate = pack.roles.get(phrase) or pack.roles.get(noun.lower_) or pack.roles.get(noun.lemma_.lower())
    if predicate is None:
        return None
    after = [c.lower_ for c in noun.children if c.dep_ == "amod" and c.i > noun.i]  # "directora legal"
    if predicate == "leads" and (set(words + after) & _demoting(pack) or _of_a_function(ctx, noun)):
        return "memberOf"
    return predicate


def _of_a_function(ctx: SentenceContext, noun: Token) -> bool:
    """A leading role over a function rather than a body ("director of detention for Y",
    "co-director of organizing at Y"): its "of" names no entity, and the body comes by
    another preposition; it heads a part of the body, so it is a member of it."""
    genitives = ctx.pack.words("genitive_preps")
    functions = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in genitives
                 for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN" and not refs(ctx, p, standins=False)]
    others = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.pack.words("role_preps")
              and c.lower_ not in genitives]
    return bool(functions and others)


def _person_heads(ctx: SentenceContext) -> list[Token]:
    """The syntactic head token of every person mention in the sentence."""
    out = []
    for token, entity in ctx.named:
        if entity.cls == "Person" and (token.head.i == token.i or ctx.tokens.get(token.head.i) is not entity):
            out.append(token)
    return out


def _groups_of_role(ctx: SentenceContext, noun: Token) -> list[Ref]:
    """The body a role noun is tied to: "director of Y", "organizer with Y", "Y director",
    "Y's director"."""
    out: list[Ref] = []
    for prep in ctx.pack.lines("role_preps"):
        for p in prep_objects(noun, prep):
            for q in with_conjuncts(p):
                out.extend(refs(ctx, q, standins=False))
    for marker in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.pack.words("genitive_preps")):
        if not any(g.dep_ == "pobj" for g in marker.children):  # a name the parser read as a clause:
            out.extend(_name_after(ctx, marker))  # "Co-chairs of Harbor Is Home are …"
    for c in noun.children:
        if c.dep_ in ("compound", "poss", "nmod", "nmod:poss") and c.i < noun.i:
            out.extend(refs(ctx, c, standins=False))
            for grand in c.children:  # "Legal Aid of Ribera attorney": the compound's own compounds
                if grand.dep_ in ("compound", "poss"):
                    out.extend(refs(ctx, grand, standins=False))
    return [r for r in dict.fromkeys(out) if r.entity.cls in _GROUPS or r.entity.cls == "Campaign"]


def _name_after(ctx: SentenceContext, prep: Token) -> list[Ref]:
    """The mention that begins right after a preposition (or after its article)."""
    doc = ctx.sent.doc
    i = prep.i + 1
    if i < ctx.sent.end and doc[i].pos_ == "DET" and i not in ctx.tokens:
        i += 1
    if i < ctx.sent.end and i in ctx.tokens and ctx.tokens.get(i - 1) is not ctx.tokens[i]:
        return [Ref(ctx.tokens[i])]
    return []


def _relations(ctx: SentenceContext, person: Token, predicate: str, groups: list[Ref], extractor: str) -> Iterator[Relation]:
    for subject in refs(ctx, person, standins=False):
        for group in groups:
            relation = make_relation(ctx, subject, predicate, group, extractor, 0.7)
            if relation is not None:
                yield relation


@register("rules.role.apposition.v1", Level.SENTENCE, _ROLE_PREDICATES)
def apposition(ctx: SentenceContext) -> Iterator[Relation]:
    """A role in apposition to a person or the person to the role: "X, director of Y", "the spokesman for Y, X".

    Also in Spanish: "el portavoz de Y, X".
    """
    doc = ctx.sent.doc
    for person in _person_heads(ctx):
        appositions = [c for c in person.children if c.dep_ == "appos"]
        _, last = _mention_bounds(ctx, person)
        after = last + 2  # "X, alguacil del condado": the Spanish model often hangs such a role elsewhere
        if after < ctx.sent.end and doc[last + 1].text == "," and after not in ctx.tokens \
                and doc[after].pos_ in ("NOUN", "ADJ") and doc[after] not in appositions:
            appositions.append(doc[after])
        if person.dep_ == "appos":  # "…, X, directora de Y, …": the parser hung both on one head
            _, last = _mention_bounds(ctx, person)
            appositions += [c for c in person.head.children if c.dep_ == "appos" and c.i == last + 2
                            and ctx.sent.doc[last + 1].text == "," and c.pos_ == "NOUN"]
        for appos in appositions:
            for noun in with_conjuncts(appos):
                predicate = role_predicate(ctx, noun)
                if predicate:
                    yield from _relations(ctx, person, predicate, _role_groups(ctx, noun, person), "rules.role.apposition.v1")
        if person.dep_ == "appos":
            noun = person.head
            if noun.i in ctx.tokens and noun.dep_ == "pobj":  # the parser hung X on "…for Y, X"
                noun = noun.head.head
            if noun.pos_ != "NOUN":
                continue
            predicate = role_predicate(ctx, noun)
            if predicate:
                yield from _relations(ctx, person, predicate, _role_groups(ctx, noun, person), "rules.role.apposition.v1")


def _role_groups(ctx: SentenceContext, noun: Token, person: Token) -> list[Ref]:
    """The body of a role in apposition: the one it names ("directora de Y"), else, for a
    role that is also a title, the body of the document the title names ("X, alguacil del
    condado": the sheriff's office; "X, alcalde de Salinas": the city; ``titles.csv``)."""
    groups = _groups_of_role(ctx, noun)
    if groups:
        return groups
    title = next((t for t in ctx.pack.titles if t.title == noun.lower_), None)
    return [Ref(e) for e in _body(ctx, title.body, person)] if title else []


def _mention_bounds(ctx: SentenceContext, token: Token) -> tuple[int, int]:
    """First and last token index of the mention a token is in."""
    entity = ctx.tokens.get(token.i)
    start = end = token.i
    while start - 1 >= ctx.sent.start and ctx.tokens.get(start - 1) is entity:
        start -= 1
    while end + 1 < ctx.sent.end and ctx.tokens.get(end + 1) is entity:
        end += 1
    return start, end


@register("rules.role.prenominal.v1", Level.SENTENCE, _ROLE_PREDICATES)
def prenominal(ctx: SentenceContext) -> Iterator[Relation]:
    """A role between the name of a body and a person's name: "Y director X", "Y Police Chief X"."""
    doc = ctx.sent.doc
    vocabulary = ctx.pack.role_words
    for person in _person_heads(ctx):
        first, _ = _mention_bounds(ctx, person)
        i = first - 1
        role_tokens: list[Token] = []
        while i >= ctx.sent.start and i not in ctx.tokens and doc[i].lower_.rstrip(".") in vocabulary and len(role_tokens) < 4:
            role_tokens.insert(0, doc[i])
            i -= 1
        if not role_tokens or i < ctx.sent.start or i not in ctx.tokens:
            continue
        group = ctx.tokens[i]
        if group.cls not in _GROUPS:
            continue
        head = role_tokens[-1]
        predicate = ctx.pack.roles.get(head.lower_) or ctx.pack.roles.get(head.lemma_.lower())
        if predicate is None:
            continue
        if predicate == "leads" and {t.lower_ for t in role_tokens[:-1]} & _demoting(ctx.pack):
            predicate = "memberOf"
        yield from _relations(ctx, person, predicate, [Ref(group)], "rules.role.prenominal.v1")


def _body(ctx: SentenceContext, body: str, person: Token) -> list[Entity]:
    """The one entity of the document a title's body word names, or a place of the sentence."""
    from actorgraph.loaders import data_tables

    if body in ("@state", "@city"):
        states = {normalize_name(s) for s in data_tables.us_states().values()}
        own = [r.entity for prep in ctx.pack.lines("genitive_preps") for p in prep_objects(person, prep)
               for r in refs(ctx, p, standins=False) if r.entity.cls == "Place"]  # "Gov. Laura Benton of Vermont"
        if len(own) == 1:
            return own
        places = [e for t, e in ctx.tokens.items() if e.cls == "Place" and t != person.i]
        wanted = [e for e in dict.fromkeys(places) if (normalize_name(e.label) in states) == (body == "@state")]
        return wanted if len(wanted) == 1 else []
    # "sheriff" in "X County Sheriff's Office" (the possessive reads "sheriffs")
    hits = [e for e in ctx.document_entities if e.cls in _GROUPS
            and {body, body + "s"} & set(normalize_name(e.label).split())]
    # "City Commission" is the short form of "Greenfield City Commission": keep the fullest
    hits = [e for e in hits if not any(o is not e and normalize_name(o.label).endswith(" " + normalize_name(e.label))
                                       for o in hits)]
    return hits if len(hits) == 1 else []


@register("rules.role.title.v1", Level.SENTENCE, from_packs(lambda pack: (t.predicate for t in pack.titles)))
def title(ctx: SentenceContext) -> Iterator[Relation]:
    """A title alone ties a person to the body of the document it names: "Commissioner X", "Supervisors X, Y and Z".

    The body is named by a word of the title (``titles.csv``), or is the state or city of
    the sentence ("Gov. X").
    """
    doc = ctx.sent.doc
    for person in _person_heads(ctx):
        first, _ = _mention_bounds(ctx, person)
        before = [doc[i] for i in range(max(ctx.sent.start, first - 2), first) if i not in ctx.tokens]
        words = [t.lower_ for t in before]
        match = None
        for t in ctx.pack.titles:
            size = len(t.title.split())
            if words[-size:] == t.title.split():
                match = t
        if match is None:
            # the mention itself may begin with the title: "Sheriff Mark Ortiz"
            text = ctx.text[ctx.base + doc[first].idx:ctx.base + person.idx + len(person)].lower()
            match = next((t for t in ctx.pack.titles if text.startswith(t.title + " ")), None)
        if match is None:
            continue
        bodies = _body(ctx, match.body, person)
        people = with_conjuncts(person)
        for p in people:
            for subject in refs(ctx, p, standins=False):
                for body in bodies:
                    relation = make_relation(ctx, subject, match.predicate, Ref(body), "rules.role.title.v1", 0.6)
                    if relation is not None:
                        yield relation


@register("rules.role.of.v1", Level.SENTENCE, ("memberOf",))
def person_of_group(ctx: SentenceContext) -> Iterator[Relation]:
    """A person named with a group after "of" belongs to it: "Lena Okafor of Valley Public Radio".

    Also "from" and "with" (``member_preps.txt``): "Daniel Ortiz from the Valley Coalition",
    "Rosa Lee, with the Harbor Alliance".
    """
    preps = ctx.pack.words("genitive_preps") | ctx.pack.words("member_preps")
    for person in _person_heads(ctx):
        for prep in (c for c in person.children if c.dep_ == "prep" and c.lower_ in preps):
            groups = [r for p in prep.children if p.dep_ == "pobj" for r in refs(ctx, p, standins=False)
                      if r.entity.cls in _GROUPS]
            yield from _relations(ctx, person, "memberOf", groups, "rules.role.of.v1")


def _role_clause(ctx: SentenceContext, noun: Token) -> Token | None:
    """The clause whose subject holds the role a noun names: "X is a member of Y", "X serves
    as director of Y"; in Universal Dependencies the noun heads the clause ("X es miembro
    de Y": the copula hangs on it) and "como" marks the role ("trabaja como organizadora")."""
    pack = ctx.pack
    if noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in pack.words("copulas"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in pack.words("as_preps") and noun.head.head.lemma_ in pack.words("role_verbs"):
        return noun.head.head
    if any(c.dep_ == "cop" and c.lemma_.lower() in pack.words("copulas") for c in noun.children):
        return noun
    if noun.head.lemma_.lower() in pack.words("role_verbs") and any(
            c.dep_ in ("case", "mark") and c.lower_ in pack.words("as_preps") for c in noun.children):
        return noun.head
    return None


@register("rules.role.copula.v1", Level.SENTENCE, _ROLE_PREDICATES)
def copula(ctx: SentenceContext) -> Iterator[Relation]:
    """A role stated by a copula: "X is a member of Y", "X serves as director of Y", "X became president of Y"."""
    for noun in ctx.words:
        predicate = role_predicate(ctx, noun) if noun.pos_ in ("NOUN", "PROPN") else None
        if predicate is None:
            continue
        verb = _role_clause(ctx, noun)
        if verb is None:
            continue
        groups = _groups_of_role(ctx, noun)
        for subject in subjects(verb):  # "X, who works as manager for Y": the relative's head
            for person in with_conjuncts(subject):
                yield from _relations(ctx, person, predicate, groups, "rules.role.copula.v1")


@register("rules.role.members.v1", Level.SENTENCE, ("memberOf", "leads"))
def member_list(ctx: SentenceContext) -> Iterator[Relation]:
    """A list of names given as the members (or co-chairs) of a body: "Co-chairs of X are A; B; and C".

    Also "Among the network's member organizations are A, B, C and D", "its members
    include A, B and C": the list follows the role noun in the same clause.
    """
    for noun in ctx.words:
        if noun.pos_ != "NOUN" or noun.tag_ not in ("NNS", "NNPS", "NOUN"):
            continue
        predicate = role_predicate(ctx, noun)
        if predicate not in ("memberOf", "leads"):
            continue
        if noun.lemma_.lower() not in ctx.pack.roles and not any(
                c.dep_ == "compound" and c.lower_ in ctx.pack.roles for c in noun.children):
            continue  # only the bare role ("members", "co-chairs", "member organizations")
        groups = _list_owner(ctx, noun)
        if len(groups) != 1:
            continue
        for items in _lists_after(ctx, noun):
            if groups[0].entity in items:
                continue
            for item in items:
                relation = make_relation(ctx, Ref(item), predicate, groups[0], "rules.role.members.v1", 0.65)
                if relation is not None:
                    yield relation


def _lists_after(ctx: SentenceContext, token: Token, reach: int = 8) -> list[tuple[Entity, ...]]:
    """The lists of names that begin shortly after ``token``, with no other clause between."""
    out = []
    for items in {group for group in ctx.siblings.values()}:
        first = min(t for t, g in ctx.siblings.items() if g is items)
        if token.i < first <= token.i + reach and not any(
                ctx.sent.doc[t].pos_ in ("VERB", "AUX") and ctx.sent.doc[t].lemma_ not in ctx.pack.words("listing_verbs")
                for t in range(token.i + 1, first)):
            out.append(items)
    return out


@register("rules.role.affiliates.v1", Level.SENTENCE, ("memberOf",))
def affiliate_list(ctx: SentenceContext) -> Iterator[Relation]:
    """Groups named as affiliates of a body are its members: "unions affiliated with X, such as A, B and C".

    Also in Spanish: "las organizaciones afiliadas a X, como A, B y C".
    """
    for word in ctx.words:
        if word.lower_ not in ctx.pack.affiliation and word.lemma_.lower() not in ctx.pack.affiliation:
            continue
        bodies = [r for prep in ctx.pack.lines("affiliation_preps") for p in prep_objects(word, prep)
                  for r in refs(ctx, p, standins=False) if r.entity.cls in _GROUPS]
        if len(bodies) != 1:
            continue
        for items in _lists_after(ctx, word, reach=10):
            for item in items:
                if item is bodies[0].entity or item.cls not in _GROUPS:
                    continue
                relation = make_relation(ctx, Ref(item), "memberOf", bodies[0], "rules.role.affiliates.v1", 0.65)
                if relation is not None:
                    yield relation


def _list_owner(ctx: SentenceContext, noun: Token) -> list[Ref]:
    """The body whose members are listed. For "its members" the owner is the clause's subject
    or the subject's owner ("The campaign's committee counts among its members …"), not
    whatever group was named last."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return _groups_of_role(ctx, noun)
    verb = noun
    while verb.dep_ not in ("ROOT", "relcl", "ccomp", "advcl") and verb.head is not verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.i in ctx.tokens:  # "The Harbor Alliance counts among its members …"
            return [Ref(ctx.tokens[subject.i])] if ctx.tokens[subject.i].cls in (*_GROUPS, "Campaign") else []
        # "The coalition's committee counts among its members …": the owner
        return [r for c in subject.children if c.dep_ == "poss" for r in refs(ctx, c, standins=False)
                if r.entity.cls in (*_GROUPS, "Campaign")]
    return []

