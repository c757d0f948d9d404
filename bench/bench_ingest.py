"""Ingest throughput and query latency on a synthetic corpus, with an embedded store.

    python bench/bench_ingest.py --documents 200
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from actorgraph.api import ingest, open_store, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(Path(__file__).with_name("corpus.py")), str(corpus),
                        "--documents", str(args.documents)], check=True, stdout=subprocess.DEVNULL)
        chars = sum(p.stat().st_size for p in corpus.glob("*.txt"))
        store = open_store(str(Path(tmp) / "store"))
        from actorgraph.loaders.nlp import load_pipeline

        t0 = time.perf_counter()
        load_pipeline()
        t1 = time.perf_counter()
        ingest([corpus], store=store)
        t2 = time.perf_counter()
        info = summary(store)
        t3 = time.perf_counter()
        rows = store.query("SELECT ?a WHERE { ?a ag:sharedDataWith ?b }").rows
        t4 = time.perf_counter()
        print(f"model load {t1 - t0:.1f} s; ingest {args.documents} documents ({chars / 1000:.0f} kB) in {t2 - t1:.1f} s "
              f"= {args.documents / (t2 - t1):.1f} docs/s, {chars / 1000 / (t2 - t1):.0f} kB/s; "
              f"{info['triples']} triples, {sum(info['entities'].values())} entities; "
              f"summary {1000 * (t3 - t2):.0f} ms; a SPARQL lookup {1000 * (t4 - t3):.1f} ms ({len(rows)} rows)")
        store.close()


if __name__ == "__main__":
    main()
