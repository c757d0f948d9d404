"""The remote store against Virtuoso Open Source (Debian package virtuoso-opensource),
started by the test on 127.0.0.1: queries at /sparql, updates at /sparql-auth behind HTTP
digest authentication (credentials from ACTORGRAPH_USER / ACTORGRAPH_PASSWORD)."""

import pytest
from conftest import literals_survive, virtuoso_server

from actorgraph import api
from actorgraph.api import open_store  # reads ACTORGRAPH_USER / ACTORGRAPH_PASSWORD, as the CLI does
from actorgraph.errors import StoreError

pytestmark = pytest.mark.server

_OURS = "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/actorgraph/'))"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, virtuoso_program):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), virtuoso_program) as url:
        yield url


@pytest.fixture(scope="module")
def virtuoso_store(virtuoso, seed_files):
    import os

    os.environ["ACTORGRAPH_USER"], os.environ["ACTORGRAPH_PASSWORD"] = "dba", "dba"
    try:
        store = open_store(f"{virtuoso}/sparql", update_url=f"{virtuoso}/sparql-auth")
        api.ingest(seed_files, store=store)
        yield store
    finally:
        del os.environ["ACTORGRAPH_USER"], os.environ["ACTORGRAPH_PASSWORD"]


def _quads(store) -> set[tuple[str, ...]]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } " + _OURS + " }").rows
    return {(r["s"].n3(), r["p"].n3(), r["o"].n3(), r["g"].n3()) for r in rows}


def test_virtuoso_holds_the_same_quads_as_the_embedded_store(virtuoso_store, seed_store):
    remote, local = _quads(virtuoso_store), _quads(seed_store)
    assert len(local) > 1000
    assert remote == local, (sorted(remote - local)[:5], sorted(local - remote)[:5])


def test_virtuoso_answers_every_named_question_like_the_embedded_store(virtuoso_store, seed_store):
    from actorgraph.graph.questions import questions

    args = {"shared-data-with": ["ICE"], "opponents-of": ["ICE"], "supporters-of": ["Maru Mora-Villalpando"], "targets-of": ["ICE"],
            "targeted-by": ["Maru Mora-Villalpando"], "sources": ["ICE"], "overlaps": ["Mijente"],
            "path": ["Mijente", "GEO Group"], "facilities": [], "campaigns": [], "timeline": ["GEO Group"]}
    assert set(args) == set(questions())
    for name, values in args.items():
        remote = api.ask(virtuoso_store, name, *values)
        local = api.ask(seed_store, name, *values)
        key = lambda rows: sorted(map(repr, rows))  # noqa: E731
        assert key(remote) == key(local) and local, name
    assert api.summary(virtuoso_store) == api.summary(seed_store)
    for kind in ("centrality", "communities", "brokers", "coalitions"):
        assert api.analyze(virtuoso_store, kind) == api.analyze(seed_store, kind), kind


def test_virtuoso_refuses_a_wrong_password_in_one_line(virtuoso, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_USER", "dba")
    monkeypatch.setenv("ACTORGRAPH_PASSWORD", "not-the-password")
    store = open_store(f"{virtuoso}/sparql", update_url=f"{virtuoso}/sparql-auth")
    with pytest.raises(StoreError, match="HTTP 401") as caught:
        store.update("INSERT DATA { GRAPH <https://w3id.org/actorgraph/graph/test> { <urn:a> <urn:b> <urn:c> } }")
    assert "not-the-password" not in str(caught.value)


def test_virtuoso_keeps_every_literal_whole(virtuoso, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_USER", "dba")
    monkeypatch.setenv("ACTORGRAPH_PASSWORD", "dba")
    literals_survive(open_store(f"{virtuoso}/sparql", update_url=f"{virtuoso}/sparql-auth"))
