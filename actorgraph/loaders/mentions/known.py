"""Names the document already gave, found again: in petition titles and passages in
another language (which the default language's model does not read), and where the model
cut a name short that the text goes on with ("KXL" for "KXL News")."""

from __future__ import annotations

import bisect

from actorgraph.loaders.lang import DEFAULT_LANGUAGE
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import phrase_hits
from actorgraph.loaders.model import Mention, MentionKind


@register("mentions.known.seen.v1")
def seen_names(ctx: MentionContext) -> list[Mention]:
    """Every name found in the passages of the default language (but petition titles) is
    looked for, word for word, in the petition titles and the passages in other languages.
    Where passages give one name different classes, the last passage's decides."""
    segments = ctx.segments
    starts = [s.start for s in segments]
    english: dict[int, list[Mention]] = {}  # segment -> the mentions that start in it, in the order found
    for m in ctx.found:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < segments[i].end and segments[i].language == DEFAULT_LANGUAGE:
            english.setdefault(i, []).append(m)
    seen = {m.text: (m.cls, m.canonical or m.text) for i in sorted(english) for m in english[i]
            if m.kind != MentionKind.PETITION_TITLE and len(m.text) > 3}
    return [hit for p in ctx.parsed if p.doc is None or p.segment.kind == "petition-title" or p.segment.language != DEFAULT_LANGUAGE
            for hit in phrase_hits(ctx.text, p.segment, seen, True, "rules.known_form.v1")]


@register("mentions.known.whole_form.v1")
def whole_forms(ctx: MentionContext) -> list[Mention]:
    """A name the model cut short where the text goes on with a longer name of the same
    document: "KXL" in "By A and B, KXL News Metro and Politics Desk" when the document names
    "KXL News" elsewhere. The longer form must follow word for word and end at a word's end."""
    text = ctx.text
    plain = ctx.plain
    forms: dict[str, Mention] = {}
    for m in plain:
        if " " in m.text:
            forms.setdefault(m.text, m)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ", 1)[0], []).append(form)
    out = []
    for m in plain:
        for form in by_first.get(m.text.split(" ", 1)[0], ()):
            end = m.start + len(form)
            if len(form) > len(m.text) and form.startswith(m.text + " ") and text.startswith(form, m.start) \
                    and (end == len(text) or not text[end].isalnum()):
                source = forms[form]
                out.append(Mention(m.start, end, form, source.cls, "rules.known_form.v1", m.confidence, source.canonical))
                break
    return out
