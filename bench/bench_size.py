"""Extraction time and peak memory against document size: one report made of generated
paragraphs (bench/corpus.py), from 50 kB up. Each size runs in a fresh process.

    python bench/bench_size.py --sizes 50 100 200 400 1000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(kilobytes: int) -> dict:
    sys.path.insert(0, str(HERE))
    from corpus import document

    from actorgraph.loaders.nlp import load_pipeline
    from actorgraph.loaders.pipeline import extract, make_document

    rng = random.Random(kilobytes)
    parts, size = [], 0
    while size < kilobytes * 1000:
        part = document(rng)
        parts.append(part)
        size += len(part.encode("utf-8"))
    nlp = load_pipeline()
    started = time.perf_counter()
    ex = extract(make_document("\n".join(parts), "big.txt"), nlp)
    seconds = time.perf_counter() - started
    return {"kB": kilobytes, "seconds": round(seconds, 2), "entities": len(ex.entities), "relations": len(ex.relations),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400, 1000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    rows = []
    for kb in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(kb)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        base = rows[0]
        r = rows[-1]
        print(f"{r['kB']:>6} kB  {r['seconds']:>8.2f} s  ({r['seconds'] / base['seconds'] * base['kB'] / r['kB']:.2f}× "
              f"the time per kB at {base['kB']} kB)  peak {r['peak_rss_mb']} MB  "
              f"{r['entities']} entities, {r['relations']} relations", flush=True)


if __name__ == "__main__":
    main()
