"""Titles and offices written before a person's name ("Gov.", "Attorney General"), from
``data/person_titles.txt``. No spaCy here: the store's entity resolution uses it too."""

from __future__ import annotations

import re
from importlib.resources import files

TITLES: tuple[str, ...] = tuple(
    line.strip() for line in files("actorgraph.loaders").joinpath("data/person_titles.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#"))
_ALTERNATION = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
#: a title (after an agency's acronym: "ICE Director X") that begins a name
TITLE_RE = re.compile(r"^(?:(?:ICE|CBP|DHS|FBI|USCIS)\s+)?(?:" + _ALTERNATION + r")\s+(?=[A-Z])")
#: a capitalised title right before a position in the text
TITLE_BEFORE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)
                                                      if t[0].isupper()) + r")[ \t]+$")


def strip_title(name: str) -> str:
    """Drop a leading title or office: "Attorney General Dana Whitfield" -> "Dana Whitfield"."""
    stripped = TITLE_RE.sub("", name)
    return stripped if stripped and stripped != name and stripped[0].isupper() else name
