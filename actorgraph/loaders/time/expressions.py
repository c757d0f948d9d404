"""Time expressions in running text: dates written out in full ("June 5, 2018",
"15 de septiembre de 2020", "2018-06-05"), a month of a year ("February 2020"), a year
after a word that dates ("since 2011", "en 2017"), and expressions read against the
document's date ("on Tuesday", "last year", "el pasado martes", "May 12", "in March").

A date is kept as a :class:`When`: an ISO 8601 value as precise as the text is ("2020",
"2020-02", "2020-02-05"). Nothing is guessed: a relative expression without a document
date to read it against, or one whose year the document's date cannot tell, stays
undated, and an impossible date ("February 30, 2020") is reported, not used.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from actorgraph.loaders.lang import trie_alternation
from actorgraph.loaders.time.words import Relative, TimeWords, time_words

#: the years a bare number may be (a count such as "2500 people" mostly lies outside)
YEARS = r"(?:1[89]\d\d|20\d\d)"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True, order=True)
class When:
    """A date as precise as the text gives it: ``value`` is "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    >>> When("2020-02").grain, When("2020-02").first(), When("2020-02").last()
    ('month', datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    """

    value: str

    @property
    def grain(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.value), "day")

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if len(self.value) >= 7 else None

    def first(self) -> date:
        """The first day the date covers."""
        return date(self.year, self.month or 1, int(self.value[8:10]) if self.grain == "day" else 1)

    def last(self) -> date:
        """The last day the date covers."""
        if self.grain == "year":
            return date(self.year, 12, 31)
        if self.grain == "month":
            month = self.month or 12
            return date(self.year, month, calendar.monthrange(self.year, month)[1])
        return self.first()

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> When:
        """A checked date; ValueError for one that does not exist."""
        if month is None:
            date(year, 1, 1)
            return cls(f"{year:04d}")
        if day is None:
            date(year, month, 1)
            return cls(f"{year:04d}-{month:02d}")
        return cls(date(year, month, day).isoformat())

    @classmethod
    def parse(cls, text: str | None) -> When | None:
        """A date from an ISO 8601 value ("2020", "2020-02", "2020-02-05", a date and time);
        None for anything else.

        >>> When.parse("2024-03-05T10:00:00+00:00"), When.parse("soon")
        (When(value='2024-03-05'), None)
        """
        match = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$", text or "")
        if not match:
            return None
        try:
            return cls.of(*(int(g) for g in match.groups() if g is not None))
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression at ``start:end`` of a text. ``when`` is set for a date written out
    in full; ``relative`` for a phrase read against the document's date; ``month`` (and
    ``day``) for a date without its year; ``problem`` for a date that does not exist.
    ``role`` is what the word before it says it dates: start, end, point or "" (none).
    ``bare`` marks a year written alone, which dates only where a word or the parse says so."""

    start: int
    end: int
    text: str
    when: When | None = None
    relative: Relative | None = None
    month: int | None = None
    day: int | None = None
    role: str = ""
    bare: bool = False
    problem: str | None = None

    def resolve(self, base: When | None) -> When | None:
        """The date the expression names, read against ``base`` (the document's date) where
        it needs one; None when it cannot be told.

        >>> [e.resolve(When("2021-03-05")).value for e in find_times("on Tuesday, last year, el pasado viernes")]
        ['2021-03-02', '2020', '2021-02-26']
        """
        if self.when is not None or self.problem is not None:
            return self.when
        if base is None:
            return None
        if self.relative is not None:
            return _relative(self.relative, base)
        if self.month is not None:
            return _yearless(self.month, self.day, base)
        return None


def _relative(rel: Relative, base: When) -> When | None:
    if rel.unit == "year":
        return When.of(base.year + rel.offset)
    if rel.unit == "month" and base.month is not None:
        months = base.year * 12 + base.month - 1 + rel.offset
        return When.of(months // 12, months % 12 + 1)
    if base.grain != "day":
        return None
    day = base.first()
    if rel.unit == "day":
        return When((day + timedelta(days=rel.offset)).isoformat())
    if rel.unit == "weekday" and rel.weekday is not None:
        back = (day.weekday() - rel.weekday) % 7
        if back == 0 and rel.offset < 0:
            back = 7
        return When((day - timedelta(days=back)).isoformat())
    return None


def _yearless(month: int, day: int | None, base: When) -> When | None:
    """A month (and day) without a year: the last one on or before the document's date
    (None when the document's date cannot tell which year)."""
    if base.month is None:
        return None
    year = base.year if month < base.month else base.year - 1
    if month == base.month:
        if day is not None and base.grain != "day":
            return None
        year = base.year if day is None or day <= int(base.value[8:10]) else base.year - 1
    try:
        return When.of(year, month, day)
    except ValueError:
        return None


def _alternation(words) -> str:
    """The words as one alternation, the longer first at a place (as a trie of letters: the
    month names are tried at every word of every dated sentence)."""
    return trie_alternation(set(words))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = time_words()
    month = _alternation(words.months)
    full = _alternation(words.full_months)
    weekday = _alternation(words.weekdays)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º|°)?"
    lead = rf"(?:(?:{weekday})\.?,?\s+)?"
    year = rf"(?P<year>{YEARS})"
    flags = re.I
    return (
        ("date", re.compile(rf"\b{lead}(?P<month>{month})\.?\s+{day},?\s+{year}\b", flags)),
        ("date", re.compile(rf"\b{lead}{day}\s+(?:de\s+)?(?P<month>{month})\.?,?\s+(?:de(?:l)?\s+)?{year}\b", flags)),
        ("date", re.compile(rf"\b{year}-(?P<mm>[01]\d)-{day}\b")),
        ("month", re.compile(rf"\b(?P<month>{month})\.?,?\s+(?:of\s+|de\s+|del\s+)?{year}\b", flags)),
        ("yearless", re.compile(rf"\b{lead}(?P<month>{month})\.?\s+{day}\b(?![,.]?\s*\d)", flags)),
        ("yearless", re.compile(rf"\b{lead}{day}\s+de\s+(?P<month>{full})\b", flags)),
        ("month-alone", re.compile(rf"\b(?P<month>{full})\b", flags)),
        ("year", re.compile(rf"(?<![\w$#.,/(])(?<!\d-){year}(?![\w%]|[-/.,]\d)")),
    )


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(r.phrase for r in time_words().relative)})(?!\w)", re.I)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=\W))(?P<cue>{_alternation(time_words().cues)})[\s\-]+$", re.I)


