"""Units of a body (rules.unit.*): "the <Place> office of X" is part of X, and an office
or branch is in its place."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


def test_rules_unit_an_office_is_part_of_its_body_and_in_its_place(nlp):
    text = "The Denver field office of U.S. Immigration and Customs Enforcement denied the request."
    unit = "Denver field office of U.S. Immigration and Customs Enforcement"
    triples = triples_of(nlp, text)
    assert triples[(unit, "partOf", ICE)].evidence.extractor == "rules.unit.part_of.v1"
    located = triples[(unit, "locatedIn", "Denver")]
    assert located.evidence.extractor == "rules.unit.located_in.v1" and located.evidence.quote == text


@pytest.mark.parametrize("word", ["chapter", "division"])
def test_rules_unit_a_chapter_is_part_of_its_body_but_not_located(nlp, word):
    text = f"The Boston {word} of the National Lawyers Guild sent observers."
    unit = f"Boston {word} of the National Lawyers Guild"
    triples = triples_of(nlp, text)
    assert triples[(unit, "partOf", "National Lawyers Guild")].evidence.extractor == "rules.unit.part_of.v1"
    assert (unit, "locatedIn", "Boston") not in triples


@pytest.mark.parametrize(("text", "part", "body", "extractor"), [
    ("Agents of Coastal Air Operations (an arm of U.S. Customs and Border Protection) flew over the farm.",
     "Coastal Air Operations", "U.S. Customs and Border Protection", "rules.unit.apposition.v1"),
    ("The raids were carried out by Border Intelligence Services, a division of the Department of Homeland Security.",
     "Border Intelligence Services", "U.S. Department of Homeland Security", "rules.unit.apposition.v1"),
    ("Norvale Packing, a unit of Greenbriar Foods, hired the workers.",
     "Norvale Packing", "Greenbriar Foods", "rules.unit.apposition.v1"),
    # after the acronym the name is defined with
    ("The raid was led by Border Intelligence Services (BIS), a division of the Department of Homeland Security.",
     "Border Intelligence Services", "U.S. Department of Homeland Security", "rules.unit.apposition.v1"),
    ("Norvale Packing is a wholly owned subsidiary of Greenbriar Foods, the company said.",
     "Norvale Packing", "Greenbriar Foods", "rules.unit.copula.v1"),
    ("Norvale Packing, which is a unit of Greenbriar Foods, hired the workers.",
     "Norvale Packing", "Greenbriar Foods", "rules.unit.copula.v1"),
])
def test_rules_unit_a_body_said_to_be_a_part_of_another(nlp, text, part, body, extractor):
    triples = triples_of(nlp, text)
    relation = triples[(part, "partOf", body)]
    assert relation.evidence.extractor == extractor and relation.evidence.quote == text
    assert relation.evidence.modality == "asserted"
    assert [k for k in triples if k[1] == "partOf"] == [(part, "partOf", body)]


@pytest.mark.parametrize("text", [
    "Norvale Packing, a former subsidiary of Greenbriar Foods, hired the workers.",  # no longer
    "Norvale Packing is not a subsidiary of Greenbriar Foods.",  # denied
    "The Valley Workers Alliance, a member of the Immigrant Justice Network, held a vigil.",  # a member is no part
    "The sheriff said the deputies are an arm of the law, not of ICE.",  # the law is no body
    # a person is part of no body
    "Dana Whitfield, a spokeswoman for the enforcement arm of the Department of Homeland Security, declined to comment.",
    "The memo named Dana Whitfield (an arm of the Department of Homeland Security, it said) as the source.",
])
def test_rules_unit_no_part_without_a_body_said_to_be_one(nlp, text):
    assert not [k for k in triples_of(nlp, text) if k[1] == "partOf"]


def test_rules_unit_a_part_after_a_list_is_the_last_name(nlp):
    text = "The Tralvex Union and Greenbriar Foods, a subsidiary of Norland Holdings, signed the deal."
    parts = [k for k in triples_of(nlp, text) if k[1] == "partOf"]
    assert parts == [("Greenbriar Foods", "partOf", "Norland Holdings")]


@pytest.mark.parametrize(("text", "part", "body", "extractor"), [
    ("La Oficina de Vigilancia Fronteriza, una dependencia del Departamento de Seguridad Nacional, detuvo a tres "
     "jornaleros en Tarvia.", "Oficina de Vigilancia Fronteriza", "U.S. Department of Homeland Security",
     "rules.unit.apposition.v1"),
    ("Empacadora Norvale, filial de Alimentos Greenbriar, despidió a cuarenta trabajadores la semana pasada.",
     "Empacadora Norvale", "Alimentos Greenbriar", "rules.unit.apposition.v1"),
    ("Empacadora Norvale es una subsidiaria de Alimentos Greenbriar, según la empresa.",
     "Empacadora Norvale", "Alimentos Greenbriar", "rules.unit.copula.v1"),
])
def test_rules_unit_spanish_part_of_a_body(nlp, spanish_model, text, part, body, extractor):
    assert triples_of(nlp, text)[(part, "partOf", body)].evidence.extractor == extractor


@pytest.mark.parametrize("text", [
    "Empacadora Norvale, antigua filial de Alimentos Greenbriar, despidió a cuarenta trabajadores.",
    "Empacadora Norvale no es una filial de Alimentos Greenbriar, aclaró la empresa.",
    "La Alianza de Trabajadores del Valle, miembro de la Red por la Justicia Migrante, organizó una vigilia.",
    "Rosa Mendel, una organizadora de la Alianza de Trabajadores del Valle, habló en la marcha.",
])
def test_rules_unit_spanish_no_part(nlp, spanish_model, text):
    assert not [k for k in triples_of(nlp, text) if k[1] == "partOf"]


def test_rules_unit_an_acronym_takes_the_class_of_the_part_it_stands_for(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    text = ("The raid was led by Border Intelligence Services (BIS), a division of the Department of Homeland "
            "Security. BIS agents arrested 40 workers.")
    entities = {e.label: e for e in extract(make_document(text, "invented.txt"), nlp).entities}
    part = entities["Border Intelligence Services"]
    assert part.cls == "GovernmentAgency" and {m.text for m in part.mentions} == {"Border Intelligence Services", "BIS"}
