"""What extraction gives, as one canonical JSON file, to show that a refactoring changes nothing.

    python bench/snapshot.py /tmp/before.json            # the dev corpus, the seeds, 200 bench documents
    ... change the code ...
    python bench/snapshot.py /tmp/after.json --compare /tmp/before.json

Every entity (IRI, class, label, forms, attributes) and every relation (with its evidence:
offsets, extractor, confidence, modality) of every document, in a stable order. With
``--compare`` it prints the documents whose extraction differs and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from actorgraph.loaders.nlp import load_pipeline
from actorgraph.loaders.pipeline import extract_many, load_document
from actorgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def corpus(bench_documents: int) -> list[Path]:
    paths = sorted((ROOT / "eval" / "dev" / "docs").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if bench_documents:
        sys.path.insert(0, str(ROOT / "bench"))
        from corpus import write_corpus  # type: ignore[import-not-found]

        folder = Path(tempfile.mkdtemp(prefix="actorgraph-snapshot-"))
        write_corpus(folder, bench_documents)
        paths += sorted(folder.rglob("*.txt"))
    return paths


def snapshot(paths: list[Path]) -> dict[str, object]:
    nlp = load_pipeline()
    out: dict[str, object] = {}
    documents = [load_document(p) for p in paths]
    mode = Settings.from_env().spanish  # ACTORGRAPH_SPANISH=off|rules: the other pipelines
    for path, ex in zip(paths, extract_many(documents, nlp, spanish=mode), strict=True):
        out[path.name] = {
            "language": ex.document.language,
            "title": ex.document.title,
            "entities": sorted([e.iri, e.cls, e.label, sorted(e.forms), [list(map(str, a)) for a in e.attributes]]
                               for e in ex.entities),
            "relations": sorted([r.subject, r.predicate, r.object, r.evidence.start, r.evidence.end,
                                 r.evidence.extractor, round(r.evidence.confidence, 4), r.evidence.modality]
                                for r in ex.relations),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    parser.add_argument("--bench-documents", type=int, default=200)
    args = parser.parse_args()
    snap = snapshot(corpus(args.bench_documents))
    args.out.write_text(json.dumps(snap, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    if args.compare is None:
        print(f"{len(snap)} documents written to {args.out}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    after = json.loads(json.dumps(snap))
    differ = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(after)} documents differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
