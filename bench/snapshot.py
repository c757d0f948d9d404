"""What extraction gives, as one canonical JSON file, to show that a refactoring changes nothing.

    python bench/snapshot.py /tmp/before.json            # the dev corpus, the seeds, 200 bench documents
    ... change the code ...
    python bench/snapshot.py /tmp/after.json --compare /tmp/before.json

Every entity (IRI, class, label, forms, attributes) and every relation (with its evidence:
offsets, extractor, confidence, modality) of every document, in a stable order; a
document's date and a relation's dates (since, until, as of, ended) only where there are
any. With ``--compare`` it prints the documents whose entities or relations differ and
exits 1 when any does; documents that differ in their dates only are counted apart.
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
                                 r.evidence.extractor, round(r.evidence.confidence, 4), r.evidence.modality,
                                 *_dates(r.evidence)]
                                for r in ex.relations),
        }
        if ex.document.created:
            out[path.name]["date"] = [ex.document.created, ex.document.date_source]  # type: ignore[index]
    return out


def _dates(evidence) -> list[dict[str, object]]:
    """A relation's dates as one trailing item, only when it has any."""
    found = {k: v for k, v in (("since", evidence.since), ("until", evidence.until), ("as_of", evidence.as_of),
                               ("ended", evidence.ended)) if v}
    return [found] if found else []


def _undated(document: dict) -> dict:
    """A document's snapshot without its dates (what the compare judges)."""
    rows = [[v for v in row if not isinstance(v, dict)] for row in document.get("relations", [])]
    return {**{k: v for k, v in document.items() if k != "date"}, "relations": sorted(rows)}


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
    names = sorted(set(before) | set(after))
    differ = [n for n in names if _undated(before.get(n, {})) != _undated(after.get(n, {}))]
    dated = [n for n in names if n not in differ and before.get(n) != after.get(n)]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(after)} documents differ; {len(dated)} more differ in their dates only")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
