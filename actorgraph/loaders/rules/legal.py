"""Case captions: "<plaintiff> v. <defendant>" names who sues whom ("Vega v. ICE", "ACLU of
Ohio vs. Brook County")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.lang import union
from actorgraph.loaders.rules import Level, Ref, SentenceContext, make_relation, register

if TYPE_CHECKING:
    from actorgraph.loaders.model import Relation


@register("rules.caption.sues.v1", Level.SENTENCE, ("sues",))
def caption(ctx: SentenceContext) -> Iterator[Relation]:
    """A case caption names who sues whom: "X v. Y", "X vs. Y".

    The words between the parties are every pack's ``versus.txt``.
    """
    doc = ctx.sent.doc
    versus = union("versus")
    for token in ctx.words:
        if token.lower_ not in versus or token.i in ctx.tokens:
            continue
        before, after = token.i - 1, token.i + 1
        if before < ctx.sent.start or after >= ctx.sent.end:
            continue
        if doc[after].lower_ == "." and after + 1 < ctx.sent.end:  # "v" "." tokenised apart
            after += 1
        plaintiff, defendant = ctx.tokens.get(before), ctx.tokens.get(after)
        if plaintiff is None or defendant is None:
            continue
        relation = make_relation(ctx, Ref(plaintiff), "sues", Ref(defendant), "rules.caption.sues.v1", 0.7)
        if relation is not None:
            yield relation
