"""What the words of a name say about what it names: the cue words of ``data/cues.csv``
("Detention Center" ends a facility, "LLC" a firm) and the single words that name nothing
on their own. Read by the mention passes, in-document resolution and the Spanish
EntityRuler; imports no spaCy."""

from __future__ import annotations

from functools import lru_cache

from actorgraph.loaders import data_tables

#: single words that NER tags as places or groups but that name nothing on their own
GENERIC_WORDS = frozenset("""county city state town village black white brown asian latino latina latinx
hispanic indigenous native federal national sanctuary department agency government council
administration office court police raza""".split())
#: nouns of what people are or do: in a name, they make it a role, not a name of its own
ROLE_NOUNS = frozenset("""activist organizer leader director mother father president mayor governor senator
judge attorney officer agent worker member spokesperson coordinator founder chair secretary""".split())


@lru_cache(maxsize=1 << 16)  # asked again for every mention of a name
def cue_class(name: str, strong_only: bool = False) -> str | None:
    """Class suggested by the words of a name (data/cues.csv), or None. ``strong_only``
    keeps the cues that hold even against a person tag (last words and phrases).

    >>> cue_class("Eastside Renters Union"), cue_class("Lakeview Fittings LLC"), cue_class("Dana")
    ('Organization', 'Company', None)
    """
    words = [w.lower().strip(".,") for w in name.split()]
    lowered = " ".join(words)
    best = None
    for cue, cls, where in data_tables.cues():
        if strong_only and where == "word":
            continue
        hit = ((where == "phrase" and f" {cue} " in f" {lowered} ")
               or (where == "word" and cue in words)
               or (where == "last" and words and words[-1] == cue)
               or (where == "first" and words and words[0] == cue))
        if hit:
            # later words decide: "Detention Center Resistance" is the group, not the building
            position = lowered.rfind(cue)
            if best is None or position > best[0]:
                best = (position, cls)
    return best[1] if best else None
