"""Arguments carried across a sentence boundary (``rules.discourse.*``): a sentence that names
people by a role noun of an event told just before takes the other party of that event from
there ("A lawsuit was brought against X and Y by five detainees. … A, B and C are named as
plaintiffs": A, B and C sue X and Y); a raid referred back to by its noun takes its agency
from the sentence before ("ICE announced new operations. The raids will hit A and B": ICE
targets A and B).

Conservative: the antecedent is in the same sentence, the sentence before, or a sentence
before that when every sentence between speaks of the same thing (a lawsuit noun, a
plaintiff noun: "According to the complaint, the plaintiffs …"), at most
:data:`MAX_BACK` sentences back; the nearest one with named parties decides. A raid's agency
is taken from the sentence just before only, in the same paragraph, and only when that
sentence names one agency and no more.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actorgraph.loaders.event_words import RAID, event_nouns
from actorgraph.loaders.lang import LanguagePack, own_pack
from actorgraph.loaders.lists import coordinated
from actorgraph.loaders.rules import (
    DocumentContext,
    Level,
    Passage,
    Ref,
    make_relation,
    modality,
    prep_objects,
    register,
    with_conjuncts,
)
from actorgraph.loaders.rules.coref import clause_verb
from actorgraph.loaders.rules.frames import is_passive, negated

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from actorgraph.loaders.model import Entity, Relation

#: how many sentences back an antecedent may be (through sentences that speak of it)
MAX_BACK = 3
_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")
_PARTIES = ("Person", "Organization", "GovernmentAgency", "Company", "Place")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A parsed sentence of the document, the entity each of its tokens names, and its pack."""

    span: Span
    base: int
    tokens: dict[int, Entity]
    pack: LanguagePack
    lists: dict[int, tuple[Entity, ...]]  # token index -> the names of the list it is in ("A, B and C")

    def passage(self, text: str) -> Passage:
        start, end = self.base + self.span.start_char, self.base + self.span.end_char
        return Passage(text, start, end, modality(text[start:end]))

    def entities(self, tokens: list[Token]) -> list[Entity]:
        """The entities named by tokens and their conjuncts, or the list of names a token is in
        ("X, Y and Z": read from the text, whatever the parse), each once."""
        found = [e for t in tokens for c in with_conjuncts(t)
                 for e in self.lists.get(c.i, (self.tokens[c.i],) if c.i in self.tokens else ())]
        return list({e.iri: e for e in found if e.cls in _PARTIES}.values())


def _sentences(ctx: DocumentContext) -> list[_Sentence]:
    """Every parsed sentence of the document (petition titles aside), in order, with the names
    in it (read once for the rules of this module)."""
    sentences: list[_Sentence] = ctx.reading("discourse.sentences", _read_sentences)
    return sentences


def _read_sentences(ctx: DocumentContext) -> list[_Sentence]:
    out = []
    starts = {s.start: s for s in ctx.sentences}
    for p in ctx.parsed:
        pack = own_pack(p.segment.language)
        if p.doc is None or p.segment.kind == "petition-title" or pack is None:
            continue
        base = p.segment.start
        for sent in p.doc.sents:
            text_sentence = starts.get(base + sent.start_char)
            nodes = text_sentence.nodes if text_sentence else ()
            tokens: dict[int, Entity] = {}
            held: list[list[int]] = []
            for node in nodes:
                span = p.doc.char_span(node.mention.start - base, node.mention.end - base, alignment_mode="expand")
                held.append([t.i for t in span or ()])
                for i in held[-1]:
                    tokens.setdefault(i, node.entity)
            lists: dict[int, tuple[Entity, ...]] = {}
            for run in coordinated(ctx.text, [(n.mention.start, n.mention.end) for n in nodes], pack.code):
                names = tuple({nodes[i].entity.iri: nodes[i].entity for i in run}.values())
                lists.update({t: names for i in run for t in held[i]})
            out.append(_Sentence(sent, base, tokens, pack, lists))
    return out


# ---------------------------------------------------------------- plaintiffs

