"""What the words of a name say about what it names: the cue words of the language packs'
``cues.csv`` ("Detention Center" ends a facility, "LLC" a firm, "Comité" begins a group) and
the single words that name nothing on their own. Read by the mention passes, in-document
resolution and the Spanish EntityRuler; imports no spaCy."""

from __future__ import annotations

from functools import lru_cache

from actorgraph.loaders.lang import all_packs, registry_version, union


def generic_words() -> frozenset[str]:
    """Single words that NER tags as places or groups but that name nothing on their own
    ("county", "federal"; every pack's ``generic_words.txt``)."""
    return union("generic_words")


def role_nouns() -> frozenset[str]:
    """Nouns of what people are or do: in a name, they make it a role, not a name of its own
    (every pack's ``role_nouns.txt``)."""
    return union("role_nouns")


def cues() -> tuple[tuple[str, str, str], ...]:
    """(cue, class, where) rows of every pack's ``cues.csv``, the default language's first;
    where is word, first, last or phrase."""
    return _cues(registry_version())


@lru_cache(maxsize=4)
def _cues(version: int) -> tuple[tuple[str, str, str], ...]:
    return tuple((r["cue"].lower(), r["class"], r["where"]) for pack in all_packs() for r in pack.rows("cues.csv"))


def cue_class(name: str, strong_only: bool = False) -> str | None:
    """Class suggested by the words of a name (the packs' ``cues.csv``), or None. ``strong_only``
    keeps the cues that hold even against a person tag (last words and phrases).

    >>> cue_class("Eastside Renters Union"), cue_class("Lakeview Fittings LLC"), cue_class("Dana")
    ('Organization', 'Company', None)
    """
    return _cue_class(name, strong_only, registry_version())


@lru_cache(maxsize=1 << 16)  # asked again for every mention of a name
def _cue_class(name: str, strong_only: bool, version: int) -> str | None:
    words = [w.lower().strip(".,") for w in name.split()]
    lowered = " ".join(words)
    best = None
    for cue, cls, where in cues():
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
