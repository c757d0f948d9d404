"""Passives and participles (rules.frame.verb): the agent of a passive shared across
coordinated verbs, participles modifying a noun that stands beside a name ("X, a man held at
Y"), where someone is held when the place hangs on a noun ("held in detention at Y"), and the
verbs of moving someone into custody. Invented sentences."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    # the agent hangs on the last of the coordinated verbs
    ("Ana Ruiz was arrested and detained by ICE on Monday.", (ICE, "arrested", "Ana Ruiz")),
    # the agent hangs on the first, and the second is tagged as a past tense
    ("Ana Ruiz was tailed by ICE and detained at a grocery store.", (ICE, "arrested", "Ana Ruiz")),
    # two agents, conjoined
    ("Ana Ruiz was arrested by ICE and the Pima County Sheriff's Office.",
     ("Pima County Sheriff's Office", "arrested", "Ana Ruiz")),
])
def test_rules_passive_agent_across_coordination(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # a clause of its own: Juan's detention has no agent
    ("Ana Ruiz was arrested by ICE, and Juan Ortega was released on Tuesday.", (ICE, "arrested", "Juan Ortega")),
    # an active verb after a passive one is no passive
    ("Ana Ruiz was questioned by ICE and then arrested Juan Ortega.", (ICE, "arrested", "Juan Ortega")),
])
def test_rules_passive_agent_stays_in_its_clause(nlp, text, absent):
    assert absent not in triples_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Tomas Reyes, a 40-year-old man held at the Valleverde Detention Center, died on Tuesday.",
     ("Tomas Reyes", "detainedAt", "Valleverde Detention Center")),
    ("Tomas Reyes, a 40-year-old man held in immigration detention at the Valleverde Detention Center, died.",
     ("Tomas Reyes", "detainedAt", "Valleverde Detention Center")),
    ("Tomas Reyes and Ana Ruiz have been held as pretrial detainees in the Pima County Jail since November.",
     ("Ana Ruiz", "detainedAt", "Pima County Jail")),
    ("Tomas Reyes was sent to the Valleverde Detention Center.", ("Tomas Reyes", "detainedAt", "Valleverde Detention Center")),
    ("ICE agents took Tomas Reyes to the Valleverde Detention Center.",
     ("Tomas Reyes", "detainedAt", "Valleverde Detention Center")),
    ("Tomas Reyes was booked into the Pima County Jail on Friday.", ("Tomas Reyes", "detainedAt", "Pima County Jail")),
])
def test_rules_participle_and_custody_verbs_give_the_facility(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Tomas Reyes, a 40-year-old man who visited the Valleverde Detention Center, died on Tuesday.",
    "Tomas Reyes, a lawyer held in high regard at the Valleverde Law Center, spoke on Tuesday.",
    "Tomas Reyes sent a letter to the Valleverde Detention Center.",
])
def test_rules_no_detention_without_custody(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "detainedAt"]


@pytest.mark.parametrize("text, expected", [
    ("GEO Group, a company hired by ICE, runs the Valleverde Detention Center.", ("GEO Group", "contractsWith", ICE)),
    ("ICE hired Plateview Solutions to scan license plates.", ("Plateview Solutions", "contractsWith", ICE)),
    ("ICE issued a deportation notice to Tomas Reyes in March.", (ICE, "targets", "Tomas Reyes")),
])
def test_rules_participles_of_hiring_and_notices(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_hiring_a_person_is_no_contract(nlp):
    found = triples_of(nlp, "The Pima County Sheriff's Office hired Tomas Reyes as a deputy in 2019.")
    assert not [t for t in found if t[1] == "contractsWith"]


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_rules_passive_spanish_agent(nlp):
    found = triples_of(nlp, "Ana Ruiz fue detenida por ICE el lunes en Ribera.")
    assert (ICE, "arrested", "Ana Ruiz") in found