def _lawsuit_nouns(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Nouns of a lawsuit (``nominal.csv`` rows of ``sues``) and the prepositions of the one
    sued ("against", "contra")."""
    return {f.noun: f.object_preps for f in pack.nominal if f.predicate == "sues"}


def _governing(noun: Token) -> list[Token]:
    """The verbs a lawsuit noun is the subject or object of ("a lawsuit was brought against X",
    "they filed a suit against X", "the suit filed against X")."""
    out = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if noun.dep_ in ("nsubjpass", "nsubj:pass", "dobj", "obj") and noun.head.pos_ == "VERB":
        out.append(noun.head)
    return out


def _defendants(sentence: _Sentence) -> tuple[list[Entity], bool]:
    """Who a sentence says is sued, and whether it speaks of a lawsuit at all: the objects of
    a lawsuit noun's preposition (on the noun or on the verb it is the subject or object of:
    "a lawsuit has been brought against X and Y") or of the verb "sue" (``frames.csv``)."""
    pack = sentence.pack
    nouns = _lawsuit_nouns(pack)
    plaintiffs = pack.words("plaintiff_nouns")
    found: list[Token] = []
    speaks = False
    for token in sentence.span:
        word, lemma = token.lower_, token.lemma_.lower()
        if token.pos_ == "NOUN" and (word in nouns or lemma in nouns):
            speaks = True
            preps = nouns.get(word) or nouns[lemma]
            holders = [token] + [v for v in _governing(token) if not negated(v, pack)]
            found += [o for h in holders for prep in preps for o in prep_objects(h, prep)]
        elif token.pos_ == "NOUN" and word in plaintiffs:
            speaks = True
        elif token.pos_ == "VERB" and any(f.predicate == "sues" for f in pack.frames_for(lemma)) \
                and not negated(token, pack):
            speaks = True
            found += [c for c in token.children if c.dep_ in ("dobj", "obj")]
    return sentence.entities(found), speaks


def _named_as(token: Token, sentence: _Sentence) -> list[Entity]:
    """The names a plaintiff noun is said of: "X, a plaintiff", "the plaintiffs, X and Y",
    "X is a plaintiff", "X, Y and Z are named as plaintiffs", "X figura como demandante",
    "los demandantes, que son X e Y"."""
    pack = sentence.pack
    if token.dep_ == "appos":
        return sentence.entities([token.head])
    own = [c for c in token.children if c.dep_ in ("appos", *_SUBJECTS)]
    own += [c for c in token.children if c.dep_ in ("relcl", "acl:relcl", "acl") and c.i in sentence.tokens
            and any(g.dep_ == "cop" for g in c.children)]  # "los demandantes, que son A y B"
    if own:
        return sentence.entities(own)
    head = token.head
    as_preps = pack.words("as_preps")
    if token.dep_ == "pobj" and head.lower_ in as_preps:
        head = head.head  # "named as plaintiffs"
    elif token.dep_ == "obl" and any(c.dep_ in ("case", "mark") and c.lower_ in as_preps for c in token.children):
        pass  # "figuran como demandantes" (not "votó por los demandantes")
    elif token.dep_ not in ("attr", "oprd"):
        return []
    if negated(head, pack):
        return []
    return sentence.entities([c for c in head.children if c.dep_ in _SUBJECTS])


def _sued_before(sentences: list[_Sentence], k: int) -> tuple[list[Entity], bool]:
    """The parties sued in the lawsuit a sentence's plaintiffs belong to, and whether they are
    from another sentence: the nearest sentence back (its own first) that names them, through
    sentences that speak of the lawsuit."""
    for j in range(k, max(-1, k - MAX_BACK - 1), -1):
        sued, speaks = _defendants(sentences[j])
        if sued:
            return sued, j != k
        if j < k and not speaks:
            break  # a sentence about something else: the lawsuit is no longer the topic
    return [], False


@register("rules.discourse.plaintiffs.v1", Level.DOCUMENT, ("sues",))
def plaintiffs(ctx: DocumentContext) -> Iterator[Relation]:
    """People named as plaintiffs sue the parties of the lawsuit told just before: "… against X. A and B are plaintiffs".

    The lawsuit is in the same sentence or up to :data:`MAX_BACK` sentences back, through
    sentences that speak of it ("… brought against X and Y. A, B and C are named as plaintiffs").
    """
    sentences = _sentences(ctx)
    for k, sentence in enumerate(sentences):
        nouns = sentence.pack.words("plaintiff_nouns")
        named = [e for t in sentence.span if t.pos_ in ("NOUN", "PROPN") and t.lower_ in nouns
                 for e in _named_as(t, sentence)]
        if not named:
            continue
        sued, carried = _sued_before(sentences, k)
        for plaintiff in dict.fromkeys(named):
            for party in sued:
                relation = make_relation(sentence.passage(ctx.text), plaintiff, "sues",
                                         Ref(party, "coref" if carried else ""), "rules.discourse.plaintiffs.v1", 0.6)
                if relation is not None:
                    yield relation


# ---------------------------------------------------------------- raids

def _raid_verbs(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Verbs whose subject, a raid, reaches what they name (``raid_verbs.csv``) -> where
    their objects are (``dobj`` or a preposition)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in pack.rows("raid_verbs.csv"):
        out[row["verb"]] = (*out.get(row["verb"], ()), row["objects"])
    return out


def _is_raid(token: Token, pack: LanguagePack) -> bool:
    """A raid noun (``event_nouns.csv``), also where the tagger took it for an adjective in a
    noun's place ("las redadas" as the subject), never as a modifier ("el equipo operativo")."""
    noun = event_nouns(pack).get(token.lower_) or event_nouns(pack).get(token.lemma_.lower())
    nominal = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ not in ("amod", "acomp", "advmod"))
    return nominal and noun is not None and noun.kind == RAID


