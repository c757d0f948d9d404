"""Names in other languages: the language packs' sourced tables of translated names (name ->
class, the domain tables' English name: ``lang/<code>/translations.csv``) in the passages of
those languages and in the passages no model read, and the English form of a name with a
structural translation ("Oficina del Alguacil del Condado Pinal" -> "Pinal County Sheriff's
Office", ``lang/<code>/names.csv``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from actorgraph.loaders import data_tables
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, english_name, own_pack, registry_version, translated_names
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import phrase_hits
from actorgraph.loaders.model import Mention, MentionKind


@register("mentions.translation.table.v1")
def translation_table(ctx: MentionContext) -> list[Mention]:
    """Names of the packs' translation tables in the passages of a language with one and in
    passages no model read, labelled with their English name (``MentionKind.TRANSLATED``)."""
    phrases = _phrases(registry_version())
    # a one-word name only as written, and never inside a longer name: "Inmigración" (ICE) is
    # not "la política de inmigración", nor a word of "Centro para la Política de Inmigración"
    words = {k: v for k, v in phrases.items() if " " not in k}
    phrases = {k: v for k, v in phrases.items() if " " in k}
    out = []
    for p in ctx.parsed:
        if p.doc is None or _has_table(p.segment.language):
            out += phrase_hits(ctx.text, p.segment, phrases, False, "rules.spanish_names.v1", MentionKind.TRANSLATED)
            out += [hit for hit in phrase_hits(ctx.text, p.segment, words, True, "rules.spanish_names.v1",
                                               MentionKind.TRANSLATED) if not _inside_another_name(ctx, hit)]
    return out


def _inside_another_name(ctx: MentionContext, hit: Mention) -> bool:
    """True when a longer name found holds ``hit``, unless that name is glossed with an acronym
    of the hit's own entity: "Servicio de Inmigración y Aduanas (ICE)" is a rendering of ICE's
    name, so its "Inmigración" stands."""
    for m in ctx.found:
        if m.start <= hit.start and hit.end <= m.end and m.end - m.start > hit.end - hit.start:
            gloss = _GLOSS.match(ctx.text, m.end)
            return gloss is None or _known_acronyms().get(gloss.group(1)) != hit.canonical
    return False


_GLOSS = re.compile(r"\s*\(\s*([A-Z]{2,8})\s*\)")


@lru_cache(maxsize=1)
def _known_acronyms() -> dict[str, str]:
    """Acronym -> canonical name, from the domain tables."""
    return {a: known.name for known in data_tables.all_known() for a in known.acronyms}


def _has_table(language: str) -> bool:
    pack = own_pack(language)
    return pack is not None and pack.has("translations.csv")


@lru_cache(maxsize=4)
def _phrases(version: int) -> dict[str, tuple[str, str]]:
    """Translated name -> (class, English name), from the packs' tables (once per process)."""
    return {name: (_class_of_english(english), english) for name, english in translated_names().items()}


def _class_of_english(name: str) -> str:
    for known in data_tables.all_known():
        if known.name == name:
            return known.cls
    return cue_class(name) or "GovernmentAgency"


@register("mentions.translation.english_form.v1", rewrites=True)
def english_forms(ctx: MentionContext) -> list[Mention]:
    """Names in a language with structural translations get their English form as canonical
    name ("Oficina del Alguacil del Condado Pinal" -> "Pinal County Sheriff's Office"),
    so the two languages of a bilingual document name one entity."""
    languages = [(p.segment.start, p.segment.end, p.segment.language) for p in ctx.parsed
                 if p.segment.language != DEFAULT_LANGUAGE]
    starts = [s for s, _, _ in languages]
    out = []
    for m in ctx.found:
        i = bisect.bisect_right(starts, m.start) - 1
        language = languages[i][2] if i >= 0 and m.start < languages[i][1] else None
        english = english_name(language, m.text) if language and m.canonical in (None, m.text) else None
        out.append(replace(m, canonical=english, extractor="rules.english_form.v1", kind=MentionKind.BUILT) if english else m)
    return out
