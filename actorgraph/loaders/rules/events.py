"""Events (``rules.event.*``): who took part in a delimited event and where it took place.

An Event named by its site ("a hunger strike at X", see ``mentions.sited_events``) gets
``participatedIn`` from the subject of a verb of holding or joining it ("X held a vigil
outside Y", ``lang/<code>/event_verbs.txt``), from a name modifying it ("the union's march")
and from "by X"; and ``locatedIn`` the place named at its site ("a march in Springdale").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.rules import Level, Ref, SentenceContext, make_relation, prep_objects, refs, register
from actorgraph.loaders.rules.frames import _expand, negated, subjects

if TYPE_CHECKING:
    from actorgraph.loaders.model import Relation

_ACTORS = ("Person", "Organization", "GovernmentAgency", "Company")


@register("rules.event.roles.v1", Level.SENTENCE, ("participatedIn", "locatedIn"))
def event_roles(ctx: SentenceContext) -> Iterator[Relation]:
    """Who took part in an event and where it was: "X held a vigil outside Y", "the union's march", "a march in Z"."""
    pack = ctx.pack
    for head in ctx.sent:
        event = ctx.tokens.get(head.i)
        if event is None or event.cls != "Event" or head.lemma_.lower() not in pack.event_nouns:
            continue
        people: list[Ref] = []
        verb = head.head
        if head.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and verb.lemma_.lower() in pack.event_verbs \
                and not negated(verb, pack):
            people += _expand(ctx, subjects(verb))
        for c in head.children:
            if c.dep_ in ("poss", "compound", "nmod:poss") and c.i in ctx.tokens and ctx.tokens[c.i] is not event:
                people += refs(ctx, c, standins=False)
        people += [r for prep in pack.lines("agent_preps") for p in prep_objects(head, prep) for r in refs(ctx, p)]
        for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in pack.event_verbs):
            people += _expand(ctx, subjects(acl))  # "a march organized by X"
        for person in dict.fromkeys(people):
            if person.entity.cls in _ACTORS:
                relation = make_relation(ctx, person, "participatedIn", Ref(event), "rules.event.roles.v1", 0.6)
                if relation is not None:
                    yield relation
        holders = [head, verb] if head.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" else [head]
        places = [r for h in holders for prep in pack.lines("event_place_preps") for p in prep_objects(h, prep)
                  for r in refs(ctx, p, standins=False) if r.entity.cls == "Place"]
        for place in dict.fromkeys(places):
            relation = make_relation(ctx, Ref(event), "locatedIn", place, "rules.event.roles.v1", 0.6)
            if relation is not None:
                yield relation
