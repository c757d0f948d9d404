"""Safe outputs and input edges (issue 13, the parts done so far): CSV cells that a
spreadsheet would run are neutralised, SERVICE is refused, UTF-16/32 files with a BOM read."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from conftest import DOCS, run_cli

HOSTILE = ['=HYPERLINK("http://example.org","x")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "\tTab", "\rCR"]


@pytest.mark.parametrize("value", HOSTILE)
def test_issue13_csv_cells_are_neutralised(value):
    from actorgraph.exports.tables import csv_text

    rows = list(csv.reader(io.StringIO(csv_text(["name"], [[value]]))))
    assert rows[1][0] == "'" + value


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    doc = folder / "hostile.txt"
    doc.write_text("Statement\n\nThe =HYPERLINK Workers Alliance condemned ICE on Monday. "
                   "The @SUM Defense Network sued ICE in federal court.\n", "utf-8")
    location = folder / "store"
    assert run_cli("--store", str(location), "ingest", "-q", str(doc)).returncode == 0
    return location


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_issue13_every_csv_output_is_safe(hostile_store, tmp_path):
    outputs = [
        run_cli("--store", str(hostile_store), "query", "--format", "csv",
                "SELECT DISTINCT ?l WHERE { ?x rdfs:label ?l }").stdout,
        run_cli("--store", str(hostile_store), "entities", "--format", "csv").stdout,
        run_cli("--store", str(hostile_store), "ask", "opponents-of", "ICE", "--format", "csv").stdout,
    ]
    assert run_cli("--store", str(hostile_store), "export", "csv", "--out", str(tmp_path / "t")).returncode == 0
    outputs += [(tmp_path / "t" / "nodes.csv").read_text("utf-8"), (tmp_path / "t" / "edges.csv").read_text("utf-8")]
    names = [cell for text in outputs for cell in _cells(text) if "HYPERLINK" in cell or "@SUM" in cell]
    assert names, outputs
    assert not [cell for cell in names if cell.startswith(("=", "@", "+", "-"))]


def test_issue13_service_is_refused_unless_allowed(hostile_store):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    proc = run_cli("--store", str(hostile_store), "query", query)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: query: SERVICE") and "--allow-service" in proc.stderr
    tricky = run_cli("--store", str(hostile_store), "query", "SELECT * WHERE { ?s ?p 'SERVICE <http://x>' }")
    assert tricky.returncode == 0, tricky.stderr


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                           ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_issue13_text_with_a_byte_order_mark_is_read(tmp_path, encoding, bom):
    from actorgraph.loaders.read import read_file

    text = (DOCS / "good.txt").read_text("utf-8")
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_file(path).text == text


def _nquads(location) -> list[str]:
    from actorgraph.graph.store import open_store

    with open_store(str(location), read_only=True) as store:
        return sorted(store.dump_nquads().decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def clean_ingest(tmp_path_factory):
    location = tmp_path_factory.mktemp("clean") / "store"
    docs = [str(DOCS / "good.txt"), str(DOCS / "news-report.txt")]
    assert run_cli("--store", str(location), "ingest", "-q", *docs).returncode == 0
    return docs, _nquads(location)


@pytest.mark.parametrize("phase", ["after-mark", "after-documents", "after-resolve", "after-reference", "after-labels"])
def test_issue13_a_crash_at_any_phase_is_finished_by_the_next_run(tmp_path, clean_ingest, phase):
    docs, expected = clean_ingest
    location = tmp_path / "store"
    crashed = run_cli("--store", str(location), "ingest", "-q", *docs, env={"ACTORGRAPH_CRASH_AT": phase})
    assert crashed.returncode == 86, crashed.stderr
    again = run_cli("--store", str(location), "ingest", "-q", *docs)
    assert again.returncode == 0, again.stderr
    assert _nquads(location) == expected


def test_issue13_resolve_apply_finishes_a_crashed_ingest(tmp_path, clean_ingest):
    docs, expected = clean_ingest
    location = tmp_path / "store"
    assert run_cli("--store", str(location), "ingest", "-q", *docs,
                   env={"ACTORGRAPH_CRASH_AT": "after-documents"}).returncode == 86
    assert run_cli("--store", str(location), "resolve", "--apply").returncode == 0
    assert _nquads(location) == expected


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_issue13_any_bytes_give_a_document_or_one_input_error(tmp_path, data, suffix):
    """Readers, clean-up and the segmenter on arbitrary input: a Document or an InputError."""
    from actorgraph.errors import InputError
    from actorgraph.loaders.model import Document
    from actorgraph.loaders.pipeline import load_document
    from actorgraph.loaders.segment import segment

    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    try:
        document = load_document(path)
    except InputError:
        return
    assert isinstance(document, Document) and document.text.strip()
    assert all(0 <= s.start <= s.end <= len(document.text) for s in segment(document.text))


DETAINED = ("Nuñez", "Nunez", "Benjamin Valdez")  # shown in the seeds only as arrested or detained
OFFICIALS = ("Bob Ferguson", "Homan")              # an attorney general, an ICE director


@pytest.fixture(scope="module")
def privacy_outputs(tmp_path_factory, seed_store):
    from actorgraph import api

    out = tmp_path_factory.mktemp("privacy")
    texts = {}
    for mode in ("standard", "open", "strict"):
        api.write_map(seed_store, out / f"{mode}.html", privacy=mode, story="auto", svg=out / f"{mode}.svg")
        api.export(seed_store, "csv", out / f"{mode}-csv", privacy=mode)
        api.export(seed_store, "graphml", out / f"{mode}.graphml", privacy=mode)
        api.export(seed_store, "nquads", out / f"{mode}.nq", privacy=mode)
        texts[mode] = "\n".join(p.read_text("utf-8") for p in [out / f"{mode}.html", out / f"{mode}.svg",
                                                                out / f"{mode}-csv" / "nodes.csv",
                                                                out / f"{mode}-csv" / "edges.csv", out / f"{mode}.graphml",
                                                                out / f"{mode}.nq"])
    return texts


def test_issue13_privacy_standard_masks_the_detained_and_keeps_officials(privacy_outputs):
    text = privacy_outputs["standard"]
    assert not [name for name in DETAINED if name in text]
    assert all(name in text for name in OFFICIALS)
    assert "Person " in text


def test_issue13_privacy_open_restores_the_names(privacy_outputs):
    assert all(name in privacy_outputs["open"] for name in ("Nuñez", "Benjamin Valdez", *OFFICIALS))


def test_issue13_privacy_strict_masks_every_person_but_officials(privacy_outputs):
    text = privacy_outputs["strict"]
    assert "Mora-Villalpando" not in text and "Mora Villalpando" not in text
    assert all(name in text for name in OFFICIALS)


def test_issue13_exports_carry_relative_source_paths(privacy_outputs):
    from conftest import ROOT

    assert str(ROOT) not in privacy_outputs["standard"]


def test_issue13_curation_file_sets_a_persons_level(tmp_path, seed_store):
    from actorgraph import api

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[privacy]]\nname = "Benjamin Valdez"\nlevel = "public"\n', "utf-8")
    api.export(seed_store, "csv", tmp_path / "csv", aliases=aliases)
    assert "Benjamin Valdez" in (tmp_path / "csv" / "nodes.csv").read_text("utf-8")


def test_issue13_privacy_mode_is_checked(tmp_path):
    proc = run_cli("--store", "memory", "export", "csv", "--out", str(tmp_path / "x"), "--privacy", "secret")
    assert proc.returncode == 2 and "export --privacy: unknown privacy mode 'secret'" in proc.stderr


@pytest.fixture
def html_server():
    """A web server on 127.0.0.1 that answers every request with an HTML page (status 200)."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def _page(self):
            body = b"<html><body>Welcome</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _page

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_issue13_remote_errors_are_one_line(html_server):
    url = html_server.replace("http://", "http://reader:s3cret@")
    cases = [
        (["--store", url, "stats"], "not a SPARQL endpoint: it answered text/html (HTTP 200)"),
        (["--store", "http://127.0.0.1:99x/q", "stats"], "not a usable URL"),
        (["--store", "http://reader:s3cret@127.0.0.1:9/q", "stats"], "cannot reach the SPARQL endpoint"),
    ]
    for args, needle in cases:
        proc = run_cli(*args)
        assert proc.returncode == 1, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], proc.stderr
        assert "s3cret" not in proc.stderr + proc.stdout


