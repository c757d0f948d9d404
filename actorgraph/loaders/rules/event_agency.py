"""The agency of a raid (``rules.event.raid_*``): what the agencies of a raid raided, and the
raid told by its arrests.

A document tells of a raid in several sentences: who conducted it in one ("Jointly conducted
by X and Y, the raid …", "the raids were carried out by X"), whom it hit in another ("the
raid stemmed from an investigation into Z Inc.", "la redada se produjo en una fábrica de
W"). The agencies that took part in a raid (``participatedIn``, from the event rules) raided
each company named with it and each place it took place in: ``raided(X, Z)``, quoted where
the site is named. And when a document tells of one raid, a sentence of arrests by agencies at
a worksite in a place ("20 people were arrested by X at a warehouse in W") tells of that raid:
the agencies took part in it, and it took place in W.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from actorgraph.loaders.event_words import RAID, event_kind
from actorgraph.loaders.rules import DocumentContext, Level, Passage, make_relation, register
from actorgraph.loaders.rules.enforcement import worksite_raid

if TYPE_CHECKING:
    from actorgraph.loaders.model import Entity, Relation


def _raids(ctx: DocumentContext) -> list[Entity]:
    """The document's raids: its Events whose name is that of a raid."""
    return [e for e in ctx.entities if e.cls == "Event" and event_kind(e.label) == RAID]


@register("rules.event.raid_arrests.v1", Level.DOCUMENT, ("participatedIn", "locatedIn"))
def raid_arrests(ctx: DocumentContext) -> Iterator[Relation]:
    """"20 people were arrested by X at a warehouse in W", in a document of one raid: X took part in the raid, and it took place in W."""
    raids = _raids(ctx)
    if len(raids) != 1:
        return
    raid = raids[0]
    by_iri = {e.iri: e for e in ctx.entities}
    for found in worksite_raid(ctx):
        where = Passage(ctx.text, found.evidence.start, found.evidence.end, found.evidence.modality)
        agency, place = by_iri[found.subject], by_iri[found.object]
        for relation in (make_relation(where, agency, "participatedIn", raid, "rules.event.raid_arrests.v1", 0.5),
                         make_relation(where, raid, "locatedIn", place, "rules.event.raid_arrests.v1", 0.5)):
            if relation is not None:
                yield relation


@register("rules.event.raid_sites.v1", Level.DOCUMENT, ("raided",))
def raid_sites(ctx: DocumentContext) -> Iterator[Relation]:
    """The agencies that took part in a raid raided the companies named with it and the places it took place in."""
    by_iri = {e.iri: e for e in ctx.entities}
    # not what raid_arrests found: its arrests already give raided (rules.worksite_raid)
    found = [r for r in ctx.found if r.evidence.extractor != "rules.event.raid_arrests.v1"]
    for raid in _raids(ctx):
        agencies = list(dict.fromkeys(by_iri[r.subject] for r in found if r.predicate == "participatedIn"
                                      and r.object == raid.iri and by_iri[r.subject].cls == "GovernmentAgency"
                                      and r.evidence.modality != "planned"))
        if not agencies:
            continue
        taking_part = {a.iri for a in agencies}
        sites: list[tuple[Entity, Passage]] = []
        for sent in ctx.sentences:
            if sent.modality == "asserted" and any(n.entity is raid for n in sent.nodes):
                sites += [(n.entity, Passage(ctx.text, sent.start, sent.end, sent.modality)) for n in sent.nodes
                          if n.entity.cls == "Company" and n.entity.iri not in taking_part]
        sites += [(by_iri[r.object], Passage(ctx.text, r.evidence.start, r.evidence.end, r.evidence.modality))
                  for r in found if r.predicate == "locatedIn" and r.subject == raid.iri
                  and r.evidence.modality != "planned"]
        for site, where in sites:
            for agency in agencies:
                relation = make_relation(where, agency, "raided", site, "rules.event.raid_sites.v1", 0.5)
                if relation is not None:
                    yield relation
