"""The rule registry, its two orders and the English rule pack."""

import pytest

from actorgraph.errors import UnknownFormatError
from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.rules import DOCUMENT_ORDER, RULES, SENTENCE_ORDER, SENTENCE_RULES, Level
from actorgraph.ontology import ENTITY_CLASSES, RELATION_PREDICATES


@pytest.mark.parametrize("order, level", [(SENTENCE_ORDER, Level.SENTENCE),
                                          (tuple(n for n in DOCUMENT_ORDER if n != SENTENCE_RULES), Level.DOCUMENT)])
def test_rules_registry_each_order_holds_every_rule_of_its_level_once(order, level):
    assert sorted(order) == sorted(name for name, rule in RULES.items() if rule.level == level)
    assert len(set(order)) == len(order)
    assert DOCUMENT_ORDER.count(SENTENCE_RULES) == 1


@pytest.mark.parametrize("name", sorted(RULES))
def test_rules_registry_names_summaries_and_predicates(name):
    rule = RULES[name]
    assert name.startswith("rules.") and name.rsplit(".", 1)[-1].startswith("v")
    assert rule.summary.endswith("."), rule.summary  # one whole line
    assert rule.produces() and set(rule.produces()) <= set(RELATION_PREDICATES)


def test_rules_registry_every_relation_is_one_its_rule_declares(seed_extractions):
    """The extractor of every relation on the seeds is a registered rule (``.coref`` when an
    end was reached through coreference) that declares the relation's predicate."""
    seen = set()
    for ex in seed_extractions.values():
        for r in ex.relations:
            name = r.evidence.extractor.removesuffix(".coref")
            assert name in RULES, r.evidence.extractor
            assert r.predicate in RULES[name].produces(), (name, r.predicate)
            seen.add(RULES[name].level)
    assert seen == {Level.DOCUMENT, Level.SENTENCE}


@pytest.mark.parametrize("code", ["en", "es"])
def test_rules_pack_predicates_exist_in_the_ontology(code):
    pack = load_pack(code)
    used = {f.predicate for f in pack.frames} | {f.predicate for f in pack.nominal} | set(pack.roles.values()) \
        | {t.predicate for t in pack.titles}
    assert used <= set(RELATION_PREDICATES)
    assert all(spec in ("dobj", "obj", "dative", "iobj", "request", "owner", "object_place") or spec.startswith("prep:")
               for f in pack.frames for spec in f.objects)
    requirements = ("", "data", "agency", "institution", "person", "patient", "halt", "direct")
    assert all(f.requires in requirements or f.requires.startswith(("dobj:", "class:")) for f in pack.frames)
    assert all(cls in ENTITY_CLASSES for f in pack.frames if f.requires.startswith("class:")
               for cls in f.requires[6:].split("|"))


