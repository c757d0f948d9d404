"""Arguments carried across a sentence boundary (rules.discourse.*), on invented sentences."""

import pytest
from conftest import triples_of

from actorgraph.loaders.nlp import pipeline_available

ICE = "U.S. Immigration and Customs Enforcement"
SHERIFF = "Harbor County Sheriff's Office"


@pytest.mark.parametrize(("text", "expected"), [
    # named as plaintiffs two sentences after the lawsuit, through a sentence about it
    ("A class action lawsuit was brought against ICE and the Harbor County Sheriff's Office on Tuesday by four "
     "detainees. According to the complaint, the plaintiffs were denied visits. Ana Ruiz, Luis Soto and Marta Gil "
     "are named as plaintiffs.",
     {(p, "sues", d) for p in ("Ana Ruiz", "Luis Soto", "Marta Gil") for d in (ICE, SHERIFF)}),
    # a plaintiff in apposition, the lawsuit in the sentence before
    ("The Valley Workers Union filed a lawsuit against ICE in May. The suit came after Ana Ruiz, a plaintiff, was "
     "detained.", {("Ana Ruiz", "sues", ICE)}),
    # the nearest lawsuit decides
    ("A lawsuit against ICE was filed in May. A second lawsuit was filed against the Harbor County Sheriff's Office "
     "in June. Ana Ruiz is a plaintiff.", {("Ana Ruiz", "sues", SHERIFF)}),
])
def test_rules_discourse_plaintiffs_sue_the_parties_of_the_lawsuit_before(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected <= set(found), found
    carried = [found[t] for t in expected]
    assert all(r.evidence.extractor == "rules.discourse.plaintiffs.v1.coref" for r in carried)
    assert all("plaintiff" in r.evidence.quote for r in carried)
    # the plaintiffs sue the parties of their lawsuit only
    assert {t for t in found if t[1] == "sues" and t[0] in {p for p, _, _ in expected}} == expected


@pytest.mark.parametrize("text", [
    # a sentence about something else between the lawsuit and its plaintiffs
    "A lawsuit was filed against ICE in May. The city council met on Tuesday. Ana Ruiz and Luis Soto are plaintiffs.",
    # negated
    "A lawsuit was filed against ICE in May. Ana Ruiz is not a plaintiff.",
    # more than three sentences back
    "A lawsuit was filed against ICE in May. The suit is long. The complaint has forty pages. The lawsuit cites a "
    "report. Ana Ruiz is a plaintiff.",
    # no lawsuit names a party
    "Ana Ruiz and Luis Soto are named as plaintiffs.",
    # the plaintiffs are someone else's: her clients, the people she spoke with
    "A lawsuit was filed against ICE in May. Ana Ruiz, a lawyer for the plaintiffs, spoke on Tuesday.",
    "A lawsuit was filed against ICE in May. Ana Ruiz spoke with the plaintiffs on Tuesday.",
])
def test_rules_discourse_plaintiffs_not(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "sues"]


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize(("text", "expected"), [
    ("Una demanda colectiva contra el Servicio de Inmigración y Control de Aduanas fue presentada el martes en San "
     "Diego. Ana Ruiz y Luis Soto figuran como demandantes.",
     {("Ana Ruiz", "sues", ICE), ("Luis Soto", "sues", ICE)}),
    ("Un grupo de abogados presentó una demanda contra la Oficina del Alguacil del Condado Pinal. La presentaron en "
     "nombre de los tres demandantes, que son Ana Ruiz, Luis Soto y Marta Gil.",
     {(p, "sues", "Pinal County Sheriff's Office") for p in ("Ana Ruiz", "Luis Soto", "Marta Gil")}),
])
def test_rules_discourse_plaintiffs_spanish(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected <= set(found), found


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize("text", [
    # a request to a court that names no party sued carries no one to sue
    "Un grupo de abogados pidió a un tribunal federal que prohíba al ICE arrestar a inmigrantes. La petición "
    "la presentaron en nombre de los demandantes Ana Ruiz y Luis Soto.",
    # someone who votes for the plaintiffs is not one ("por", not "como")
    "Una demanda contra el Servicio de Inmigración y Control de Aduanas fue presentada el martes. Ana Ruiz votó por "
    "los demandantes.",
])
def test_rules_discourse_plaintiffs_spanish_not(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] == "sues"]


RAID_TARGETS = "rules.discourse.raid_targets.v1.coref"


@pytest.mark.parametrize(("text", "expected"), [
    # a raid to come targets the places it will hit
    ("ICE announced new operations on Monday. The raids will hit Atlanta, Baltimore and Houston.",
     {(ICE, "targets", c) for c in ("Atlanta", "Baltimore", "Houston")}),
    # the raid told in the sentence before as the agency's, a cue of report before the subject
    ("Families are bracing for raids by ICE that start Sunday. Reportedly, the raids will hit Atlanta and Denver.",
     {(ICE, "targets", c) for c in ("Atlanta", "Denver")}),
    # the agency's raids named by the protest against them
    ("Protesters marched against ICE raids on Monday. The raids will hit Atlanta next.", {(ICE, "targets", "Atlanta")}),
    # told as done: the agency raided the company
    ("ICE agents raided three meatpacking plants on Tuesday. The raids hit Harbor Meats Inc. in Conroe.",
     {(ICE, "raided", "Harbor Meats Inc.")}),
])
def test_rules_discourse_raid_targets(nlp, text, expected):
    found = triples_of(nlp, text)
    carried = {t: r for t, r in found.items() if r.evidence.extractor == RAID_TARGETS}
    assert set(carried) == expected, found
    assert all(r.evidence.quote == text.split(". ", 1)[1] for r in carried.values())


@pytest.mark.parametrize("text", [
    # two agencies before: which one raids is not said
    "ICE and the Harbor County Sheriff's Office announced new operations. The raids will hit Atlanta and Denver.",
    # the agency named apart from the raid: the one sued over it
    "Lawyers sued ICE over the raids on Monday. The raids hit Atlanta and Denver.",
    # the sentence before tells of no raid
    "ICE spoke to reporters on Monday. The raids will hit Atlanta and Denver.",
    # negated
    "ICE announced new raids on Monday. The raids will not hit Atlanta or Denver.",
    # the raid sentence names its own agency
    "ICE announced new raids on Monday. The raids by the Harbor County Sheriff's Office will hit Atlanta.",
    # not a raid referred back to: no determiner, or a protest
    "ICE announced new raids on Monday. New raids will hit Atlanta and Denver.",
    "ICE announced new raids on Monday. The protests will hit Atlanta and Denver.",
    # the raid two sentences back, or in another paragraph
    "ICE announced new raids on Monday. The city council met on Tuesday. The raids will hit Atlanta and Denver.",
    "ICE announced new raids on Monday.\n\nThe raids will hit Atlanta and Denver.",
])
def test_rules_discourse_raid_targets_not(nlp, text):
    found = triples_of(nlp, text)
    assert not [t for t, r in found.items() if r.evidence.extractor.startswith("rules.discourse.raid_targets")], found


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize(("text", "expected"), [
    ("Agentes del ICE anunciaron nuevos operativos el lunes. Los operativos afectarán a Houston, Dallas y San "
     "Antonio.", {(ICE, "targets", c) for c in ("Houston", "Dallas", "San Antonio")}),
    ("El ICE anunció nuevas redadas el lunes. Las redadas se concentrarán en Houston y Dallas.",
     {(ICE, "targets", c) for c in ("Houston", "Dallas")}),
])
def test_rules_discourse_raid_targets_spanish(nlp, text, expected):
    found = triples_of(nlp, text)
    assert {t for t, r in found.items() if r.evidence.extractor == RAID_TARGETS} == expected, found


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
@pytest.mark.parametrize("text", [
    # two agencies before
    "El ICE y la Patrulla Fronteriza anunciaron nuevos operativos. Los operativos afectarán a Houston y Dallas.",
    # negated
    "El ICE anunció nuevas redadas el lunes. Las redadas no afectarán a Houston ni a Dallas.",
])
def test_rules_discourse_raid_targets_spanish_not(nlp, text):
    found = triples_of(nlp, text)
    assert not [t for t, r in found.items() if r.evidence.extractor.startswith("rules.discourse.raid_targets")], found
