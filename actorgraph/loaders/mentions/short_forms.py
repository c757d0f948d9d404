"""Short forms of people's names: a surname used alone after the full name ("Tomas Benard
… ICE targeted Benard outside his home"). News style names a person in full once, then by
surname; the model often misses the lone surname or takes it for a place. Entity resolution
(:meth:`actorgraph.loaders.entities.Resolution.merge_parts_of_person_names`) then joins the
short form to the full name, so the relations of the short mention attach to the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.loaders import data_tables
from actorgraph.loaders.lang import union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import SpanIndex, title_case_text
from actorgraph.loaders.model import Mention
from actorgraph.loaders.person_titles import strip_title, titles

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def short_forms(name: str) -> set[str]:
    """The forms that may stand for a person's full name later in a text: the last word (its
    surname), the last two words written apart or hyphenated ("Rosa Almeida",
    "Rosa-Almeida"), and in a name of three words or more the word before the last when
    it is no common given name (a first surname: "Quintero" of "Elena Quintero Salas").

    >>> sorted(short_forms("Lucia Rosa Almeida")), sorted(short_forms("Pablo Ortega Jr."))
    (['Almeida', 'Rosa Almeida', 'Rosa-Almeida'], ['Ortega'])
    """
    words = [w for w in strip_title(name).split() if w not in _SUFFIXES]
    if len(words) < 2:
        return set()
    out = {words[-1]}
    if len(words) >= 3:
        out |= {f"{words[-2]} {words[-1]}", f"{words[-2]}-{words[-1]}"}
        if words[-2].upper() not in data_tables.first_names():
            out.add(words[-2])
    particles = union("name_particles")
    # a surname is a capitalised word of letters, not a particle, an initial or a given name
    return {f for f in out if f[:1].isupper() and len(f) > 2 and "." not in f and f.lower() not in particles
            and f.upper() not in data_tables.first_names()}


def _forms_of_people(found: tuple[Mention, ...]) -> dict[str, tuple[int, str]]:
    """Short form -> (where the full name is first given, the full name), for the short forms
    that only one person of the document has."""
    owners: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in found:
        if m.cls != "Person" or m.kind.is_container or m.kind.is_petition:
            continue
        full = strip_title(m.text)
        for form in short_forms(full):
            owners.setdefault(form, set()).add(full)
            first[form] = min(first.get(form, m.start), m.start)
    # a full name of one person is never a short form of another ("Ana Ruiz" / "Lucia Ana Ruiz")
    return {form: (first[form], next(iter(names))) for form, names in owners.items() if len(names) == 1}


def _stands_alone(tokens: list[Token], i: int, size: int) -> bool:
    """Whether tokens[i:i+size] are not part of a longer name: no capitalised proper noun
    right before (a title or honorific may be: "Sheriff Porter", "Mr. Okafor") or after."""
    if i > 0:
        before = tokens[i - 1]
        if before.is_title and before.pos_ == "PROPN" and before.text not in titles() \
                and before.text.rstrip(".").lower() not in union("honorifics"):
            return False
    after = tokens[i + size] if i + size < len(tokens) else None
    return after is None or not (after.is_title and after.pos_ == "PROPN")


@register("mentions.person.short_form.v1")
def short_form_mentions(ctx: MentionContext) -> list[Mention]:
    """A surname (or the last two words of a name) used alone after the full name of a person
    of the document: only forms that one person of the document has, written with the
    capital, not part of a longer name, not where something else was found, and a proper
    noun when it opens a sentence ("Young people rallied" after "Andrew Young" is no name)."""
    forms = _forms_of_people(ctx.found)
    if not forms:
        return []
    taken = SpanIndex([(m.start, m.end) for m in ctx.found])
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ")[0].split("-")[0], []).append(form)
    text = ctx.text
    out = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment) or not any(first in text[p.segment.start:p.segment.end]
                                                                    for first in by_first):
            continue  # a token is a stretch of its passage: no first word in it, no token is one
        base = p.segment.start
        tokens = list(p.doc)
        resume = base
        for i, token in enumerate(tokens):
            for form in by_first.get(token.text.split("-")[0], []):
                start = base + token.idx
                end = start + len(form)
                if start < resume or not text.startswith(form, start) or forms[form][0] >= start \
                        or taken.overlaps(start, end):
                    continue
                size = len(p.doc.char_span(token.idx, end - base, alignment_mode="expand") or ())
                if size == 0 or (token.is_sent_start and token.pos_ != "PROPN") or not _stands_alone(tokens, i, size):
                    continue
                out.append(Mention(start, end, form, "Person", "rules.short_form.v1", 0.6))
                resume = end
                break
    return out
