"""Shared fixtures: the spaCy pipeline (session), the seed documents, a store with the seeds."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
DOCS = Path(__file__).resolve().parent / "data" / "docs"


@pytest.fixture(scope="session")
def nlp():
    from actorgraph.loaders.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_files, nlp):
    """An embedded on-disk store holding the five seeds (read-only use in tests)."""
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    path = tmp_path_factory.mktemp("seed-store") / "store"
    with open_store(str(path)) as store:
        ingest(seed_files, store=store)
    store = open_store(str(path), read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def dated_store(tmp_path_factory, nlp):
    """An embedded store of four invented documents that date what they say
    (tests/data/time: 2017, 2020, 2021 and one undated), read-only."""
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    path = tmp_path_factory.mktemp("dated-store") / "store"
    with open_store(str(path)) as store:
        ingest(sorted((Path(__file__).parent / "data" / "time").glob("*.txt")), store=store)
    store = open_store(str(path), read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_extractions(seed_files, nlp):
    from actorgraph.loaders.pipeline import extract_path

    return {p.name: extract_path(p, nlp) for p in seed_files}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, name: str, seconds: float = 60) -> None:
    """Wait until a server the tests started listens on 127.0.0.1:``port``; fail (and
    kill it) if it exits or does not come up."""
    import socket
    import time

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{name} exited with code {proc.returncode}")
            time.sleep(0.2)
    proc.kill()
    pytest.fail(f"{name} did not start within {seconds:g} s")


@contextlib.contextmanager
def oxigraph_serve(folder: Path):
    """A real `oxigraph serve` on 127.0.0.1 over ``folder`` (its default graph the union of
    the named graphs); yields its base URL (…/query, …/update, …/store)."""
    exe = shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the `oxigraph` server (PyPI package oxigraph, in the dev extra) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, proc, "oxigraph serve", 30)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def virtuoso_server(folder: Path):
    """A real Virtuoso Open Source (Debian package virtuoso-opensource) on 127.0.0.1 with its
    files in ``folder``: queries at /sparql, updates at /sparql-auth and the Graph Store
    protocol at /sparql-graph-crud-auth, both behind HTTP digest authentication (dba/dba).
    Yields its base URL."""
    exe = shutil.which("virtuoso-t")
    if exe is None:
        pytest.fail("Virtuoso is not installed (Debian package virtuoso-opensource, see .ci/run)")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text((Path(__file__).parent / "servers" / "virtuoso.ini.in").read_text("utf-8")
                   .replace("@DIR@", str(folder)).replace("@SQL_PORT@", str(sql_port))
                   .replace("@HTTP_PORT@", str(http_port)), "utf-8")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(ini)], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http_port, proc, f"Virtuoso (log: {folder / 'virtuoso.log'})", 90)
        yield f"http://127.0.0.1:{http_port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("ACTORGRAPH_STORE", None) if env is None or "ACTORGRAPH_STORE" not in env else None
    return subprocess.run([sys.executable, "-m", "actorgraph", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=300)


def triples_of(nlp, text: str) -> dict:
    """(subject label, predicate, object label) -> Relation for an invented text."""
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document(text, "invented.txt"), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    return {(labels[r.subject], r.predicate, labels[r.object]): r for r in ex.relations}


_MULTILINE = 'Line one,\nline "two" \\ of a señal —'


def literals_survive(store, atomic: bool = True) -> None:
    """Write a graph whose literals need escaping (a line break, quotes, a backslash,
    accents), read them back, then replace the graph."""
    from rdflib import Literal, URIRef

    g, s, p = "urn:ag:test:g", URIRef("urn:ag:test:s"), URIRef("urn:ag:test:p")
    store.write_graphs({g: [f"{s.n3()} {p.n3()} {Literal(_MULTILINE).n3()}", f"{s.n3()} {p.n3()} {Literal(3).n3()}"]},
                       atomic=atomic)
    got = {r["o"].toPython() for r in store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(g)}).rows}
    assert got == {_MULTILINE, 3}
    store.write_graphs({g: [f"{s.n3()} {p.n3()} {Literal('again', lang='en').n3()}"]}, atomic=atomic)
    assert [str(r["o"]) for r in store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(g)}).rows] == ["again"]
