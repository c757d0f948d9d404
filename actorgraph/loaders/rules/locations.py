"""Where a facility, group, company or agency is: a place attached to its name by "in"
("the T. Don Hutto Residential Center in Taylor", "a detention center in El Paso, Texas",
"…, which is in Fort Lauderdale"), or a place naming the kind of body it is in an
apposition ("GEO Group, a Florida company"). A place attached to a verb ("arrested in
Texas") says where something happened, not where someone is, and gives nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.rules import Ref, SentenceContext, make_relation, prep_objects, refs, register

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.model import Relation

_LOCATED = ("DetentionFacility", "Organization", "Company", "GovernmentAgency")
_KIND_NOUNS = frozenset({"company", "firm", "group", "organization", "organisation", "nonprofit", "contractor",
                         "corporation", "center", "facility", "prison", "jail", "college", "university"})


def _places_in(ctx: SentenceContext, holder: Token) -> list[Ref]:
    """Places that are objects of "in" attached to ``holder``, with the places in apposition
    to them ("El Paso, Texas")."""
    out: list[Ref] = []
    for prep in ("in", "en"):
        for p in prep_objects(holder, prep):
            chain = [p, *[q for q in p.children if q.dep_ in ("appos", "npadvmod", "conj", "flat")]]
            for q in chain:
                out.extend(r for r in refs(ctx, q, standins=False) if r.entity.cls == "Place")
    return out


def _heads(ctx: SentenceContext) -> list[tuple[Token, Ref]]:
    out = []
    for token in ctx.sent:
        entity = ctx.tokens.get(token.i)
        if entity is not None and entity.cls in _LOCATED and ctx.tokens.get(token.head.i) is not entity:
            out.append((token, Ref(entity)))
    return out


@register("rules.location.in.v1")
def located_in(ctx: SentenceContext) -> Iterator[Relation]:
    for head, subject in _heads(ctx):
        places = _places_in(ctx, head)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            places += _places_in(ctx, appos)
            if appos.lower_ in _KIND_NOUNS:
                places += [r for c in appos.children if c.dep_ in ("compound", "amod", "nmod")
                           for r in refs(ctx, c, standins=False) if r.entity.cls == "Place"]
        for relcl in (c for c in head.children if c.dep_ == "relcl" and c.lemma_ == "be"):
            places += _places_in(ctx, relcl)
        for place in dict.fromkeys(places):
            relation = make_relation(ctx, subject, "locatedIn", place, "rules.location.in.v1", 0.7)
            if relation is not None:
                yield relation