def _cue(text: str, start: int) -> str:
    """The role the words just before ``start`` give a time expression ("since" -> start)."""
    match = _cue_pattern().search(text[max(0, start - 30):start])
    return time_words().cues[match.group("cue").casefold()] if match else ""


def _expression(kind: str, match: re.Match[str], text: str, words: TimeWords) -> TimeExpression | None:
    groups = match.groupdict()
    role = _cue(text, match.start())
    where = (match.start(), match.end(), match.group(0))
    if kind == "year":
        return TimeExpression(*where, when=When.of(int(groups["year"])), role=role, bare=True)
    number = int(groups["mm"]) if groups.get("mm") else words.months[groups["month"].casefold()]
    if kind in ("yearless", "month-alone") and len(groups["month"]) < 4 and groups["month"].islower():
        return None  # "may 5": a short form in lower case is a word, not a month
    if kind == "month-alone":  # "in March", "desde marzo": only after a word that dates
        return TimeExpression(*where, month=number, role=role) if role else None
    day = int(groups["day"]) if groups.get("day") else None
    try:
        if kind == "yearless":
            When.of(2000, number, day)  # a leap year: "February 29" may exist
            return TimeExpression(*where, month=number, day=day, role=role)
        return TimeExpression(*where, when=When.of(int(groups["year"]), number, day), role=role)
    except ValueError:
        return TimeExpression(*where, role=role, problem=f"no such date: {match.group(0)!r}")


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeExpression]:
    """The time expressions in ``text[start:end]`` (offsets in ``text``), in order; where
    two overlap, the longer one.

    >>> [(e.text, e.when and e.when.value, e.role) for e in find_times("It has worked with X since 2011 and ended it in February 2020.")]
    [('2011', '2011', 'start'), ('February 2020', '2020-02', 'point')]
    >>> find_times("el 15 de septiembre de 2020")[0].when
    When(value='2020-09-15')
    >>> find_times("on February 30, 2020")[0].problem
    "no such date: 'February 30, 2020'"
    """
    end = len(text) if end is None else end
    words = time_words()
    found: list[TimeExpression] = []
    digits = _DIGIT.search(text, start, end) is not None
    for kind, pattern in _patterns():
        if not digits and kind != "month-alone":
            continue  # every other pattern holds a day or a year in digits: spare its month alternation
        for match in pattern.finditer(text, start, end):
            expression = _expression(kind, match, text, words)
            if expression is not None:
                found.append(expression)
    for match in _relative_pattern().finditer(text, start, end):
        phrase = next(r for r in words.relative if r.phrase == match.group(0).casefold())
        found.append(TimeExpression(match.start(), match.end(), match.group(0), relative=phrase,
                                    role=_cue(text, match.start())))
    # a date written out beats a phrase read against the document ("on Tuesday, May 12, 2015"),
    # a longer expression a shorter one
    found.sort(key=lambda e: (e.relative is not None, -(e.end - e.start), e.start))
    kept: list[TimeExpression] = []
    for expression in found:
        if not any(expression.start < k.end and k.start < expression.end for k in kept):
            kept.append(expression)
    return sorted(kept, key=lambda e: e.start)
