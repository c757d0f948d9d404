"""How data and cooperation flow to an agency (rules.frame.verb, rules.frame.nominal,
rules.frame.adjacent): through contracts and sales ("sold access to its database to ICE",
"gave ICE access", "runs searches at ICE's request", "provides ICE with data"), through
agreements ("honors ICE detainers", "holds people for ICE") and through staff ("jail staff
notify ICE", "officers communicate with ICE"); a refusal, a stop or an end to come ("will no
longer", "voted to end") states none of it, and an agreement that has ended was held and is
marked ended. Invented sentences; the last test asks `shared-data-with` of a store."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, sharer", [
    ("The Lakeside Department of Motor Vehicles sold access to its database to ICE.", "Lakeside Department of Motor Vehicles"),
    ("The Lakeside Department of Motor Vehicles gave ICE access to its database.", "Lakeside Department of Motor Vehicles"),
    ("The Lakeside Police Department runs facial recognition searches at ICE's request.", "Lakeside Police Department"),
    ("The Lakeside Police Department ran license plate searches for ICE.", "Lakeside Police Department"),
    ("The Lakeside Police Department provides ICE with driver data.", "Lakeside Police Department"),
    ("The Pima County Jail notifies ICE of release dates.", "Pima County Jail"),
    ("Officers at the Pima County Jail routinely notified ICE before releasing immigrants.", "Pima County Jail"),
    ("Many police departments had passed such data to ICE by way of Plateview Solutions.", "Plateview Solutions"),
])
def test_rules_flow_data_reaches_the_agency(nlp, text, sharer):
    assert (sharer, "sharedDataWith", ICE) in triples_of(nlp, text)


@pytest.mark.parametrize("text, actor", [
    ("Officers of the Pima County Sheriff's Office communicate with ICE every day.", "Pima County Sheriff's Office"),
    ("The Pima County Sheriff's Office has honored ICE detainers for years.", "Pima County Sheriff's Office"),
    ("The Pima County Sheriff's Office honored detainers from ICE.", "Pima County Sheriff's Office"),
    ("The Pima County Sheriff's Office complied with detainer requests from ICE.", "Pima County Sheriff's Office"),
    ("Sheriff Ray Ocampo was holding people for ICE without a warrant.", "Ray Ocampo"),
    ("Pima County signed an agreement with ICE.", "Pima County"),
])
def test_rules_flow_cooperation_reaches_the_agency(nlp, text, actor):
    assert (actor, "collaboratesWith", ICE) in triples_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The Pima County Sheriff's Office refuses to share data with ICE.",
    "The Pima County Sheriff's Office stopped honoring detainers from ICE.",
    "The Pima County Sheriff's Office has refused to honor ICE detainers since 2019.",
    # an end to come, decided or proposed: the agreement states nothing as a fact
    "The Lakeside Department of Motor Vehicles will no longer help ICE.",
    "Pima County will no longer hold immigrants for ICE.",
    "The board voted to end the county's agreement with ICE.",
    "The Harbor City Council can abolish ICE by stopping all collaboration with ICE.",
    "The Harbor City Council could end all collaboration with ICE.",
    # a person talking with an agency does not cooperate with it, nor does a civic group
    "Ana Ruiz communicated with ICE through her lawyer.",
    "The Valley Rights Project communicated with ICE about the detainees.",
    "The Lakeside Department of Motor Vehicles gave the ICE files to the governor.",
])
def test_rules_flow_refused_to_come_or_not_an_institution(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] in ("sharedDataWith", "collaboratesWith") and t[2] == ICE]


@pytest.mark.parametrize("text, triple", [
    ("Pima County ended its contract with ICE in 2020.", ("Pima County", "contractsWith", ICE)),
    ("Pima County terminated its agreement with ICE.", ("Pima County", "collaboratesWith", ICE)),
    ("Pima County has ended its agreement with ICE.", ("Pima County", "collaboratesWith", ICE)),
    ("The Lakeside Police Department no longer shares driver data with ICE.",
     ("Lakeside Police Department", "sharedDataWith", ICE)),
])
def test_rules_flow_an_ended_agreement_was_held_and_is_marked_ended(nlp, text, triple):
    """What has ended was in force: the relation is kept and its statement says it ended (the
    time of statements, loaders/time), so a question for a period after the end leaves it out."""
    found = triples_of(nlp, text)
    assert found[triple].evidence.ended


def test_rules_flow_an_agreement_asked_to_end_is_in_force(nlp):
    found = triples_of(nlp, "Our coalition demands that Pima County end its agreement with ICE.")
    assert found[("Pima County", "collaboratesWith", ICE)].evidence.modality == "demanded"


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize("text, expected", [
    ("La Oficina del Alguacil del Condado Pima proporcionó a ICE datos de los conductores.",
     ("Pima County Sheriff's Office", "sharedDataWith", ICE)),
])
def test_rules_flow_spanish(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_rules_flow_spanish_no_longer(nlp):
    found = triples_of(nlp, "La Oficina del Alguacil del Condado Pima ya no comparte datos con ICE.")
    assert not [t for t in found if t[1] == "sharedDataWith"]


def test_rules_flow_answers_the_question(tmp_path):
    """`ask shared-data-with ICE` names who passed data and who cooperates, with the quote, and
    not who refused or ended it."""
    from actorgraph import api

    doc = tmp_path / "county.txt"
    doc.write_text(
        "The Lakeside Police Department provides ICE with driver data.\n\n"
        "The Pima County Jail notifies ICE of release dates.\n\n"
        "The Harbor County Sheriff's Office stopped honoring detainers from ICE in 2019.\n\n"
        "Grant County terminated its agreement with ICE in 2019.\n", "utf-8")
    store = api.open_store(tmp_path / "store")
    api.ingest([doc], store=store)
    rows = {(r["actor"], r["relation"]): r for r in api.ask(store, "shared-data-with", "ICE")}
    assert rows[("Lakeside Police Department", "sharedDataWith")]["quote"].startswith("The Lakeside Police Department")
    assert ("Pima County Jail", "sharedDataWith") in rows
    assert not [a for a, _ in rows if a.startswith("Harbor County")]
    assert rows[("Grant County", "collaboratesWith")]["ended"] == "yes"  # held until it ended
