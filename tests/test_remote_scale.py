"""Remote stores at scale: the benchmark corpus (300 documents in the suite; set
ACTORGRAPH_SCALE_DOCUMENTS=1000 for the figures of docs/benchmarks.md) (bench/corpus.py: realistic
paragraphs, invented actors) is extracted once into N-Quads shards (`actorgraph extract`,
two processes), then loaded (`actorgraph load`) into the embedded store, into `oxigraph
serve` and into Virtuoso, both started here on 127.0.0.1 and written through the SPARQL 1.1
Graph Store protocol. Each server must hold the embedded store's quads and give its
answers to every named question, the summary and every analysis."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT, oxigraph_serve, virtuoso_server
from rdflib import URIRef

from actorgraph import api
from actorgraph.api import open_store  # reads ACTORGRAPH_USER / ACTORGRAPH_PASSWORD, as the CLI does
from actorgraph.errors import AmbiguousNameError, NotFoundError
from actorgraph.graph.questions import find_entity, questions

pytestmark = pytest.mark.server

DOCUMENTS = int(os.environ.get("ACTORGRAPH_SCALE_DOCUMENTS", "300"))
_OURS = "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/actorgraph/'))"


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder / "docs", DOCUMENTS)
    report = api.extract(paths, folder / "shards", jobs=2)
    assert not report.failed
    return folder / "shards"


@pytest.fixture(scope="module")
def embedded(shards, tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("embedded") / "store"))
    report = api.load([shards], store=store)
    assert len(report.added) == DOCUMENTS
    yield store
    store.close()


@pytest.fixture(scope="module")
def oxigraph_remote(shards, tmp_path_factory, oxigraph_program):
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph") / "data", oxigraph_program) as url:
        store = open_store(f"{url}/query", update_url=f"{url}/update", graph_store_url=f"{url}/store")
        assert len(api.load([shards], store=store).added) == DOCUMENTS
        yield store


@pytest.fixture(scope="module")
def virtuoso_remote(shards, tmp_path_factory, virtuoso_program):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), virtuoso_program) as url:
        os.environ["ACTORGRAPH_USER"], os.environ["ACTORGRAPH_PASSWORD"] = "dba", "dba"
        # reading 100,000 quads back in one answer takes Virtuoso over a minute on a busy machine
        os.environ["ACTORGRAPH_TIMEOUT"] = "300"
        try:
            store = open_store(f"{url}/sparql", update_url=f"{url}/sparql-auth",
                               graph_store_url=f"{url}/sparql-graph-crud-auth")
            assert len(api.load([shards], store=store).added) == DOCUMENTS
            yield store
        finally:
            del os.environ["ACTORGRAPH_USER"], os.environ["ACTORGRAPH_PASSWORD"], os.environ["ACTORGRAPH_TIMEOUT"]


@pytest.fixture(params=["oxigraph", "virtuoso"])
def remote(request):
    return request.getfixturevalue(f"{request.param}_remote")


def _quads(store) -> set[tuple[str, ...]]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } " + _OURS + " }").rows
    return {(r["s"].n3(), r["p"].n3(), r["o"].n3(), r["g"].n3()) for r in rows}


@pytest.fixture(scope="module")
def local_quads(embedded) -> set[tuple[str, ...]]:
    return _quads(embedded)


@pytest.fixture(scope="module")
def local_analyses(embedded) -> dict:
    return {kind: api.analyze(embedded, kind) for kind in ("centrality", "communities", "brokers", "coalitions")}


def test_a_server_holds_the_quads_of_the_embedded_store(remote, local_quads):
    local = local_quads
    assert len(local) > 50 * DOCUMENTS  # about 200 quads a document: the corpus was read
    remote_quads = _quads(remote)
    assert len(remote_quads) == len(local)
    assert remote_quads == local, (sorted(remote_quads - local)[:3], sorted(local - remote_quads)[:3])


def _most(store, predicates: tuple[str, ...], side: str) -> str:
    """The name of the entity on ``side`` of the most ``predicates`` statements that names one
    entity only (the corpus invents its actors, so the test picks them from the graph)."""
    values = " ".join(f"ag:{p}" for p in predicates)
    rows = store.values(f"SELECT ?e (COUNT(?ev) AS ?n) WHERE {{ ?ev rdf:predicate ?p ; rdf:{side} ?e . "
                        f"VALUES ?p {{ {values} }} }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 20")
    for iri, _ in rows:
        label = store.values("SELECT ?l WHERE { ?e rdfs:label ?l }", {"e": URIRef(iri)})[0][0]
        try:
            if str(find_entity(store, str(label))) == iri:
                return str(label)
        except (AmbiguousNameError, NotFoundError):
            continue
    raise AssertionError(f"no entity named once among the {side}s of {predicates}")


def test_a_server_answers_every_named_question_like_the_embedded_store(remote, embedded):
    agency = _most(embedded, ("targets", "raided", "arrested"), "subject")
    args = {"shared-data-with": [_most(embedded, ("sharedDataWith", "collaboratesWith"), "object")],
            "opponents-of": [_most(embedded, ("opposes", "sues", "campaignTargets"), "object")],
            "supporters-of": [_most(embedded, ("supports", "campaignSupports"), "object")],
            "targets-of": [agency], "targeted-by": [_most(embedded, ("targets", "raided", "arrested"), "object")],
            "sources": [agency], "overlaps": [_most(embedded, ("createdCampaign", "opposes"), "subject")],
            "path": [agency, _most(embedded, ("operates",), "subject")], "facilities": [], "campaigns": [],
            "timeline": [agency]}
    assert set(args) == set(questions())
    for name, values in args.items():
        local = api.ask(embedded, name, *values)
        # the generated corpus has no dated document: its timelines are empty (tests/time has dated ones)
        assert local or name == "timeline", f"{name} {values}: the embedded store has no answer to compare"
        assert sorted(map(repr, api.ask(remote, name, *values))) == sorted(map(repr, local)), name


def test_a_server_gives_the_summary_and_analyses_of_the_embedded_store(remote, embedded, local_analyses):
    summary = api.summary(embedded)
    assert summary["documents"] == DOCUMENTS
    assert api.summary(remote) == summary
    for kind, expected in local_analyses.items():
        assert api.analyze(remote, kind) == expected, kind
