"""Questions, maps and exports for a period, on a store of invented dated documents
(tests/data/time: a 2017 report, a 2020 one, a 2021 one and an undated one)."""

import csv
import io

import networkx as nx
import pytest
from conftest import run_cli

from actorgraph import api
from actorgraph.errors import UsageError
from actorgraph.exports.view import View
from actorgraph.graph.period import Period, Span, relation_span, statement_span
from actorgraph.loaders.time.expressions import When

SHERIFF, RIVERTON, OAKDALE, DUNMORE = ("Marlow County Sheriff's Office", "Riverton Police Department",
                                       "Oakdale Police Department", "Dunmore Police Department")


def _rows(store, *args, **period):
    return {(r["actor"], r["relation"]): r for r in api.ask(store, "shared-data-with", "ICE", **period)}


def test_time_documents_get_their_dates(dated_store):
    rows = dated_store.query("SELECT ?t ?c ?how WHERE { ?d dcterms:title ?t OPTIONAL { ?d dcterms:created ?c ; "
                             "ag:dateSource ?how } }").rows
    found = {str(r["t"]): (str(r["c"]) if r.get("c") else None, str(r["how"]) if r.get("how") else None) for r in rows}
    assert found == {"Marlow County signs on with ICE": ("2017-04-12", "dateline"),
                     "Marlow County ends its ICE agreement": ("2020-03-03", "dateline"),
                     "Riverton police step back": ("2021-06-08", "dateline"),
                     "A note without a date": (None, None)}


def test_time_answer_says_from_when_to_when(dated_store):
    rows = _rows(dated_store)
    sheriff = rows[(SHERIFF, "collaboratesWith")]
    assert (sheriff["from"], sheriff["to"], sheriff["ended"]) == ("2017-04", "2020-02", "yes")
    riverton = rows[(RIVERTON, "collaboratesWith")]
    assert (riverton["from"], riverton["to"], "ended" in riverton) == ("2011", "2017-04-12", False)
    assert (rows[(RIVERTON, "sharedDataWith")]["to"], rows[(RIVERTON, "sharedDataWith")]["ended"]) == ("2021-06-08", "yes")
    assert "from" not in rows[(DUNMORE, "sharedDataWith")]  # undated: shown without a period, with no date


@pytest.mark.parametrize("period, expected", [
    ({"since": "2021"}, {(RIVERTON, "sharedDataWith")}),  # an agreement that ended in 2020 no longer answers
    ({"since": "2020-03"}, {(OAKDALE, "sharedDataWith"), (RIVERTON, "sharedDataWith"), ("Marlow County", "collaboratesWith")}),
    ({"until": "2016"}, {(RIVERTON, "collaboratesWith")}),
    ({"since": "2018", "until": "2019"}, {(SHERIFF, "collaboratesWith")}),  # held 2017-04 … 2020-02
    ({"since": "2022"}, set()),
])
def test_time_relations_that_held_in_a_period(dated_store, period, expected):
    assert set(_rows(dated_store, **period)) == expected


def test_time_timeline_lists_dated_statements_in_order(dated_store):
    rows = api.ask(dated_store, "timeline", "ICE")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and len(rows) >= 7
    assert not [r for r in rows if r["subject"] == DUNMORE]  # undated statements are left out
    ended = [r for r in rows if r.get("ended")]
    assert {(r["subject"], r["date"]) for r in ended} >= {(SHERIFF, "2020-02"), (RIVERTON, "2021-06-08")}
    assert all(r["quote"] and r["document"] for r in rows)
    later = api.ask(dated_store, "timeline", "ICE", since="2021")
    assert [r["date"] for r in later] == ["2021-06-08"]


def test_time_ask_period_usage_errors(dated_store):
    with pytest.raises(UsageError, match="not a date"):
        api.ask(dated_store, "shared-data-with", "ICE", since="last spring")
    with pytest.raises(UsageError, match="after --until"):
        api.ask(dated_store, "shared-data-with", "ICE", since="2020", until="2019")
    with pytest.raises(UsageError, match="does not take --since"):
        api.ask(dated_store, "overlaps", "ICE", since="2020")


def test_time_map_and_export_for_a_period(dated_store, tmp_path):
    graph = api.write_map(dated_store, tmp_path / "map.html", view=View(period=Period.parse("2021")))
    labels = {graph.nodes[s]["label"] for s, _ in graph.edges()}
    assert labels == {RIVERTON}
    page = (tmp_path / "map.html").read_text("utf-8")
    assert "relations that held since 2021" in page and 'id="time-since" value="2021-01-01"' in page
    full = api.write_map(dated_store, tmp_path / "all.html")
    dated = {(full.nodes[s]["label"], d["predicate"]): (d.get("from"), d.get("to"), d.get("ended"))
             for s, _, d in full.edges(data=True)}
    assert dated[(SHERIFF, "collaboratesWith")] == ("2017-04", "2020-02", True)
    assert dated[(DUNMORE, "sharedDataWith")] == (None, None, None)
    api.export(dated_store, "csv", tmp_path / "csv", period=Period.parse(until="2017"))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "edges.csv").read_text("utf-8"))))
    assert {(e["source_label"], e["predicate"]) for e in edges} == {(SHERIFF, "collaboratesWith"),
                                                                    (RIVERTON, "collaboratesWith")}
    api.export(dated_store, "graphml", tmp_path / "g.graphml", period=Period.parse("2021"))
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == 1


def test_time_cli_since_until(dated_store, tmp_path):
    store = dated_store.location
    done = run_cli("--store", store, "ask", "shared-data-with", "ICE", "--since", "2021", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split(",")[:5] == ["actor", "relation", "documents", "from", "to"]
    assert len(done.stdout.splitlines()) == 2
    bad = run_cli("--store", store, "ask", "timeline", "ICE", "--until", "June 2018")
    assert bad.returncode == 2 and bad.stderr.strip() == \
        "error: ask timeline --until: 'June 2018' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    drawn = run_cli("--store", store, "map", "--since", "2020", "--until", "2020-12", "--out", str(tmp_path / "m.html"))
    assert drawn.returncode == 0, drawn.stderr
    exported = run_cli("--store", store, "export", "turtle", "--until", "2010", "--out", str(tmp_path / "t.ttl"))
    assert exported.returncode == 0, exported.stderr
    assert "sharedDataWith" not in (tmp_path / "t.ttl").read_text("utf-8")


@pytest.mark.parametrize("args, expected", [
    ({"since": "2011", "created": "2019-06-05"}, ("2011", "2019-06-05", False)),
    ({"as_of": "2021-03-02", "created": "2021-03-05"}, ("2021-03-02", "2021-03-02", False)),
    ({"until": "2020-02", "ended": "true", "created": "2021-03-05"}, ("2020-02", "2020-02", True)),
    ({"since": "2015", "until": "2019", "ended": True}, ("2015", "2019", True)),
    ({"created": "2024-03-05T10:00:00+00:00"}, ("2024-03-05", "2024-03-05", False)),
])
def test_time_statement_span(args, expected):
    span = statement_span(**args)
    assert (span.first.value, span.last.value, span.ended) == expected


def test_time_relation_span_ends_only_when_its_latest_statement_says_so():
    signed, ended, resumed = (Span(When("2017"), When("2017")), Span(When("2020-02"), When("2020-02"), True),
                              Span(When("2022"), When("2022")))
    assert relation_span([signed, ended]).ended
    assert not relation_span([signed, ended, resumed]).ended
    assert relation_span([None, None]) is None
