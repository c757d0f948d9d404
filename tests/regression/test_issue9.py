"""A fresh machine and a new user (issue 9): every module imports, queries with PREFIX lines
answer, paths as plain strings, readable output files, help without raw type names, the
per-document ingest table, warnings for misspelled ontology terms."""

from __future__ import annotations

import importlib
import os
import pkgutil
import stat

import pytest
from conftest import DOCS, run_cli

import actorgraph


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(actorgraph.__path__, "actorgraph."))


@pytest.mark.parametrize("name", _modules())
def test_issue9_every_module_imports(name):
    importlib.import_module(name)


@pytest.fixture(scope="module")
def store():
    from actorgraph import api

    store = api.open_store("memory")
    api.ingest(str(DOCS / "good.txt"), store=store)
    return store


@pytest.mark.parametrize("sparql, expected", [
    ("PREFIX ag: <https://w3id.org/actorgraph/ont#>\nSELECT DISTINCT ?n WHERE { ?x a ag:GovernmentAgency ; rdfs:label ?n }", "rows"),
    ("BASE <https://w3id.org/actorgraph/>\nPREFIX ag: <ont#>\nSELECT ?x WHERE { ?x a ag:Person }", "rows"),
    ("# which agencies?\nselect distinct ?n where { ?x a ag:GovernmentAgency ; rdfs:label ?n } # end", "rows"),
    ("SELECT ?x WHERE { ?x rdfs:label ?l FILTER(?l != \"# not a comment\") }", "rows"),
    ("PREFIX ex: <http://example.org/a#b>\nask { ?x a ag:Person }", "boolean"),
    ("prefix ag: <https://w3id.org/actorgraph/ont#> construct { ?x a ag:Person } where { ?x a ag:Person }", "triples"),
])
def test_issue9_query_kind_comes_from_the_parser(store, sparql, expected):
    result = store.query(sparql)
    if expected == "rows":
        assert result.rows and result.boolean is None and result.triples is None
    elif expected == "boolean":
        assert result.boolean is True
    else:
        assert result.triples


def test_issue9_query_with_prefix_lines_from_the_cli(tmp_path):
    location = str(tmp_path / "s")
    assert run_cli("--store", location, "ingest", "-q", str(DOCS / "good.txt")).returncode == 0
    proc = run_cli("--store", location, "query", "--format", "csv",
                   "PREFIX ag: <https://w3id.org/actorgraph/ont#>\n"
                   "SELECT DISTINCT ?name WHERE { ?x a ag:GovernmentAgency ; rdfs:label ?name } ORDER BY ?name")
    assert proc.returncode == 0, proc.stderr
    assert "U.S. Immigration and Customs Enforcement" in proc.stdout.splitlines()
    typo = run_cli("--store", location, "query", "SELECT ?x WHERE { ?x ag:sharedDataWtih ?y }")
    assert typo.returncode == 0
    assert "warning: query: ag:sharedDataWtih is not in the actorgraph ontology" in typo.stderr


def test_issue9_api_takes_a_folder_as_a_plain_string(tmp_path):
    from actorgraph import api

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text((DOCS / "good.txt").read_text("utf-8"), "utf-8")
    store = api.open_store("memory")
    report = api.ingest(str(folder), store=store)
    assert report.added == [str((folder / "a.txt").resolve())]
    report = api.ingest([str(folder / "a.txt")], store=store)
    assert report.unchanged


def test_issue9_files_are_written_with_the_users_umask(tmp_path, store):
    from actorgraph import api

    old = os.umask(0o022)
    try:
        api.write_map(store, str(tmp_path / "m.html"), png=tmp_path / "m.png")
        proc = run_cli("--store", "memory", "demo", "--out", str(tmp_path / "demo.html"), cwd=tmp_path)
    finally:
        os.umask(old)
    assert proc.returncode == 0, proc.stderr
    for name in ("m.html", "m.png", "demo.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


@pytest.mark.parametrize("command", ["ingest", "query", "stats", "export", "map", "ask", "analyze", "resolve",
                                     "entities", "validate", "evaluate", "demo"])
def test_issue9_help_reads_like_a_normal_cli(command):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    for raw in ("<str>", "<bool>", "<int>", "<path>", "<list", "{paths}"):
        assert raw not in proc.stdout, (raw, proc.stdout)
    assert "Example: actorgraph" in proc.stdout


def test_issue9_ask_help_lists_every_question():
    from actorgraph.graph.questions import questions

    proc = run_cli("ask", "--help")
    for name, q in questions().items():
        assert f"{name} — {q.description}" in proc.stdout


def test_issue9_ingest_prints_a_table_and_warns(tmp_path):
    location = str(tmp_path / "s")
    docs = [str(DOCS / name) for name in ("good.txt", "no-relations.txt", "spanish-news.txt")]
    proc = run_cli("--store", location, "ingest", *docs, env={"ACTORGRAPH_SPANISH": "off"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("3 added, 0 replaced, 0 unchanged, 0 failed, 2 with warnings")
    assert lines[1].split() == ["document", "status", "language", "entities", "relations", "warnings"]
    rows = {line.split()[0].rsplit("/", 1)[-1]: line for line in lines[3:-1]}
    assert rows["good.txt"].split()[1:3] == ["added", "en"]
    assert "no relation found" in rows["no-relations.txt"]
    assert "es" == rows["spanish-news.txt"].split()[2]
    assert "which has no pipeline" in rows["spanish-news.txt"]
    assert f"warning: {DOCS / 'no-relations.txt'}: no relation found" in proc.stderr
    quiet = run_cli("--store", location, "ingest", "-q", *docs, env={"ACTORGRAPH_SPANISH": "off"})
    assert quiet.stdout.strip().splitlines() == [f"0 added, 0 replaced, 3 unchanged, 0 failed, 0 with warnings -> {location}"]
    assert quiet.stderr == ""
