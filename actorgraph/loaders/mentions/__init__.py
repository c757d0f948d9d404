"""Mention finding: the spans of a document's text that name entities, each with a class.

Every way of finding names is a registered pass (:mod:`.registry`), one family per file:
the model's NER and the EntityRuler (:mod:`.ner`), petitions (:mod:`.petitions`),
campaigns (:mod:`.campaigns`), the language packs' tables of translated names
(:mod:`.translations`), names the
document already gave (:mod:`.known`, :mod:`.repeated`), firms (:mod:`.firms`), people
(:mod:`.people`), lists (:mod:`.lists`), what the text says a name is (:mod:`.kinds`), acronyms (:mod:`.acronyms`), events
(:mod:`.events`, :mod:`.delimited_events`), places (:mod:`.places`) and units and parts of bodies (:mod:`.units`).

:data:`ORDER` declares the passes that run and their order, in stages: the passes of a stage
run one after another, each seeing what the earlier ones found, and then the orchestrator
keeps the best of overlapping mentions (:func:`resolve_overlaps`). :func:`extract_mentions`
runs the order; a pass is switched off by leaving its name out of ``passes``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from actorgraph.errors import UsageError
from actorgraph.loaders.cues import cue_class, generic_words  # their old import path still works

# the families register their passes on import
from actorgraph.loaders.mentions import (  # noqa: F401
    acronyms,
    campaigns,
    delimited_events,
    events,
    firms,
    kinds,
    known,
    lists,
    ner,
    people,
    petitions,
    places,
    repeated,
    short_forms,
    translations,
    units,
)
from actorgraph.loaders.mentions.registry import PASSES, MentionContext, register
from actorgraph.loaders.mentions.spans import resolve_overlaps
from actorgraph.loaders.model import Mention
from actorgraph.loaders.parse import ParsedSegment, parse_many  # the old import path of both still works

#: Which passes run, in order, in stages (overlaps are resolved at the end of each stage).
ORDER: tuple[tuple[str, ...], ...] = (
    # what each segment names: petition listings, campaign headings, the model's names (and
    # the campaign labels after them), hashtags; then the packs' tables of translated names
    # and, in petition titles and other languages, the names the default language's passages gave
    ("mentions.petition.listing.v1", "mentions.campaign.heading.v1", "mentions.ner.v1", "mentions.campaign.label.v1",
     "mentions.campaign.hashtag.v1", "mentions.translation.table.v1", "mentions.known.seen.v1"),
    ("mentions.firm.legal_form.v1",),
    ("mentions.person.given_name.v1",),
    ("mentions.campaign.name.v1",),
    ("mentions.firm.partners.v1",),
    ("mentions.list.items.v1",),
    ("mentions.petition.account.v1",),
    ("mentions.unit.part.v1",),  # before the acronyms, which take the class of the name they stand for
    ("mentions.acronym.definition.v1", "mentions.event.phrase.v1", "mentions.event.quoted.v1"),
    ("mentions.event.delimited.v1",),
    ("mentions.place.state_code.v1",),
    ("mentions.acronym.caps.v1",),
    ("mentions.unit.v1",),
    ("mentions.kind.named.v1",),
    ("mentions.kind.said.v1",),
    ("mentions.known.whole_form.v1",),
    ("mentions.repeated.v1",),
    ("mentions.person.short_form.v1",),
    ("mentions.acronym.use.v1",),
    ("mentions.translation.english_form.v1",),
)

#: every pass of :data:`ORDER`, in order
NAMES: tuple[str, ...] = tuple(name for stage in ORDER for name in stage)


def extract_mentions(text: str, parsed: Sequence[ParsedSegment], passes: Collection[str] | None = None) -> list[Mention]:
    """All entity mentions of a document, non-overlapping (but for containers), in text
    order. ``passes`` names the passes to run (default: all of :data:`ORDER`); they run in
    the order :data:`ORDER` gives."""
    if passes is not None and (unknown := sorted(set(passes) - set(PASSES))):
        raise UsageError(f"Unknown mention pass {unknown[0]!r}. Available: {', '.join(NAMES)}", where="passes")
    segments = tuple(parsed)
    found: list[Mention] = []
    for stage in ORDER:
        changed = False
        for name in stage:
            if passes is not None and name not in passes:
                continue
            step = PASSES[name]
            out = list(step.find(MentionContext(text, segments, tuple(found))))
            changed = changed or (out != found if step.rewrites else bool(out))
            found = out if step.rewrites else found + out
        if changed:  # resolving what was resolved gives it again (kept spans are distinct and never clash)
            found = resolve_overlaps(found)
    return found


__all__ = ["NAMES", "ORDER", "PASSES", "MentionContext", "ParsedSegment", "cue_class", "extract_mentions", "generic_words",
           "parse_many", "register", "resolve_overlaps"]
