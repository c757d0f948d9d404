"""Run the syntactic relation rules (:mod:`actorgraph.loaders.rules`) over a document:
map each token to the entity of the mention it is in, resolve pronouns and definite
descriptions, and give each parsed sentence to the rules in order."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import DEFAULT_LANGUAGE, load_pack, own_pack
from actorgraph.loaders.lists import MIN_ITEMS, coordinated
from actorgraph.loaders.model import Entity, Mention, Relation
from actorgraph.loaders.rules import SENTENCE_ORDER, SentenceContext, run_rules
from actorgraph.loaders.rules.coref import resolve, resolve_groups

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.parse import ParsedSegment


def _siblings(text: str, named: Iterable[Token], base: int, token_map: dict[int, Entity],
              language: str) -> dict[int, tuple[Entity, ...]]:
    """Token index -> the entities of the list of names ("A, B, C and D") the token is in;
    ``named`` are the sentence's tokens in ``token_map``, in order."""
    spans: list[tuple[int, int]] = []
    owners: list[list[int]] = []
    for token in named:
        entity = token_map[token.i]
        start, end = base + token.idx, base + token.idx + len(token)
        if owners and token_map.get(owners[-1][-1]) is entity and owners[-1][-1] == token.i - 1:
            spans[-1] = (spans[-1][0], end)
            owners[-1].append(token.i)
        else:
            spans.append((start, end))
            owners.append([token.i])
    out: dict[int, tuple[Entity, ...]] = {}
    for run in coordinated(text, spans, language):
        entities = tuple(dict.fromkeys(token_map[owners[i][0]] for i in run))
        if len(entities) < MIN_ITEMS:  # "The Times, the Department of Licensing (DOL)": no list
            continue
        for i in run:
            for t in owners[i]:
                out[t] = entities
    return out


_DASHES = frozenset({"—", "–", "--", "-"})
_DATELINE_PARTS = frozenset({"PROPN", "NUM", "PUNCT", "SYM"})


def dateline(sent, token_map: dict[int, Entity]) -> range:
    """The tokens of a news dateline that opens a paragraph ("SPRINGDALE –", "Lakeview, New
    Mexico —", "September 14, 2020, New York/Chicago –"): where the report was filed, not
    a party to what the sentence says; the parser often makes it the subject. A run of
    proper nouns, numbers and list punctuation before a dash, naming a place, written in
    capitals or with a comma ("Mijaren – the group – said" is a name in apposition)."""
    if sent.start != 0:
        return range(0)
    doc = sent.doc
    for i in range(sent.start, min(sent.end, sent.start + 10)):
        token = doc[i]
        if token.text in _DASHES and i > sent.start:
            run = doc[sent.start:i]
            place = any(t.ent_type_ in ("GPE", "LOC") or (token_map.get(t.i) is not None and token_map[t.i].cls == "Place")
                        for t in run)
            shaped = any(t.text == "," for t in run) or all(t.is_upper or not t.is_alpha for t in run)
            return range(sent.start, i) if place and shaped else range(0)
        if token.pos_ not in _DATELINE_PARTS:
            return range(0)
    return range(0)


def _named_words(words: Sequence[Token], start: int, inside: Sequence[int],
                 names: dict[int, Entity]) -> tuple[tuple[Token, Entity], ...]:
    """The words of a sentence (``words``, the first of index ``start``) that are in a mention
    of ``names``, with its entity, in order; ``inside`` holds (at least) the indexes of the
    sentence's words in ``names``, in order."""
    return tuple((words[i - start], names[i]) for i in inside if i in names)


def syntactic_relations(text: str, parsed: Sequence[ParsedSegment], nodes: Iterable[tuple[Mention, Entity]],
                        entities: Sequence[Entity], modality: Callable[[str], str],
                        order: Iterable[str] = SENTENCE_ORDER, language: str = DEFAULT_LANGUAGE) -> list[Relation]:
    """Relations the rules in ``order`` find in the parsed (non-title) segments, each read
    with its language's pack (``language``'s for a language without one)."""
    order = tuple(order)
    nodes = sorted(nodes, key=lambda n: (n[0].start, -n[0].end))
    starts = [mention.start for mention, _ in nodes]
    segments = []
    by_offset: dict[int, Entity] = {}
    for p in parsed:
        if p.doc is None or p.segment.kind == "petition-title":
            continue
        base, end = p.segment.start, p.segment.end
        token_map: dict[int, Entity] = {}
        for mention, entity in nodes[bisect.bisect_left(starts, base):bisect.bisect_left(starts, end)]:
            if mention.end > end:
                continue
            span = p.doc.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
            for token in span or ():
                token_map.setdefault(token.i, entity)
                by_offset.setdefault(base + token.idx, entity)
        segments.append((p, token_map))
    fallback = load_pack(language)
    packs = {p.segment.start: own_pack(p.segment.language) or fallback for p, _ in segments}
    # each segment's tokens and their offsets in the text, made once (spaCy makes a new Token
    # for each index it is asked): read by coreference, then sliced into each sentence's words
    words_of = {p.segment.start: tuple(p.doc) for p, _ in segments}  # type: ignore[arg-type]
    offsets_of = {base: [base + t.idx for t in words] for base, words in words_of.items()}
    tokens = [(offset, t, packs[base]) for base, words in words_of.items() for offset, t in zip(offsets_of[base], words)]
    antecedents = resolve(tokens, by_offset, load_pack(language))
    counted = resolve_groups(tokens, by_offset, load_pack(language))
    out: list[Relation] = []
    document_entities = tuple(entities)
    for p, token_map in segments:
        base = p.segment.start
        doc = p.doc
        assert doc is not None
        coref: dict[int, Entity] = {i: antecedents[o] for i, o in enumerate(offsets_of[base]) if o in antecedents}
        groups: dict[int, tuple[Entity, ...]] = {i: counted[o] for i, o in enumerate(offsets_of[base]) if o in counted}
        named = sorted({*token_map, *coref, *groups})
        marked = sorted(token_map)
        pack = packs[base]
        for sent in doc.sents:
            first = bisect.bisect_left(named, sent.start)
            if first == len(named) or named[first] >= sent.end:
                continue  # every rule starts from an entity the sentence names (a mention or a reference)
            words = words_of[base][sent.start:sent.end]
            opening = dateline(sent, token_map)
            names = {i: e for i, e in token_map.items() if i not in opening} if opening else token_map
            inside = marked[bisect.bisect_left(marked, sent.start):bisect.bisect_left(marked, sent.end)]
            ctx = SentenceContext(text, sent, base, names, coref, document_entities, pack,
                                  modality(text[base + sent.start_char:base + sent.end_char]),
                                  _siblings(text, (words[i - sent.start] for i in inside), base, token_map, pack.code),
                                  groups, words,
                                  _named_words(words, sent.start, inside, names))
            out.extend(run_rules(ctx, order))
    return out
