"""Shared fixtures: the spaCy pipeline (session), the seed documents, a store with the seeds,
and the system programs of the browser and server tests.

Tests marked ``browser`` drive Debian's chromium through chromium-driver; tests marked
``server`` start ``oxigraph serve`` (PyPI package oxigraph, in the dev extra) or Virtuoso
(Debian's virtuoso-opensource). They find those programs through the fixtures
:data:`SYSTEM_FIXTURES` names, and a test that uses one must carry its marker (checked at
collection), so ``python -m pytest -m "not browser and not server"`` runs everything else.
A missing program skips its tests with the reason, unless ``ACTORGRAPH_REQUIRE_SYSTEM_TESTS``
is set (``.ci/run`` sets it): then they fail, so CI never passes without them. The same
holds for the tests that take the ``spanish_model`` fixture (the optional Spanish pipeline,
which .ci/run installs)."""

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

#: set by .ci/run: a browser or server test whose program is missing fails instead of skipping
REQUIRE_SYSTEM_TESTS = os.environ.get("ACTORGRAPH_REQUIRE_SYSTEM_TESTS", "") not in ("", "0")
#: fixture that finds system programs -> the marker every test using it carries
SYSTEM_FIXTURES = {"chromium": "browser", "oxigraph_program": "server", "virtuoso_program": "server"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test that needs a system program carries its marker (before ``-m`` deselects
    anything), so that ``-m "not browser and not server"`` leaves out every such test."""
    unmarked = [f"{item.nodeid} uses the fixture {fixture} but is not marked {marker}"
                for item in items for fixture, marker in SYSTEM_FIXTURES.items()
                if fixture in getattr(item, "fixturenames", ()) and item.get_closest_marker(marker) is None]
    if unmarked:
        raise pytest.UsageError("tests that need a system program must carry its marker:\n  " + "\n  ".join(unmarked))


def system_programs(names: tuple[str, ...], package: str) -> tuple[str, ...]:
    """The paths of programs a browser or server test needs; when one is missing, the test
    is skipped with the reason, or fails when ACTORGRAPH_REQUIRE_SYSTEM_TESTS is set."""
    found = {name: shutil.which(name) for name in names}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        _missing(f"{', '.join(missing)} not found on PATH: install {package}, as `bash .ci/run` does")
    return tuple(str(found[name]) for name in names)


def _missing(reason: str) -> None:
    """Skip the test for ``reason``, or fail it in CI (ACTORGRAPH_REQUIRE_SYSTEM_TESTS)."""
    if REQUIRE_SYSTEM_TESTS:
        pytest.fail(f"{reason}, and ACTORGRAPH_REQUIRE_SYSTEM_TESTS is set: CI runs every test", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> tuple[str, str]:
    """Debian's chromium and chromedriver (tests marked browser)."""
    browser, driver = system_programs(("chromium", "chromedriver"), "Debian's chromium and chromium-driver")
    return browser, driver


@pytest.fixture(scope="session")
def oxigraph_program() -> str:
    """The `oxigraph` server binary (tests marked server)."""
    return system_programs(("oxigraph",), "the PyPI package oxigraph (in the dev extra)")[0]


@pytest.fixture(scope="session")
def spanish_model() -> None:
    """For a test that needs the optional Spanish pipeline: skipped without it (a fresh
    install), failed in CI, whose .ci/run installs it."""
    from actorgraph.loaders.nlp import pipeline_available

    if not pipeline_available("es"):
        _missing("the optional Spanish pipeline is not installed: actorgraph models install es, as `bash .ci/run` does")


@pytest.fixture(scope="session")
def virtuoso_program() -> str:
    """Virtuoso Open Source's server (tests marked server)."""
    return system_programs(("virtuoso-t",), "Debian's virtuoso-opensource")[0]


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
def oxigraph_serve(folder: Path, exe: str):
    """A real `oxigraph serve` (``exe``: the oxigraph_program fixture) on 127.0.0.1 over
    ``folder`` (its default graph the union of the named graphs); yields its base URL
    (…/query, …/update, …/store)."""
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
def virtuoso_server(folder: Path, exe: str):
    """A real Virtuoso Open Source (``exe``: the virtuoso_program fixture) on 127.0.0.1 with
    its files in ``folder``: queries at /sparql, updates at /sparql-auth and the Graph Store
    protocol at /sparql-graph-crud-auth, both behind HTTP digest authentication (dba/dba).
    Yields its base URL."""
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


def stock_pipeline(names):
    """A fresh copy of the first of ``names`` installed, stock spaCy (no actorgraph
    components), to compare actorgraph's replacements with; skips when none is."""
    import spacy

    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip(f"none of {names} installed")


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
