"""Time expressions and document dates (actorgraph.loaders.time), on invented text."""

from datetime import date

import pytest

from actorgraph.loaders.time.documents import dateline, document_date
from actorgraph.loaders.time.expressions import When, find_times

BASE = When("2021-03-05")  # a Friday


@pytest.mark.parametrize("text, value, role", [
    ("signed in April 2017", "2017-04", "point"),
    ("has collaborated with the agency since 2011", "2011", "start"),
    ("until June 5, 2018", "2018-06-05", "end"),
    ("el 15 de septiembre de 2020", "2020-09-15", "point"),
    ("desde marzo de 2019", "2019-03", "start"),
    ("hasta 2020", "2020", "end"),
    ("on 2019-11-02", "2019-11-02", "point"),
    ("in mid-2019", "2019", "point"),
    ("Dec. 31, 2019, 9:32 AM", "2019-12-31", ""),
])
def test_time_expressions_written_out(text, value, role):
    (found,) = find_times(text)
    assert (found.resolve(None), found.role) == (When(value), role)


@pytest.mark.parametrize("text, value", [
    ("on Tuesday", "2021-03-02"),
    ("on Friday", "2021-03-05"),           # the day of the document itself
    ("last Friday", "2021-02-26"),         # the one before it
    ("el pasado martes", "2021-03-02"),
    ("el martes pasado", "2021-03-02"),
    ("last year", "2020"),
    ("el año pasado", "2020"),
    ("last month", "2021-02"),
    ("yesterday", "2021-03-04"),
    ("ayer", "2021-03-04"),
    ("on May 12", "2020-05-12"),           # after the document's day: the year before
    ("el 2 de marzo", "2021-03-02"),
    ("since January", "2021-01"),
])
def test_time_relative_expressions_read_against_the_document(text, value):
    (found,) = find_times(text)
    assert found.resolve(BASE) == When(value)
    assert found.resolve(None) is None  # no document date: nothing is guessed


@pytest.mark.parametrize("text", ["ICE detained 2500 people", "Form I-247 of 2017-2018", "the 1990s", "$2019",
                                  "the protesters may 5 times", "she will march"])
def test_time_no_date_in_counts_and_words(text):
    assert [e.when for e in find_times(text) if e.when and not e.bare] == []
    assert not [e for e in find_times(text) if e.month is not None]


@pytest.mark.parametrize("text", ["on February 30, 2020", "el 31 de abril de 2019"])
def test_time_impossible_date_is_a_problem_not_a_crash(text):
    (found,) = find_times(text)
    assert found.problem and found.resolve(BASE) is None


@pytest.mark.parametrize("text, expected", [
    ("RIVERTON, Ore., June 5, 2018 — The county voted to end its contract.", "2018-06-05"),
    ("A headline\nBy A. Writer\nJune 30, 2025 at 10:33 PM EDT\n\nThe council voted.", "2025-06-30"),
    ("FOR IMMEDIATE RELEASE\n\nDate: June 19, 2013\nContact: press office\n\nThe groups filed suit.", "2013-06-19"),
    ("Title\n\nSeptember 14, 2020, New York/Chicago – Three groups asked for records.", "2020-09-14"),
    ("Titular\n\nNueva York, EU, 2 de junio de 2025.- Un grupo se reunió.", "2025-06-02"),
    ("Titular\n\n15 de septiembre de 2020\n\nEl concejo votó.", "2020-09-15"),
    ("Report\nMarch 2020\n\nThe county signed.", "2020-03"),
    ("ICE has reported 68 deaths since January 1, 2017. Others died after release.", None),
    ("Photo: officers in Los Angeles on Oct. 14, 2015. Getty Images\n\nThe ACLU urged police.", None),
    ("LOS ANGELES, July 25— The raids went on.", None),   # no year: no date
    ("RIVERTON, February 30, 2020 — The county voted.", None),
    ("RIVERTON, June 5, 2099 — The county voted.", None),  # after today
])
def test_time_document_date_from_the_top_of_the_text(text, expected):
    assert dateline(text, latest=date(2030, 1, 1)) == expected


def test_time_document_date_prefers_metadata_and_says_how():
    text = "RIVERTON, June 5, 2018 — The county voted."
    assert document_date(text, "2018-06-06", "metadata") == ("2018-06-06", "metadata")
    assert document_date(text, "2018-06-07T10:00:00+00:00", "feed") == ("2018-06-07T10:00:00+00:00", "feed")
    assert document_date(text) == ("2018-06-05", "dateline")
    assert document_date("The county voted on Tuesday.") == (None, None)  # never the day it was read
