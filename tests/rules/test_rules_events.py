"""Events (rules.event.roles.v1, rules.event.attendees.v1, rules.event.place.v1,
rules.event.raid_sites.v1): who took part in an event the text delimits, where it took place,
and what the agencies of a raid raided; in English and in Spanish."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available
from actorgraph.loaders.pipeline import extract, make_document

ICE = "U.S. Immigration and Customs Enforcement"
spanish = pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")


def _events(nlp, text):
    return {e.label for e in extract(make_document(text, "t.txt"), nlp).entities if e.cls == "Event"}


def _taking_part(nlp, text):
    return {(s, o) for s, p, o in triples_of(nlp, text) if p == "participatedIn"}


def test_who_held_an_event_took_part_in_it_and_its_site_is_its_place(nlp):
    triples = triples_of(nlp, "The Harbor Workers Alliance held a vigil outside the Harbor County Jail on Friday.")
    event = "vigil outside the Harbor County Jail (Friday)"
    assert ("Harbor Workers Alliance", "participatedIn", event) in triples
    assert (event, "locatedIn", "Harbor County Jail") in triples


def test_every_group_of_a_list_that_took_part_in_the_march(nlp):
    text = ("Springdale, Ohio — The Riverside Tenants Union held a march on Saturday. The Harbor Workers Alliance, "
            "the Valley Faith Coalition and the Ribera Food Bank took part in the march.")
    [event] = _events(nlp, text)
    assert {"Riverside Tenants Union", "Harbor Workers Alliance", "Valley Faith Coalition",
            "Ribera Food Bank"} <= {s for s, o in _taking_part(nlp, text) if o == event}


def test_who_also_took_part_in_the_event_just_told_of(nlp):
    text = "Springdale, Ohio — The Harbor Workers Alliance held a vigil on Friday. The Valley Faith Coalition also took part."
    assert ("Valley Faith Coalition", "vigil in Springdale (Friday)") in _taking_part(nlp, text)


def test_a_verb_that_only_looks_like_taking_part_gives_no_participant(nlp):
    text = ("The Harbor Workers Alliance held a vigil outside the Harbor County Jail on Friday. Conditions have "
            "worsened since Sendero Corrections took over its management.")
    assert not any(s == "Sendero Corrections" for s, _ in _taking_part(nlp, text))


def test_the_agency_of_a_raid_took_part_and_raided_the_site(nlp):
    triples = triples_of(nlp, "ICE agents conducted a raid at Lakeview Fittings LLC in Springdale on March 4.")
    assert (ICE, "participatedIn", "raid at Lakeview Fittings LLC (March 4)") in triples
    assert (ICE, "raided", "Lakeview Fittings LLC") in triples


def test_a_negated_or_generic_event_gives_no_participant(nlp):
    text = ("The Harbor Workers Alliance did not hold a vigil outside the Harbor County Jail. "
            "Raids have become common in Springdale.")
    assert not _taking_part(nlp, text)


@spanish
def test_rules_event_spanish_participants_of_a_march_and_its_place(nlp):
    text = ("La Coalición de Trabajadores del Valle convocó una marcha frente al Centro de Detención de Valleverde "
            "el sábado 3 de mayo. En la marcha participaron la Red de Fe del Valle y el Sindicato de Inquilinos de Ribera.")
    event = "marcha frente al Centro de Detención de Valleverde (sábado 3 de mayo)"
    triples = triples_of(nlp, text)
    assert {("Coalición de Trabajadores del Valle", event), ("Red de Fe del Valle", event),
            ("Sindicato de Inquilinos de Ribera", event)} <= _taking_part(nlp, text)
    assert (event, "locatedIn", "Valleverde Detention Center") in triples


@spanish
def test_rules_event_spanish_a_raid_and_la_redada(nlp):
    text = "ICE realizó una redada en Muebles Ribera S.A. el martes 4 de marzo. La redada dejó 30 detenidos."
    triples = triples_of(nlp, text)
    assert (ICE, "participatedIn", "redada en Muebles Ribera S.A. (martes 4 de marzo)") in triples
    assert (ICE, "raided", "Muebles Ribera S.A.") in triples


@spanish
def test_rules_event_spanish_negated_or_generic_gives_nothing(nlp):
    text = ("La Coalición de Trabajadores del Valle no convocó ninguna marcha frente al Centro de Detención de "
            "Valleverde. Cualquier redada causa miedo en Ribera.")
    assert not _events(nlp, text)
    assert not _taking_part(nlp, text)
