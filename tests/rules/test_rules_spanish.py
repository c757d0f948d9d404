"""The Spanish rule pack on invented Spanish sentences (needs the optional Spanish pipeline:
`actorgraph models install es`, which CI installs)."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

pytestmark = pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed "
                                                                "(actorgraph models install es)")

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("La Oficina del Alguacil del Condado Pinal colaboró con ICE durante años.",
     ("Pinal County Sheriff's Office", "collaboratesWith", ICE)),
    ("El Departamento de Policía de Ribera compartió datos personales con ICE.",
     ("Ribera Police Department", "sharedDataWith", ICE)),
    ("La empresa Sendero Correccional opera el Centro de Detención de Valleverde.",
     ("Sendero Correccional", "operates", "Valleverde Detention Center")),
    ("La empresa Sendero Correccional opera el Centro de Procesamiento de Valleverde.",
     ("Sendero Correccional", "operates", "Valleverde Processing Center")),
    ("La Coalición de Trabajadores del Valle denunció a ICE por las redadas.",
     ("Coalición de Trabajadores del Valle", "opposes", ICE)),
])
def test_rules_spanish_frames(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text", [
    "La Oficina del Alguacil del Condado Pinal no colaboró con ICE.",
    "El Departamento de Policía de Ribera nunca compartió datos con ICE.",
])
def test_rules_spanish_negation(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] in ("collaboratesWith", "sharedDataWith")]


def test_rules_spanish_apposition(nlp):
    text = "Marta Quiroga, directora de la Coalición de Trabajadores del Valle, habló en la marcha."
    assert ("Marta Quiroga", "leads", "Coalición de Trabajadores del Valle") in triples_of(nlp, text)


@pytest.mark.parametrize("spanish, english", [
    ("La Oficina del Alguacil del Condado Pinal respondió.", "Pinal County Sheriff's Office"),
    ("Los Tribunales Municipales de Ribera cerraron.", "Ribera Municipal Courts"),
])
def test_rules_spanish_names_get_their_english_form(nlp, spanish, english):
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document(spanish, "invented.txt"), nlp)
    assert english in {e.label for e in ex.entities}


def test_rules_spanish_bilingual_document_names_one_entity(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    text = ("The Pinal County Sheriff's Office worked with ICE for years.\n\n"
            "La Oficina del Alguacil del Condado Pinal colaboró con ICE durante años.")
    ex = extract(make_document(text, "invented.txt"), nlp)
    sheriffs = [e for e in ex.entities if "Pinal" in e.label]
    assert len(sheriffs) == 1 and "Oficina del Alguacil del Condado Pinal" in sheriffs[0].forms
    quotes = {r.evidence.quote for r in ex.relations if r.predicate == "collaboratesWith"}
    assert len(quotes) == 2  # one edge, stated in both languages


def test_rules_spanish_raid_noun(nlp):
    found = triples_of(nlp, "La redada de ICE en Texas Couplings dejó angustiadas a las familias.")
    assert (ICE, "raided", "Texas Couplings") in found


@pytest.mark.parametrize("text, expected", [
    ("En una rueda de prensa, Lucía Morales, directora ejecutiva de la Coalición de Trabajadores del Valle, "
     "pidió una investigación.", ("Lucía Morales", "leads", "Coalición de Trabajadores del Valle")),
    ("Jorge L. Benítez, quien preside la empresa Sendero Correccional y es su director ejecutivo, se declaró "
     "satisfecho.", ("Jorge L. Benítez", "leads", "Sendero Correccional")),
])
def test_rules_spanish_roles_beside_the_name(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_spanish_name_does_not_end_in_a_conjunction(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document("Marcharon con Unión de la Colonia y otras organizaciones hasta el ayuntamiento.",
                               "es.txt"), nlp)
    assert not [e.label for e in ex.entities if e.label.endswith((" y", " la", " de"))]


def test_rules_spanish_definite_description_refers_back(nlp):
    text = ("La empresa Sendero Correccional firmó el acuerdo en marzo. Su director dijo que la empresa "
            "pudo ampliar su prolongada colaboración con ICE.")
    assert ("Sendero Correccional", "collaboratesWith", ICE) in triples_of(nlp, text)


def test_spanish_without_a_model_finds_names_but_no_parse():
    """ACTORGRAPH_SPANISH=rules: the measured alternative to the model (see README "Spanish")."""
    from actorgraph.loaders.nlp import load_language_pipeline

    nlp_es = load_language_pipeline("es", "rules")
    doc = nlp_es("Según la denuncia, la Oficina del Alguacil del Condado Pinal colaboró con ICE. "
                 "La Coalición de Trabajadores del Valle convocó una marcha.")
    names = {e.text for e in doc.ents}
    assert {"Oficina del Alguacil del Condado Pinal", "Coalición de Trabajadores del Valle", "ICE"} <= names
    assert len(list(doc.sents)) == 2 and not doc.has_annotation("DEP")


def test_rules_spanish_words_and_places_are_not_people(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document("Según el informe, ICE firmó un acuerdo con la jurisdicción de Lafourche Parish "
                               "y la redada ocurrió en Houston.", "es.txt"), nlp)
    classes = {e.label: e.cls for e in ex.entities}
    assert "Según" not in classes
    assert classes.get("Lafourche Parish") == "Place"
    assert classes.get("Houston") == "Place"


def test_rules_spanish_data_handed_over_at_the_request_of(nlp):
    text = ("ICE pidió la lista completa en marzo. Los datos, que los Tribunales Municipales de Ribera entregaron "
            "a pedido de la agencia federal, incluyen nombres y direcciones.")
    triples = triples_of(nlp, text)
    assert any(s.endswith("Ribera") or "Ribera" in s for s, p, o in triples if p == "sharedDataWith" and o == ICE), triples


def test_rules_spanish_dative_clitic_is_the_recipient(nlp):
    text = ("ICE envió una citación al Departamento de Licencias para exigirle una lista de personas, "
            "y el Departamento de Licencias le entregó esa información.")
    triples = triples_of(nlp, text)
    assert any(p == "sharedDataWith" and o == ICE and ("Licencias" in s or "Licensing" in s)
               for s, p, o in triples), triples


@pytest.mark.parametrize("text, firm", [
    ("La empresa Servicios Norteños S.A. opera el centro de detención de Valverde.", "Servicios Norteños S.A."),
    ("La compañía Transportes del Valle firmó un contrato con ICE.", "Transportes del Valle"),
    ("La redada en Acme Fittings LLC la llevó a cabo ICE el martes.", "Acme Fittings LLC"),
])
def test_a_name_that_says_it_is_a_firm_is_a_company(nlp, text, firm):
    """The Spanish model tags these names MISC or LOC; a legal form at the end (of either
    language) or "la empresa"/"la compañía" before them says they are firms."""
    from actorgraph.loaders.pipeline import extract, make_document

    entities = {(e.label, e.cls) for e in extract(make_document(text, "inventado.txt"), nlp).entities}
    assert (firm, "Company") in entities


def _entities(nlp, text: str) -> set[tuple[str, str]]:
    from actorgraph.loaders.pipeline import extract, make_document

    return {(e.label, e.cls) for e in extract(make_document(text, "invented.txt"), nlp).entities}


@pytest.mark.parametrize("text, names", [
    # "Centro para/de <Y>" names a body when no kind of facility follows "Centro de"
    ("El Centro para la Defensa del Migrante criticó el plan del condado.", {"Centro para la Defensa del Migrante"}),
    # a conjunction joins words of one name, but a second name opening with a kind of body is a second name
    ("La Alianza de Trabajadores del Valle y la Red de Apoyo Fronterizo marcharon hasta el ayuntamiento.",
     {"Alianza de Trabajadores del Valle", "Red de Apoyo Fronterizo"}),
    ("El Departamento de Salud y Servicios Humanos respondió a la carta.", {"Departamento de Salud y Servicios Humanos"}),
])
def test_rules_spanish_names_of_bodies_and_where_they_end(nlp, text, names):
    found = {label for label, cls in _entities(nlp, text) if cls in ("Organization", "GovernmentAgency")}
    assert names <= found
    assert not [f for f in found if f not in names]


def test_rules_spanish_one_word_translated_name_only_as_written(nlp):
    """"Inmigración" (ICE) is a name; "la política de inmigración" and a word inside a longer
    name are not."""
    assert (ICE, "GovernmentAgency") in _entities(nlp, "Agentes de Inmigración detuvieron a un vecino en la frontera.")
    assert not [e for e in _entities(nlp, "La alcaldesa criticó la política de inmigración del condado.") if e[0] == ICE]
    inside = _entities(nlp, "El Centro para la Política de Inmigración publicó un informe.")
    assert ("Centro para la Política de Inmigración", "Organization") in inside
    assert not [e for e in inside if e[0] == ICE]
    # a name glossed with the agency's own acronym is a rendering of the agency's name
    glossed = _entities(nlp, "La empresa Sendero Correccional renovó su contrato con el Servicio de Inmigración y "
                             "Aduanas (ICE) en marzo.")
    assert (ICE, "GovernmentAgency") in glossed
    assert not [e for e in glossed if e[1] == "GovernmentAgency" and e[0] != ICE]


def test_rules_spanish_co_filers_are_not_collaborators_unless_said_jointly(nlp):
    """Parties that file a lawsuit together are listed together; "conjuntamente" or a joint
    work ("publicaron un informe") makes them collaborators."""
    listed = triples_of(nlp, "El Centro para la Defensa del Migrante y la Red de Apoyo Fronterizo presentaron una "
                             "demanda contra ICE en nombre de tres familias.")
    assert ("Red de Apoyo Fronterizo", "sues", ICE) in listed
    assert not [t for t in listed if t[1] == "collaboratesWith"]
    jointly = triples_of(nlp, "El Centro para la Defensa del Migrante y la Red de Apoyo Fronterizo presentaron "
                              "conjuntamente una demanda contra ICE.")
    assert ("Centro para la Defensa del Migrante", "collaboratesWith", "Red de Apoyo Fronterizo") in jointly
    report = triples_of(nlp, "La Alianza de Trabajadores del Valle y la Red de Apoyo Fronterizo publicaron un informe "
                             "sobre las redadas.")
    assert ("Alianza de Trabajadores del Valle", "collaboratesWith", "Red de Apoyo Fronterizo") in report
