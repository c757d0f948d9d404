"""Units of a larger body: "the Seattle office of <Agency>", "<Place> chapter of <Group>"
is one mention that holds the place and the body (``MentionKind.UNIT``)."""

from __future__ import annotations

from actorgraph.loaders import lang
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention, MentionKind


@register("mentions.unit.v1")
def unit_mentions(ctx: MentionContext) -> list[Mention]:
    """"<Place> office of <Agency>", "<Place> chapter of <Group>": a unit of a larger body
    (the packs' ``unit_words.txt`` in their expression ``mentions.unit``)."""
    text = ctx.text
    out = []
    ordered = sorted(ctx.plain, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.cls != "Place" or b.cls not in ("GovernmentAgency", "Organization", "Company"):
            continue
        gap = text[a.end:b.start]
        if any(p.fullmatch(gap) for p in lang.expressions("mentions.unit")):
            out.append(Mention(a.start, b.end, text[a.start:b.end], b.cls, "rules.unit.v1", 0.8, kind=MentionKind.UNIT))
    return out
