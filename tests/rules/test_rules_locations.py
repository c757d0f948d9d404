"""Locations (rules.location.in.v1): a place tied to a name, not to an event."""

import pytest
from conftest import triples_of


@pytest.mark.parametrize("text, expected", [
    ("Women are held at the Pinecrest Detention Center in Taylorsville.",
     ("Pinecrest Detention Center", "locatedIn", "Taylorsville")),
    ("He died at Camp Redrock, a detention center in El Paso, Texas.", ("Camp Redrock", "locatedIn", "El Paso")),
    ("He was moved to the Pinecrest Detention Center, which is in Fort Lauderdale.",
     ("Pinecrest Detention Center", "locatedIn", "Fort Lauderdale")),
    ("ICE agents raided Harbor Metal Works, a company with a plant in Springdale, Arkansas, on Monday.",
     ("Harbor Metal Works", "locatedIn", "Springdale")),
])
def test_rules_location_in(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_location_a_place_of_an_event_is_not_a_location(nlp):
    found = triples_of(nlp, "The Riverside Workers Alliance held a rally in Denver.")
    assert ("Riverside Workers Alliance", "locatedIn", "Denver") not in found


def test_rules_location_based_in(nlp):
    text = "Harbor Justice Services, a company based in Boca Raton, runs the center."
    assert ("Harbor Justice Services", "locatedIn", "Boca Raton") in triples_of(nlp, text)


def test_rules_location_the_state_after_a_city(nlp, spanish_model):
    """"<City>, <State>": the state too, however the parser attached it (here the Spanish
    parser makes "Texas" a conjunct of the center)."""
    text = "Los migrantes fueron trasladados al Centro de Detención de Valverde, ubicado en Conroe, Texas."
    found = triples_of(nlp, text)
    assert {("Valverde Detention Center", "locatedIn", "Conroe"), ("Valverde Detention Center", "locatedIn", "Texas")} <= set(found)


def test_rules_location_a_list_of_cities_is_not_an_address(nlp):
    found = triples_of(nlp, "The Harbor Workers Alliance has offices in Houston, Dallas and Austin.")
    assert not [t for t in found if t[1] == "locatedIn" and t[2] in ("Dallas", "Austin")]


def test_rules_location_with_a_non_site_noun_gives_nothing(nlp):
    found = triples_of(nlp, "ICE agents raided Harbor Metal Works, a company with customers in Springdale, on Monday.")
    assert not any(p == "locatedIn" for _, p, _ in found)
