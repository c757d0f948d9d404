"""A publication date stated at the top of a text, a dateline: "WASHINGTON, March 5, 2024 —",
"5 March 2024", "5 de marzo de 2024", "2024-03-05". Month names are language data
(``loaders/lang/<code>/months.txt``)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib.resources import files

HEAD = 400  # characters of the text's start where a dateline is looked for


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Every month name and short form of every language pack -> its number."""
    names: dict[str, int] = {}
    for folder in files("actorgraph.loaders.lang").iterdir():
        path = folder / "months.txt"
        if not path.is_file():
            continue
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
        for number, line in enumerate(lines, 1):
            for word in line.split():
                names.setdefault(word.casefold(), number)
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    return (
        re.compile(rf"\b(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|º|°)?\s+(?:de\s+)?(?P<month>{month})\.?,?\s+(?:de(?:l)?\s+)?"
                   rf"(?P<year>\d{{4}})\b", re.I),
        re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})\b"),
    )


def dateline(text: str, latest: date | None = None) -> str | None:
    """The first date written out at the start of ``text`` (its first HEAD characters), as
    ISO 8601; None when there is none, or when it is not a real date or lies after
    ``latest`` (default: today).

    >>> dateline("NEW CITY, March 5, 2024 — The county voted ...")
    '2024-03-05'
    >>> dateline("CIUDAD NUEVA, 5 de marzo de 2024. El concejo ...")
    '2024-03-05'
    >>> dateline("The county voted on Tuesday.") is None
    True
    """
    head = text[:HEAD]
    latest = latest or date.today()
    found: list[tuple[int, date]] = []
    for pattern in _patterns():
        for match in pattern.finditer(head):
            groups = match.groupdict()
            number = int(groups["mm"]) if groups.get("mm") else _months().get(groups["month"].casefold())
            try:
                when = date(int(groups["year"]), number or 0, int(groups["day"]))
            except ValueError:
                continue
            if date(1900, 1, 1) <= when <= latest:
                found.append((match.start(), when))
                break
    return min(found)[1].isoformat() if found else None
