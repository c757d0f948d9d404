"""Where a facility, group, company or agency is: a place attached to its name by "in"
("the T. Don Hutto Residential Center in Taylor", "a detention center in El Paso, Texas",
"…, which is in Fort Lauderdale", "a company with a plant in Y"), or a place naming the kind of body it is in an
apposition ("GEO Group, a Florida company"). A place attached to a verb ("arrested in
Texas") says where something happened, not where someone is, and gives nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.data_tables import us_states
from actorgraph.loaders.rules import Level, Ref, SentenceContext, make_relation, prep_objects, refs, register

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.model import Relation

_LOCATED = ("DetentionFacility", "Organization", "Company", "GovernmentAgency")


def _places_in(ctx: SentenceContext, holder: Token) -> list[Ref]:
    """Places that are objects of "in" attached to ``holder``, with the places in apposition
    to them ("El Paso, Texas")."""
    out: list[Ref] = []
    for prep in ctx.pack.lines("in_preps"):
        for p in prep_objects(holder, prep):
            chain = [p, *[q for q in p.children if q.dep_ in ("appos", "npadvmod", "conj", "flat")]]
            for q in chain:
                out.extend(r for r in refs(ctx, q, standins=False) if r.entity.cls == "Place")
            out.extend(_state_after(ctx, p))
    return out


def _state_after(ctx: SentenceContext, token: Token) -> list[Ref]:
    """The state written after a place and a comma ("Conroe, Texas"), however the parser
    attached it: a U.S. address gives the city, then its state."""
    place = ctx.tokens.get(token.i)
    if place is None or place.cls != "Place":
        return []
    end = token.i
    while end + 1 < ctx.sent.end and ctx.tokens.get(end + 1) is place:
        end += 1
    if end + 2 >= ctx.sent.end or ctx.sent.doc[end + 1].text != ",":
        return []
    state = ctx.tokens.get(end + 2)
    if state is None or state is place or state.cls != "Place" or state.label not in us_states().values():
        return []
    return [Ref(state)]


def _sited(ctx: SentenceContext, holder: Token) -> list[Ref]:
    """Places "in" a name, "…, which is in Y", "based in Y" (``sited.txt``), "ubicado en Y"."""
    pack = ctx.pack
    places = _places_in(ctx, holder)
    for relcl in (c for c in holder.children if c.dep_ in ("relcl", "acl:relcl") and c.lemma_ in pack.words("be_verbs")):
        places += _places_in(ctx, relcl)
    for acl in (c for c in holder.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in pack.words("sited")):
        places += _places_in(ctx, acl)
    for site in (p for prep in pack.lines("with_preps") for p in prep_objects(holder, prep)):
        if site.lower_ in ctx.pack.site_nouns or site.lemma_.lower() in ctx.pack.site_nouns:
            places += _places_in(ctx, site)  # "a company with a plant in Y", "empresa con planta en Y"
    return places


def _heads(ctx: SentenceContext) -> list[tuple[Token, Ref]]:
    out = []
    for token, entity in ctx.named:
        if entity.cls in _LOCATED and ctx.tokens.get(token.head.i) is not entity:
            out.append((token, Ref(entity)))
    return out


@register("rules.location.in.v1", Level.SENTENCE, ("locatedIn",))
def located_in(ctx: SentenceContext) -> Iterator[Relation]:
    """A place attached to a body's name by "in": "the X Detention Center in Y", "X, which is in Y", "X, a Florida company"."""
    for head, subject in _heads(ctx):
        places = _sited(ctx, head)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            places += _sited(ctx, appos)
            if appos.lower_ in ctx.pack.words("located_kinds"):
                places += [r for c in appos.children if c.dep_ in ("compound", "amod", "nmod")
                           for r in refs(ctx, c, standins=False) if r.entity.cls == "Place"]
        for place in dict.fromkeys(places):
            relation = make_relation(ctx, subject, "locatedIn", place, "rules.location.in.v1", 0.7)
            if relation is not None:
                yield relation
