"""Scoring against gold (DESIGN.md "Evaluation") and `evaluate --folds`, on invented gold."""

import json
from pathlib import Path

import pytest
from conftest import run_cli

from actorgraph.api import evaluate_folds, open_store
from actorgraph.graph.evaluate import evaluate, group_of, same_place
from actorgraph.graph.ingest import ingest_extraction
from actorgraph.loaders.model import Document, Entity, Evidence, Extraction, Relation
from actorgraph.ontology.ids import document_iri, entity_iri

# --------------------------------------------------------------- events stated in one place

MARCH = "The Riverside Tenants Union marched to the county jail on Saturday. Police watched from the steps."


def _store_with_event(text: str, quote: str, source: str = "notes/E01_march.txt"):
    """A store holding one document: a union, an event the extraction named 'the march',
    and the union's participatedIn that event, stated by ``quote``."""
    document = Document(text=text, source=source, title="invented", iri=str(document_iri(text)), media_type="text/plain")
    union = Entity(str(entity_iri("Organization", "Riverside Tenants Union")), "Organization", "Riverside Tenants Union",
                   ("Riverside Tenants Union",))
    march = Entity(str(entity_iri("Event", "the march")), "Event", "the march", ("the march",))
    start = text.index(quote)
    relation = Relation(union.iri, "participatedIn", march.iri,
                        Evidence(quote, start, start + len(quote), "rules.test.v1", 0.8))
    store = open_store("memory")
    ingest_extraction(store, Extraction(document, (union, march), (relation,), ()))
    return store


def _gold(folder: Path, evidence: str, document: str = "E01_march.txt") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "E01_march.json").write_text(json.dumps({
        "document": document,
        "entities": [{"name": "Riverside Tenants Union", "aliases": [], "type": "Organization"},
                     {"name": "Riverside jail march (Saturday)", "aliases": [], "type": "Event"}],
        "relations": [{"subject": "Riverside Tenants Union", "predicate": "participatedIn",
                       "object": "Riverside jail march (Saturday)", "evidence": evidence}],
        "campaigns": []}), "utf-8")
    return folder


@pytest.mark.parametrize(("quote", "evidence", "document", "found"), [
    # the annotators' name for the event differs; the sentence is the same: a match
    (MARCH.split(". ")[0] + ".", "The Riverside Tenants Union marched to the county jail", "E01_march.txt", True),
    # the gold evidence holds the quote's words, trimmed otherwise
    (MARCH.split(". ")[0] + ".", "Riverside Tenants Union marched to the county jail on Saturday.", "E01_march.txt", True),
    # stated elsewhere in the same document: no match
    ("Police watched from the steps.", "The Riverside Tenants Union marched to the county jail", "E01_march.txt", False),
    # the same sentence, but the gold is about another document: no match
    (MARCH.split(". ")[0] + ".", "The Riverside Tenants Union marched to the county jail", "E02_other.txt", False),
])
def test_evaluate_an_event_end_matches_where_the_relation_is_stated(tmp_path, quote, evidence, document, found):
    store = _store_with_event(MARCH, quote)
    report = evaluate(store, _gold(tmp_path / "gold", evidence, document))
    assert (report.relations.tp_pred, report.relations.tp_gold) == ((1, 1) if found else (0, 0))
    assert report.by_predicate["participatedIn"].f1 == (1.0 if found else 0.0)
    # the event itself is still scored by name: the extraction's "the march" is not the gold's name
    assert report.by_class["Event"].tp_pred == 0


def test_evaluate_same_place_needs_most_of_the_words():
    assert same_place("ICE agents raided the plant in Sumner.", "ICE agents raided the plant")
    assert not same_place("ICE agents raided the plant in Sumner.", "the union condemned the raid in a statement")
    assert not same_place("", "anything")


def test_evaluate_leaves_out_facts_from_the_reference_table(seed_store):
    """The ICE facilities table gives facts no document states (DESIGN.md): they are not
    extraction and are not scored, while the documents' own statements still are."""
    from actorgraph.graph.evaluate import _predicted
    from actorgraph.graph.reference import REFERENCE_GRAPH

    from_table = {(s, p, o) for s, p, o in seed_store.values(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }",
        {"g": REFERENCE_GRAPH})}
    scored = set(_predicted(seed_store)[1])
    assert from_table  # the seeds name facilities of the table
    stated = {(s, p, o) for s, p, o in seed_store.values(
        "SELECT ?s ?p ?o WHERE { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
        "prov:wasDerivedFrom ?d FILTER(?d != ?g) }", {"g": REFERENCE_GRAPH})}
    assert scored == {(s, p[len("https://w3id.org/actorgraph/ont#"):], o) for s, p, o in stated}
    assert {(s, p[len("https://w3id.org/actorgraph/ont#"):], o) for s, p, o in from_table - stated}.isdisjoint(scored)


# ----------------------------------------------------------------------------------- folds

