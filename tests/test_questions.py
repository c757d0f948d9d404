import json

import pytest
from conftest import run_cli
from rdflib import URIRef

from actorgraph.errors import AmbiguousNameError, NotFoundError, UsageError
from actorgraph.graph.questions import ask, find_entity, questions

ICE = "U.S. Immigration and Customs Enforcement"


def test_every_question_is_listed_with_a_description():
    names = set(questions())
    assert names == {"shared-data-with", "targets-of", "targeted-by", "campaigns", "facilities", "supporters-of",
                     "opponents-of", "overlaps", "path", "sources", "timeline"}
    assert all(q.description for q in questions().values())


@pytest.mark.parametrize("name", ["ICE", "ice", "Immigration Customs and Enforcement", "la migra"])
def test_find_entity_accepts_any_alias(seed_store, name):
    assert str(find_entity(seed_store, name)).endswith("/government-agency/us-immigration-and-customs-enforcement")


def test_find_entity_reports_unknown_and_ambiguous_names(seed_store, tmp_path):
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    with pytest.raises(NotFoundError, match="no entity named 'Nobody Anywhere'"):
        find_entity(seed_store, "Nobody Anywhere")
    (tmp_path / "one.txt").write_text("The Harbor Workers Union (HWU) met on Friday.", "utf-8")
    (tmp_path / "two.txt").write_text("The Hill Workers Union (HWU) marched on Saturday.", "utf-8")
    store = open_store("memory")
    ingest([tmp_path], store=store)
    with pytest.raises(AmbiguousNameError, match="'HWU' names 2 entities: Harbor Workers Union .*Hill Workers Union"):
        find_entity(store, "HWU")


def test_shared_data_with_ice_names_the_state_agencies_with_quotes(seed_store):
    rows = ask(seed_store, "shared-data-with", ["ICE"]).rows
    actors = {(r["actor"], r["relation"]) for r in rows}
    assert ("Washington State Department of Licensing", "sharedDataWith") in actors
    assert ("Tennessee Highway Patrol", "collaboratesWith") in actors  # "arrested by ICE and the Tennessee Highway Patrol"
    assert all(r["quote"] and r["document"] for r in rows)
    dol = next(r for r in rows if r["actor"] == "Washington State Department of Licensing" and r["relation"] == "sharedDataWith")
    assert "shared her personal information" in dol["quote"]


def test_overlaps_ranks_the_co_creator_first(seed_store):
    rows = ask(seed_store, "overlaps", ["NWDC Resistance"]).rows
    assert rows[0]["label"] in ("Mijente",)
    assert "campaign: ICE Serves Deportation Notice" in rows[0]["shared"]


def test_path_between_agency_and_organizer_has_evidence_on_every_hop(seed_store):
    rows = ask(seed_store, "path", ["Tennessee Highway Patrol", "Maru Mora-Villalpando"]).rows
    assert rows and all(r["quote"] for r in rows)
    assert rows[0]["subject"] == "Tennessee Highway Patrol" or rows[0]["object"] == "Tennessee Highway Patrol"


def test_campaigns_with_filters(seed_store):
    every = ask(seed_store, "campaigns", []).rows
    assert len(every) >= 12 and every[0]["signatures"] == 10150
    by = ask(seed_store, "campaigns", [], {"by": "NWDC Resistance"}).rows
    assert [r["campaign"] for r in by] == ["ICE Serves Deportation Notice on Undocumented Leader for Organizing Detained Immigrants"]
    targeting = ask(seed_store, "campaigns", [], {"targeting": "Michael Dunavant"}).rows
    assert [r["campaign"] for r in targeting] == ["Drop all criminal charges against workers in Tennessee"]


def test_targets_and_targeted_by(seed_store):
    targets = {r["target"] for r in ask(seed_store, "targets-of", ["ICE"]).rows}
    assert {"Maru Mora-Villalpando"} <= targets
    by = {(r["by"], r["relation"]) for r in ask(seed_store, "targeted-by", ["Jose Ivan Nunez"]).rows}
    assert (ICE, "detainedBy") in by


def test_sources_groups_every_statement_by_document(seed_store):
    rows = ask(seed_store, "sources", ["GEO Group"]).rows
    assert rows and all("GEO" in r["quote"] or "geo" in r["quote"].lower() for r in rows)


def test_wrong_argument_count(seed_store):
    with pytest.raises(UsageError, match="takes 2 argument"):
        ask(seed_store, "path", ["ICE"])


