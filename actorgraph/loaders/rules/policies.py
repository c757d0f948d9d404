"""Who implements a policy: the body whose policy it is ("the county's 287(g) agreement",
"ICE's Secure Communities program") or the body acting under it ("Under the Secure
Communities program, ICE has …")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.rules import Level, Ref, SentenceContext, make_relation, refs, register
from actorgraph.loaders.rules.frames import subjects

if TYPE_CHECKING:
    from actorgraph.loaders.model import Relation

_BODIES = ("GovernmentAgency", "Organization", "Company", "Place")


@register("rules.policy.implements.v1", Level.SENTENCE, ("implements",))
def implements(ctx: SentenceContext) -> Iterator[Relation]:
    """The body whose policy it is, or that acts under it: "the county's 287(g) agreement", "Under the X program, Y …"."""
    nouns, under = ctx.pack.words("policy_nouns"), ctx.pack.words("under_preps")
    for token, policy in ctx.named:
        if policy.cls != "Policy" or ctx.tokens.get(token.head.i) is policy:
            continue
        anchor = token
        if token.dep_ == "compound" and token.head.lower_ in nouns and token.head.i not in ctx.tokens:
            anchor = token.head  # "the Secure Communities program"
        owners = [r for c in anchor.children if c.dep_ == "poss" for r in refs(ctx, c, standins=False)]
        if anchor.dep_ == "pobj" and anchor.head.lower_ in under and anchor.head.head.pos_ in ("VERB", "AUX"):
            owners += [r for s in subjects(anchor.head.head) for r in refs(ctx, s)]
        for owner in dict.fromkeys(owners):
            if owner.entity.cls in _BODIES:
                relation = make_relation(ctx, owner, "implements", Ref(policy, ""), "rules.policy.implements.v1", 0.6)
                if relation is not None:
                    yield relation
