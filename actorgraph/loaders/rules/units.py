"""Units of a body (``rules.unit.*``): "the Seattle field office of X", "the Y chapter of
Z" are one mention of kind :attr:`~actorgraph.loaders.model.MentionKind.UNIT` holding the
mention of the body and of the place; the unit is part of the body, and an office or branch
is in the place.
"""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.loaders import lang
from actorgraph.loaders.model import MentionKind, Relation
from actorgraph.loaders.rules import DocumentContext, Level, Node, make_relation, register

# the words of a unit are the packs' (unit_words.txt through expressions.toml: rules.unit_word; sited_units.txt)
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
