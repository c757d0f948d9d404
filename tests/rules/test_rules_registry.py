"""The rule registry and the English rule pack."""

import pytest

from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.rules import ORDER, RULES
from actorgraph.ontology import RELATION_PREDICATES


def test_rules_registry_order_names_registered_rules():
    assert set(ORDER) <= set(RULES)
    assert all(name.startswith("rules.") and name.rsplit(".", 1)[-1].startswith("v") for name in ORDER)


@pytest.mark.parametrize("code", ["en", "es"])
def test_rules_pack_predicates_exist_in_the_ontology(code):
    pack = load_pack(code)
    used = {f.predicate for f in pack.frames} | {f.predicate for f in pack.nominal} | set(pack.roles.values()) \
        | {t.predicate for t in pack.titles}
    assert used <= set(RELATION_PREDICATES)
    assert all(spec in ("dobj", "obj", "dative", "iobj", "request", "object_place") or spec.startswith("prep:")
               for f in pack.frames for spec in f.objects)


def test_rules_can_be_switched_off(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    text = "The Riverside Workers Alliance sued ICE in federal court."
    with_all = extract(make_document(text, "a.txt"), nlp)
    without = extract(make_document(text, "a.txt"), nlp, rules=tuple(r for r in ORDER if r != "rules.frame.verb.v1"))
    assert any(r.predicate == "sues" for r in with_all.relations)
    assert not any(r.predicate == "sues" for r in without.relations)
