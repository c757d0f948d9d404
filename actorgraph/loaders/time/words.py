"""The words of time of every language pack (``loaders/lang/<code>/``): month and weekday
names, phrases dated against the document ("last year", "el pasado martes"), the words
before a date that say what it dates ("since", "hasta"), the verbs that start or end a
relation, the words that say it has ended ("no longer"), the labels of a date line and
the auxiliaries of a future clause. Nothing here names a language: every pack that has a
file is read, and a text is read with the words of them all (a Spanish report quotes an
English date line)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from actorgraph.loaders.lang import LanguagePack, all_packs, registry_version


@dataclass(frozen=True, slots=True)
class Relative:
    """A phrase that dates against the document's date: ``unit`` is year, month, day or
    weekday; ``offset`` counts units back (a weekday: 0 the last such day on or before the
    document's date, -1 the last one before it). ``weekday`` is 0 (Monday) to 6 for a
    weekday phrase."""

    phrase: str
    unit: str
    offset: int
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class TimeWords:
    months: dict[str, int]            # every month name and short form -> 1..12
    full_months: frozenset[str]       # the forms that are whole names ("march", not "mar")
    weekdays: dict[str, int]          # every weekday name and short form -> 0 (Monday)..6
    relative: tuple[Relative, ...]    # longest phrase first
    cues: dict[str, str]              # "since" -> start, "until" -> end, "in" -> point
    verbs: dict[str, str]             # lemma -> start | end
    ended: tuple[str, ...]            # "no longer"
    labels: frozenset[str]            # "date", "published"
    future: frozenset[str]            # "will", "would"


def _numbered(pack: LanguagePack, name: str) -> list[tuple[int, list[str]]]:
    return [(number, line.casefold().split()) for number, line in enumerate(pack.lines(name))]


def time_words() -> TimeWords:
    """The words of time of every registered language pack, read once (again when a
    language is registered).

    >>> words = time_words()
    >>> words.months["marzo"], words.weekdays["tuesday"], words.cues["since"]
    (3, 1, 'start')
    """
    return _time_words(registry_version())


@lru_cache(maxsize=4)
def _time_words(version: int) -> TimeWords:
    months: dict[str, int] = {}
    full: set[str] = set()
    weekdays: dict[str, int] = {}
    relative: list[Relative] = []
    cues: dict[str, str] = {}
    verbs: dict[str, str] = {}
    ended: list[str] = []
    labels: set[str] = set()
    future: set[str] = set()
    for pack in all_packs():
        for number, forms in _numbered(pack, "months"):
            for form in forms:
                months.setdefault(form, number + 1)
            full.update(f for i, f in enumerate(forms) if i == 0 or len(f) >= 5)
        for number, forms in _numbered(pack, "weekdays"):
            for form in forms:
                weekdays.setdefault(form, number)
        names = [(forms, number) for number, forms in _numbered(pack, "weekdays")]
        for row in pack.rows("time_relative.csv"):
            phrase = row["phrase"].casefold()
            if "{weekday}" in phrase:  # one phrase per whole weekday name of the same pack
                relative += [Relative(phrase.format(weekday=forms[0]), row["unit"], int(row["offset"]), number)
                             for forms, number in names]
            else:
                relative.append(Relative(phrase, row["unit"], int(row["offset"])))
        cues.update({r["word"].casefold(): r["role"] for r in pack.rows("time_cues.csv")})
        verbs.update({r["lemma"].casefold(): r["role"] for r in pack.rows("time_verbs.csv")})
        ended += [w.casefold() for w in pack.lines("time_ended")]
        labels.update(w.casefold() for w in pack.lines("time_labels"))
        future.update(w.casefold() for w in pack.lines("time_future"))
    relative.sort(key=lambda r: -len(r.phrase))
    return TimeWords(months, frozenset(full), weekdays, tuple(relative), cues, verbs, tuple(dict.fromkeys(ended)),
                     frozenset(labels), frozenset(future))
