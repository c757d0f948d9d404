"""Dated statements: the step after relation extraction that gives a relation the time
its sentence gives it.

A time expression counts for a relation when the dependency parse hangs it on the
relation's clause: on the word that joins the relation's two ends (the verb of "X shared
data with Y on Tuesday", the noun of "its 2017 agreement with Y") or on a verb above it
("ended its agreement with Y in February 2020"), through prepositions and modifiers only
— a date in a clause of its own ("X, founded in 1990, …") is another statement's. What it
dates comes from the word before it ("since 2011": the start, "until 2020": the end) or
from the verb it hangs on (``time_verbs.csv``: "ended … in 2020" is the end, "signed … in
2017" the start); otherwise the relation held then (``as_of``). A relation under a verb
of ending ("terminated its contract with Y") or with a word of it ("no longer") has ended
— at the date given, else when it was stated. Relative expressions ("on Tuesday", "last
year", "el pasado martes") are read against the document's date and left undated without
one, and in a future clause ("will end it on Tuesday") nothing is dated. A relation whose
sentence dates nothing keeps no date of its own: it holds as of its document's date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import LanguagePack, pack_for
from actorgraph.loaders.model import Document, Mention, Relation
from actorgraph.loaders.time.documents import opens_paragraph
from actorgraph.loaders.time.expressions import TimeExpression, When, find_times
from actorgraph.loaders.time.words import time_words
from actorgraph.ontology import ACTOR_CLASSES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from actorgraph.loaders.parse import ParsedSegment

#: dependency labels a time expression may hang on its clause by (English and Universal Dependencies)
_MODIFIER = frozenset({"prep", "pobj", "npadvmod", "nummod", "compound", "amod", "nmod", "obl", "advmod", "tmod",
                       "obl:tmod", "nmod:tmod", "pcomp", "appos", "flat", "case", "quantmod", "det", "conj", "cc"})
#: labels that open a clause of its own
_CLAUSE = frozenset({"relcl", "acl", "advcl", "csubj", "parataxis", "acl:relcl", "ccomp"})
#: how far up from a time expression its clause is looked for
_STEPS = 5


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    base: int
    sent: Span
    pack: LanguagePack


@dataclass(frozen=True, slots=True)
class Timing:
    """What a sentence says of when a relation held."""

    since: str | None = None
    until: str | None = None
    as_of: str | None = None
    ended: bool = False


def _sentences(parsed: Sequence[ParsedSegment]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for p in parsed:
        if p.doc is None:
            continue
        base = p.segment.start
        pack = pack_for(p.segment.language)
        out.extend(_Sentence(base + s.start_char, base + s.end_char, base, s, pack) for s in p.doc.sents)
    return sorted(out, key=lambda s: s.start)


def _words_of(sentence: _Sentence) -> tuple[tuple[Token, ...], list[int]]:
    """A sentence's tokens and their offsets in the text (increasing)."""
    tokens = tuple(sentence.sent)
    return tokens, [sentence.base + t.idx for t in tokens]


def _tokens_of(sentence: _Sentence, spans: list[tuple[int, int]], words: tuple[tuple[Token, ...], list[int]]) -> list[Token]:
    """The tokens of a sentence (``words``: :func:`_words_of`) that begin inside one of
    ``spans``, in order: those of a span are a run of the sorted offsets, found by bisection
    (spans outside the sentence hold none)."""
    tokens, offsets = words
    inside = {k for s, e in spans if s < sentence.end and e > sentence.start
              for k in range(bisect.bisect_left(offsets, s), bisect.bisect_left(offsets, e))}
    return [tokens[k] for k in sorted(inside)]


