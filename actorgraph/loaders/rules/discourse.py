"""Arguments carried across a sentence boundary (``rules.discourse.*``): a sentence that names
people by a role noun of an event told just before takes the other party of that event from
there ("A lawsuit was brought against X and Y by five detainees. … A, B and C are named as
plaintiffs": A, B and C sue X and Y).

Conservative: the antecedent is in the same sentence, the sentence before, or a sentence
before that when every sentence between speaks of the same thing (a lawsuit noun, a
plaintiff noun: "According to the complaint, the plaintiffs …"), at most
:data:`MAX_BACK` sentences back; the nearest one with named parties decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
from actorgraph.loaders.rules.frames import negated

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
    in it."""
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
