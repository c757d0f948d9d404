"""Extraction rules on invented sentences (no seed names): each rule fires on text it was
not tuned on, and negation, refusal and allegation are respected."""

import pytest

from actorgraph.loaders.pipeline import extract, make_document


def _extract(nlp, text):
    ex = extract(make_document(text, "invented.txt"), nlp)
    labels = {e.iri: e for e in ex.entities}
    triples = {(labels[r.subject].label, r.predicate, labels[r.object].label): r for r in ex.relations}
    return ex, {(e.label, e.cls) for e in ex.entities}, triples


ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("The Denver field office of U.S. Immigration and Customs Enforcement served a notice to appear on organizer Luis Marquez.",
     {("Denver field office of U.S. Immigration and Customs Enforcement", "partOf", ICE),
      ("Denver field office of U.S. Immigration and Customs Enforcement", "locatedIn", "Denver"),
      ("Denver field office of U.S. Immigration and Customs Enforcement", "targets", "Luis Marquez")}),
    ("Last March, 45 workers were arrested by ICE and the Nebraska State Patrol at a meatpacking plant in Grand Island.",
     {("Nebraska State Patrol", "collaboratesWith", ICE), (ICE, "raided", "Grand Island")}),
    ("Rosa Elena Duarte has been held at the Stewart Detention Center since May. ICE arrested her at her home in Atlanta.",
     {("Rosa Elena Duarte", "detainedAt", "Stewart Detention Center"), (ICE, "arrested", "Rosa Elena Duarte"),
      ("Rosa Elena Duarte", "detainedBy", ICE)}),
    ("The Prairie Workers Alliance condemns the raids. Abolish ICE!",
     {("Prairie Workers Alliance", "opposes", ICE)}),
    ("Marisol Vega, the president of the Coastal Farmworkers Union, spoke at the rally.",
     {("Marisol Vega", "leads", "Coastal Farmworkers Union")}),
    ("The Redwood Correctional Facility is operated by CoreCivic.",
     {("CoreCivic", "operates", "Redwood Correctional Facility")}),
])
def test_rules_fire_on_invented_text(nlp, text, expected):
    _, _, triples = _extract(nlp, text)
    assert expected <= set(triples), sorted(triples)


@pytest.mark.parametrize("text", [
    "The Brookfield Police Department did not cooperate with ICE.",
    "The Harlan County Sheriff's Office refused to share data with ICE.",
    "The Lakeside Department of Motor Vehicles denied that it shared data with ICE.",
    "The Lakeside Department of Motor Vehicles never gave records to ICE.",
])
def test_negation_and_refusal_are_not_assertions(nlp, text):
    _, _, triples = _extract(nlp, text)
    assert not [t for t in triples if t[1] in ("sharedDataWith", "collaboratesWith")], triples


def test_a_condition_is_not_an_assertion(nlp):
    """"if X signed a contract with Y" states no contract; the same words as a main clause do."""
    text = ("The county let federal officials skip the bids that would be required if ICE signed a contract "
            "with Stonebridge Services Inc. directly.")
    _, _, triples = _extract(nlp, text)
    assert not [t for t in triples if t[1] == "contractsWith"], triples
    _, _, triples = _extract(nlp, "Stonebridge Services Inc. signed a contract with ICE in 2019.")
    assert ("Stonebridge Services Inc.", "contractsWith", ICE) in triples, triples


@pytest.mark.parametrize("text, modality", [
    ("The Ohio Department of Public Safety allegedly shared license records with ICE.", "alleged"),
    ("The Ohio Department of Public Safety shared license records with ICE.", "asserted"),
])
def test_modality_is_kept_in_the_evidence(nlp, text, modality):
    _, _, triples = _extract(nlp, text)
    rel = triples[("Ohio Department of Public Safety", "sharedDataWith", ICE)]
    assert rel.evidence.modality == modality


@pytest.mark.parametrize("text, entity", [
    ("The Valley Migrant Coalition (VMC) met on Monday. Later the VMC marched to city hall.",
     ("Valley Migrant Coalition", "Organization")),
    ("Yesterday, Governor Tomas Reyes signed the Safe Schools Act.", ("Tomas Reyes", "Person")),
    ("Protesters gathered outside the Pine Prairie ICE Processing Center.",
     ("Pine Prairie ICE Processing Center", "DetentionFacility")),
    ("La migra detuvo a tres trabajadores ayer en la mañana.", (ICE, "GovernmentAgency")),
])
def test_entities_are_typed(nlp, text, entity):
    _, entities, _ = _extract(nlp, text)
    assert entity in entities, sorted(entities)


@pytest.mark.parametrize("text, firm", [
    ("Stonebridge Services LLC runs the county jail under a contract with ICE.", "Stonebridge Services LLC"),
    ("In Texas, Stonebridge Services LLC runs the county jail.", "Stonebridge Services LLC"),
    ("The contract went to Harbor Point Holdings, Inc. last year.", "Harbor Point Holdings, Inc."),
])
def test_a_legal_form_ends_the_firm_name_it_follows(nlp, text, firm):
    """The model may tag "LLC" apart from the words before it: the legal form joins them,
    and never stands alone as a company."""
    _, entities, _ = _extract(nlp, text)
    assert (firm, "Company") in entities, sorted(entities)
    assert not any(label in ("LLC", "Inc.", "Inc") for label, _ in entities)


