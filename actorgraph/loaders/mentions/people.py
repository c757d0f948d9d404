"""People the model missed, found by a common given name (Census lists)."""

from __future__ import annotations

from actorgraph.loaders import data_tables
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import SpanIndex, title_case_text
from actorgraph.loaders.model import Mention


@register("mentions.person.given_name.v1")
def given_name_mentions(ctx: MentionContext) -> list[Mention]:
    """People the model missed: two or three proper nouns in a row, the first a common given
    name (Census lists), not part of a longer name, not a place ("Ana Ruiz, a spokeswoman")."""
    text = ctx.text
    out = []
    spans = SpanIndex([(m.start, m.end) for m in ctx.found])
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment):
            continue
        base = p.segment.start
        tokens = list(p.doc)
        proper = [t.pos_ == "PROPN" for t in tokens]  # read once a token: asked of every token up to three times
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and proper[j] and tokens[j].is_title and j - i < 4:
                j += 1
            run = tokens[i:j]
            if 2 <= len(run) <= 3 and (i == 0 or not proper[i - 1]) and (j == len(tokens) or not proper[j]):
                start, end = base + run[0].idx, base + run[-1].idx + len(run[-1])
                name = text[start:end]
                if data_tables.looks_like_person(name) and not cue_class(name) \
                        and not spans.overlaps(start, end):
                    out.append(Mention(start, end, name, "Person", "rules.given_name.v1", 0.6))
            i = max(j, i + 1) if proper[i] else i + 1
    return out
