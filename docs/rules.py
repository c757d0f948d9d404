"""Write (or check) docs/rules.md: every registered relation rule, read from the registry.

    python docs/rules.py           # rewrite docs/rules.md
    python docs/rules.py --check   # exit 1 and show a diff when docs/rules.md is out of date
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from actorgraph.loaders.rules import DOCUMENT_ORDER, RULES, SENTENCE_ORDER, SENTENCE_RULES

ROOT = Path(__file__).resolve().parent.parent
RULES_MD = ROOT / "docs" / "rules.md"

_HEAD = """# Relation rules

<!-- Written by `python docs/rules.py` from the rule registry; edit the rules, not this file. -->

Every relation actorgraph extracts comes from one of these rules. A rule is a function
registered in `actorgraph/loaders/rules/` under a versioned name, and that name is the
`ag:extractor` of the evidence it produces (with `.coref` added when an end of the relation
was reached through a pronoun or a description such as "the agency"). A **document** rule
reads the whole document (its segments, the names in each sentence, who "we" is); a
**sentence** rule reads one parsed sentence. The rules run in the order below; when two
find the same relation in the same passage, the first one's evidence is kept.
`extract(document, nlp, rules=[...])` runs only the named rules.

| # | Rule | Level | Family | Predicates | What it finds |
|---|------|-------|--------|------------|---------------|
"""


def _row(position: str, name: str) -> str:
    rule = RULES[name]
    link = f"[{rule.family}](../actorgraph/loaders/rules/{rule.family}.py)"
    predicates = ", ".join(f"`{p}`" for p in rule.produces())
    return f"| {position} | `{name}` | {rule.level} | {link} | {predicates} | {rule.summary.replace('|', chr(92) + '|')} |"


def render() -> str:
    """docs/rules.md as the registry says it should be."""
    rows = []
    for d, name in enumerate(DOCUMENT_ORDER, 1):
        if name == SENTENCE_RULES:
            rows.extend(_row(f"{d}.{s}", sentence_rule) for s, sentence_rule in enumerate(SENTENCE_ORDER, 1))
        else:
            rows.append(_row(str(d), name))
    return _HEAD + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    fresh = render()
    if args.check:
        current = RULES_MD.read_text("utf-8") if RULES_MD.exists() else ""
        if fresh != current:
            print("\n".join(difflib.unified_diff(current.splitlines(), fresh.splitlines(), "docs/rules.md", "registry",
                                                 lineterm="", n=1)))
            print("docs/rules.md is out of date: run python docs/rules.py", file=sys.stderr)
            return 1
        return 0
    RULES_MD.write_text(fresh, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
