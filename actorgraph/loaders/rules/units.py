"""Units of a body (``rules.unit.*``): "the Seattle field office of X", "the Y chapter of
Z" are one mention of kind :attr:`~actorgraph.loaders.model.MentionKind.UNIT` holding the
mention of the body and of the place; the unit is part of the body, and an office or branch
is in the place. A body said to be a part of another by an apposition or a copula ("X, a
division of Y", "X (an arm of Y)", "X is a subsidiary of Y", "X, una dependencia de Y") is
part of it too.
"""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.loaders import lang
from actorgraph.loaders.model import MentionKind, Relation
from actorgraph.loaders.rules import DocumentContext, Level, Node, make_relation, register

# the words of a unit are the packs' (unit_words.txt through expressions.toml: rules.unit_word; sited_units.txt),
# and those of a part said of a body (part_words.txt through units.apposition, units.copula)
_PARENTS = ("GovernmentAgency", "Organization", "Company")


def _units(ctx: DocumentContext) -> Iterator[tuple[Node, list[Node]]]:
    """Each unit mention and the mentions inside it."""
    for unit in (n for n in ctx.nodes if n.mention.kind == MentionKind.UNIT):
        yield unit, [n for n in ctx.nodes if n is not unit and unit.mention.start <= n.mention.start
                     and n.mention.end <= unit.mention.end]


@register("rules.unit.part_of.v1", Level.DOCUMENT, ("partOf",))
def part_of(ctx: DocumentContext) -> Iterator[Relation]:
    """"The Y field office of X", "the Z chapter of X": the unit is part of X."""
    for unit, parts in _units(ctx):
        parent = next((n for n in reversed(parts) if n.entity.cls in _PARENTS), None)
        if parent is not None:
            relation = make_relation(ctx.sentence_at(unit.mention.start), unit.entity, "partOf", parent.entity,
                                     "rules.unit.part_of.v1", 0.8, "asserted")
            if relation is not None:
                yield relation


@register("rules.unit.located_in.v1", Level.DOCUMENT, ("locatedIn",))
def located_in(ctx: DocumentContext) -> Iterator[Relation]:
    """"The Y field office of X", "the Y branch of X": the office is in the place Y."""
    for unit, parts in _units(ctx):
        place = next((n for n in parts if n.entity.cls == "Place"), None)
        word = lang.search("rules.unit_word", unit.mention.text)
        if place is not None and word and word.group(1).lower() in lang.union("sited_units"):
            relation = make_relation(ctx.sentence_at(unit.mention.start), unit.entity, "locatedIn", place.entity,
                                     "rules.unit.located_in.v1", 0.8, "asserted")
            if relation is not None:
                yield relation


def _said_parts(ctx: DocumentContext, expression: str, extractor: str) -> Iterator[Relation]:
    """Two bodies named one after the other in a sentence with the words of ``expression``
    between them: the first is part of the second, whatever the sentence claims around it
    (an apposition states it). Only bodies: a person is part of none."""
    names = [n for n in ctx.nodes if not n.mention.kind.is_container]
    for part, whole in zip(names, names[1:]):
        if part.entity.cls not in _PARENTS or whole.entity.cls not in _PARENTS or part.entity is whole.entity:
            continue
        if lang.match(expression, ctx.text, part.mention.end, whole.mention.start) is None:
            continue
        where = ctx.sentence_at(part.mention.start)
        if where.end < whole.mention.end:
            continue
        relation = make_relation(where, part.entity, "partOf", whole.entity, extractor, 0.8, "asserted")
        if relation is not None:
            yield relation


@register("rules.unit.apposition.v1", Level.DOCUMENT, ("partOf",))
def apposition(ctx: DocumentContext) -> Iterator[Relation]:
    """"X, a division of Y", "X (an arm of Y)", "X, filial de Y": X is part of Y.

    The packs' ``part_words.txt`` in their expression ``units.apposition``; not "a former
    subsidiary of Y", nor "a member of Y" (a member is no part).
    """
    yield from _said_parts(ctx, "units.apposition", "rules.unit.apposition.v1")


@register("rules.unit.copula.v1", Level.DOCUMENT, ("partOf",))
def copula(ctx: DocumentContext) -> Iterator[Relation]:
    """"X is a subsidiary of Y", "X, which is now a unit of Y", "X es una filial de Y": X is part of Y.

    The packs' ``part_words.txt`` in their expression ``units.copula``; not "X is not a
    subsidiary of Y", nor "X is no longer a unit of Y".
    """
    yield from _said_parts(ctx, "units.copula", "rules.unit.copula.v1")