def test_acronym_and_short_forms_join_the_full_name(nlp):
    ex, _, _ = _extract(nlp, "The Valley Migrant Coalition (VMC) welcomed Ana Lucia Ferrer. Later the VMC said Ferrer "
                             "would lead the march.")
    people = [e for e in ex.entities if e.cls == "Person"]
    assert len(people) == 1 and "Ferrer" in people[0].forms
    vmc = next(e for e in ex.entities if e.label == "Valley Migrant Coalition")
    assert "VMC" in vmc.forms


def test_a_group_named_after_a_facility_stays_a_group(nlp):
    _, entities, _ = _extract(nlp, "Members of the Stewart Detention Center Resistance held a vigil at the "
                                   "Stewart Detention Center on Sunday.")
    assert ("Stewart Detention Center Resistance", "Organization") in entities
    assert ("Stewart Detention Center", "DetentionFacility") in entities


def test_the_kind_in_an_apposition_is_its_head_noun(nlp):
    """"X, a Florida-based prison company": X is a company (a prison company runs prisons);
    "Y, a detention center in El Paso": Y is a facility."""
    _, entities, triples = _extract(nlp, "Stonebridge Group, a Florida-based prison company, runs the Valleverde "
                                         "Detention Center. Ana Ruiz was found at Camp Redrock, a detention center "
                                         "in El Paso.")
    assert ("Stonebridge Group", "Company") in entities
    assert ("Camp Redrock", "DetentionFacility") in entities
    assert ("Stonebridge Group", "operates", "Valleverde Detention Center") in triples


def test_news_report_document(nlp):
    from conftest import DOCS

    ex = extract(make_document((DOCS / "news-report.txt").read_text("utf-8"), "news-report.txt"), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    triples = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    assert {("Hall County Sheriff's Office", "collaboratesWith", ICE),
            ("CoreCivic", "operates", "Stewart Detention Center"),
            ("Elena Marquez", "leads", "Georgia Latino Workers Network"),
            ("Georgia Latino Workers Network", "sues", "Hall County Sheriff's Office"),
            (ICE, "raided", "Gainesville")} <= triples


def test_bilingual_statement_keeps_spanish_out_of_the_english_model(nlp):
    from conftest import DOCS

    ex = extract(make_document((DOCS / "bilingual-statement.md").read_text("utf-8"), "bilingual-statement.md"), nlp)
    entities = {(e.label, e.cls) for e in ex.entities}
    english = {("Eastside Tenants Committee", "Organization"), ("Tomas Villanueva", "Person"),
               (ICE, "GovernmentAgency"), ("Otay Mesa Detention Center", "DetentionFacility")}
    from actorgraph.loaders.nlp import pipeline_available

    # with a Spanish pipeline the Spanish passage is read too; a group's Spanish name stays
    # its own node (no general rule translates it), an agency's joins the English one
    spanish = {("Comité de Inquilinos del Este", "Organization")} if pipeline_available("es") else set()
    assert entities == english | spanish
    ice = next(e for e in ex.entities if e.label == ICE)
    assert "la migra" in ice.forms
    labels = {e.iri: e.label for e in ex.entities}
    triples = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    assert ("Eastside Tenants Committee", "opposes", ICE) in triples
    assert ("Tomas Villanueva", "memberOf", "Eastside Tenants Committee") in triples


def test_press_release_document(nlp):
    from conftest import DOCS

    ex = extract(make_document((DOCS / "press-release.txt").read_text("utf-8"), "press-release.txt"), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    triples = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    assert {("Texas Civil Rights Project", "sues", "Harris County"),
            ("Harris County Sheriff's Office", "sharedDataWith", ICE),
            ("Harris County", "collaboratesWith", ICE),  # a 287(g) agreement is cooperation
            ("Maria Lopez", "leads", "Houston Immigrant Legal Services Collaborative"),
            ("GEO Group", "operates", "Montgomery Processing Center"),
            ("Montgomery Processing Center", "locatedIn", "Conroe")} <= triples
    # "the county's agreement with ICE" is the county's, not the sheriff's; "FIEL Houston" is a name
    assert ("Ed Gonzalez", "collaboratesWith", ICE) not in triples
    assert not any(p == "locatedIn" and o == "Houston" for _, p, o in triples)
    shared = next(r for r in ex.relations if r.predicate == "sharedDataWith")
    assert shared.evidence.modality == "alleged"


def test_news_story_with_quotes_and_a_dateline(nlp):
    from conftest import DOCS

    ex = extract(make_document((DOCS / "news-rally.txt").read_text("utf-8"), "news-rally.txt"), nlp)
    entities = {(e.label, e.cls) for e in ex.entities}
    assert {("Illinois Coalition for Immigrant and Refugee Rights", "Organization"),
            ("Broadview Processing Center", "DetentionFacility"), ("Tomas Delgado", "Person"),
            ("Chicago Police Department", "GovernmentAgency")} <= entities
    labels = {e.iri: e.label for e in ex.entities}
    triples = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    assert {(ICE, "arrested", "Tomas Delgado"), ("Tomas Delgado", "detainedAt", "Broadview Processing Center")} <= triples
    # "condemned the raids and said the Police Department does not cooperate": no stance toward the police
    assert not any(p in ("opposes", "collaboratesWith") and "Chicago Police Department" in (s, o) for s, p, o in triples)
