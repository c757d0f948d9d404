"""A document's own date, from its text when its markup or feed gives none: a dateline
that opens a paragraph ("RIVERTON, Ore., June 5, 2018 —", "September 14, 2020, New
York –", "CIUDAD NUEVA, 5 de marzo de 2024."), or a line near the top that is a date and
little else ("June 30, 2025 at 10:33 PM EDT", "Date: June 19, 2013", "Dec. 31, 2019,
9:32 AM", "March 2020"). A date in running text ("since January 1, 2017", a photo caption)
is what the text is about, not when it was written, and is left alone. The words (month
names, labels such as "Date:") are language data (``loaders/lang/<code>/``)."""

from __future__ import annotations

import re
from datetime import date

from actorgraph.loaders.time.expressions import TimeExpression, When, find_times
from actorgraph.loaders.time.words import time_words

HEAD = 600    # characters of the text's start where a date line or dateline is looked for
LINES = 12    # lines of it
EARLIEST = date(1900, 1, 1)

#: how a document's date was found (``ag:dateSource``)
METADATA, FEED, DATELINE = "metadata", "feed", "dateline"

_DASH = re.compile(r"\s(?:—|–|--|-)\s|\s?(?:—|–)")
_TIME_OF_DAY = re.compile(r"\b(?:at\s+|a las\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h)?\b\.?(?:\s+[A-Z]{2,4}T)?", re.I)
_PLACE_WORD = re.compile(r"^[\W\d]*[A-ZÁÉÍÓÚÑ]|^\W*$")


def _stated(expression: TimeExpression, latest: date) -> bool:
    when = expression.when
    return when is not None and when.grain != "year" and EARLIEST <= when.first() <= latest


def _date_line(line: str, expression: TimeExpression) -> bool:
    """A line that is the date and little else: a label, a time of day, a short byline."""
    rest = line[:expression.start] + " " + line[expression.end:]
    rest = _TIME_OF_DAY.sub(" ", rest)
    labels = time_words().labels
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.casefold() not in labels]
    lowered = re.sub(r"[^\w\s]", " ", rest.casefold())
    words = [w for w in words if not any(len(label.split()) > 1 and w.casefold() in label.split() and label in lowered
                                         for label in labels)]
    return len(words) <= 1


def _dateline(line: str, expression: TimeExpression) -> bool:
    """A paragraph that opens with where and when it was filed, then a dash (or a full stop
    after the date): everything before the dash but the date is a place's name."""
    after = line[expression.end:]
    dash = _DASH.search(after)
    if dash is not None and dash.start() <= 60:
        opening = line[:expression.start] + " " + after[:dash.start()]
    elif re.match(r"^\s*(?:\.-|[.:](?:\s|$))", after):  # "CIUDAD, 5 de marzo de 2024." "…, 2 de junio de 2025.-"
        opening = line[:expression.start]
    else:
        return False
    if len(opening) > 80:
        return False
    return all(_PLACE_WORD.match(w) for w in opening.replace("/", " ").split())


def opens_paragraph(text: str, expression: TimeExpression) -> bool:
    """Whether a time expression found in ``text`` is the date of a dateline that opens its
    paragraph ("RIVERTON, Ore., June 5, 2018 — The county …")."""
    begin = text.rfind("\n", 0, expression.start) + 1
    close = text.find("\n", expression.end)
    line = text[begin:close if close >= 0 else len(text)]
    local = TimeExpression(expression.start - begin, expression.end - begin, expression.text, expression.when)
    return expression.when is not None and _dateline(line, local)


def dateline(text: str, latest: date | None = None) -> str | None:
    """The date a document gives itself at its top: a date line or a dateline (see the
    module's docstring), as ISO 8601 ("2018-06-05", or "2020-03" for a month); None when
    there is none, when it is not a real date, or when it lies after ``latest`` (default:
    today).

    >>> dateline("NEW CITY, March 5, 2024 — The county voted ...")
    '2024-03-05'
    >>> dateline("CIUDAD NUEVA, 5 de marzo de 2024. El concejo ...")
    '2024-03-05'
    >>> dateline("A headline\\nBy A. Writer\\nJune 30, 2025 at 10:33 PM EDT\\n\\nThe council ...")
    '2025-06-30'
    >>> dateline("The county voted on Tuesday.") is None, dateline("ICE has reported 68 deaths since January 1, 2017.") is None
    (True, True)
    """
    latest = latest or date.today()
    offset = 0
    for line in text[:HEAD].split("\n")[:LINES]:
        for expression in find_times(line):
            if _stated(expression, latest) and (_date_line(line, expression) or _dateline(line, expression)):
                assert expression.when is not None
                return expression.when.value
        offset += len(line) + 1
    return None


def document_date(text: str, created: str | None = None, source: str | None = None,
                  latest: date | None = None) -> tuple[str | None, str | None]:
    """A document's date and how it was found: the one its markup or feed gave
    (``created``, found as ``source``), else its dateline ("dateline"), else none — never
    the day it was read.

    >>> document_date("WASHINGTON, March 5, 2024 — ...")
    ('2024-03-05', 'dateline')
    >>> document_date("No date here.", "2024-03-06T09:00:00+00:00", "feed")
    ('2024-03-06T09:00:00+00:00', 'feed')
    """
    if created and When.parse(created) is not None:
        return created, source or METADATA
    found = dateline(text, latest)
    return (found, DATELINE) if found else (None, None)