def test_issue13_deeply_nested_html_is_read(tmp_path):
    from actorgraph.loaders.read import read_file

    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 400 + "<p>The Valley Workers Union sued ICE.</p>" + "</div>" * 400
                    + "<script>var secret = 1;</script></body></html>", "utf-8")
    text = read_file(path).text
    assert "The Valley Workers Union sued ICE." in text and "secret" not in text


def test_issue13_size_limit_is_configurable_and_said_in_mib(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The Valley Workers Union sued ICE. " * 40_000, "utf-8")  # about 1.3 MiB
    proc = run_cli("--store", str(tmp_path / "s"), "ingest", str(path), env={"ACTORGRAPH_MAX_MIB": "1"})
    assert proc.returncode == 1
    assert "file is 1.3 MiB; the limit is 1 MiB" in proc.stderr


def test_issue13_odd_file_names_and_keep_going(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text((DOCS / "good.txt").read_text("utf-8"), "utf-8")
    import os

    with open(os.path.join(os.fsencode(folder), b"caf\xe9 report.txt"), "wb") as handle:
        handle.write(b"The Harbor Tenants Union condemned ICE on Monday.")
    (folder / "new\nline.txt").write_text("The Valley Workers Union sued ICE in federal court.", "utf-8")
    proc = run_cli("--store", str(tmp_path / "s"), "ingest", "--keep-going", str(folder), str(tmp_path / "missing.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.startswith("3 added, 0 replaced, 0 unchanged, 1 failed")
    assert "caf\\xe9 report.txt" in proc.stdout and "new\\nline.txt" in proc.stdout
    assert proc.stderr.strip().splitlines() == [f"skipped: {tmp_path / 'missing.txt'}: no such file or folder"]
    strict = run_cli("--store", str(tmp_path / "s2"), "ingest", str(folder), str(tmp_path / "missing.txt"))
    assert strict.returncode == 1 and strict.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'missing.txt'}: no such file or folder; use --keep-going to skip bad files"]


def test_issue13_a_20_mb_text_is_refused_up_front_by_default(tmp_path):
    from actorgraph.errors import InputError
    from actorgraph.loaders.read import read_file

    path = tmp_path / "huge.txt"
    path.write_bytes(b"The Valley Workers Union sued ICE. " * 600_000)  # 21 MB
    with pytest.raises(InputError, match=r"file is 20\.0 MiB; the limit is 10 MiB"):
        read_file(path)
