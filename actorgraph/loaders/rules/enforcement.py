"""Enforcement stated in passing (``rules.joint_enforcement.*``, ``rules.worksite_raid.*``):
a sentence of arrests, raids or deportations that names a federal agency and a local one
side by side ("arrested by ICE and the State Patrol") says they work together; one that
names a worksite in a place ("at a meatpacking plant in Y") says the agencies before it
raided that place.
"""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.model import Relation
from actorgraph.loaders.rules import DocumentContext, Level, Node, TextSentence, list_joined, make_relation, register


def _agencies(sent: TextSentence) -> list[Node]:
    """The government agencies a sentence of enforcement names (none when it is not one)."""
    if not lang.search("rules.enforcement", sent.string):
        return []
    return [n for n in sent.nodes if n.entity.cls == "GovernmentAgency"]


@register("rules.joint_enforcement.v1", Level.DOCUMENT, ("collaboratesWith",))
def joint_enforcement(ctx: DocumentContext) -> Iterator[Relation]:
    """"Arrested by ICE and the State Patrol": the local agency named beside a federal one collaborates with it."""
    federal = {agency.name for agency in data_tables.agencies()}
    for sent in ctx.sentences:
        agencies = _agencies(sent)
        for x, y in zip(agencies, agencies[1:]):
            if not list_joined(ctx.text[x.mention.end:y.mention.start]):
                continue
            x_federal, y_federal = x.entity.label in federal, y.entity.label in federal
            if x_federal != y_federal:
                local, agency = (y, x) if x_federal else (x, y)
                relation = make_relation(sent, local.entity, "collaboratesWith", agency.entity, "rules.joint_enforcement.v1", 0.6)
                if relation is not None:
                    yield relation


@register("rules.worksite_raid.v1", Level.DOCUMENT, ("raided",))
def worksite_raid(ctx: DocumentContext) -> Iterator[Relation]:
    """"Workers were arrested by X at a warehouse in Y": the agencies named before the place raided Y."""
    for sent in ctx.sentences:
        agencies = _agencies(sent)
        if not agencies:
            continue
        for n in sent.nodes:
            if n.entity.cls == "Place" and lang.search("rules.worksite", ctx.text[max(sent.start, n.mention.start - 80):n.mention.start].rstrip()):
                for agency in agencies:
                    if agency.mention.start < n.mention.start:
                        relation = make_relation(sent, agency.entity, "raided", n.entity, "rules.worksite_raid.v1", 0.6)
                        if relation is not None:
                            yield relation
