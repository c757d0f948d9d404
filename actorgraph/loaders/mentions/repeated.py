"""Names found again: every other use of a name the document already gave, where nothing
else was found ("one sense per discourse")."""

from __future__ import annotations

import re

from actorgraph.loaders.lang import DEFAULT_LANGUAGE
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import SpanIndex
from actorgraph.loaders.model import Mention


@register("mentions.repeated.v1")
def repeated_names(ctx: MentionContext) -> list[Mention]:
    """Every other use of a name the document already gave, where nothing else was found
    ("one sense per discourse"): the model tags "the Harbor Is Home campaign" once and misses
    "Co-chairs of Harbor Is Home are ...". Only names of two words or more, written the same
    way, capital for capital, in the parsed passages of the default language (a one-word name
    spreads whatever one mention of it got wrong: a town the model once tagged a group)."""
    text = ctx.text
    forms: dict[str, Mention] = {}
    for m in ctx.found:
        if (not m.kind.is_container and not m.kind.is_petition and " " in m.text
                and m.text[:1].isupper() and "\n" not in m.text):
            forms.setdefault(m.text, m)
    if not forms:
        return []
    by_first: dict[str, list[str]] = {}  # one look-up per capitalised word, whatever the number of names
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ", 1)[0], []).append(form)
    taken = SpanIndex([(m.start, m.end) for m in ctx.plain])
    firsts = _first_words(by_first)
    if firsts is None:
        return []
    out = []
    for p in ctx.parsed:
        seg = p.segment
        if p.doc is None or seg.kind == "petition-title" or seg.language != DEFAULT_LANGUAGE:
            continue
        resume = seg.start
        for hit in firsts.finditer(text, seg.start, seg.end):
            word = _CAPITALISED_WORD.match(text, hit.start(), seg.end)
            assert word is not None  # a first word begins with a letter where a word may begin
            start = word.start()
            if start < resume or not word.group(0)[0].isupper():
                continue
            # longest first; "Home." at a sentence's end is the word "Home"
            for form in by_first.get(word.group(0)) or by_first.get(word.group(0).rstrip("."), []):
                end = start + len(form)
                if end > seg.end or not text.startswith(form, start) or (end < len(text) and _NAME_GOES_ON.match(text, end)):
                    continue
                resume = end
                if not taken.overlaps(start, end) and not _inside_capitalised(text, start, end, seg.start):
                    source = forms[form]
                    out.append(Mention(start, end, form, source.cls, "rules.repeated_name.v1",
                                       min(source.confidence, 0.7), source.canonical))
                break
    return out


_WORD_BEGINS = r"(?<![\w'’.&-])"  # where a word may begin
_CAPITALISED_WORD = re.compile(_WORD_BEGINS + r"[^\W\d_][\w'’.&-]*")  # a word; capitals checked in code


def _first_words(by_first: dict[str, list[str]]) -> re.Pattern[str] | None:
    """Where a word (:data:`_CAPITALISED_WORD`) begins with one of the first words of
    ``by_first`` (None for none that can be a word).

    The names are looked up by a word, or the word without its final dots, so the word begins
    with the first word: visiting only these words visits every word whose look-up finds
    anything, in order (a word begins only where the look-behind holds, so none begins
    inside a first word the pattern matched); the others find nothing and change nothing.
    """
    words = sorted((w for w in by_first if _CAPITALISED_WORD.fullmatch(w)), key=len, reverse=True)
    return re.compile(_WORD_BEGINS + "(?:" + "|".join(map(re.escape, words)) + ")") if words else None


_NAME_GOES_ON = re.compile(r"[\w'’&-]")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_PREVIOUS_WORD = re.compile(r"([^\s]+)[ \t]+$")
_SENTENCE_OPENS = (".", "!", "?", ":", ";", "\n", '"', "“", "(", "—", "–")


def _inside_capitalised(text: str, start: int, end: int, floor: int) -> bool:
    """True when the words around a span go on with capitals, so the span is part of a longer
    name ("St Johns" in "St Johns Families Together", "New Mexico" in "Farmworkers of New
    Mexico"); a capital that begins the sentence ("The Harbor Is Home coalition") does not count."""
    if _NEXT_CAPITAL.match(text, end):
        return True
    previous = _PREVIOUS_WORD.search(text, max(floor, start - 80), start)
    if previous is None or not previous.group(1)[:1].isupper():
        return False
    opening = text[max(floor, start - 80):previous.start(1)].rstrip(" \t")
    return not (previous.start(1) == floor or opening.endswith(_SENTENCE_OPENS))
