"""Affiliates (rules.role.affiliates.v1): groups listed as affiliated with a body belong to it."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available


def test_rules_affiliates_english(nlp):
    text = ("Unions affiliated with the Harbor Workers Federation, such as the Riverside Tenants Union, "
            "Open Door Alliance and United Dock Workers, joined the strike.")
    members = {s for s, p, o in triples_of(nlp, text) if p == "memberOf" and o == "Harbor Workers Federation"}
    assert members == {"Riverside Tenants Union", "Open Door Alliance", "United Dock Workers"}


def test_rules_affiliates_need_the_affiliation_word(nlp):
    text = ("Unions that met with the Harbor Workers Federation, such as the Riverside Tenants Union, "
            "Open Door Alliance and United Dock Workers, joined the strike.")
    assert not {t for t in triples_of(nlp, text) if t[1] == "memberOf"}


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_rules_affiliates_spanish(nlp):
    text = ("Las organizaciones afiliadas a la Federación Portuaria, como CTV, SEIU, UFCW y UNITE HERE, "
            "han encabezado las protestas en todo el país.")
    members = {s for s, p, o in triples_of(nlp, text) if p == "memberOf"}
    assert {"SEIU", "UFCW"} <= members
