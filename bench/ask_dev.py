"""How well `ask shared-data-with ICE` answers on the development corpus: the gold actors
that shared data or collaborated with ICE, against the named question's answers.

    python bench/ask_dev.py [eval/dev]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from actorgraph import api
from actorgraph.ontology.ids import normalize_name

ICE = "U.S. Immigration and Customs Enforcement"


def main(folder: Path) -> None:
    gold: set[str] = set()
    aliases: dict[str, set[str]] = {}
    for f in sorted((folder / "gold").glob("*.json")):
        doc = json.loads(f.read_text("utf-8"))
        for e in doc["entities"]:
            aliases.setdefault(e["name"], set()).update(normalize_name(n) for n in [e["name"], *e.get("aliases", [])])
        for r in doc["relations"]:
            if r["predicate"] in ("sharedDataWith", "collaboratesWith") and r["object"] == ICE:
                gold.add(r["subject"])
    store = api.open_store("memory")
    api.ingest(sorted((folder / "docs").glob("*.txt")), store=store)
    answers = {row["actor"] for row in api.ask(store, "shared-data-with", "ICE")}
    right = {a for a in answers if any(normalize_name(a) in aliases.get(g, set()) for g in gold)}
    found = {g for g in gold if any(normalize_name(a) in aliases.get(g, set()) for a in answers)}
    print(f"gold actors: {len(gold)}; found: {len(found)} ({len(found) / max(1, len(gold)):.0%}); "
          f"answers: {len(answers)}, right: {len(right)} ({len(right) / max(1, len(answers)):.0%})")
    for a in sorted(answers):
        print(("  right " if a in right else "  wrong ") + a)
    for g in sorted(gold - found):
        print("  missed " + g)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "eval" / "dev")