def test_cli_ask_json_and_errors(tmp_path):
    from actorgraph.api import ingest, seeds_path

    location = tmp_path / "s"
    ingest(sorted(seeds_path().glob("*.txt")), store=str(location))
    proc = run_cli("--store", str(location), "ask", "shared-data-with", "ICE", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows[0]["relation"] == "sharedDataWith" and rows[0]["quote"]
    missing = run_cli("--store", str(location), "ask", "targets-of", "Nobody Anywhere")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "no entity named" in missing.stderr
    listing = run_cli("--store", str(location), "ask", "--list")
    assert "shared-data-with" in listing.stdout and "overlaps" in listing.stdout
    analysis = run_cli("--store", str(location), "analyze", "centrality", "--top", "3", "--format", "json")
    top = json.loads(analysis.stdout)
    assert top[0]["label"] == ICE and len(top) == 3


def test_facilities_by_operator_from_the_ice_records(seed_store):
    rows = ask(seed_store, "facilities", [], {"operator": "GEO Group"}).rows
    assert [r["facility"] for r in rows] == ["Northwest ICE Processing Center"]
    assert set(rows[0]["located_in"].split("; ")) == {"Tacoma", "Washington"}
    assert "ICE records" in rows[0]["quote"]


def test_reference_facts_need_the_facility_place_in_the_document(tmp_path):
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    # York County Detention Center is in South Carolina in ICE's list; a text placing
    # one in Pennsylvania must not get South Carolina facts
    (tmp_path / "pa.txt").write_text("Luis Ortega is held at the York County Detention Center in Pennsylvania.", "utf-8")
    (tmp_path / "sc.txt").write_text("Ana Gil is held at the York County Detention Center in York, South Carolina.", "utf-8")
    pa = open_store("memory")
    ingest([tmp_path / "pa.txt"], store=pa)
    assert ask(pa, "facilities", []).rows[0]["located_in"] in ("", "Pennsylvania", None)
    sc = open_store("memory")
    ingest([tmp_path / "sc.txt"], store=sc)
    assert "South Carolina" in ask(sc, "facilities", []).rows[0]["located_in"]


def test_names_resolve_through_the_name_keys(seed_store):
    """The entities graph holds a normalised key per name, so a question finds its entity by an
    index lookup; the keys never leave in an export."""
    rows = seed_store.query("SELECT ?e WHERE { GRAPH ?g { ?e ag:nameKey 'la migra' } }",
                            {"g": URIRef("https://w3id.org/actorgraph/graph/entities")}).rows
    assert [str(r["e"]) for r in rows] == [str(find_entity(seed_store, "La Migra"))]


def test_name_keys_are_not_exported(seed_store, tmp_path):
    from actorgraph import api

    api.export(seed_store, "nquads", tmp_path / "g.nq", privacy="open")
    assert "nameKey" not in (tmp_path / "g.nq").read_text("utf-8")


def test_path_and_overlaps_read_only_the_neighbourhood_yet_match_the_whole_graph(seed_store):
    """ask path / overlaps work on a local projection (bidirectional search, causes of the
    candidates); their answers equal the same analysis over the whole graph."""
    import itertools
    import random

    from actorgraph.graph import analysis
    from actorgraph.graph.project import cause_view, classes_and_labels, store_to_networkx
    from actorgraph.graph.questions import _overlaps_graph, _paths_graph

    whole = store_to_networkx(seed_store)
    connected = sorted(n for n in whole if whole.degree(n))
    pairs = random.Random(5).sample(list(itertools.combinations(connected, 2)), 40)
    found = quoted = 0
    for a, b in pairs:
        local = analysis.paths(_paths_graph(seed_store, a, b), a, b)
        expected = analysis.paths(whole, a, b)
        assert [[(h["subject"], h["predicate"], h["object"]) for h in p] for p in local] == \
               [[(h["subject"], h["predicate"], h["object"]) for h in p] for p in expected], (a, b)
        found += bool(expected)
        names = [whole.nodes[n]["label"] for n in (a, b)]
        if expected and all(len([n for n in whole if whole.nodes[n]["label"] == x]) == 1 for x in names):
            # the quote of each hop, read once the paths are known, is the whole graph's first
            rows = ask(seed_store, "path", names).rows
            assert [r["quote"] for r in rows] == [h["evidence"][0]["quote"] for p in expected for h in p], (a, b)
            quoted += 1
    assert found >= 5 and quoted >= 3
    actors = [n for n in connected if whole.nodes[n]["cls"] in ("Organization", "GovernmentAgency", "Person")]
    with_overlaps = 0
    for node in actors:
        expected = analysis.overlaps(whole, node, top=50)
        assert analysis.overlaps(_overlaps_graph(seed_store, node), node, top=50) == expected, node
        # a read-only store answers from the view of what every actor works on
        assert analysis.overlaps_in(cause_view(seed_store), node, lambda iris: classes_and_labels(seed_store, iris),
                                    top=50) == expected, node
        with_overlaps += bool(expected)
    assert with_overlaps >= 3


def test_overlaps_answer_alike_from_the_view_and_from_the_relations(tmp_path, seed_files):
    """``ask overlaps`` on a read-only store reads the causes view; on a store open for
    writing, the relations around the actor: the same rows, at every --top."""
    from actorgraph import api
    from actorgraph.graph.cache import PREFIX

    location = tmp_path / "s"
    api.ingest(seed_files, store=location)
    assert (location / f"{PREFIX}causes.pickle").exists()  # made after the ingest
    for top in (0, 1, 3):
        with api.open_store(location, read_only=True) as store:  # a path will do
            viewed = ask(store, "overlaps", ["NWDC Resistance"], top=top).rows
        with api.open_store(location) as store:
            queried = ask(store, "overlaps", ["NWDC Resistance"], top=top).rows
        assert viewed == queried and viewed and (top == 0 or len(viewed) <= top)


_DATA_SHARING = {  # invented reports: one fact stated by two documents, another by one
    "a.txt": "Statement on the Elm Valley raid\n\nThe Ohio Bureau of Motor Vehicles handed ICE the home addresses "
             "of drivers, according to emails released under the state's public records law.\n",
    "b.txt": "Drivers' data at risk\n\nOrganizers said the Ohio Bureau of Motor Vehicles shared driver records with "
             "ICE last spring.\n\nThe Ohio Bureau of Motor Vehicles handed ICE the home addresses of drivers, "
             "according to emails released under the state's public records law.\n",
    "c.txt": "County records\n\nThe Lake County Sheriff's Office shared booking data with ICE for two years.\n",
}


@pytest.fixture(scope="module")
def sharing_store(tmp_path_factory):
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    folder = tmp_path_factory.mktemp("sharing")
    for name, text in _DATA_SHARING.items():
        (folder / name).write_text(text, "utf-8")
    with open_store(str(folder / "store")) as store:
        ingest(sorted(folder.glob("*.txt")), store=store)
    with open_store(str(folder / "store"), read_only=True) as store:
        yield store


def test_one_row_per_statement_with_its_document_count_and_a_quote_from_the_document_named(sharing_store):
    answer = ask(sharing_store, "shared-data-with", ["ICE"])
    assert answer.columns == ["actor", "relation", "documents", "quote", "document"]
    rows = {r["actor"]: r for r in answer.rows}
    assert set(rows) == {"Ohio Bureau of Motor Vehicles", "Lake County Sheriff's Office"}
    assert [r["actor"] for r in answer.rows][0] == "Ohio Bureau of Motor Vehicles"  # most documents first
    assert rows["Ohio Bureau of Motor Vehicles"]["documents"] == 2 and rows["Lake County Sheriff's Office"]["documents"] == 1
    texts = {text.split("\n", 1)[0]: text for text in _DATA_SHARING.values()}  # title -> text
    for row in answer.rows:  # the quote is a sentence of the very document the row names
        assert str(row["quote"]) in texts[str(row["document"])], row


def test_top_limits_the_rows_and_says_how_many_there_were(sharing_store):
    answer = ask(sharing_store, "shared-data-with", ["ICE"], top=1)
    assert len(answer.rows) == 1 and answer.total == 2 and answer.rows[0]["quote"]
    assert len(ask(sharing_store, "shared-data-with", ["ICE"], top=0).rows) == 2
    with pytest.raises(UsageError, match="--top"):
        ask(sharing_store, "shared-data-with", ["ICE"], top=-1)
    proc = run_cli("--store", sharing_store.location, "ask", "shared-data-with", "ICE", "--top", "1", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 1 and proc.stderr.strip() == "1 of 2 rows shown; --top 0 shows all"


def test_sources_reads_every_relation_of_the_ontology():
    """sources.rq names each relation as its own index look-up: a relation added to ag.ttl
    and not to the question would silently be left out of every answer."""
    from actorgraph.ontology import RELATION_PREDICATES

    text = questions()["sources"].sparql or ""
    assert {p for p in RELATION_PREDICATES if f"ag:{p} " not in text} == set()


def test_a_listing_view_never_outlives_a_write(tmp_path):
    """campaigns asked without options reads a view of a read-only store; a write makes it
    stale, so the next reader must see the new campaign."""
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store

    (tmp_path / "one.txt").write_text("The Harbor Workers Union launched the Fair Wages Now campaign in March.", "utf-8")
    ingest([tmp_path / "one.txt"], store=str(tmp_path / "s"))
    with open_store(str(tmp_path / "s"), read_only=True) as store:
        before = {r["campaign"] for r in ask(store, "campaigns", []).rows}
    (tmp_path / "two.txt").write_text("The Valley Tenants Union launched the Homes Not Cages campaign in May.", "utf-8")
    ingest([tmp_path / "two.txt"], store=str(tmp_path / "s"))
    with open_store(str(tmp_path / "s"), read_only=True) as store:
        after = {r["campaign"] for r in ask(store, "campaigns", []).rows}
    assert "Fair Wages Now" in before and after - before == {"Homes Not Cages"}


def test_top_zero_means_every_row_for_graph_questions_too(seed_store):
    every = ask(seed_store, "overlaps", ["Mijente"], top=0).rows
    assert len(every) >= 2 and ask(seed_store, "overlaps", ["Mijente"], top=1).rows == every[:1]


def test_every_campaign_names_a_document_even_without_a_quote(seed_store):
    """A campaign no statement has as object (a bare hashtag) has no quote, but still the
    title of a document that names it."""
    rows = ask(seed_store, "campaigns", []).rows
    assert any(not r.get("quote") for r in rows) and all(r.get("document") for r in rows)