DOCS = {
    "A01_vote.txt": "The Tacoma City Council voted to end its contract with ICE on Monday.",
    "A02_sheriff.txt": "The Pinal County Sheriff's Office shared data with ICE, records show.",
    "B01_union.txt": "The Eastside Tenants Committee opposes the GEO Group.",
    "notes.txt": "The Northwest Detention Center is located in Tacoma.",
}
GOLD = {
    "A01_vote.txt": ([("Tacoma City Council", "GovernmentAgency"), ("ICE", "GovernmentAgency")],
                     [("Tacoma City Council", "contractsWith", "ICE")]),
    "A02_sheriff.txt": ([("Pinal County Sheriff's Office", "GovernmentAgency"), ("ICE", "GovernmentAgency")],
                        [("Pinal County Sheriff's Office", "sharedDataWith", "ICE")]),
    "B01_union.txt": ([("Eastside Tenants Committee", "Organization"), ("GEO Group", "Company")],
                      [("Eastside Tenants Committee", "opposes", "GEO Group")]),
    "notes.txt": ([("Northwest Detention Center", "DetentionFacility"), ("Tacoma", "Place")],
                  [("Northwest Detention Center", "locatedIn", "Tacoma")]),
}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> tuple[list[Path], Path]:
    root = tmp_path_factory.mktemp("corpus")
    (root / "docs").mkdir()
    (root / "gold").mkdir()
    for name, text in DOCS.items():
        (root / "docs" / name).write_text(text + "\n", "utf-8")
        entities, relations = GOLD[name]
        (root / "gold" / (Path(name).stem + ".json")).write_text(json.dumps({
            "document": name, "campaigns": [],
            "entities": [{"name": n, "aliases": [], "type": t} for n, t in entities],
            "relations": [{"subject": s, "predicate": p, "object": o, "evidence": DOCS[name]} for s, p, o in relations],
        }), "utf-8")
    return sorted((root / "docs").iterdir()), root / "gold"


@pytest.mark.parametrize(("name", "pattern", "group"), [
    ("eval/dev/docs/A01_keywest.txt", None, "A"), ("d12_marcha.txt", None, "D"), ("notes.txt", None, "other"),
    ("ABC.txt", None, "other"), ("2019-05-press.txt", r"^(\d{4})", "2019"), ("press-ice.txt", r"ice|cbp", "ICE"),
])
def test_evaluate_group_of_a_file_name(name, pattern, group):
    assert (group_of(name) if pattern is None else group_of(name, pattern)) == group


def test_evaluate_folds_score_each_group_alone(small_corpus, nlp):
    paths, gold = small_corpus
    folds = evaluate_folds(paths, gold)
    assert list(folds.groups) == ["A", "B", "other"]
    assert folds.group_sizes == {"A": 2, "B": 1, "other": 1} and folds.documents == 4
    assert folds.languages.keys() == {"en"} and folds.language_sizes == {"en": 4}
    # each group is scored against its own gold only
    assert [r.entities.n_gold for r in folds.groups.values()] == [3, 2, 2]
    assert [r.relations.n_gold for r in folds.groups.values()] == [2, 1, 1]
    assert folds.overall.entities.n_gold == 7  # ICE once, merged across A01 and A02
    mean = folds.mean()
    for measure, score in (("entities", "entities"), ("relations", "relations")):
        expected = sum(getattr(r, score).f1 for r in folds.groups.values()) / 3
        assert mean[measure]["f1"] == pytest.approx(expected)
    assert 0 < mean["entities"]["f1"] <= 1
    data = folds.to_dict()
    assert data["groups"]["A"]["documents"] == 2 and "class GovernmentAgency" in data["groups"]["A"]
    assert data["groups"]["A"]["relations"]["gold"] == 2
    table = folds.table()
    assert [line.split()[1] for line in table.splitlines()[1:4]] == ["A", "B", "other"]
    assert "mean of 3 groups" in table and "all documents" in table
    assert "class GovernmentAgency" not in table and "class GovernmentAgency" in folds.table(details=True)


def test_evaluate_cli_folds_table_and_json(small_corpus):
    paths, gold = small_corpus
    proc = run_cli("evaluate", "--folds", "--gold", str(gold), *map(str, paths))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["docs", "entities", "F1", "(P/R)", "relations", "F1", "(P/R)"]
    assert [line.split()[:3] for line in lines[1:4]] == [["group", "A", "2"], ["group", "B", "1"], ["group", "other", "1"]]
    as_json = run_cli("evaluate", "--folds", "--format", "json", "--group-by", r"^(\w)", "--gold", str(gold), *map(str, paths))
    data = json.loads(as_json.stdout)
    assert list(data["groups"]) == ["A", "B", "N"]  # the first letter of every name: notes.txt is N
    assert set(data) == {"groups", "mean_over_groups", "languages", "all"}


@pytest.mark.parametrize(("args", "message"), [
    (["--folds"], "evaluate --folds: --folds scores documents it extracts"),
    (["--folds", "--group-by", "(", "x.txt"], "evaluate --group-by: not a regular expression"),
])
def test_evaluate_cli_folds_usage_errors(tmp_path, args, message):
    (tmp_path / "x.txt").write_text("ICE.\n", "utf-8")
    proc = run_cli("evaluate", "--gold", str(tmp_path), *args, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith(f"error: {message}") and "Traceback" not in proc.stderr
