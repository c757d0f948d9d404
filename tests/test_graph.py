import json
import socket
import subprocess
import sys

import pytest
from conftest import DOCS, GOLD, literals_survive, oxigraph_serve
from rdflib import Literal, URIRef

from actorgraph.errors import QueryError
from actorgraph.graph.ingest import ingest_paths
from actorgraph.graph.store import open_store, result_to_json


def _count(store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"])


def test_ingest_twice_leaves_the_store_unchanged(tmp_path, seed_files, nlp):
    with open_store(str(tmp_path / "s")) as store:
        first = ingest_paths(store, seed_files, nlp)
        n = _count(store)
        dump = sorted(store.dump_nquads().splitlines())
        second = ingest_paths(store, seed_files, nlp)
        assert len(first.added) == 5 and len(second.unchanged) == 5
        assert _count(store) == n
        assert sorted(store.dump_nquads().splitlines()) == dump


def test_changed_file_replaces_its_graph(tmp_path, nlp):
    from actorgraph.api import ingest

    doc = tmp_path / "note.txt"
    doc.write_text("The Harbor Workers Union condemns U.S. Immigration and Customs Enforcement.", "utf-8")
    with open_store(str(tmp_path / "s")) as store:
        ingest([doc], store=store)
        labels = {str(r["l"]) for r in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }").rows}
        assert "U.S. Immigration and Customs Enforcement" in labels
        doc.write_text("The Harbor Workers Union stands in solidarity with the Coastal Tenants Alliance.", "utf-8")
        report = ingest([doc], store=store)
        assert report.replaced == [str(doc)]
        graphs = store.query("SELECT DISTINCT ?d WHERE { ?d a ag:Document }").rows
        assert len(graphs) == 1
        preds = {str(r["p"]).rsplit("#", 1)[1] for r in store.query(
            "SELECT ?p WHERE { ?ev a ag:Evidence ; rdf:predicate ?p }").rows}
        assert preds == {"supports"}
        labels = {str(r["l"]) for r in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }").rows}
        assert "U.S. Immigration and Customs Enforcement" not in labels


@pytest.mark.parametrize("atomic", [True, False])
def test_written_graphs_keep_every_literal_whole(tmp_path, atomic):
    """New graphs are loaded as TriG (atomic) or Turtle pieces; either way a quote with a
    line break (rdflib writes it as a long string), quotes, a backslash or accents comes
    back as it went in, and a second write of one graph replaces it."""
    with open_store(str(tmp_path / "s")) as store:
        literals_survive(store, atomic)


@pytest.mark.server
@pytest.mark.parametrize("graph_store", [False, True])
def test_remote_store_keeps_every_literal_whole(oxigraph_server, graph_store):
    store = open_store(f"{oxigraph_server}/query", update_url=f"{oxigraph_server}/update",
                       graph_store_url=f"{oxigraph_server}/store" if graph_store else None)
    literals_survive(store)


def test_store_reopens_after_the_process_ends(tmp_path):
    location = tmp_path / "s"
    code = ("from actorgraph.api import ingest; import sys; "
            f"ingest([{str(DOCS / 'good.txt')!r}], store={str(location)!r})")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
    with open_store(str(location), read_only=True) as store:
        docs = store.query("SELECT ?t WHERE { ?d a ag:Document ; dcterms:title ?t ; dcterms:source ?src "
                           "FILTER(STRENDS(?src, 'good.txt')) }").rows
        assert [str(r["t"]) for r in docs] == ["Coalition Condemns Data Sharing in Rivermouth"]


def test_second_writer_gets_a_clear_busy_error(tmp_path):
    location = str(tmp_path / "s")
    with open_store(location):
        code = ("from actorgraph.graph.store import open_store\n"
                f"open_store({location!r})")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert proc.returncode != 0
        assert "StoreBusyError" in proc.stderr and "in use by another process" in proc.stderr
        # readers are still welcome
        with open_store(location, read_only=True) as reader:
            assert reader.query("ASK { ?s ?p ?o }").boolean is False


def test_every_relation_has_evidence_in_its_document_graph(seed_store):
    rows = seed_store.query("""
        SELECT ?s ?p ?o WHERE { GRAPH ?d { ?s ?p ?o } FILTER(STRSTARTS(STR(?p), STR(ag:)))
          FILTER(?p != ag:mentions && isIRI(?o) && ?p NOT IN (rdf:subject, rdf:object))
          FILTER NOT EXISTS { GRAPH ?d { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                                        ag:quote ?q ; prov:wasDerivedFrom ?d } } }""").rows
    assert rows == []


def test_malformed_sparql_is_a_query_error(seed_store):
    with pytest.raises(QueryError, match="malformed SPARQL"):
        seed_store.query("SELECT ?x WHERE { ?x ")


def test_bound_parameters_are_not_pasted(seed_store):
    hostile = Literal('ICE" } } ; DROP ALL ; SELECT * { "')
    result = seed_store.query("SELECT ?e WHERE { ?e skos:altLabel ?name }", {"name": hostile})
    assert result.rows == []
    ok = seed_store.query("SELECT DISTINCT ?e WHERE { ?e skos:altLabel ?name }", {"name": Literal("ICE")})
    assert [str(r["e"]) for r in ok.rows] == ["https://w3id.org/actorgraph/id/government-agency/us-immigration-and-customs-enforcement"]


def test_json_results_follow_the_w3c_format(seed_store):
    doc = json.loads(result_to_json(seed_store.query(
        "SELECT ?c (COUNT(?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c ORDER BY ?c")))
    assert doc["head"]["vars"] == ["c", "n"]
    first = doc["results"]["bindings"][0]
    assert first["c"]["type"] == "uri"
    assert first["n"] == {"type": "literal", "value": first["n"]["value"],
                          "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_entities_have_one_label_each(seed_store):
    rows = seed_store.query("""SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE { ?d ag:mentions ?e .
                               OPTIONAL { ?e rdfs:label ?l } } GROUP BY ?e HAVING (COUNT(DISTINCT ?l) != 1)""").rows
    assert rows == []


@pytest.fixture
def oxigraph_server(tmp_path, oxigraph_program):
    with oxigraph_serve(tmp_path / "server", oxigraph_program) as url:
        yield url


@pytest.mark.server
def test_remote_store_ingest_and_query_against_oxigraph_serve(oxigraph_server, seed_files, nlp, seed_store):
    from actorgraph.api import ingest

    store = open_store(f"{oxigraph_server}/query", update_url=f"{oxigraph_server}/update")
    ingest(seed_files, store=store)
    assert _count(store) == _count(seed_store)
    again = ingest_paths(store, seed_files, nlp)
    assert len(again.unchanged) == 5
    question = "SELECT DISTINCT ?l WHERE { ?s ag:sharedDataWith ?o . ?s rdfs:label ?l } ORDER BY ?l"
    assert store.query(question).rows == seed_store.query(question).rows
    bound = store.query("SELECT DISTINCT ?e WHERE { ?e skos:altLabel ?name }", {"name": Literal("ICE")})
    assert len(bound.rows) == 1
    with pytest.raises(QueryError):
        store.query("SELECT ?x WHERE { ?x ")


def test_evaluate_seeds_meets_the_foundation_level(seed_store):
    from actorgraph.graph.evaluate import evaluate

    report = evaluate(seed_store, GOLD)
    assert report.entities.f1 >= 0.85
    assert report.relations.f1 >= 0.60
    assert all(c == pc and g == pg for _, c, g, pc, pg in report.petitions)
    assert len(report.petitions) == 12


def test_validate_passes_on_the_seed_graph(seed_store):
    from actorgraph.exports.rdf import store_to_graph
    from actorgraph.ontology.validate import validate_graph

    assert validate_graph(store_to_graph(seed_store)) == []


@pytest.mark.server
def test_remote_store_without_update_url_says_which_url_to_give(oxigraph_server):
    from conftest import DOCS, run_cli

    proc = run_cli("--store", f"{oxigraph_server}/query", "ingest", str(DOCS / "good.txt"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "give its update endpoint with --update-url" in lines[0], proc.stderr


def test_parallel_ingest_writes_the_same_store(tmp_path, seed_files, seed_store):
    from actorgraph.api import ingest

    with open_store(str(tmp_path / "s")) as store:
        report = ingest(seed_files, store=store, jobs=2)
        assert len(report.added) == 5
        assert sorted(store.dump_nquads().splitlines()) == sorted(seed_store.dump_nquads().splitlines())
        assert {"read", "parse", "rules", "write", "resolve"} <= set(report.timings)
        assert report.timings["parse"] > 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_batches_keep_what_came_before_a_bad_file(tmp_path, nlp, jobs):
    docs = []
    for i in range(5):
        path = tmp_path / f"d{i}.txt"
        path.write_text(f"The Harbor Workers Union {i} condemns U.S. Immigration and Customs Enforcement.", "utf-8")
        docs.append(path)
    (tmp_path / "d2.txt").write_bytes(b"")  # the third document is empty
    with open_store(str(tmp_path / "s")) as store:
        from actorgraph.errors import InputError

        with pytest.raises(InputError, match="empty"):
            ingest_paths(store, docs, nlp, batch=2, jobs=jobs)
        sources = {str(r["s"]).rsplit("/", 1)[-1] for r in store.query(
            "SELECT ?s WHERE { ?d a ag:Document ; dcterms:source ?s }").rows}
        assert sources == {"d0.txt", "d1.txt"}
        report = ingest_paths(store, docs, nlp, batch=2, jobs=jobs, keep_going=True)
        assert [p.rsplit("/", 1)[-1] for p in report.added] == ["d3.txt", "d4.txt"]
        assert len(report.unchanged) == 2 and report.failed[0][0].endswith("d2.txt")


class _FlakyProxy:
    """A TCP proxy in front of a real server that drops the first ``drops`` connections."""

    def __init__(self, target_port: int, drops: int) -> None:
        import socketserver
        import threading

        self.drops, self.seen = drops, 0
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                proxy.seen += 1
                if proxy.seen <= proxy.drops:
                    self.request.close()  # the connection drops before any answer
                    return
                with socket.create_connection(("127.0.0.1", target_port)) as upstream:
                    def pump(a, b):
                        try:
                            while chunk := a.recv(65536):
                                b.sendall(chunk)
                        except OSError:
                            pass
                        finally:
                            try:
                                b.shutdown(socket.SHUT_WR)
                            except OSError:
                                pass
                    t = threading.Thread(target=pump, args=(upstream, self.request), daemon=True)
                    t.start()
                    pump(self.request, upstream)
                    t.join(timeout=30)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.server
def test_remote_store_retries_a_dropped_connection(oxigraph_server, seed_files, seed_store, monkeypatch):
    from actorgraph import api
    from actorgraph.api import ingest
    from actorgraph.errors import StoreError

    port = int(oxigraph_server.rsplit(":", 1)[1])
    proxy = _FlakyProxy(port, drops=2)
    try:
        url = f"http://127.0.0.1:{proxy.port}"
        store = open_store(f"{url}/query", update_url=f"{url}/update")
        ingest(seed_files[:2], store=store)
        assert proxy.seen > 2  # two connections dropped, then retried and answered
        question = "SELECT (COUNT(*) AS ?n) WHERE { ?d a ag:Document ; dcterms:source ?s FILTER(STRENDS(?s, '.txt')) }"
        assert int(store.query(question).rows[0]["n"]) == 2
        monkeypatch.setenv("ACTORGRAPH_RETRIES", "1")  # read by the API's open_store, as by the CLI
        proxy.drops, proxy.seen = 10, 0
        with pytest.raises(StoreError, match="the connection dropped"):
            api.open_store(f"{url}/query", update_url=f"{url}/update").query(question)
        assert proxy.seen == 2  # one try and one retry
    finally:
        proxy.close()


@pytest.mark.server
@pytest.mark.parametrize("graph_store", [False, True])
def test_remote_store_writes_whole_graphs_in_small_requests_or_by_graph_store_protocol(oxigraph_server, monkeypatch,
                                                                                        graph_store):
    """Without a Graph Store endpoint a graph larger than a request takes several, the
    document's own triple last; with one, each graph is one PUT. Either way a graph written
    again replaces what it held, and the dropped graphs go."""
    import actorgraph.graph.store as store_module

    monkeypatch.setattr(store_module, "UPDATE_TRIPLES", 7)
    monkeypatch.setattr(store_module, "PUT_TRIPLES", 7)
    sent: list[str] = []
    store = open_store(f"{oxigraph_server}/query", update_url=f"{oxigraph_server}/update",
                       graph_store_url=f"{oxigraph_server}/store" if graph_store else None)
    original = store.update
    monkeypatch.setattr(store, "update", lambda text: (sent.append(text), original(text))[1])
    doc, old = "https://w3id.org/actorgraph/doc/big", "https://w3id.org/actorgraph/doc/old"
    store.write_graphs({old: ['<urn:x> <urn:p> "old"']})
    triples = [f'<urn:e{i}> <urn:p> "value {i} with \\"quotes\\" é"' for i in range(20)]
    triples.insert(3, f"<{doc}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:Document>")
    sent.clear()
    store.write_graphs({doc: triples}, drops=[old])
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(store.query(count, {"g": URIRef(doc)}).rows[0]["n"]) == 21
    assert int(store.query(count, {"g": URIRef(old)}).rows[0]["n"]) == 0
    if graph_store:
        assert sent == [f"DROP SILENT GRAPH <{old}>"]
    else:
        writes = [t for t in sent if "INSERT DATA" in t]
        assert len(writes) == 3 and f"<{doc}> <http" in writes[-1] and all(f"<{doc}> <http" not in t for t in writes[:-1])
    store.write_graphs({doc: triples[:2]})
    assert int(store.query(count, {"g": URIRef(doc)}).rows[0]["n"]) == 2


def test_entities_graph_written_in_pieces_and_finished_after_a_cut(tmp_path, seed_files, nlp, monkeypatch):
    """The entities graph (labels, classes, name keys) is derived, so the embedded store
    writes it in pieces: the same quads as one transaction, and a write cut short leaves
    the recovery mark, so the next resolution rebuilds it."""
    from actorgraph import api
    from actorgraph.graph import recovery
    from actorgraph.graph import store as store_module
    from actorgraph.graph.store import OxigraphStore, StoreError, open_store

    whole, pieces = tmp_path / "whole", tmp_path / "pieces"
    with open_store(str(whole)) as store:
        api.ingest(seed_files[:2], store=store)
        expected = sorted(store.dump_nquads().decode("utf-8").splitlines())
    monkeypatch.setattr(store_module, "DERIVED_PIECE", 40)
    with open_store(str(pieces)) as store:
        api.ingest(seed_files[:2], store=store)
        assert sorted(store.dump_nquads().decode("utf-8").splitlines()) == expected

    written = []
    real = OxigraphStore._load_piece

    def cut(self, graph, triples):
        if written:
            raise StoreError("disk full")
        written.append(len(triples))
        real(self, graph, triples)

    monkeypatch.setattr(OxigraphStore, "_load_piece", cut)
    with open_store(str(pieces)) as store, pytest.raises(StoreError, match="disk full"):
        api.resolve(store)
    monkeypatch.setattr(OxigraphStore, "_load_piece", real)
    with open_store(str(pieces)) as store:
        assert recovery.is_pending(store)
        assert sorted(store.dump_nquads().decode("utf-8").splitlines()) != expected
        api.resolve(store)
        assert not recovery.is_pending(store)
        assert sorted(store.dump_nquads().decode("utf-8").splitlines()) == expected


def test_documents_parsed_together_give_what_each_gives_alone(seed_files, seed_extractions, nlp):
    """The ingest parses GROUP documents in one spaCy pipe (fuller batches); each extraction
    must be the one its document gives alone, English and Spanish passages alike."""
    from actorgraph.graph.ingest import _extract_paths

    together = _extract_paths(seed_files, nlp, {})
    assert [ex.document.source for ex in together] == [str(p) for p in seed_files]
    assert {p.name: ex for p, ex in zip(seed_files, together)} == seed_extractions


def test_a_document_the_model_gives_up_on_fails_alone_in_its_group(tmp_path, nlp):
    """When spaCy raises on one text of a group, the group is extracted again document by
    document: the others are kept and only that one carries the error."""
    from actorgraph.errors import InputError
    from actorgraph.graph.ingest import _extract_paths

    class GivesUp:  # spaCy's own pipeline, except on one text (as on a text it cannot take)
        def pipe(self, texts, batch_size=32):
            for text in texts:
                if "Unparseable" in text:
                    raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000.")
                yield from nlp.pipe([text])

    texts = ["The Harbor Workers Union met the mayor on Friday.", "Unparseable Coalition wrote to the council.",
             "The Valley Tenants Union launched the Homes Not Cages campaign in May."]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, "utf-8")
    results = _extract_paths(paths, GivesUp(), {})
    assert isinstance(results[1], InputError) and "could not extract" in results[1].message
    assert [r.document.text.strip() for r in (results[0], results[2])] == [texts[0], texts[2]]
    assert any(e.label == "Homes Not Cages" for e in results[2].entities)


def test_documents_are_grouped_by_count_and_by_bytes(tmp_path):
    """At most GROUP files and GROUP_BYTES bytes are parsed together; a bigger file alone.
    For workers the groups shrink toward the end, so that they finish together."""
    from actorgraph.graph.ingest import GROUP, GROUP_BYTES, MIN_GROUP, _groups

    small = []
    for i in range(4 * GROUP):
        small.append(tmp_path / f"s{i:03}.txt")
        small[-1].write_text("The council met.\n", "utf-8")
    big = tmp_path / "big.txt"
    big.write_text("The council met again.\n" * (GROUP_BYTES // 20), "utf-8")
    paths = small[:2] + [big] + small[2:GROUP + 5]
    groups = list(_groups(paths))
    assert [len(g) for g in groups] == [2, 1, GROUP, 3]
    assert groups[1] == [big] and [p for g in groups for p in g] == paths
    sizes = [len(g) for g in _groups(small, jobs=2)]
    assert sum(sizes) == len(small) and sizes[0] == GROUP
    assert sizes == sorted(sizes, reverse=True) and sizes[-2] == MIN_GROUP  # the last groups are small


def test_parallel_extraction_keeps_only_a_few_groups_ahead(tmp_path, nlp, monkeypatch):
    """Workers get a few groups ahead of the writer, not the whole run: what they return
    waits in memory until it is written. Every file still comes out once, in order."""
    from concurrent.futures import ProcessPoolExecutor

    from actorgraph.graph import ingest

    submitted: list[list] = []
    original = ProcessPoolExecutor.submit
    monkeypatch.setattr(ProcessPoolExecutor, "submit",
                        lambda self, fn, *args, **kw: (submitted.append(args[0]), original(self, fn, *args, **kw))[1])
    paths = []
    for i in range(40):
        paths.append(tmp_path / f"{i:02}.txt")
        paths[-1].write_text(f"The Harbor Workers Union met the Eastside Tenants Committee on day {i}.", "utf-8")
    results = ingest.extractions(paths, nlp, jobs=2)
    first = next(results)
    assert len(submitted) <= ingest.AHEAD * 2 + 1
    rest = list(results)
    assert [path for path, _, _ in [first, *rest]] == paths
    assert all(not isinstance(ex, Exception) and ex.entities for _, ex, _ in [first, *rest])
    assert [p for group in submitted for p in group] == paths and len(submitted) > ingest.AHEAD * 2 + 1


def test_a_long_ingest_flushes_the_store_as_it_goes(tmp_path, seed_files, nlp, monkeypatch):
    """The embedded store's write buffers are flushed every FLUSH_EVERY documents (left to
    fill, they held 1.6 GB at 10,000 documents); what is written is the same."""
    from actorgraph.graph import ingest
    from actorgraph.graph.store import OxigraphStore

    flushes = []
    original = OxigraphStore.flush
    monkeypatch.setattr(OxigraphStore, "flush", lambda self: (flushes.append(1), original(self))[1])
    monkeypatch.setattr(ingest, "FLUSH_EVERY", 2)
    with open_store(str(tmp_path / "s")) as store:
        report = ingest_paths(store, seed_files, nlp, batch=1)
        assert len(report.added) == 5 and len(flushes) == 2
        assert _count(store) > 0
