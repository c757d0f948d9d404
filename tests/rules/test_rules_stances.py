"""Stances (rules.stance.*, and the stance rows of frames.csv) on invented sentences: protesting
what was done to someone stands with them; accusing an institution opposes it; applauding
or praising supports."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"
ALLIANCE = "Riverside Workers Alliance"

spanish = pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed "
                                                                  "(actorgraph models install es)")


def _with(triples: dict, *predicates: str) -> list:
    """The triples of these predicates."""
    return [t for t in triples if t[1] in predicates]


def _by(triples: dict, extractor: str) -> list:
    """The triples a rule made."""
    return [t for t, r in triples.items() if r.evidence.extractor == extractor]


@pytest.mark.parametrize("text, people", [
    ("The Riverside Workers Alliance protested Marco Ibarra's deportation.", {"Marco Ibarra"}),
    ("The Riverside Workers Alliance rallied outside the Pinecrest Detention Center to protest the arrest of "
     "Marco Ibarra.", {"Marco Ibarra"}),
    ("After Marco Ibarra and Lena Ortiz were detained, the Riverside Workers Alliance rallied to protest their arrests.",
     {"Marco Ibarra", "Lena Ortiz"}),
])
def test_protesting_an_arrest_supports_who_was_arrested(nlp, text, people):
    triples = triples_of(nlp, text)
    assert {o for s, p, o in triples if s == ALLIANCE and p == "supports"} == people, sorted(triples)
    assert not [t for t in triples if t[1] == "opposes" and t[2] in people], sorted(triples)
    assert all(r.evidence.extractor == "rules.stance.undergoer.v1" for t, r in triples.items() if t[1] == "supports")


def test_condemning_a_detention_by_an_agency_opposes_it_and_supports_the_detained(nlp):
    triples = triples_of(nlp, "The Riverside Workers Alliance condemned the detention of Marco Ibarra by ICE.")
    assert {(ALLIANCE, "opposes", ICE), (ALLIANCE, "supports", "Marco Ibarra")} <= set(triples), sorted(triples)
    assert (ALLIANCE, "opposes", "Marco Ibarra") not in triples


@pytest.mark.parametrize("text", [
    "The Riverside Workers Alliance did not protest the arrest of Marco Ibarra.",  # negated
    "ICE defended the arrest of Marco Ibarra.",                                   # no verb of opposing
    "The Riverside Workers Alliance condemned the killing of Marco Ibarra by ICE.",  # a killing: no one to free
    "The Riverside Workers Alliance protested the arrest of protesters after Marco Ibarra spoke.",  # not his arrest
])
def test_no_support_without_a_protested_custody_of_a_named_person(nlp, text):
    triples = triples_of(nlp, text)
    assert not _with(triples, "supports"), sorted(triples)


def test_accusing_an_agency_opposes_it(nlp):
    triples = triples_of(nlp, "Lena Ortiz accused ICE of lying to the public.")
    assert triples[("Lena Ortiz", "opposes", ICE)].evidence.extractor == "rules.stance.accuse.v1"


@pytest.mark.parametrize("text", [
    "Prosecutors accused Lena Ortiz of smuggling.",                     # a person accused is no stance
    "The Greenfield County Sheriff's Office accused Lena Ortiz of lying.",
    "Lena Ortiz did not accuse ICE of lying.",
    "The state sued Harbor Analytics, accusing the company of selling data to ICE.",  # the suit's claims
])
def test_accusations_that_state_no_stance(nlp, text):
    triples = triples_of(nlp, text)
    assert not _with(triples, "opposes"), sorted(triples)


@pytest.mark.parametrize("text, expected", [
    ("Sheriff Tom Brody applauded the 287(g) agreement.", ("Tom Brody", "supports", "287(g) program")),
    ("The Eastside Neighbors Union praised the Riverside Workers Alliance.",
     ("Eastside Neighbors Union", "supports", ALLIANCE)),
])
def test_applauding_or_praising_supports(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_praise_denied_states_nothing(nlp):
    triples = triples_of(nlp, "The Eastside Neighbors Union never praised ICE.")
    assert not _with(triples, "supports"), sorted(triples)


COALITION = "Coalición de Trabajadores del Valle"


@spanish
@pytest.mark.parametrize("text", [
    "La Coalición de Trabajadores del Valle protestó contra la deportación de Marco Ibarra.",
    "La Coalición de Trabajadores del Valle condenó el arresto de Marco Ibarra por parte de ICE.",
])
def test_spanish_protesting_a_deportation_supports_who_was_deported(nlp, text):
    triples = triples_of(nlp, text)
    assert (COALITION, "supports", "Marco Ibarra") in triples, sorted(triples)
    assert (COALITION, "opposes", "Marco Ibarra") not in triples


@spanish
@pytest.mark.parametrize("text", [
    "La Coalición de Trabajadores del Valle no condenó la detención de Marco Ibarra.",
    "La Coalición de Trabajadores del Valle condenó el tiroteo de Marco Ibarra a manos de ICE.",
])
def test_spanish_no_support_when_denied_or_not_a_custody(nlp, text):
    triples = triples_of(nlp, text)
    assert not _with(triples, "supports"), sorted(triples)


@spanish
def test_spanish_accusing_an_agency_opposes_it(nlp):
    triples = triples_of(nlp, "La Coalición de Trabajadores del Valle acusó a ICE de mentir.")
    assert triples[(COALITION, "opposes", ICE)].evidence.extractor == "rules.stance.accuse.v1"


@spanish
@pytest.mark.parametrize("text", [
    "El fiscal demandó a la empresa Sendero Correccional, acusándola de abusos.",
    "La fiscalía acusó a Marco Ibarra de contrabando.",
])
def test_spanish_accusations_that_state_no_stance(nlp, text):
    triples = triples_of(nlp, text)
    assert not _with(triples, "opposes"), sorted(triples)


@pytest.mark.parametrize("text, expected", [
    ("Lena Ortiz, an outspoken critic of ICE, spoke on Monday.", ("Lena Ortiz", "opposes", ICE)),
    ("Senator Lena Ortiz, the sponsor of the Safe Homes Act, spoke on Monday.", ("Lena Ortiz", "supports", "Safe Homes Act")),
    ("The Eastside Neighbors Union, a longtime foe of the Harlan County Sheriff's Office, held a rally.",
     ("Eastside Neighbors Union", "opposes", "Harlan County Sheriff's Office")),
])
def test_a_stance_noun_in_apposition_gives_the_name_its_stance(nlp, text, expected):
    triples = triples_of(nlp, text)
    assert triples[expected].evidence.extractor == "rules.stance.apposition.v1", sorted(triples)


def test_a_role_in_apposition_is_no_stance(nlp):
    triples = triples_of(nlp, "Lena Ortiz, a spokeswoman for ICE, spoke on Monday.")
    assert not _with(triples, "opposes", "supports"), sorted(triples)


@pytest.mark.parametrize("text, expected", [
    ("The Eastside Neighbors Union joined immigrant rights activists today at a press conference and rally held to "
     "denounce the recent targeting of organizers by ICE.", ("Eastside Neighbors Union", "opposes", ICE)),
    ("Lena Ortiz spoke at a rally organized to protest the Harlan County Sheriff's Office.",
     ("Lena Ortiz", "opposes", "Harlan County Sheriff's Office")),
    ("The Eastside Neighbors Union spoke at a meeting held to support the Riverside Workers Alliance.",
     ("Eastside Neighbors Union", "supports", ALLIANCE)),
])
def test_who_joins_a_gathering_held_for_a_stance_takes_it(nlp, text, expected):
    triples = triples_of(nlp, text)
    assert triples[expected].evidence.extractor == "rules.stance.gathering.v1", sorted(triples)


@pytest.mark.parametrize("text", [
    "Lena Ortiz did not attend the rally held to protest the Harlan County Sheriff's Office.",
    "Lena Ortiz criticized the rally held to protest the Harlan County Sheriff's Office.",
])
def test_no_stance_from_a_gathering_one_did_not_join(nlp, text):
    triples = triples_of(nlp, text)
    assert ("Lena Ortiz", "opposes", "Harlan County Sheriff's Office") not in triples, sorted(triples)


@spanish
@pytest.mark.parametrize("text, expected", [
    ("El senador Mario Quiroga, crítico de ICE desde hace años, habló en la marcha.", ("Mario Quiroga", "opposes", ICE)),
    ("La Coalición de Trabajadores del Valle, aliada de la Red de Defensa Migrante, convocó la marcha.",
     (COALITION, "supports", "Red de Defensa Migrante")),
])
def test_spanish_a_stance_noun_set_off_after_a_name(nlp, text, expected):
    assert triples_of(nlp, text)[expected].evidence.extractor == "rules.stance.apposition.v1"


@spanish
def test_spanish_who_speaks_at_a_gathering_called_for_a_stance_takes_it(nlp):
    sheriff = "Pinal County Sheriff's Office"
    said = triples_of(nlp, "Lena Ortiz habló en una concentración convocada para denunciar a la Oficina del Alguacil del "
                           "Condado Pinal.")
    assert said[("Lena Ortiz", "opposes", sheriff)].evidence.extractor == "rules.stance.gathering.v1"
    denied = triples_of(nlp, "Lena Ortiz no habló en la concentración convocada para denunciar a la Oficina del Alguacil "
                             "del Condado Pinal.")
    assert ("Lena Ortiz", "opposes", sheriff) not in denied


def test_who_acts_on_a_gathering_otherwise_takes_no_stance(nlp):
    triples = triples_of(nlp, "Deputies of the Harlan County Sheriff's Office arrested Lena Ortiz at a rally held to protest ICE.")
    assert not _with(triples, "opposes"), sorted(triples)


def test_a_plural_possessive_needs_more_than_one_person_detained_before_it(nlp):
    triples = triples_of(nlp, "After Marco Ibarra was detained, the Riverside Workers Alliance rallied to protest their arrests.")
    assert not _with(triples, "supports"), sorted(triples)


@pytest.mark.parametrize("text", [
    "Senator John Hale, a former sponsor of the Safe Homes Act, now opposes it.",      # no longer holds
    "Governor Tom Reed, once a vocal critic of ICE, toured the facility on Monday.",  # no longer holds
    "Maria Lopez, the reigning champion of Texas, spoke to reporters.",               # no stance noun, a place
])
def test_apposition_that_no_longer_holds_or_names_no_stance(nlp, text):
    triples = triples_of(nlp, text)
    assert not _by(triples, "rules.stance.apposition.v1"), sorted(triples)


@spanish
def test_spanish_apposition_that_no_longer_holds(nlp):
    triples = triples_of(nlp, "El alcalde Juan Pérez, antiguo aliado de la Coalición Santuario del Valle, habló el lunes.")
    assert not _by(triples, "rules.stance.apposition.v1"), sorted(triples)


def test_calling_a_rally_something_is_not_joining_it(nlp):
    triples = triples_of(nlp, "Sheriff Dan Moore called the rally held to denounce ICE a publicity stunt.")
    assert not _with(triples, "opposes", "supports"), sorted(triples)


def test_an_agency_charging_a_company_takes_no_stance(nlp):
    triples = triples_of(nlp, "The Department of Justice accused Acme Foods Inc. of hiring workers off the books.")
    assert not _with(triples, "opposes"), sorted(triples)
