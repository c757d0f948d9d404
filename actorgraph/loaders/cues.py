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


@lru_cache(maxsize=4)
def _cue_index(version: int) -> tuple[dict[tuple[str, str], list[tuple[int, str]]], tuple[tuple[int, str, str], ...]]:
    """The rows of :func:`cues` by (word, where) for the cues of one word's place ("word",
    "first", "last"), and the phrases; each with its row's order."""
    by_word: dict[tuple[str, str], list[tuple[int, str]]] = {}
    phrases = []
    for order, (cue, cls, where) in enumerate(cues()):
        if where == "phrase":
            phrases.append((order, cue, cls))
        else:
            by_word.setdefault((cue, where), []).append((order, cls))
    return by_word, tuple(phrases)


@lru_cache(maxsize=1 << 16)  # asked again for every mention of a name
def _cue_class(name: str, strong_only: bool, version: int) -> str | None:
    words = [w.lower().strip(".,") for w in name.split()]
    lowered = " ".join(words)
    by_word, phrases = _cue_index(version)
    hits = [(order, cue, cls) for order, cue, cls in phrases if f" {cue} " in f" {lowered} "]
    places = [] if strong_only else [(w, "word") for w in dict.fromkeys(words)]
    if words:
        places += [(words[0], "first"), (words[-1], "last")]
    hits += [(order, place[0], cls) for place in places for order, cls in by_word.get(place, ())]
    if not hits:
        return None
    # later words decide: "Harbor Detention Center Watch" is the group, not the building (the
    # first row of the cues wins a tie)
    return max(hits, key=lambda hit: (lowered.rfind(hit[1]), -hit[0]))[2]