def _anaphoric_raid(verb: Token, sentence: _Sentence) -> bool:
    """Whether a verb's subject is a raid referred back to: a raid noun with a definite or
    demonstrative determiner ("the raids", "these operations", "los operativos") and no name
    in it ("the ICE raids", "the raids by X" say who raids)."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")):
        definite = any(d.dep_ == "det" and ("Def" in d.morph.get("Definite", []) or "Dem" in d.morph.get("PronType", []))
                       for d in subject.children)
        if definite and _is_raid(subject, sentence.pack) and not any(t.i in sentence.tokens for t in subject.subtree):
            return True
    return False


def _raid_objects(verb: Token, wheres: tuple[str, ...], sentence: _Sentence) -> list[Entity]:
    """The places and companies a raid verb names as its objects."""
    found = [o for where in wheres for o in
             ([c for c in verb.children if c.dep_ in ("dobj", "obj")] if where == "dobj" else prep_objects(verb, where))]
    return [e for e in sentence.entities(found) if e.cls in ("Place", "Company")]


def _raiders(token: Token, pack: LanguagePack) -> list[Token]:
    """Where a token that tells of a raid names who raids: a raid noun's own words ("ICE
    raids", "raids by ICE", also where the parser hung "by ICE" on an active verb) and the
    subject of its clause ("ICE announced new operations"); a
    verb of raiding or arresting (``frames.csv``)'s subject and agent ("ICE agents raided three
    plants", "40 workers were arrested by ICE"). [] for any other token."""
    if _is_raid(token, pack):
        verb = clause_verb(token)
        own = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if not is_passive(verb):  # "bracing for raids by X": an active verb has no agent, the noun has
            own += [c for c in verb.children if c.dep_ == "prep" and c.i > token.i and c.lower_ in pack.words("agent_preps")]
        return [*token.subtree, *(t for c in own for t in c.subtree)]
    if token.pos_ == "VERB" and any(f.predicate in ("raided", "arrested") for f in pack.frames_for(token.lemma_.lower())):
        return [t for c in token.children if c.dep_ in (*_SUBJECTS, "agent", "obl:agent") for t in c.subtree]
    return []


def _lone_raiding_agency(sentence: _Sentence) -> Entity | None:
    """The one agency a sentence names when it also tells that this agency raids ("ICE
    announced new operations", "ICE agents raided three plants"); None when it names none or
    several, or names it apart from the raid ("Lawyers sued ICE over the raids")."""
    agencies = {e.iri: e for e in sentence.tokens.values() if e.cls == "GovernmentAgency"}
    if len(agencies) != 1:
        return None
    agency = next(iter(agencies.values()))
    tied = any(sentence.tokens.get(t.i) == agency for r in sentence.span for t in _raiders(r, sentence.pack))
    return agency if tied else None


@register("rules.discourse.raid_targets.v1", Level.DOCUMENT, ("raided", "targets"))
def raid_targets(ctx: DocumentContext) -> Iterator[Relation]:
    """"X announced new raids. The raids will hit A, B and C": the one agency of the sentence before targets (or, told as done, raided) them.

    Only when the sentence before, in the same paragraph, names exactly one agency and speaks
    of a raid, and the raid sentence names no agency of its own; a raid told in the past
    (``Tense=Past``) raided its places and companies, one to come or under way targets them.
    """
    sentences = _sentences(ctx)
    for k in range(1, len(sentences)):
        sentence, before = sentences[k], sentences[k - 1]
        verbs = _raid_verbs(sentence.pack)
        if before.base != sentence.base or not verbs \
                or any(e.cls == "GovernmentAgency" for e in sentence.tokens.values()):
            continue
        agency = _lone_raiding_agency(before)
        if agency is None:
            continue
        for verb in sentence.span:
            wheres = verbs.get(verb.lemma_.lower())
            if verb.pos_ != "VERB" or not wheres or negated(verb, sentence.pack) or not _anaphoric_raid(verb, sentence):
                continue
            predicate = "raided" if "Past" in verb.morph.get("Tense", []) else "targets"
            for place in _raid_objects(verb, wheres, sentence):
                relation = make_relation(sentence.passage(ctx.text), Ref(agency, "coref"), predicate, place,
                                         "rules.discourse.raid_targets.v1", 0.6)
                if relation is not None:
                    yield relation
