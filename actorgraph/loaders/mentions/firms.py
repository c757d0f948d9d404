"""Firms: a legal form ends a firm's name ("Stonebridge Services LLC"), and a firm named
after its partners keeps its commas ("the law firm Alvarez, Brook & Chen")."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from actorgraph.loaders.lang import LanguagePack, alternation, pack_for, union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention
from actorgraph.loaders.nlp import stop_words


def legal_forms() -> frozenset[str]:
    """The legal forms of every language pack: reports in Spanish name U.S. firms ("Acme
    Fittings LLC") and the other way round."""
    return union("legal_forms")


@register("mentions.firm.legal_form.v1", rewrites=True)
def attach_legal_forms(ctx: MentionContext) -> list[Mention]:
    """A legal form ends the name of a firm ("Stonebridge Services LLC",
    ``lang/<code>/legal_forms.txt``). Where the model tagged the form apart, it joins the
    name just before it: a mention, or else the run of capitalised words before it (leading
    stop words, such as a sentence's "In", left out). A legal form with no name before it
    is not a name."""
    text, segments = ctx.text, ctx.segments
    if not segments:
        return list(ctx.found)
    ordered = sorted(ctx.found, key=lambda m: (m.start, m.end))
    starts = [s.start for s in segments]
    drop: set[int] = set()
    grown: dict[int, Mention] = {}
    added: list[Mention] = []
    for i, m in enumerate(ordered):
        if m.text.lower() not in legal_forms():
            continue  # most mentions: no segment to look up
        seg = segments[bisect.bisect_right(starts, m.start) - 1]
        if not seg.start <= m.start < seg.end or \
                m.text.lower() not in pack_for(seg.language).legal_forms:
            continue
        drop.add(i)
        before = grown.get(i - 1, ordered[i - 1]) if i else None
        if before is not None and before.start >= seg.start and re.fullmatch(r",?[ \t]+", text[before.end:m.start]):
            grown[i - 1] = replace(before, end=m.end, text=text[before.start:m.end], cls="Company", canonical=None)
            continue
        run = re.search(r"((?:[A-Z][\w&'’.-]*[ \t]+){1,5})$", text[seg.start:m.start])
        if run is None:
            continue
        stop = stop_words(pack_for(seg.language).code)
        words = run.group(1).split()
        while words and words[0].lower() in stop:
            words.pop(0)
        if words:
            start = m.start - len(run.group(1)) + run.group(1).index(words[0])
            added.append(Mention(start, m.end, text[start:m.end], "Company", "rules.legal_form.v1", 0.8))
    kept = [grown.get(i, m) for i, m in enumerate(ordered) if i not in drop]
    return kept + added


_SURNAME = r"[A-Z][\w'’-]+"


@lru_cache(maxsize=8)
def _partners(pack: LanguagePack) -> re.Pattern[str]:
    """A firm noun, then surnames joined by commas and a closing "and" (the pack's
    conjunctions but its ``disjunctions.txt``), and a partnership's legal form (every
    pack's ``partnership_forms.txt``: a Spanish report names a U.S. law firm)."""
    nouns = "|".join(re.escape(n) for n in sorted(pack.firm_nouns, key=len, reverse=True))
    conj = "|".join(re.escape(c) for c in sorted(pack.conjunctions - pack.words("disjunctions")))
    forms = union("partnership_forms", case=True)
    form = rf"(?:,?[ \t]+(?:{alternation(forms)}))?" if forms else ""
    return re.compile(rf"\b(?:{nouns})[ \t]+((?:{_SURNAME},[ \t]+){{1,5}}{_SURNAME}[ \t]*(?:&|{conj})[ \t]+{_SURNAME}{form})")


@register("mentions.firm.partners.v1")
def firm_names(ctx: MentionContext) -> list[Mention]:
    """A firm named after its partners, "the law firm Alvarez, Brook & Chen": the commas
    belong to the name, not to a list (``lang/<code>/firm_nouns.txt``)."""
    out = []
    for seg in ctx.segments:
        pack = pack_for(seg.language)
        if not pack.firm_nouns:
            continue
        for m in _partners(pack).finditer(ctx.text, seg.start, seg.end):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Company", "rules.firm_name.v1", 0.8))
    return out
