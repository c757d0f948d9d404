"""Analyses on small hand-built graphs whose right answers are known."""

import networkx as nx
import pytest

from actorgraph.graph import analysis


def _graph(edges, classes=None):
    g = nx.MultiDiGraph()
    for s, p, o in edges:
        for n in (s, o):
            if n not in g:
                g.add_node(n, label=n, cls=(classes or {}).get(n, "Organization"))
        g.add_edge(s, o, key=p, predicate=p, weight=1, evidence=[{"quote": f"{s} {p} {o}.", "title": "t"}])
    return g


TWO_CLUSTERS = [("a", "supports", "b"), ("b", "supports", "c"), ("a", "supports", "c"),
                ("x", "opposes", "y"), ("y", "opposes", "z"), ("x", "opposes", "z"), ("c", "memberOf", "x")]


def test_centrality_star_centre_ranks_first():
    g = _graph([("s1", "supports", "hub"), ("s2", "supports", "hub"), ("s3", "supports", "hub"), ("t", "opposes", "hub")])
    rows = analysis.centrality(g, top=5)
    assert rows[0]["label"] == "hub"
    assert rows[0]["degree"] == 4
    assert rows[0]["betweenness"] == pytest.approx(1.0)


def test_communities_split_two_triangles():
    assert analysis.communities(_graph(TWO_CLUSTERS)) == [["a", "b", "c"], ["x", "y", "z"]]


def test_brokers_are_the_bridge_ends():
    assert sorted(r["label"] for r in analysis.brokers(_graph(TWO_CLUSTERS))) == ["c", "x"]


def test_results_are_deterministic():
    g = _graph(TWO_CLUSTERS)
    assert analysis.centrality(g) == analysis.centrality(g.copy())
    assert analysis.communities(g) == analysis.communities(g.copy())


def test_overlaps_ranks_co_creators_above_shared_supporters():
    g = _graph([("a", "createdCampaign", "camp"), ("b", "createdCampaign", "camp"), ("camp", "campaignSupports", "p"),
                ("a", "supports", "q"), ("c", "supports", "q")],
               {"camp": "Campaign", "p": "Person", "q": "Person"})
    rows = analysis.overlaps(g, "a")
    assert [r["label"] for r in rows] == ["b", "c"]
    assert "campaign: camp" in rows[0]["shared"]


def test_coalitions_from_shared_causes_not_co_mention():
    g = _graph([("a", "createdCampaign", "p1"), ("b", "createdCampaign", "p1"), ("c", "supports", "q"),
                ("d", "supports", "q"), ("a", "opposes", "c")],
               {"p1": "Campaign", "q": "Person"})
    members = [c["members"] for c in analysis.coalitions(g)]
    assert members == [["a", "b"], ["c", "d"]]


def test_paths_report_each_hop_with_direction_and_evidence():
    g = _graph([("agency", "targets", "person"), ("group", "supports", "person"), ("group", "opposes", "agency")])
    found = analysis.paths(g, "agency", "group")
    assert len(found) == 1 and len(found[0]) == 1
    hop = found[0][0]
    assert (hop["subject"], hop["predicate"], hop["object"]) == ("group", "opposes", "agency")
    assert hop["evidence"][0]["quote"] == "group opposes agency."
    assert analysis.paths(g, "agency", "nowhere") == []


def test_betweenness_exact_on_small_graphs_and_estimated_on_large(monkeypatch):
    import networkx as nx

    from actorgraph.graph import analysis

    g = nx.relabel_nodes(nx.barabasi_albert_graph(400, 2, seed=3), str)
    g.add_nodes_from(["alone-1", "alone-2"])
    exact = nx.betweenness_centrality(g, normalized=True)
    assert analysis.betweenness(g) == pytest.approx(exact)
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS", 120)
    estimate = analysis.betweenness(g)
    top = sorted(exact, key=exact.get, reverse=True)[:10]
    assert len(set(top) & set(sorted(estimate, key=estimate.get, reverse=True)[:10])) >= 7
    assert estimate["alone-1"] == 0.0
    assert estimate == analysis.betweenness(g)  # seeded: the same answer every time


def test_readable_map_keeps_the_most_central_and_counts_the_rest():
    import networkx as nx

    from actorgraph.exports.view import readable

    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_edge(f"n{i}", "hub", key="supports", predicate="supports")
    g.add_node("alone")
    for n in g:
        g.nodes[n].update(label=n, cls="Organization")
    small, related, alone = readable(g, limit=10)
    assert small.number_of_nodes() == 10 and "hub" in small and "alone" not in small
    assert (related, alone) == (21, 1)
    same, related, alone = readable(g, limit=100)
    assert same is g and (related, alone) == (0, 0)


def test_betweenness_in_matrix_form_equals_networkx():
    """brandes() walks many sources at once with sparse products: on random graphs it gives
    networkx's exact scores from every source and its estimate from the same sample."""
    import random

    import networkx as nx

    from actorgraph.graph.analysis import brandes

    for seed in range(3):
        graph = nx.gnm_random_graph(150, 260, seed=seed)
        graph.add_edge(500, 501)  # a second component
        exact, ours = nx.betweenness_centrality(graph, normalized=True), brandes(graph, list(graph))
        assert max(abs(exact[n] - ours[n]) for n in graph) < 1e-12 and max(exact.values()) > 0.05
        sample = random.Random(seed).sample(list(graph.nodes()), 30)
        estimate = nx.betweenness_centrality(graph, k=30, normalized=True, seed=seed)
        ours = brandes(graph, sample)
        assert max(abs(estimate[n] - ours[n]) for n in graph) < 1e-12


def test_pagerank_matches_networkx_where_both_converge():
    """igraph's solver and networkx's power iteration agree on a graph where every node has
    outgoing relations (no dangling node, where networkx stops early), weights summed over
    parallel relations."""
    import random

    rng = random.Random(5)
    g = nx.MultiDiGraph()
    nodes = [f"n{i}" for i in range(300)]
    for i, node in enumerate(nodes):
        g.add_edge(node, nodes[(i + 1) % len(nodes)], weight=rng.randint(1, 4))
    for _ in range(600):
        a, b = rng.sample(nodes, 2)
        g.add_edge(a, b, weight=rng.randint(1, 4))
    simple = nx.DiGraph()
    for a, b, w in g.edges(data="weight"):
        simple.add_edge(a, b, weight=simple[a][b]["weight"] + w if simple.has_edge(a, b) else w)
    expected = nx.pagerank(simple, weight="weight", tol=1e-12, max_iter=1000)
    assert analysis.pagerank(g) == pytest.approx(expected, abs=1e-9)


def test_communities_recover_planted_groups():
    """Four groups of 25 actors, dense inside and joined by a few relations: Louvain finds
    each group whole, the same way on every run."""
    g = nx.relabel_nodes(nx.planted_partition_graph(4, 25, 0.5, 0.01, seed=7, directed=True), lambda n: f"a{n:03d}")
    graph = nx.MultiDiGraph()
    for n in g:
        graph.add_node(n, label=n, cls="Organization")
    graph.add_edges_from((a, b, {"predicate": "supports", "weight": 1}) for a, b in g.edges())
    found = analysis.communities(graph)
    assert sorted(found) == [[f"a{i:03d}" for i in range(k * 25, (k + 1) * 25)] for k in range(4)]
    assert analysis.communities(graph.copy()) == found
