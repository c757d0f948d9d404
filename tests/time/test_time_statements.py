"""Dated statements: the time a sentence gives a relation, on invented sentences in English
and Spanish (the Spanish ones need the optional Spanish pipeline, which CI installs)."""

from dataclasses import replace

import pytest

from actorgraph.loaders.nlp import pipeline_available
from actorgraph.loaders.pipeline import extract, make_document

ICE = "U.S. Immigration and Customs Enforcement"
SPANISH = pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")


def dated(nlp, text: str, created: str | None = "2021-03-05"):
    """(subject, predicate, object) -> (since, until, as of, ended) of an invented text
    written on ``created`` (a Friday), and the extraction's warnings."""
    ex = extract(replace(make_document(text, "invented.txt"), created=created), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    return {(labels[r.subject], r.predicate, labels[r.object]): (r.evidence.since, r.evidence.until, r.evidence.as_of,
                                                                 r.evidence.ended)
            for r in ex.relations}, ex.warnings


@pytest.mark.parametrize("text, triple, expected", [
    # a point, a start, an end, each hung on the relation's clause
    ("The Marlow County Sheriff's Office signed an agreement with ICE in April 2017.",
     ("Marlow County Sheriff's Office", "collaboratesWith", ICE), ("2017-04", None, None, False)),
    ("The Riverton Police Department has collaborated with ICE since 2011.",
     ("Riverton Police Department", "collaboratesWith", ICE), ("2011", None, None, False)),
    ("The Marlow County Sheriff's Office ended its agreement with ICE in February 2020.",
     ("Marlow County Sheriff's Office", "collaboratesWith", ICE), (None, "2020-02", None, True)),
    ("The Oakdale Police Department shared driver data with ICE from 2015 until 2019.",
     ("Oakdale Police Department", "sharedDataWith", ICE), ("2015", "2019", None, True)),
    ("The Riverton Police Department began sharing data with ICE in 2015.",
     ("Riverton Police Department", "sharedDataWith", ICE), ("2015", None, None, False)),
    # ended without a date of its own: when it was stated (the document's date)
    ("The Marlow County Sheriff's Office terminated its contract with ICE.",
     ("Marlow County Sheriff's Office", "contractsWith", ICE), (None, "2021-03-05", None, True)),
    ("The Riverton Police Department no longer shares data with ICE.",
     ("Riverton Police Department", "sharedDataWith", ICE), (None, "2021-03-05", None, True)),
    # relative dates read against the document's date
    ("On Tuesday, the Oakdale Police Department shared license plate data with ICE.",
     ("Oakdale Police Department", "sharedDataWith", ICE), (None, None, "2021-03-02", False)),
    ("The Oakdale Police Department shared license plate data with ICE last year.",
     ("Oakdale Police Department", "sharedDataWith", ICE), (None, None, "2020", False)),
    # a date in a clause of its own is another statement's
    ("The Marlow County Sheriff's Office, which was founded in 1990, shares data with ICE.",
     ("Marlow County Sheriff's Office", "sharedDataWith", ICE), (None, None, None, False)),
    # a demand to end it, a refusal, a future: nothing has ended, nothing is dated
    ("Advocates urged the Oakdale Police Department to end its contract with ICE.",
     ("Oakdale Police Department", "contractsWith", ICE), (None, None, None, False)),
    ("The Oakdale Police Department will share license plate data with ICE on Tuesday.",
     ("Oakdale Police Department", "sharedDataWith", ICE), (None, None, None, False)),
    # ending a program is the verb's own statement (opposes), not the end of one
    ("The Marlow County Sheriff's Office ended the Secure Communities program in 2019.",
     ("Marlow County Sheriff's Office", "opposes", "Secure Communities"), (None, None, "2019", False)),
])
def test_time_statements_english(nlp, text, triple, expected):
    found, warnings = dated(nlp, text)
    assert found[triple] == expected
    assert warnings == ()


def test_time_statements_never_guess_without_a_document_date(nlp):
    found, _ = dated(nlp, "On Tuesday, the Oakdale Police Department shared license plate data with ICE.", None)
    assert found[("Oakdale Police Department", "sharedDataWith", ICE)] == (None, None, None, False)
    found, _ = dated(nlp, "The Riverton Police Department no longer shares data with ICE.", None)
    assert found[("Riverton Police Department", "sharedDataWith", ICE)] == (None, None, None, True)


def test_time_statements_impossible_date_is_a_warning(nlp):
    found, warnings = dated(nlp, "The Oakdale Police Department shared license plate data with ICE on February 30, 2020.")
    assert found[("Oakdale Police Department", "sharedDataWith", ICE)] == (None, None, None, False)
    assert warnings == ("no such date: 'February 30, 2020' (left undated)",)


@SPANISH
@pytest.mark.parametrize("text, triple, expected", [
    ("El pasado martes, la Oficina del Alguacil del Condado Pinal compartió datos con ICE.",
     ("Pinal County Sheriff's Office", "sharedDataWith", ICE), (None, None, "2021-03-02", False)),
    ("La Oficina del Alguacil del Condado Pinal colabora con ICE desde 2011.",
     ("Pinal County Sheriff's Office", "collaboratesWith", ICE), ("2011", None, None, False)),
    ("La Oficina del Alguacil del Condado Pinal terminó su contrato con ICE en marzo de 2019.",
     ("Pinal County Sheriff's Office", "contractsWith", ICE), (None, "2019-03", None, True)),
    ("El año pasado, la Oficina del Alguacil del Condado Pinal entregó datos a ICE.",
     ("Pinal County Sheriff's Office", "sharedDataWith", ICE), (None, None, "2020", False)),
    ("El 15 de septiembre de 2020, la Oficina del Alguacil del Condado Pinal compartió datos con ICE.",
     ("Pinal County Sheriff's Office", "sharedDataWith", ICE), (None, None, "2020-09-15", False)),
])
def test_time_statements_spanish(nlp, text, triple, expected):
    found, _ = dated(nlp, text)
    assert found[triple] == expected
