"""Scale: ingest throughput, memory, store size and question latency at several corpus
sizes, with bare spaCy on the same texts in the same run as the yardstick.

    python bench/bench_scale.py --documents 100 1000 10000 --jobs 2

For each size a corpus is built with bench/corpus.py (realistic paragraphs, invented
actors). Each measurement runs in its own process, so peak RSS is that step's alone:

- bare spaCy: the same English model (without actorgraph's rules) over the same texts
  with ``nlp.pipe``, one process;
- ingest: ``actorgraph.api.ingest`` into a fresh embedded store, one process, then with
  ``--jobs`` processes; per-phase seconds (read, parse, rules, write, resolve);
- questions: every named question, ``stats`` and every analysis, in-process (after one
  warm-up call), and ``actorgraph ask shared-data-with ICE`` from the CLI; the default map.

Prints one Markdown table per size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(code: str, *args: str, cache: Path | None = None) -> dict:
    """Run one step in its own process; with ``cache``, a step measured before (its JSON
    kept in that file) is not run again."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text("utf-8"))
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"benchmark step failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if cache is not None:
        cache.write_text(json.dumps(result), "utf-8")
    return result


BARE = """
import json, resource, sys, time
from pathlib import Path
import spacy
from actorgraph.loaders.nlp import DEFAULT_MODELS
for name in DEFAULT_MODELS:
    try:
        nlp = spacy.load(name); break
    except OSError:
        continue
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

INGEST = """
import json, resource, sys, time
from actorgraph.api import ingest
from actorgraph.loaders.nlp import load_pipeline
load_pipeline()  # model load is not ingest
t = time.perf_counter()
report = ingest([sys.argv[1]], store=sys.argv[2], jobs=int(sys.argv[3]))
seconds = time.perf_counter() - t
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "rss": rss * 1024, "timings": report.timings, "added": len(report.added)}))
"""

QUESTIONS = """
import json, sys, time, tempfile
from pathlib import Path
from actorgraph import api

store = api.open_store(sys.argv[1], read_only=True)
ice = "ICE"
asks = {"shared-data-with": (ice,), "opponents-of": (ice,), "supporters-of": (ice,), "targets-of": (ice,),
        "targeted-by": (), "facilities": (), "campaigns": (), "sources": (ice,), "overlaps": (), "path": ()}
out = {}
def timed(fn):
    fn()
    t = time.perf_counter(); fn(); return time.perf_counter() - t

for name, args in asks.items():
    if name in ("targeted-by", "overlaps"):  # the organization in most relations: a name that is one entity
        groups = [a["label"] for a in api.summary(store, top=50)["top_actors"] if a["class"] == "Organization"]
        args = (groups[0],) if groups else ("ICE",)
    if name == "path":
        args = (ice, "GEO Group")
    try:
        out["ask " + name] = timed(lambda: api.ask(store, name, *args))
    except Exception as exc:
        out["ask " + name] = "error: " + str(exc)[:80]
out["stats"] = timed(lambda: api.summary(store))
for kind in ("centrality", "communities", "brokers", "coalitions"):  # first call: views as the ingest left them
    t = time.perf_counter(); api.analyze(store, kind); out["analyze " + kind] = time.perf_counter() - t
with tempfile.TemporaryDirectory() as tmp:
    t = time.perf_counter()
    graph = api.write_map(store, Path(tmp) / "m.html")
    out["map (default)"] = time.perf_counter() - t
    out["map nodes"] = graph.number_of_nodes()
print(json.dumps(out))
"""


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep corpora and stores in this folder")
    parser.add_argument("--parallel-only", action="store_true",
                        help="only the --jobs ingest and the questions (bare spaCy and one process are the slow part)")
    parser.add_argument("--no-single", action="store_true",
                        help="bare spaCy, the --jobs ingest and the questions, without the single-process ingest")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from corpus import write_corpus

    base = args.keep or Path(tempfile.mkdtemp(prefix="ag-scale-"))
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    for n in args.documents:
        corpus = base / f"corpus-{n}"
        if not corpus.exists():
            write_corpus(corpus, n)
        size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
        kb = size / 1000
        print(f"\n### {n} documents ({kb:,.0f} kB, {kb / n:.1f} kB each)\n")
        print("| measure | value |\n|---|---|")
        one = bare = None
        if not args.parallel_only:
            bare = _child(BARE, str(corpus), cache=base / f"bare-{n}.json")
            print(f"| bare spaCy `nlp.pipe`, 1 process | {bare['seconds']:.1f} s, {kb / bare['seconds']:.1f} kB/s |")
        if not args.parallel_only and not args.no_single:
            one = _child(INGEST, str(corpus), str(base / f"store-{n}-1"), "1", cache=base / f"ingest-{n}-1.json")
            t = one["timings"]
            print(f"| ingest, 1 process | {one['seconds']:.1f} s, {kb / one['seconds']:.1f} kB/s, {n / one['seconds']:.1f} docs/s "
                  f"= {bare['seconds'] / one['seconds']:.2f}× bare spaCy |")
            print("| phases (1 process) | " + ", ".join(f"{k} {t.get(k, 0):.1f} s" for k in ("read", "parse", "rules", "write", "resolve", "views")) + " |")
        many = _child(INGEST, str(corpus), str(base / f"store-{n}-{args.jobs}"), str(args.jobs),
                      cache=base / f"ingest-{n}-{args.jobs}.json") if args.jobs > 1 else None
        queried = base / (f"store-{n}-1" if one else f"store-{n}-{args.jobs}")
        answers = _child(QUESTIONS, str(queried))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "actorgraph", "--store", str(queried), "ask",
                        "shared-data-with", "ICE"], capture_output=True, check=True)
        cli = time.perf_counter() - started
        if many:
            t = many["timings"]
            print(f"| phases (--jobs {args.jobs}; parse and rules summed over processes) | " +
                  ", ".join(f"{k} {t.get(k, 0):.1f} s" for k in ("read", "parse", "rules", "write", "resolve", "views")) + " |")
            ratio = f" = {bare['seconds'] / many['seconds']:.2f}× bare spaCy" if bare else ""
            print(f"| ingest, --jobs {args.jobs} | {many['seconds']:.1f} s, {kb / many['seconds']:.1f} kB/s, "
                  f"{n / many['seconds']:.1f} docs/s{ratio} |")
        print("| peak RSS | " + "; ".join(
            ([f"bare spaCy {bare['rss'] / 1e6:.0f} MB"] if bare else []) + ([f"ingest {one['rss'] / 1e6:.0f} MB"] if one else [])
            + ([f"--jobs {args.jobs} {many['rss'] / 1e6:.0f} MB (largest process)"] if many else [])) + " |")
        print(f"| store on disk | {_du(queried) / 1e6:.1f} MB |")
        print(f"| `actorgraph ask shared-data-with ICE` (CLI, whole process) | {cli:.2f} s |")
        for name, value in answers.items():
            if name == "map nodes":
                continue
            shown = value if isinstance(value, str) else (f"{1000 * value:.0f} ms" if value < 10 else f"{value:.1f} s")
            extra = f" ({answers['map nodes']} nodes)" if name == "map (default)" else ""
            print(f"| {name} | {shown}{extra} |")
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
