"""Run the syntactic relation rules (:mod:`actorgraph.loaders.rules`) over a document:
map each token to the entity of the mention it is in, resolve pronouns and definite
descriptions, and give each parsed sentence to the rules in order."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.model import Entity, Mention, Relation
from actorgraph.loaders.rules import ORDER, SentenceContext, run_rules
from actorgraph.loaders.rules.coref import resolve

if TYPE_CHECKING:
    from actorgraph.loaders.mentions import ParsedSegment


def syntactic_relations(text: str, parsed: Sequence[ParsedSegment], nodes: Iterable[tuple[Mention, Entity]],
                        entities: Sequence[Entity], modality: Callable[[str], str],
                        order: Iterable[str] = ORDER, language: str = "en") -> list[Relation]:
    """Relations the rules in ``order`` find in the parsed (non-title) segments."""
    from actorgraph.loaders.lang import LANGUAGES

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
    tokens = [(p.segment.start + t.idx, t) for p, _ in segments for t in p.doc]  # type: ignore[union-attr]
    antecedents = resolve(tokens, by_offset, load_pack(language))
    out: list[Relation] = []
    document_entities = tuple(entities)
    for p, token_map in segments:
        base = p.segment.start
        doc = p.doc
        assert doc is not None
        coref = {t.i: antecedents[base + t.idx] for t in doc if base + t.idx in antecedents}
        language = p.segment.language if p.segment.language in LANGUAGES else language
        pack = load_pack(language)
        for sent in doc.sents:
            ctx = SentenceContext(text, sent, base, token_map, coref, document_entities, pack,
                                  modality(text[base + sent.start_char:base + sent.end_char]))
            out.extend(run_rules(ctx, order))
    return out