def test_rules_can_be_switched_off(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    text = "The Riverside Workers Alliance sued ICE in federal court."
    with_all = extract(make_document(text, "a.txt"), nlp)
    without = extract(make_document(text, "a.txt"), nlp, rules=[r for r in RULES if r != "rules.frame.verb.v1"])
    assert any(r.predicate == "sues" for r in with_all.relations)
    assert not any(r.predicate == "sues" for r in without.relations)


#: an invented text for each document rule, on which it finds something
_DOCUMENT_RULE_TEXTS = {
    "rules.slogan.opposes.v1": "The Prairie Workers Alliance stands with the families. Abolish ICE!",
    "rules.our_member.v1": "The Prairie Workers Alliance demands the release of our member, Tomas Ibarra, held since May.",
    "rules.intro.member_of.v1": "As a member of the Coastal Farmworkers Union, Rosa Benitez spoke at the hearing.",
    "rules.intro.leads.v1": "As the director of the Coastal Farmworkers Union, Rosa Benitez spoke at the hearing.",
    "rules.intro.founded.v1": "As a founder of the Coastal Farmworkers Union, Rosa Benitez spoke at the hearing.",
    "rules.title.office.v1": ("The Ohio Attorney General opened an inquiry. Attorney General Ruth Calloway said the "
                              "county must answer."),
    "rules.joint_enforcement.v1": "Last March, 45 workers were arrested by ICE and the Nebraska State Patrol on a farm.",
    "rules.worksite_raid.v1": "Last March, ICE arrested 45 workers at a meatpacking plant in Grand Island.",
    "rules.petition.body_target.v1": ("• Free Tomas Ibarra Now\n"
                                      "We urge the Linn County Sheriff's Office to release him today.\n"
                                      "120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.petition.body_support.v1": ("• Keep Families Together in Linn County\n"
                                       "Please defend community organizer Tomas Ibarra, who was taken last week.\n"
                                       "120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.unit.part_of.v1": "The Denver field office of U.S. Immigration and Customs Enforcement denied the request.",
    "rules.unit.located_in.v1": "The Denver field office of U.S. Immigration and Customs Enforcement denied the request.",
    "rules.unit.apposition.v1": "Norvale Packing, a unit of Greenbriar Foods, hired the workers.",
    "rules.unit.copula.v1": "Norvale Packing is a subsidiary of Greenbriar Foods.",
    "rules.byline.member_of.v1": ("County ends its jail contract\n\nBy Laura Benton and Ray Ocampo, Rivermouth News Network\n\n"
                                  "The county board voted on Tuesday to end the contract."),
    "rules.contact.member_of.v1": ("The Prairie Workers Alliance filed a complaint on Monday.\n\n"
                                   "Contact: Prairie Workers Alliance, Rosa Benitez, rbenitez@example.org, 555-201-3344\n"),
    "rules.petition.creator.v1": ("• Free Tomas Ibarra Now\nTomas has lived in Linn County for twenty years.\n"
                                  "120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.petition.title.v1": ("• Tell Governor Laura Benton: Free Tomas Ibarra\nTomas has lived here for twenty years.\n"
                                "120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.petition.family.v1": ("• Keep the Ibarra/Solano family together\nLucia Solano and Tomas Ibarra have lived "
                                 "in Linn County for twelve years.\n120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.petition.hands_of.v1": ("• Free Tomas Ibarra Now\nHis fate is in the hands of Sheriff Dale Porter.\n"
                                   "120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.petition.support_of.v1": ("• Keep Families Together\nPlease sign in support of Tomas Ibarra. He has lived here "
                                     "for twenty years.\n120 of 500 Signatures\nCreated by Rosa Benitez\n"),
    "rules.inference.arrest_detains.v1": "ICE arrested Tomas Ibarra at his home in Springdale on Monday.",
    "rules.event.raid_arrests.v1": ("The FBI conducted a raid in Grand Island on March 4. That day, 45 workers were "
                                    "arrested by ICE at a meatpacking plant in Grand Island."),
    "rules.event.raid_sites.v1": ("ICE agents conducted a raid in Springdale on March 4. The raid stemmed from an "
                                  "investigation into Lakeview Fittings LLC."),
    "rules.discourse.plaintiffs.v1": ("A lawsuit was brought against the Linn County Sheriff's Office on Monday. "
                                      "Tomas Ibarra and Rosa Benitez are named as plaintiffs."),
    "rules.discourse.raid_targets.v1": "ICE announced new operations on Monday. The raids will hit Fresno and Tulare.",
}


def test_rules_every_document_rule_has_a_switch_off_test():
    assert set(_DOCUMENT_RULE_TEXTS) == {n for n, r in RULES.items() if r.level == Level.DOCUMENT}


@pytest.mark.parametrize("name", sorted(_DOCUMENT_RULE_TEXTS))
def test_rules_a_document_rule_switched_off_loses_exactly_its_relations(nlp, name):
    from actorgraph.loaders.pipeline import extract, make_document

    document = make_document(_DOCUMENT_RULE_TEXTS[name], "invented.txt")
    with_all = extract(document, nlp)
    without = extract(document, nlp, rules=[r for r in RULES if r != name])
    ours = (name, f"{name}.coref")  # an argument carried from another sentence marks the extractor
    own = [r for r in with_all.relations if r.evidence.extractor in ours]
    assert own, [(r.predicate, r.evidence.extractor) for r in with_all.relations]
    assert list(without.relations) == [r for r in with_all.relations if r.evidence.extractor not in ours]


def test_rules_an_unknown_rule_is_refused_before_parsing(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    with pytest.raises(UnknownFormatError, match=r"Unknown rule 'rules\.slogans\.opposes\.v1'\. Available: rules\.byline"):
        extract(make_document("Abolish ICE!", "a.txt"), nlp, rules=["rules.slogans.opposes.v1"])


@pytest.mark.parametrize("family", sorted({rule.family for rule in RULES.values()}))
def test_rules_each_family_has_its_test_file(family):
    from conftest import ROOT

    assert (ROOT / "tests" / "rules" / f"test_rules_{family}.py").is_file()
