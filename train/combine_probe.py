"""How should mention finding combine the trained recognizer with its rules? A fold probe.

For each group A-D, the recognizer trained without that group (``train/ner.py folds`` keeps
``train/work/<lang>/folds/<variant>-<seed>-<group>/model/model-last``) is combined with
actorgraph's extraction of the group's reports in several ways, and each way is scored with
the document-level typed F1 of ``train/ner.py``:

- relabel model-only: an entity that only the statistical model stands behind (MODEL
  mentions, pronouns) takes the recognizer's class for one of its names;
- model-only Org->X: the same, only where actorgraph says Organization (the stock ORG) and
  the recognizer says Company or GovernmentAgency;
- model-only Org->Company: only Organization -> Company;
- add new: also the names the recognizer tags that no extracted entity has (all classes, or
  only Company and GovernmentAgency).

    nice -n 10 python train/combine_probe.py --variant silver --seed 0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner  # noqa: E402


def combinations(doc: ner.GoldDoc, predicted: set[tuple[str, str]]) -> dict[str, set]:
    by_name = dict(sorted(predicted))
    ents = ner.extracted_entities(doc)

    def relabel(cond) -> set:
        out = set()
        for names, cls, model_only in ents:
            votes = [by_name[n] for n in sorted(names) if n in by_name]
            new = max(set(votes), key=votes.count) if votes else None
            out.add((names, new if new and cond(cls, new, model_only) else cls))
        return out

    alone = {(n, c) for n, c, _ in ents}
    covered = set().union(*(n for n, _, _ in ents))
    extra = {(frozenset([n]), c) for n, c in by_name.items() if n not in covered}
    return {
        "actorgraph": alone,
        "relabel model-only": relabel(lambda c, n, m: m),
        "model-only Org->X": relabel(lambda c, n, m: m and c == "Organization" and n in ("Company", "GovernmentAgency")),
        "model-only Org->Company": relabel(lambda c, n, m: m and c == "Organization" and n == "Company"),
        "add new (all)": alone | extra,
        "add new Company/Agency": alone | {x for x in extra if x[1] in ("Company", "GovernmentAgency")},
    }


def main() -> None:
    import spacy

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--variant", default="silver")
    ap.add_argument("--seed", default="0")
    args = ap.parse_args()
    docs = [d for d in ner.load_documents(ner.GROUPS) if d.lang == args.lang]
    total: dict[str, ner.Scores] = {}
    for group in ner.GROUPS:
        model = ner.WORK / args.lang / "folds" / f"{args.variant}-{args.seed}-{group}" / "model" / "model-last"
        nlp = spacy.load(model)
        per: dict[str, ner.Scores] = {}
        for d in (d for d in docs if d.group == group):
            for name, items in combinations(d, ner.predict(nlp, d)).items():
                for acc in (per, total):
                    acc.setdefault(name, ner.Scores()).add(ner.score_document(items, d))
        print(group, "  ".join(f"{k} {v.overall.f1:.3f}" for k, v in per.items()), flush=True)
    print("all", "  ".join(f"{k} {v.overall.f1:.3f}" for k, v in total.items()))


if __name__ == "__main__":
    main()
