"""Lists of names (:mod:`actorgraph.loaders.lists` reads them from the punctuation): the
unknown items of a list that names at least two known groups and no person are groups too."""

from __future__ import annotations

from collections import Counter

from actorgraph.loaders import data_tables
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.lang import pack_for
from actorgraph.loaders.lists import list_runs
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text
from actorgraph.loaders.model import Mention, MentionKind

LIST_EXTRACTOR = "rules.name_list.v1"
_GROUPS = ("Organization", "GovernmentAgency", "Company")


@register("mentions.list.items.v1")
def list_mentions(ctx: MentionContext) -> list[Mention]:
    """Mentions for the unknown items of lists that name at least two known groups and no
    person, in the class most of the known items have."""
    text = ctx.text
    plain = sorted(ctx.plain, key=lambda m: m.start)
    out: list[Mention] = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment):
            continue
        pack = pack_for(p.segment.language)
        base = p.segment.start
        for sent in p.doc.sents:
            s, e = base + sent.start_char, base + sent.end_char
            inside = [m for m in plain if s <= m.start and m.end <= e]
            known = [(m.start, m.end) for m in inside]
            for run in list_runs(text, s, e, pack, known):
                overlapping = [[m for m in inside if m.start < b and a < m.end] for a, b, _ in run]
                classes = Counter(ms[0].cls for ms in overlapping if ms)
                groups = sum(n for cls, n in classes.items() if cls in _GROUPS)
                # items named whole as a person or a place speak against a list of groups
                odd = sum(1 for (a, b, _), ms in zip(run, overlapping)
                          if len(ms) == 1 and (ms[0].start, ms[0].end) == (a, b) and ms[0].cls in ("Person", "Place")
                          and (ms[0].cls == "Place" or data_tables.looks_like_person(ms[0].text)))
                if groups < 2 or 3 * groups < len(run) or 3 * odd > groups:
                    continue
                cls = max(_GROUPS, key=lambda c: (classes[c], c == "Organization"))
                for (a, b, whole), ms in zip(run, overlapping):
                    name = text[a:b]
                    words = name.lower().split()
                    if words[0] in pack.standins or words[-1] in pack.standins:
                        continue  # "Parole Officers", "Agentes de Libertad Condicional": people of a body
                    cued = cue_class(name)
                    item_cls = cued if cued in _GROUPS else cls
                    if len(ms) == 1 and (ms[0].start, ms[0].end) == (a, b):
                        if ms[0].cls == "Person" and " " not in name and ms[0].kind == MentionKind.MODEL \
                                and not data_tables.looks_like_person(name):
                            # a one-word "person" among many groups is a group ("Unidarte")
                            out.append(Mention(a, b, name, item_cls, LIST_EXTRACTOR, 0.75))
                        continue
                    if any(m.start <= a and b <= m.end for m in ms):
                        continue  # already named whole, or inside a longer name
                    if ms and not whole:
                        continue  # an end item with a mention in it: the mention knows better
                    if any(m.canonical or m.cls == "DetentionFacility" or (m.cls == "Person" and data_tables.looks_like_person(m.text))
                           for m in ms):
                        continue  # a known name, or a person's name, inside the item
                    out.append(Mention(a, b, name, item_cls, LIST_EXTRACTOR, 0.65))
    return out
