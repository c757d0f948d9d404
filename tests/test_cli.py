import json
from pathlib import Path

import pytest
from conftest import DOCS, GOLD, run_cli


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    location = tmp_path_factory.mktemp("cli") / "store"
    proc = run_cli("--store", str(location), "ingest", str(DOCS / "good.txt"), str(DOCS / "petition.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "2 added" in proc.stdout
    return location


def test_cli_query_prints_sparql_json_and_nothing_else(cli_store):
    proc = run_cli("--store", str(cli_store), "query", "--format", "json",
                   "SELECT ?label WHERE { ?c a ag:Campaign ; rdfs:label ?label }")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["head"]["vars"] == ["label"]
    assert [b["label"]["value"] for b in doc["results"]["bindings"]] == ["Free Amara Diallo Now"]


def test_cli_store_from_environment(cli_store):
    proc = run_cli("query", "--format", "csv", "SELECT ?n WHERE { ?c ag:signatureCount ?n }",
                   env={"ACTORGRAPH_STORE": str(cli_store)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["n", "1204"]


def test_cli_query_from_file(cli_store, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ag:sharedDataWith ?o }", "utf-8")
    proc = run_cli("--store", str(cli_store), "query", f"@{rq}")
    assert proc.returncode == 0 and proc.stdout.strip() == "true"


def test_cli_stats_and_export(cli_store, tmp_path):
    stats = run_cli("--store", str(cli_store), "stats", "--format", "json")
    info = json.loads(stats.stdout)
    assert info["documents"] == 2 and info["entities"]["Campaign"] == 1
    out = tmp_path / "g.trig"
    proc = run_cli("--store", str(cli_store), "export", "trig", "--out", str(out))
    assert proc.returncode == 0 and out.stat().st_size > 1000


def _one_error_line(proc, *needles, code=1):
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize("args, needles, code", [
    (["ingest", "does-not-exist.txt"], ["does-not-exist.txt", "no such file"], 1),
    (["ingest", str(DOCS / "empty.txt")], ["empty.txt", "empty"], 1),
    (["ingest", str(DOCS / "binary.txt")], ["binary.txt", "binary"], 1),
    (["ingest", str(DOCS / "bad-encoding.txt")], ["bad-encoding.txt", "UTF-8"], 1),
    (["ingest", str(DOCS / "malformed.pdf")], ["malformed.pdf", "PDF"], 1),
    (["query", "SELECT ?x WHERE { ?x"], ["malformed SPARQL", "error at 1:21"], 1),
    (["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"], ["query:", "SPARQL update"], 1),
    (["query", "--format", "xml", "SELECT * {}"], ["query --format:", "unknown format 'xml'", "table, json, csv"], 2),
    (["export", "gml", "--out", "x.gml"], ["export FORMAT:", "unknown format 'gml'", "turtle"], 2),
    (["ask", "no-such-question"], ["ask:", "no question named 'no-such-question'", "shared-data-with"], 2),
    (["ask", "facilities", "--by", "Anyone"], ["ask facilities:", "does not take --by", "--operator"], 2),
    (["ask", "shared-data-with"], ["ask shared-data-with:", "takes 1 argument"], 2),
    (["analyze", "pagerankk"], ["analyze KIND:", "unknown analysis"], 2),
    (["entities", "--class", "Agency"], ["entities --class:", "unknown class 'Agency'"], 2),
    (["map", "--focus", "Nobody Anywhere", "--out", "m.html"], ["map --focus:", "no entity named 'Nobody Anywhere'"], 1),
    (["map", "--classes", "Agency", "--out", "m.html"], ["map --classes:", "unknown class Agency"], 2),
    (["map", "--story", "missing.toml", "--out", "m.html"], ["map --story missing.toml:", "no such file"], 1),
])
def test_cli_bad_input_gives_one_line_and_leaves_the_store_as_it_was(cli_store, args, needles, code, tmp_path):
    before = run_cli("--store", str(cli_store), "query", "--format", "csv",
                     "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").stdout
    _one_error_line(run_cli("--store", str(cli_store), *args, cwd=tmp_path), *needles, code=code)
    after = run_cli("--store", str(cli_store), "query", "--format", "csv",
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").stdout
    assert before == after


def test_cli_map_with_a_story_file(cli_store, tmp_path):
    import json

    story = tmp_path / "story.toml"
    story.write_text('title = "Data and ICE"\n[[step]]\nfocus = "ICE"\ncaption = "Who works with ICE."\n'
                     '[[step]]\nfocus = "Nobody Anywhere"\n', "utf-8")
    _one_error_line(run_cli("--store", str(cli_store), "map", "--story", str(story), "--out", "m.html", cwd=tmp_path),
                    "step 2: no actor named 'Nobody Anywhere'")
    assert not (tmp_path / "m.html").exists()
    story.write_text('title = "Data and ICE"\n[[step]]\nfocus = "ICE"\ncaption = "Who works with ICE."\n', "utf-8")
    proc = run_cli("--store", str(cli_store), "map", "--story", str(story), "--out", "m.html", "--pdf", "h.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "wrote m.html, h.pdf" in proc.stdout and (tmp_path / "h.pdf").read_bytes()[:5] == b"%PDF-"
    html = (tmp_path / "m.html").read_text("utf-8")
    data = json.loads(html.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0])
    step = data["story"]["steps"][0]
    assert data["story"]["title"] == "Data and ICE" and step["caption"] == "Who works with ICE."
    assert step["nodes"][0].endswith("/us-immigration-and-customs-enforcement") and step["edges"]


def test_cli_empty_folder(tmp_path):
    _one_error_line(run_cli("--store", str(tmp_path / "s"), "ingest", str(tmp_path)), "holds no documents")


def test_cli_usage_error_exits_2():
    proc = run_cli("query")
    assert proc.returncode == 2


def test_cli_reading_a_missing_store_is_clear(tmp_path):
    _one_error_line(run_cli("--store", str(tmp_path / "nowhere"), "query", "ASK {}"), "no store here yet")


def test_cli_demo_writes_store_summary_and_map(tmp_path):
    proc = run_cli("--store", str(tmp_path / "demo"), "demo", "--out", str(tmp_path / "m.html"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "5 documents ingested" in proc.stdout
    assert "Washington State Department of Licensing" in proc.stdout or "WA Department of Licensing" in proc.stdout
    assert (tmp_path / "m.html").stat().st_size > 100_000
    validate = run_cli("--store", str(tmp_path / "demo"), "validate")
    assert validate.returncode == 0, validate.stdout
    assert "valid" in validate.stdout


def test_cli_evaluate_prints_scores():
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    proc = run_cli("evaluate", "--gold", str(GOLD), "--format", "json", str(seeds / "001_b808ff6d9c8ae625.txt"))
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert set(scores) >= {"entities (typed)", "entities (untyped)", "relations"}
    assert scores["entities (typed)"]["gold"] == 14
