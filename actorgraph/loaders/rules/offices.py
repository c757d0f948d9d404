"""Offices and places in a body said in passing (``rules.intro.*``, ``rules.title.office.*``):
"As a member of X, Y …" (Y, or the pronoun standing for Y, is a member of, leads or founded
X), and a title before a person's name that is the end of one government body's name
("Attorney General Y" leads the "State of Z Attorney General" the document names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actorgraph.loaders import lang
from actorgraph.loaders.lang import all_packs, ordered
from actorgraph.loaders.model import Entity, Relation
from actorgraph.loaders.rules import DocumentContext, Level, make_relation, register


def _intro_roles() -> dict[str, str]:
    """The role an introduction names -> the relation it states (every pack's ``intro_roles.csv``)."""
    return {r["role"]: r["predicate"] for pack in all_packs() for r in pack.rows("intro_roles.csv")}


def _introduced(ctx: DocumentContext, predicate: str, extractor: str) -> Iterator[Relation]:
    """"As a <role> of X, Y": Y (a person, or a pronoun for one) and X, for roles that give ``predicate``."""
    for sent in ctx.sentences:
        names = sent.with_refs or sent.nodes
        for group, person in zip(names, names[1:]):
            intro = lang.search("rules.intro", ctx.text[sent.start:group.mention.start])
            if intro and _intro_roles().get(intro.group(1).lower()) == predicate and person.entity.cls == "Person" \
                    and re.fullmatch(r",\s*", ctx.text[group.mention.end:person.mention.start]):
                relation = make_relation(sent, person.entity, predicate, group.entity, extractor, 0.6)
                if relation is not None:
                    yield relation


@register("rules.intro.member_of.v1", Level.DOCUMENT, ("memberOf",))
def intro_member(ctx: DocumentContext) -> Iterator[Relation]:
    """"As a member of X, Y …", "as an organizer of X, she …": Y is a member of X."""
    return _introduced(ctx, "memberOf", "rules.intro.member_of.v1")


@register("rules.intro.leads.v1", Level.DOCUMENT, ("leads",))
def intro_leader(ctx: DocumentContext) -> Iterator[Relation]:
    """"As a leader of X, Y …", "as the director of X, he …": Y leads X."""
    return _introduced(ctx, "leads", "rules.intro.leads.v1")


@register("rules.intro.founded.v1", Level.DOCUMENT, ("founded",))
def intro_founder(ctx: DocumentContext) -> Iterator[Relation]:
    """"As a founder of X, Y …": Y founded X."""
    return _introduced(ctx, "founded", "rules.intro.founded.v1")


def offices_by_title(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Title -> the one government body of the document whose name ends with it (the titles of
    every pack's ``office_titles.txt``)."""
    bodies: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.cls == "GovernmentAgency":
            for title in ordered("office_titles"):
                if entity.label.endswith(" " + title):
                    bodies.setdefault(title, []).append(entity)
    return {title: found[0] for title, found in bodies.items() if len(found) == 1}


@register("rules.title.office.v1", Level.DOCUMENT, ("leads",))
def title_office(ctx: DocumentContext) -> Iterator[Relation]:
    """"Attorney General Y", "Mayor Y": Y leads the one body of the document named by that title."""
    by_title = offices_by_title(ctx.entities)
    if not by_title:
        return
    for sent in ctx.sentences:
        for n in sent.nodes:
            if n.entity.cls != "Person":
                continue
            before = ctx.text[max(sent.start, n.mention.start - 40):n.mention.start].lower().rstrip()
            for title, body in by_title.items():
                if n.mention.text.lower().startswith(title.lower() + " ") or before.endswith(title.lower()):
                    relation = make_relation(sent, n.entity, "leads", body, "rules.title.office.v1", 0.6)
                    if relation is not None:
                        yield relation
