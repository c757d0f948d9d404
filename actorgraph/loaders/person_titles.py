"""Titles and offices written before a person's name ("Gov.", "Attorney General"), from the
language packs' ``person_titles.txt``. No spaCy here: the store's entity resolution uses it too."""

from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.loaders.lang import alternation, registry_version, union


def titles() -> frozenset[str]:
    """Every title of the registered language packs, as written."""
    return union("person_titles", case=True)


@lru_cache(maxsize=4)
def _patterns(version: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    every = titles()
    # a title (after an agency's acronym: "ICE Director X") that begins a name
    begins = re.compile(r"^(?:(?:ICE|CBP|DHS|FBI|USCIS)\s+)?(?:" + alternation(every) + r")\s+(?=[A-Z])")
    # a capitalised title right before a position in the text
    before = re.compile(r"(?<![\w.])(?:" + alternation({t for t in every if t[0].isupper()}) + r")[ \t]+$")
    return begins, before


def title_re() -> re.Pattern[str]:
    """A title (after an agency's acronym: "ICE Director X") that begins a name."""
    return _patterns(registry_version())[0]


def title_before() -> re.Pattern[str]:
    """A capitalised title right before a position in the text."""
    return _patterns(registry_version())[1]


def strip_title(name: str) -> str:
    """Drop a leading title or office: "Attorney General Dana Whitfield" -> "Dana Whitfield"."""
    stripped = title_re().sub("", name)
    return stripped if stripped and stripped != name and stripped[0].isupper() else name
