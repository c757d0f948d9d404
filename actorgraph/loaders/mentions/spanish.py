"""Spanish names: the sourced Spanish table (name -> class, English name) in the passages
the English model does not read, and the English form of a name with a structural
translation ("Oficina del Alguacil del Condado Pinal" -> "Pinal County Sheriff's Office")."""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache

from actorgraph.loaders import data_tables
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.lang import english_name
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import phrase_hits
from actorgraph.loaders.model import Mention, MentionKind


@register("mentions.spanish.table.v1")
def spanish_table(ctx: MentionContext) -> list[Mention]:
    """Names of the sourced Spanish table in Spanish passages and in passages no model read,
    labelled with their English name (``MentionKind.TRANSLATED``)."""
    return [hit for p in ctx.parsed if p.doc is None or p.segment.language == "es"
            for hit in phrase_hits(ctx.text, p.segment, _spanish_phrases(), False, "rules.spanish_names.v1",
                                   MentionKind.TRANSLATED)]


@lru_cache(maxsize=1)
def _spanish_phrases() -> dict[str, tuple[str, str]]:
    """Spanish name -> (class, English name), from the sourced Spanish table (once per process)."""
    return {es: (_class_of_english(en), en) for es, en in data_tables.spanish_names().items()}


def _class_of_english(name: str) -> str:
    for known in data_tables.all_known():
        if known.name == name:
            return known.cls
    return cue_class(name) or "GovernmentAgency"


@register("mentions.spanish.english_form.v1", rewrites=True)
def english_forms(ctx: MentionContext) -> list[Mention]:
    """Names in a language with structural translations get their English form as canonical
    name ("Oficina del Alguacil del Condado Pinal" -> "Pinal County Sheriff's Office"),
    so the two languages of a bilingual document name one entity."""
    languages = [(p.segment.start, p.segment.end, p.segment.language) for p in ctx.parsed if p.segment.language != "en"]
    starts = [s for s, _, _ in languages]
    out = []
    for m in ctx.found:
        i = bisect.bisect_right(starts, m.start) - 1
        language = languages[i][2] if i >= 0 and m.start < languages[i][1] else None
        english = english_name(language, m.text) if language and m.canonical in (None, m.text) else None
        out.append(replace(m, canonical=english, extractor="rules.english_form.v1", kind=MentionKind.BUILT) if english else m)
    return out
