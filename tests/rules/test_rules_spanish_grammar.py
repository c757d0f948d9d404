"""Spanish sentence structures the Spanish model parses its own way, on invented sentences:
the passive with "ser"/"estar" (labelled like an active clause), participles tagged as
adjectives, periphrases of aspect, a denied stop, the object "al", modality cues (needs the
optional Spanish pipeline: `actorgraph models install es`)."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

pytestmark = pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed "
                                                                "(actorgraph models install es)")

ICE = "U.S. Immigration and Customs Enforcement"
SHERIFF = "Rivera County Sheriff's Office"


@pytest.mark.parametrize("text, expected", [
    ("Según sus familiares, Marta Quiroga fue detenida por agentes de ICE a la salida de la escuela.",
     (ICE, "arrested", "Marta Quiroga")),
    ("El Centro de Detención de Otero es operado por la empresa Sendero Correccional desde el año pasado.",
     ("Sendero Correccional", "operates", "Otero Detention Center")),
    ("El Centro de Detención de Otero, administrado por la empresa Sendero Correccional, alberga a mil personas.",
     ("Sendero Correccional", "operates", "Otero Detention Center")),
    ("La hermana de la activista dijo que Marta Quiroga está recluida en el Centro de Detención de Otero.",
     ("Marta Quiroga", "detainedAt", "Otero Detention Center")),
])
def test_spanish_passive_and_participles(nlp, text, expected):
    """"fue detenida por X", "es operado por X": the subject underwent, "por X" acted; a
    participle modifying a noun ("administrado por X") is a passive whose noun underwent."""
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Según la policía de la ciudad, Marta Quiroga fue detenida en su casa el martes por la noche.",
    "La abogada dijo que los trabajadores detenidos en la redada de la planta siguen sin noticias.",
])
def test_spanish_passive_without_agent_states_no_arrest(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "arrested"]


def test_spanish_passive_subject_is_not_the_agent(nlp):
    text = "La Oficina del Alguacil del Condado Rivera fue demandada por la Coalición de Inquilinos del Este."
    triples = triples_of(nlp, text)
    assert ("Coalición de Inquilinos del Este", "sues", SHERIFF) in triples
    assert (SHERIFF, "sues", "Coalición de Inquilinos del Este") not in triples


def test_spanish_aspect_periphrasis_keeps_the_object(nlp):
    """"volvió a detener a X": the model hangs X on "volvió"."""
    text = "Los abogados explican que ICE volvió a detener a Marta Quiroga en una cita de control de su caso."
    assert (ICE, "arrested", "Marta Quiroga") in triples_of(nlp, text)


@pytest.mark.parametrize("text, stated", [
    ("Según la coalición, el alguacil Tomás Berrocal no ha dejado de colaborar con ICE en todo este tiempo.", True),
    ("Según la coalición, la Oficina del Alguacil del Condado Rivera dejó de colaborar con ICE el año pasado.", False),
    ("La Oficina del Alguacil del Condado Rivera se niega a compartir datos personales con ICE cada semana.", False),
    ("La Oficina del Alguacil del Condado Rivera no comparte datos personales con ICE cada semana.", False),
])
def test_spanish_stop_denied_goes_on(nlp, text, stated):
    found = [t for t in triples_of(nlp, text) if t[1] in ("collaboratesWith", "sharedDataWith") and t[2] == ICE]
    assert bool(found) is stated


def test_spanish_object_marker_al(nlp):
    text = "La Coalición de Inquilinos del Este demandó al Servicio de Inmigración y Control de Aduanas en marzo."
    assert ("Coalición de Inquilinos del Este", "sues", ICE) in triples_of(nlp, text)


@pytest.mark.parametrize("text, modality", [
    ("La coalición alega que la Oficina del Alguacil del Condado Rivera comparte datos personales con ICE cada semana.",
     "alleged"),
    ("Según la demanda, la Oficina del Alguacil del Condado Rivera compartió datos personales con ICE cada semana.",
     "alleged"),
    ("La Oficina del Alguacil del Condado Rivera presuntamente compartió datos personales con ICE cada semana.",
     "alleged"),
    ("Según el alguacil, la Oficina del Alguacil del Condado Rivera compartió datos personales con ICE cada semana.",
     "asserted"),
    ("Por supuesto, la Oficina del Alguacil del Condado Rivera compartió datos personales con ICE cada semana.",
     "asserted"),
])
def test_spanish_modality(nlp, text, modality):
    relation = triples_of(nlp, text)[(SHERIFF, "sharedDataWith", ICE)]
    assert relation.evidence.modality == modality


@pytest.mark.parametrize("text, expected", [
    ("La Oficina del Alguacil del Condado Rivera suministró a ICE los registros de los presos de la cárcel.",
     (SHERIFF, "sharedDataWith", ICE)),
    ("La Red de Defensa Migrante protestó contra ICE frente al edificio federal de la ciudad.",
     ("Red de Defensa Migrante", "opposes", ICE)),
    ("La Alianza Campesina del Valle pidió a la Oficina del Alguacil del Condado Rivera que deje de colaborar con ICE.",
     ("Alianza Campesina del Valle", "opposes", SHERIFF)),
    ("La Red de Defensa Migrante forma parte de la Alianza Nacional de Jornaleros desde hace años.",
     ("Red de Defensa Migrante", "memberOf", "Alianza Nacional de Jornaleros")),
    ("La Red de Defensa Migrante pertenece a la Alianza Nacional de Jornaleros desde su fundación.",
     ("Red de Defensa Migrante", "memberOf", "Alianza Nacional de Jornaleros")),
    ("Marta Quiroga fue detenida en el Centro de Detención de Otero durante tres meses.",
     ("Marta Quiroga", "detainedAt", "Otero Detention Center")),
])
def test_spanish_more_verb_frames(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text, wrong", [
    # a request for information is no request to stop
    ("La Alianza Campesina del Valle pidió a la Oficina del Alguacil del Condado Rivera más información sobre "
     "los arrestos.", ("Alianza Campesina del Valle", "opposes", SHERIFF)),
    # the office urged to end a contract holds it; the one urging does not
    ("La Alianza Campesina del Valle instó a la Oficina del Alguacil del Condado Rivera a cancelar el contrato con ICE.",
     ("Alianza Campesina del Valle", "contractsWith", ICE)),
    # detained in a city: no facility
    ("Marta Quiroga fue detenida en Salinas por agentes de la Patrulla Fronteriza el martes.",
     ("Marta Quiroga", "detainedAt", "Salinas")),
])
def test_spanish_verb_frames_do_not_overreach(nlp, text, wrong):
    assert wrong not in triples_of(nlp, text)


RED = "Red de Defensa Migrante"


@pytest.mark.parametrize("text, expected", [
    ("Rosa Téllez es miembro de la Red de Defensa Migrante desde hace diez años.", ("Rosa Téllez", "memberOf", RED)),
    ("Rosa Téllez, quien es miembro de la Red de Defensa Migrante, habló ante el concejo de la ciudad.",
     ("Rosa Téllez", "memberOf", RED)),
    ("Rosa Téllez fue presidenta de la Red de Defensa Migrante durante diez años.", ("Rosa Téllez", "leads", RED)),
    ("Rosa Téllez trabaja como organizadora para la Red de Defensa Migrante en el valle.",
     ("Rosa Téllez", "memberOf", RED)),
    ("Rosa Téllez, cofundadora de la Red de Defensa Migrante, habló con la prensa.", ("Rosa Téllez", "founded", RED)),
    ("Rosa Téllez, vicepresidenta de la Red de Defensa Migrante, habló con la prensa.",
     ("Rosa Téllez", "memberOf", RED)),
])
def test_spanish_role_clauses(nlp, text, expected):
    """The copula hangs on the role noun ("es miembro de Y"), "como" marks a role served."""
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # the model tags "alguacil" an adjective and may hang it anywhere: the role right after "X,"
    ("La Oficina del Alguacil del Condado Rivera firmó un nuevo acuerdo con las autoridades federales. Rosa Téllez, "
     "alguacil del condado, dijo que la oficina seguirá trabajando con los agentes federales.",
     ("Rosa Téllez", "leads", SHERIFF)),
    ("La Oficina del Alguacil del Condado Rivera firmó un nuevo acuerdo con las autoridades federales. La alguacil "
     "Rosa Téllez dijo que la oficina seguirá trabajando con los agentes federales.",
     ("Rosa Téllez", "leads", SHERIFF)),
    ("Rubén Ortega, alcalde de Salinas, firmó la orden ejecutiva este martes por la tarde.",
     ("Rubén Ortega", "leads", "Salinas")),
])
def test_spanish_titles_name_their_body(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_spanish_title_of_two_bodies_names_neither(nlp):
    text = ("La Oficina del Alguacil del Condado Rivera firmó un acuerdo con ICE. La Oficina del Alguacil del "
            "Condado Pinal lo rechazó. Rosa Téllez, alguacil del condado, dijo que la oficina no colabora.")
    assert not [t for t in triples_of(nlp, text) if t[0] == "Rosa Téllez" and t[1] == "leads"]
