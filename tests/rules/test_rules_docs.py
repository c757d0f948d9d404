"""docs/rules.md lists every registered rule as the registry says (``python docs/rules.py``)."""

import importlib.util

from conftest import ROOT

from actorgraph.loaders.rules import RULES


def _script():
    spec = importlib.util.spec_from_file_location("rules_doc", ROOT / "docs" / "rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_docs_are_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert _script().render() == current, "docs/rules.md is out of date: run python docs/rules.py"


def test_rules_docs_list_every_rule_once_with_its_predicates():
    rendered = _script().render()
    for name, rule in RULES.items():
        rows = [line for line in rendered.splitlines() if f"| `{name}` |" in line]
        assert len(rows) == 1, name
        assert f"| {rule.level} |" in rows[0] and rule.summary in rows[0]
        assert all(f"`{p}`" in rows[0] for p in rule.produces())
