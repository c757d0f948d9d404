"""extract → N-Quads shards → load: the same store as a direct ingest."""

import pytest

from actorgraph import api
from actorgraph.errors import InputError
from actorgraph.graph.store import open_store


def _dump(store) -> list[bytes]:
    return sorted(store.dump_nquads().splitlines())


def test_extract_then_load_gives_the_store_ingest_gives(tmp_path, seed_files, seed_store):
    report = api.extract(seed_files, tmp_path / "shards", per_shard=2)
    assert report.documents == 5 and len(report.shards) == 3 and not report.failed
    assert {"parse", "rules", "write"} <= set(report.timings)
    with open_store(str(tmp_path / "store")) as store:
        loaded = api.load(tmp_path / "shards", store=store)
        assert len(loaded.added) == 5 and all(a.endswith(".txt") for a in loaded.added)
        assert _dump(store) == _dump(seed_store)
        again = api.load(tmp_path / "shards", store=store)
        assert len(again.unchanged) == 5 and not again.added
        assert _dump(store) == _dump(seed_store)
    # the same documents give the same shard names (safe to rerun a failed job)
    assert sorted(api.extract(seed_files, tmp_path / "again", per_shard=2).shards) == \
        sorted(str(p).replace("/shards/", "/again/") for p in report.shards)


def test_a_changed_document_replaces_its_graph_on_load(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("The Harbor Workers Union condemns U.S. Immigration and Customs Enforcement.", "utf-8")
    api.extract([doc], tmp_path / "v1")
    doc.write_text("The Harbor Workers Union stands in solidarity with the Coastal Tenants Alliance.", "utf-8")
    api.extract([doc], tmp_path / "v2")
    with open_store(str(tmp_path / "store")) as store:
        api.load(tmp_path / "v1", store=store)
        report = api.load(tmp_path / "v2", store=store)
        assert report.replaced == [str(doc)]
        assert len(store.query("SELECT DISTINCT ?d WHERE { ?d a ag:Document }").rows) == 1
        predicates = {str(r["p"]).rsplit("#", 1)[1] for r in store.query(
            "SELECT ?p WHERE { ?ev a ag:Evidence ; rdf:predicate ?p }").rows}
        assert predicates == {"supports"}


@pytest.mark.parametrize("text, message", [
    ("<urn:a> <urn:b> \"unterminated .\n", "not N-Quads"),
    ("<urn:a> <urn:b> <urn:c> .\n", "outside any document graph"),
    ("<urn:a> <urn:b> <urn:c> <urn:g> .\n", "is not an actorgraph document"),
])
def test_bad_shards_are_refused_whole(tmp_path, seed_files, text, message):
    api.extract(seed_files[:1], tmp_path / "shards")
    bad = tmp_path / "shards" / "shard-0-bad.nq"
    bad.write_text(text, "utf-8")
    with open_store(str(tmp_path / "store")) as store:
        with pytest.raises(InputError, match=message):
            api.load(tmp_path / "shards", store=store)
        assert not store.query("ASK { GRAPH <urn:g> { ?s ?p ?o } }").boolean
        report = api.load(tmp_path / "shards", store=store, keep_going=True)
        assert report.failed[0][0] == str(bad) and message in report.failed[0][1]


def test_cli_extract_and_load(tmp_path, seed_files):
    from test_cli import run_cli

    proc = run_cli("extract", *map(str, seed_files), "--out", str(tmp_path / "shards"), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "5 documents extracted into 1 shard(s)" in proc.stdout
    proc = run_cli("--store", str(tmp_path / "store"), "load", str(tmp_path / "shards"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("5 added, 0 replaced, 0 unchanged, 0 shard(s) failed")
    proc = run_cli("--store", str(tmp_path / "store"), "load", str(tmp_path / "nowhere"))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no such file or folder" in proc.stderr
