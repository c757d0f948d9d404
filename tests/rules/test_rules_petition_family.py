"""A petition listing that defends a family by its surnames (rules.petition.family.v1) on
invented listings: a title line, a text, the signature count and "Created by …"."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available


def _listing(title: str, body: str) -> str:
    return f"• {title}\n{body}\n120 of 500 Signatures\nCreated by Harbor Tenants Union\n"


def _supported(nlp, title: str, body: str) -> set[str]:
    """The people the family rule makes the listing support (its evidence: the title, demanded)."""
    found = {}
    for (campaign, predicate, obj), r in triples_of(nlp, _listing(title, body)).items():
        if r.evidence.extractor == "rules.petition.family.v1":
            assert (campaign, predicate) == (title, "campaignSupports")
            assert r.evidence.quote == title and r.evidence.modality == "demanded"
            found[obj] = r
    return set(found)


def test_a_family_title_supports_the_members_its_text_names(nlp):
    body = ("Lucia Solano and Tomas Ibarra have lived in Linn County for twelve years with their son Mateo Ibarra. "
            "Their neighbor Rosa Benitez wrote to Sheriff Dale Porter.")
    assert _supported(nlp, "Keep the Ibarra/Solano family together", body) == {"Lucia Solano", "Tomas Ibarra", "Mateo Ibarra"}


def test_a_title_against_a_family_supports_no_one(nlp):
    assert not _supported(nlp, "Stop the Porter family from funding detention",
                          "Dale Porter and Ana Porter gave money to the county jail.")


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_spanish_a_family_title_supports_its_members(nlp):
    title = "Liberen a la familia Ibarra Solano"
    body = ("Lucía Solano y Tomás Ibarra viven en el condado de Linn desde hace doce años con su hijo Mateo Ibarra. "
            "Su vecina Rosa Benítez escribió al alguacil Dale Porter.")
    supported = _supported(nlp, title, body)
    assert {"Lucía Solano", "Tomás Ibarra", "Mateo Ibarra"} <= supported
    assert not {"Rosa Benítez", "Dale Porter"} & supported
