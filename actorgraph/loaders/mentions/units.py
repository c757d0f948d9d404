"""Units of a larger body: "the Seattle office of <Agency>", "<Place> chapter of <Group>"
is one mention that holds the place and the body (``MentionKind.UNIT``)."""

from __future__ import annotations

import re

from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention, MentionKind

UNIT_WORDS = ("field office", "office", "chapter", "branch", "section", "affiliate", "division", "local")
_UNIT = re.compile(r"\s+(" + "|".join(UNIT_WORDS) + r")\s+of\s+(?:the\s+)?$", re.I)


@register("mentions.unit.v1")
def unit_mentions(ctx: MentionContext) -> list[Mention]:
    """"<Place> office of <Agency>", "<Place> chapter of <Group>": a unit of a larger body."""
    text = ctx.text
    out = []
    ordered = sorted(ctx.plain, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.cls != "Place" or b.cls not in ("GovernmentAgency", "Organization", "Company"):
            continue
        gap = text[a.end:b.start]
        if _UNIT.fullmatch(gap):
            out.append(Mention(a.start, b.end, text[a.start:b.end], b.cls, "rules.unit.v1", 0.8, kind=MentionKind.UNIT))
    return out
