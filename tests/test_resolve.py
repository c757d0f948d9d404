import random

import pytest
from conftest import run_cli

from actorgraph.graph.resolve import Curation, EntityRecord, cluster_entities, match, state_key
from actorgraph.graph.store import open_store


def rec(iri, cls, label, *forms, docs=1):
    return EntityRecord(iri, cls, label, frozenset((label,) + forms), docs)


@pytest.mark.parametrize("a, b, same", [
    (rec("1", "GovernmentAgency", "WA Department of Licensing", "DOL"),
     rec("2", "GovernmentAgency", "Washington State Department of Licensing"), True),
    (rec("1", "GovernmentAgency", "Connecticut Department of Correction"),
     rec("2", "GovernmentAgency", "New York Department of Correction"), False),
    (rec("1", "DetentionFacility", "Northwest Detention Center", "NWDC"),
     rec("2", "Organization", "Northwest Detention Center Resistance", "NWDCR"), False),
    (rec("1", "Person", "Ana Ruiz-Solano", "Ana"), rec("2", "Person", "Ana Ruiz Solano"), True),
    (rec("1", "Organization", "Harbor Workers Union"), rec("2", "Organization", "Harbor Tenants Union"), False),
    (rec("1", "Organization", "Harbor Workers Union", "HWU"), rec("2", "Organization", "Hill Women United", "HWU"), False),
    (rec("1", "DetentionFacility", "Pike County Detention Center"), rec("2", "DetentionFacility", "Pike Detention Center"), True),
])
def test_match(a, b, same):
    assert match(a, b) is same
    assert match(b, a) is same


def test_state_key_spellings():
    assert state_key("WA Department of Licensing") == state_key("Washington Department of Licensing") \
        == state_key("Washington State Department of Licensing")
    assert state_key("Oregon Department of Licensing") != state_key("Washington Department of Licensing")


def test_a_bare_acronym_joins_the_only_group_that_has_it():
    records = [rec("a", "Organization", "Valley Migrant Coalition", "VMC"), rec("b", "Organization", "VMC")]
    assert cluster_entities(records)["b"] == "a"
    records.append(rec("c", "Organization", "Vista Mothers Collective", "VMC"))
    assert cluster_entities(records)["b"] == "b"  # two groups use VMC: ambiguous


def test_surname_joins_the_only_person_with_that_name():
    records = [rec("p", "Person", "Lena Okafor"), rec("s", "Person", "Okafor"), rec("o", "Organization", "Okafor")]
    mapping = cluster_entities(records)
    assert mapping["s"] == "p" and mapping["o"] == "p"
    two = records + [rec("q", "Person", "Samuel Okafor")]
    assert cluster_entities(two)["s"] == "s"  # ambiguous: left alone


def test_a_titled_surname_joins_the_only_person_with_that_name():
    records = [rec("p", "Person", "Lena Okafor"), rec("g", "Person", "Gov. Okafor", "Okafor"),
               rec("q", "Person", "President Okafor")]
    mapping = cluster_entities(records)
    assert mapping["g"] == mapping["p"] == mapping["q"]  # a title is no given name
    two = cluster_entities(records + [rec("r", "Person", "Samuel Okafor")])
    assert two["g"] not in (two["p"], two["r"])  # ambiguous: left alone


def test_clusters_do_not_depend_on_record_order():
    records = [rec(str(i), "GovernmentAgency", name) for i, name in enumerate([
        "WA Department of Licensing", "Washington State Department of Licensing", "Oregon Department of Licensing",
        "Washington Department of Licensing", "Oregon State Department of Licensing"])]
    expected = cluster_entities(records)
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_entities(shuffled) == expected


def test_curation_merge_and_forbid():
    records = [rec("a", "Organization", "Harbor Workers Union"), rec("b", "Organization", "HWU Local 5"),
               rec("c", "GovernmentAgency", "WA Department of Licensing"),
               rec("d", "GovernmentAgency", "Washington State Department of Licensing")]
    curation = Curation(merges=[["harbor workers union", "hwu local 5"]],
                        forbids=[["wa department of licensing", "washington state department of licensing"]])
    mapping = cluster_entities(records, curation)
    assert mapping["a"] == mapping["b"]
    assert mapping["c"] != mapping["d"]


def test_seed_resolution_one_node_per_gold_entity(seed_store):
    from conftest import GOLD

    from actorgraph.graph.evaluate import evaluate

    report = evaluate(seed_store, GOLD)
    matched = report.entities.tp_gold
    assert report.split == [] and report.conflated == []
    assert report.one_node == matched
    assert report.one_node / report.entities.n_gold >= 0.95


def _dump(store) -> list[bytes]:
    return sorted(store.dump_nquads().splitlines())


def test_shuffled_ingest_orders_give_identical_nquads(seed_files, nlp):
    from actorgraph.api import ingest

    dumps = []
    for seed in (0, 1, 2):
        files = seed_files[:]
        random.Random(seed).shuffle(files)
        store = open_store("memory")
        ingest(files, store=store)
        dumps.append(_dump(store))
    assert dumps[0] == dumps[1] == dumps[2]


def test_one_by_one_ingest_equals_batch_ingest(seed_files):
    from actorgraph.api import ingest

    batch = open_store("memory")
    ingest(seed_files, store=batch)
    single = open_store("memory")
    for path in reversed(seed_files):
        ingest([path], store=single)
    assert _dump(batch) == _dump(single)


def test_cli_curation_file_next_to_the_store(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The WA Department of Licensing shared driver records with ICE.", "utf-8")
    b.write_text("The Washington State Department of Licensing stopped sharing data with ICE in 2018.", "utf-8")
    store = tmp_path / "store"
    run_cli("--store", str(store), "ingest", str(a), str(b))
    listed = run_cli("--store", str(store), "entities", "--search", "licensing", "--format", "csv")
    assert listed.stdout.count("Department of Licensing,GovernmentAgency") == 1  # merged
    (tmp_path / "actorgraph-aliases.toml").write_text(
        '[[forbid]]\nnames = ["WA Department of Licensing", "Washington State Department of Licensing"]\n'
        '[[rename]]\nname = "ICE"\nlabel = "ICE"\n', "utf-8")
    fresh = tmp_path / "store2"
    proc = run_cli("--store", str(fresh), "--aliases", str(tmp_path / "actorgraph-aliases.toml"), "ingest", str(a), str(b))
    assert proc.returncode == 0, proc.stderr
    listed = run_cli("--store", str(fresh), "entities", "--search", "licensing", "--format", "csv")
    assert listed.stdout.count("Department of Licensing,GovernmentAgency") == 2  # forbidden: kept apart
    dry = run_cli("--store", str(store), "resolve")
    assert "rename: U.S. Immigration and Customs Enforcement -> ICE" in dry.stdout and "dry run" in dry.stdout
    applied = run_cli("--store", str(store), "resolve", "--apply")
    assert applied.returncode == 0, applied.stderr
    label = run_cli("--store", str(store), "query", "--format", "csv",
                    "SELECT DISTINCT ?l WHERE { ?e skos:altLabel 'U.S. Immigration and Customs Enforcement' ; rdfs:label ?l }")
    assert label.stdout.split() == ["l", "ICE"]