def _head_most(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else None


def _chain(token: Token) -> list[Token]:
    """A token and the tokens above it, to the sentence's root."""
    out = [token]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def _anchor(subject: Token | None, obj: Token | None) -> Token | None:
    """The word that joins a relation's two ends (their lowest common head), or the one end
    found in the sentence. Where one end heads the other ("X, which signed an agreement
    with Y in 2017"), the clause below it that reaches the other end."""
    if subject is None or obj is None:
        return subject or obj
    above = {t.i for t in _chain(subject)}
    joint = next((t for t in _chain(obj) if t.i in above), None)
    if joint is None or joint.i not in (subject.i, obj.i) or subject.i == obj.i:
        return joint
    lower = obj if joint.i == subject.i else subject
    path = _chain(lower)
    below = path[[t.i for t in path].index(joint.i) - 1]
    return below if below.i != lower.i else joint


def _expression_root(sentence: _Sentence, expression: TimeExpression) -> Token | None:
    span = sentence.sent.doc.char_span(expression.start - sentence.base, expression.end - sentence.base,
                                       alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _attachment(root: Token, chain: list[Token], inside: Sequence[Token] = ()) -> tuple[int, str] | None:
    """Where a time expression's root meets the relation's clause: the place in ``chain``
    (0 for the words ``inside`` the relation, between its ends and its anchor) and the
    label of its first step (None when it does not, or only across a clause)."""
    places = {t.i: n for n, t in enumerate(chain)} | {t.i: 0 for t in inside}
    token, first = root, root.dep_
    for _ in range(_STEPS):
        if token.i in places:
            return places[token.i], first
        if token.dep_ not in _MODIFIER or token.head.i == token.i:
            return None
        token = token.head
    return (places[token.i], first) if token.i in places else None


def _future(tokens: Sequence[Token]) -> bool:
    future = time_words().future
    return any(c.dep_ in ("aux", "aux:pass") and (c.lower_ in future or c.lemma_.lower() in future)
               for t in tokens for c in t.children) or any("Fut" in t.morph.get("Tense", []) for t in tokens)


@lru_cache(maxsize=1)
def _ended_pattern() -> re.Pattern[str]:
    phrases = sorted(time_words().ended, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I)


def _says_ended(token: Token) -> bool:
    """"no longer shares", "ya no comparte": a word of ending among the adverbs before a verb."""
    adverbs = [c for c in token.children if c.dep_ in ("advmod", "neg") and c.i < token.i]
    if not adverbs:
        return False
    doc = token.doc
    window = doc[min(a.left_edge.i for a in adverbs):token.i].text
    return bool(_ended_pattern().search(window))


def _clause(chain: list[Token]) -> list[Token]:
    """The part of a chain that is one clause with its anchor: up to and including the
    first verb that an open complement ("voted to end", "began working") or a conjunct
    hangs under, and no further than a verb that says something of it ("said that …")."""
    out: list[Token] = []
    for token in chain:
        out.append(token)
        if token.dep_ in _CLAUSE or token.dep_ == "ROOT":
            break
    return out


def _ends_here(clause: list[Token], ends: Sequence[tuple[Token, bool]], pack, modality: str) -> bool:
    """Whether the clause says the relation has ended: a verb of ending above the words that
    state it ("ended its agreement with Y": the relation is the agreement, reached through
    a noun; "ended the program" is the verb's own statement, not the end of one), not
    demanded, negated or refused, or a word of ending ("no longer")."""
    from actorgraph.loaders.rules.frames import negated  # the rules' reading of a negation

    if any(_says_ended(t) for t in clause):
        return True
    if modality == "demanded":
        return False
    verbs = time_words().verbs
    for n, token in enumerate(clause):
        if verbs.get(token.lemma_.lower()) != "end" or negated(token, pack):
            continue
        if n > 0 or any(_through_noun(end, token, named) for end, named in ends):
            return True
    return False


def _between(end: Token, anchor: Token, named: bool = False) -> list[Token]:
    """The words between a relation's end and its anchor, up the parse; with ``named`` (the
    end is no actor), the nouns its name modifies are the name's ("the Secure Communities
    program"), where an actor's are the relation's ("its ICE agreement")."""
    path = _chain(end)
    indices = [t.i for t in path]
    if anchor.i not in indices:
        return []
    first = 1
    while named and first < len(path) and path[first - 1].dep_ == "compound":
        first += 1
    return path[first:indices.index(anchor.i)]


def _through_noun(end: Token, verb: Token, named: bool = False) -> bool:
    """Whether ``end`` hangs under ``verb`` through a word of its own: a noun ("its contract
    with Y") or a verb ("began sharing data with Y"), not as the verb's own object."""
    return any(t.pos_ in ("NOUN", "VERB") for t in _between(end, verb, named))


def _role(expression: TimeExpression, where: int, clause: list[Token], own: bool) -> str:
    """What a time expression attached at ``where`` in the relation's chain dates: the word
    before it says (since, until), else the verb of starting or ending it hangs on (the
    anchor itself only when ``own``: the relation is a noun under it, "signed an agreement
    with Y"), else the time the relation held. Above the relation's clause it is only when
    the relation held ("the county said on Monday that …")."""
    if where >= len(clause):
        return "point"
    role = expression.role if expression.role in ("start", "end") else ""
    if not role:
        verbs = time_words().verbs
        role = next((verbs[t.lemma_.lower()] for n, t in reversed(list(enumerate(clause[:where + 1])))
                     if t.lemma_.lower() in verbs and (n > 0 or own)), "")
    if role == "end" and expression.relative is not None and expression.relative.unit == "day" \
            and expression.relative.offset == 0:
        role = ""  # "hasta hoy", "until today": it holds to the day it is said
    return role or "point"


def timing(sentence: _Sentence, anchor: Token, ends: Sequence[tuple[Token, bool]], expressions: list[TimeExpression],
           base: When | None, modality: str, warnings: list[str]) -> Timing:
    """What the time expressions of a sentence say of a relation anchored at ``anchor``
    whose ends are ``ends`` (those the sentence names: the head token, and whether the
    entity is no actor, see :func:`_between`)."""
    chain = _chain(anchor)
    clause = _clause(chain)
    if _future(clause):
        return Timing()
    ended = _ends_here(clause, ends, sentence.pack, modality)
    below = any(_through_noun(end, anchor, named) for end, named in ends)  # the relation is a noun under its anchor
    inside = [t for end, named in ends for t in (end, *_between(end, anchor, named))]
    found: dict[str, tuple[int, When]] = {}
    for expression in expressions:
        root = _expression_root(sentence, expression)
        place = None if root is None else _attachment(root, chain, inside)
        if place is None:
            continue
        where, first = place
        if expression.bare and not expression.role and first not in ("compound", "nummod", "amod", "nmod"):
            continue  # a year alone dates only after a word that dates, or as a noun's modifier ("its 2017 agreement")
        if expression.problem:
            warnings.append(f"{expression.problem} (left undated)")
            continue
        when = expression.resolve(base)
        if when is None:
            continue
        role = _role(expression, where, clause, below)
        if role not in found or where < found[role][0]:
            found[role] = (where, when)
    since, until, as_of = (found[r][1].value if r in found else None for r in ("start", "end", "point"))
    ended = ended or until is not None
    if ended and until is None:
        until = as_of or (base.value if base is not None else None)
    return Timing(since, until, as_of, ended)


def date_relations(document: Document, parsed: Sequence[ParsedSegment], mentions: Sequence[Mention],
                   spans: dict[tuple[int, int], str], relations: Sequence[Relation]) -> tuple[list[Relation], list[str]]:
    """The relations with the time their sentences give them (see the module's docstring),
    and warnings (an impossible date, left undated). ``spans`` maps a mention's offsets
    to its entity's IRI; a relation whose sentence is not parsed, or names neither of its
    ends, keeps no date of its own.

    Dates are read against the document's date (``document.created``)."""
    base = When.parse(document.created)
    sentences = _sentences(parsed)
    starts = [s.start for s in sentences]
    by_entity: dict[str, list[tuple[int, int]]] = {}
    classes: dict[str, str] = {}
    for m in mentions:
        iri = spans.get((m.start, m.end))
        if iri is not None:
            by_entity.setdefault(iri, []).append((m.start, m.end))
            classes.setdefault(iri, m.cls)
    text = document.text
    pattern = _ended_pattern()
    times: dict[int, list[TimeExpression]] = {}
    timed: dict[int, bool] = {}
    sentence_words: dict[int, tuple[tuple[Token, ...], list[int]]] = {}  # by start, made once a sentence
    warnings: list[str] = []
    out = []
    for relation in relations:
        ev = relation.evidence
        i = bisect.bisect_right(starts, ev.start) - 1
        sentence = sentences[i] if i >= 0 and ev.start < sentences[i].end else None
        if sentence is None:
            out.append(relation)
            continue
        if sentence.start not in times:  # a dateline's date is the document's, no statement's
            times[sentence.start] = [e for e in find_times(text, sentence.start, sentence.end)
                                     if not opens_paragraph(text, e)]
            timed[sentence.start] = bool(times[sentence.start]) or pattern.search(text, sentence.start, sentence.end) \
                is not None or _has_time_verb(sentence)
        if not timed[sentence.start]:  # no time, no word of ending: nothing to date (read once a sentence)
            out.append(relation)
            continue
        expressions = times[sentence.start]
        words = sentence_words.get(sentence.start) or sentence_words.setdefault(sentence.start, _words_of(sentence))
        subject = _head_most(_tokens_of(sentence, by_entity.get(relation.subject, []), words))
        obj = _head_most(_tokens_of(sentence, by_entity.get(relation.object, []), words))
        anchor = _anchor(subject, obj)
        if anchor is None:
            out.append(relation)
            continue
        ends = [(t, classes.get(iri) not in ACTOR_CLASSES) for t, iri in ((subject, relation.subject), (obj, relation.object))
                if t is not None]
        found = timing(sentence, anchor, ends, expressions, base, ev.modality, warnings)
        if found == Timing():
            out.append(relation)
            continue
        out.append(replace(relation, evidence=replace(ev, since=found.since, until=found.until, as_of=found.as_of,
                                                       ended=found.ended)))
    return out, list(dict.fromkeys(warnings))


def _has_time_verb(sentence: _Sentence) -> bool:
    verbs = time_words().verbs
    return any(verbs.get(t.lemma_.lower()) == "end" for t in sentence.sent)
