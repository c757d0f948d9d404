"""How fast a large map opens and responds in headless Chromium.

    python bench/bench_map.py --nodes 2000

Builds a random actor graph (about 1.5 edges per node), writes the HTML map (layout computed
in Python by actorgraph.exports.layout, physics off, labels drawn by the page), opens it in
Debian's Chromium through chromedriver and reports: time to write the file, time until the
network is drawn, and time for a search-and-focus.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from actorgraph.exports.html import write_html

CLASSES = ["Person", "Organization", "GovernmentAgency", "Company", "Place", "DetentionFacility", "Campaign"]
PREDICATES = ["supports", "opposes", "memberOf", "targets", "collaboratesWith", "createdCampaign", "locatedIn"]


def graph(n: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"n{i}", label=f"Actor {i}", cls=rng.choice(CLASSES), aliases=[f"A{i}"], documents=["doc"])
    for _ in range(int(n * 1.5)):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            p = rng.choice(PREDICATES)
            g.add_edge(f"n{a}", f"n{b}", key=p, predicate=p, weight=1,
                       evidence=[{"quote": f"Actor {a} {p} Actor {b}.", "document": "doc", "title": "doc",
                                  "start": 0, "end": 10, "modality": "asserted", "extractor": "bench"}])
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as tmp:
        g = graph(args.nodes)
        out = Path(tmp) / "map.html"
        t0 = time.perf_counter()
        write_html(g, out, title="bench")
        t1 = time.perf_counter()
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    f"--user-data-dir={tmp}/profile", "--window-size=1400,900"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_script_timeout(120)
            t2 = time.perf_counter()
            driver.get(out.as_uri())
            drawn = driver.execute_async_script("""
                const done = arguments[arguments.length - 1];
                const wait = () => {
                  if (!window.actorgraph || !window.actorgraph.ready) { setTimeout(wait, 20); return; }
                  const net = window.actorgraph.network;
                  net.once('afterDrawing', () => done(Object.keys(net.getPositions()).length));
                  net.fit();
                };
                wait();""")
            t3 = time.perf_counter()
            driver.execute_script("window.actorgraph.focusNode('n7')")
            t4 = time.perf_counter()
            redraw = driver.execute_script("""const net = window.actorgraph.network, t = performance.now();
                for (let i = 0; i < 10; i++) { net.redraw(); net.canvas.body.emitter.emit('_redraw'); }
                net.fit(); const t2 = performance.now(); net.redraw();
                return [(t2 - t) / 10, window.actorgraph.drawn.length];""")
            size = out.stat().st_size
        finally:
            driver.quit()
    assert drawn == sum(1 for n in g if g.degree(n))
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges: HTML written in {t1 - t0:.1f} s "
          f"({size / 1e6:.1f} MB); opened and drawn in Chromium in {t3 - t2:.1f} s; search-and-focus {1000 * (t4 - t3):.0f} ms; "
          f"a redraw with label layout {redraw[0]:.0f} ms ({redraw[1]} labels at the fit zoom)")


if __name__ == "__main__":
    main()
