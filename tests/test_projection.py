"""The cheap reads a large store needs give the same graph as the full projection: the
skeleton (no quotes) for analyses and ranking, the relations among the top actors for a
large map, and privacy applied to the projected graph instead of a copy of the store."""

from __future__ import annotations

import pyoxigraph

from actorgraph import api
from actorgraph.exports import view as view_module
from actorgraph.exports.privacy import mask_graph, masked_store
from actorgraph.exports.view import central, readable
from actorgraph.graph.project import skeleton, store_to_networkx


def _edges(graph, evidence=True):
    return sorted((s, o, k, d["predicate"], d["weight"], str(d.get("evidence")) if evidence else "")
                  for s, o, k, d in graph.edges(keys=True, data=True))


def test_skeleton_is_the_projection_without_quotes(seed_store):
    full, outline = store_to_networkx(seed_store), skeleton(seed_store)
    assert list(outline.nodes) == list(full.nodes)
    assert all(outline.nodes[n]["label"] == full.nodes[n]["label"] and outline.nodes[n]["cls"] == full.nodes[n]["cls"]
               for n in full)
    assert _edges(outline, evidence=False) == _edges(full, evidence=False)
    assert central(outline) == central(full)


def test_relations_among_some_actors_are_the_induced_subgraph(seed_store):
    full = store_to_networkx(seed_store)
    keep = central(full)[0][:12]
    among = store_to_networkx(seed_store, among=keep)
    induced = full.subgraph(keep)
    assert sorted(among.nodes(data=True)) == sorted(induced.nodes(data=True))
    assert _edges(among) == _edges(induced)
    assert among.number_of_edges() > 0


def test_masking_the_graph_equals_projecting_the_masked_store(seed_store):
    masked, report = masked_store(seed_store, "standard")
    expected = store_to_networkx(masked)
    got, report2 = mask_graph(store_to_networkx(seed_store), seed_store, "standard")
    assert report.masked == report2.masked and report.masked
    assert sorted(got.nodes(data=True)) == sorted(expected.nodes(data=True))
    assert _edges(got) == _edges(expected)


def test_a_large_store_maps_its_most_central_actors(seed_store, tmp_path, monkeypatch):
    full = store_to_networkx(seed_store)
    related = sum(1 for n in full if full.degree(n))
    monkeypatch.setattr(view_module, "MAP_LIMIT", 10)
    drawn = api.write_map(seed_store, tmp_path / "map.html", privacy="open")
    expected, left_related, left_alone = readable(full, limit=10)
    assert sorted(drawn.nodes) == sorted(expected.nodes)
    assert _edges(drawn) == _edges(expected)
    html = (tmp_path / "map.html").read_text("utf-8")
    assert f"{related - 10} more and {left_alone} without a relation are left out" in html


def test_relations_of_reads_only_the_asked_relations_of_the_asked_ends(seed_store, monkeypatch):
    from actorgraph.graph import project
    from actorgraph.graph.project import relations_of

    full = store_to_networkx(seed_store)
    ice = next(n for n, d in full.nodes(data=True) if d["label"] == "U.S. Immigration and Customs Enforcement")
    wanted = ["opposes", "targets"]
    expected = sorted((s, o, k, d["weight"]) for s, o, k, d in full.in_edges(ice, keys=True, data=True) if k in wanted)
    for limit in (0, 10_000):  # one flat read of classes and labels, or lookups
        monkeypatch.setattr(project, "LOOKUP_LIMIT", limit)
        got = relations_of(seed_store, [ice], wanted, "in")
        assert sorted((s, o, k, d["weight"]) for s, o, k, d in got.edges(keys=True, data=True)) == expected
        assert all(got.nodes[n]["label"] == full.nodes[n]["label"] and got.nodes[n]["cls"] == full.nodes[n]["cls"]
                   for n in got)
    assert expected


def test_entity_classes_beside_the_labels_read_like_the_document_graphs(seed_store):
    """Resolution keeps each entity's class in the entities graph (one read for many
    entities); a store written before that answers the same from its document graphs."""
    from actorgraph.graph.project import classes_and_labels, has_entity_classes
    from actorgraph.graph.store import open_store

    assert has_entity_classes(seed_store)
    old = open_store("memory")
    old._store.load(seed_store.dump_nquads(), format=pyoxigraph.RdfFormat.N_QUADS)
    old.update("DELETE WHERE { GRAPH ?g { ?e ag:entityClass ?c } }")
    assert not has_entity_classes(old)
    some = set(list(classes_and_labels(seed_store)[0])[:40])
    for iris in (None, some):
        assert classes_and_labels(old, iris) == classes_and_labels(seed_store, iris)
    without = {k: v for k, v in api.summary(old).items() if k != "triples"}
    assert without == {k: v for k, v in api.summary(seed_store).items() if k != "triples"}
    people = [e for e, c in classes_and_labels(seed_store)[0].items() if c == "Person"]
    assert people and api.summary(seed_store)["entities"]["Person"] == len(people)
