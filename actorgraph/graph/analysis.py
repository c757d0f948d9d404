"""Network analysis of the actor graph with networkx. Every function is deterministic
(sorted inputs, seeded community detection) and works on the MultiDiGraph made by
:func:`actorgraph.graph.project.store_to_networkx` or any graph with the same attributes
(node ``label``, ``cls``; edge ``predicate``, ``weight``)."""

from __future__ import annotations

import bisect
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from actorgraph.ontology import ACTOR_CLASSES

SEED = 42


def collapse(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph; parallel relations add their weights.

    Examples
    --------
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="supports", weight=2)
    >>> _ = g.add_edge("b", "a", predicate="opposes", weight=1); collapse(g)["a"]["b"]["weight"]
    3
    """
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for s, o, w in graph.edges(data="weight", default=1):
        weights[(s, o) if s <= o else (o, s)] += w
    out = nx.Graph()
    out.add_nodes_from(sorted(graph.nodes(data=True)))
    out.add_weighted_edges_from((s, o, w) for (s, o), w in sorted(weights.items()))
    return out


def louvain(nodes: list[str], weights: dict[tuple[int, int], float], seed: int = SEED) -> list[list[str]]:
    """Louvain communities of the undirected graph on ``nodes`` whose edges are ``weights``
    ((i, j) index pairs), largest first, each sorted: igraph's multilevel algorithm (C), its
    random visiting order drawn from a generator seeded with ``seed``.

    >>> louvain(["a", "b", "c", "x", "y", "z"], {(0, 1): 1, (1, 2): 1, (0, 2): 1, (3, 4): 1, (4, 5): 1, (3, 5): 1, (2, 3): 1})
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    import igraph  # lazy: 1.3 s to import; only community detection needs it, not the CLI's other commands

    pairs = sorted(weights)
    graph = igraph.Graph(n=len(nodes), edges=pairs)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        membership = graph.community_multilevel(weights=[weights[p] for p in pairs]).membership
    finally:
        igraph.set_random_number_generator(random)
    groups: dict[int, list[str]] = defaultdict(list)
    for node, group in zip(nodes, membership, strict=True):
        groups[group].append(node)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))


EXACT_BETWEENNESS = 1000  # related nodes; above, betweenness is estimated from sampled sources
WORK = 1_000_000          # sources × (nodes + edges) the estimate may spend (about a second)


def betweenness(simple: nx.Graph, seed: int = SEED) -> dict[str, float]:
    """Betweenness of the undirected graph: exact up to EXACT_BETWEENNESS related nodes,
    then Brandes' estimate from sampled sources (a fixed seed; as many as WORK allows, at
    least 64), since the exact measure costs nodes × edges. Nodes without a relation score 0."""
    related = [n for n in simple if simple.degree(n)]
    size = len(related) + simple.number_of_edges()
    if len(related) <= EXACT_BETWEENNESS:
        scores = nx.betweenness_centrality(simple.subgraph(related).copy(), normalized=True)
    else:  # the sources networkx would sample, walked in matrix form (same scores, far faster)
        k = max(64, min(EXACT_BETWEENNESS, WORK // max(size, 1)))
        scores = brandes(simple, random.Random(seed).sample(related, k), nodes=related)
    n, m = simple.number_of_nodes(), len(related)
    if m > 2 and n > m:  # normalise over every node, as the exact measure on ``simple`` does
        factor = ((m - 1) * (m - 2)) / ((n - 1) * (n - 2))
        scores = {node: value * factor for node, value in scores.items()}
    return {node: scores.get(node, 0.0) for node in simple}


BATCH = 64  # sources walked together by brandes()


def brandes(simple: nx.Graph, sources: list, nodes: list | None = None) -> dict:
    """Normalised betweenness of an undirected simple graph from the shortest paths that
    start at ``sources`` (all nodes: the exact measure; a sample: Brandes' estimate, scaled as
    networkx's ``betweenness_centrality(k=…)`` scales it). Brandes' algorithm in matrix
    form: breadth-first search from a batch of sources at once is one sparse product per
    level (paths counted as it goes), and the dependencies flow back level by level.
    ``nodes``: the graph induced on these (default: every node).

    >>> g = nx.path_graph(4)
    >>> scores = brandes(g, list(g)); [round(scores[n], 3) for n in g]
    [0.0, 0.667, 0.667, 0.0]
    """
    import numpy as np  # lazy, as scipy below (0.2 and 0.5 s to import): only the analyses need them

    nodes = list(simple) if nodes is None else nodes
    n = len(nodes)
    if n < 3 or not sources:
        return {node: 0.0 for node in nodes}
    from scipy import sparse

    index = {node: i for i, node in enumerate(nodes)}
    ends = [(index[a], index[b]) for a, b in simple.edges() if a != b and a in index and b in index]
    rows, cols = [i for i, _ in ends] + [j for _, j in ends], [j for _, j in ends] + [i for i, _ in ends]
    adjacency = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    total = np.zeros(n)
    from_source = np.zeros(n)  # a source's own column does not count for it
    for start in range(0, len(sources), BATCH):
        batch = [index[s] for s in sources[start:start + BATCH]]
        columns = np.arange(len(batch))
        sigma = np.zeros((n, len(batch)))
        sigma[batch, columns] = 1.0
        visited = sigma > 0
        frontier, levels = sigma.copy(), [visited.copy()]
        while True:  # forward: each level's number of shortest paths from each source
            reached = adjacency @ frontier
            reached[visited] = 0.0
            new = reached > 0
            if not new.any():
                break
            sigma += reached
            visited |= new
            frontier = reached
            levels.append(new)
        delta = np.zeros_like(sigma)
        safe = np.where(sigma > 0, sigma, 1.0)
        for depth in range(len(levels) - 1, 0, -1):  # backward: dependencies of each level
            share = np.where(levels[depth], (1.0 + delta) / safe, 0.0)
            delta += np.where(levels[depth - 1], sigma * (adjacency @ share), 0.0)
        delta[batch, columns] = 0.0
        total += delta.sum(axis=1)
        from_source[batch] = 1.0
    k = len(sources)
    if k >= n:
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
    else:
        scale = np.where(from_source > 0, 1.0 / ((k - 1) * (n - 2)) if k > 1 else 0.0, 1.0 / (k * (n - 2)))
    return {node: float(total[i] * scale[i]) for i, node in enumerate(nodes)}


def pagerank(graph: nx.MultiDiGraph, nodes: list[str] | None = None) -> dict[str, float]:
    """PageRank of ``nodes`` (default: all) over the directed relations among them, the
    evidence counts (``weight``) of parallel relations summed as the edge's weight:
    igraph's PRPACK solver (damping 0.85; a node without outgoing relations spreads its
    rank over every node, as networkx does).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")]); {n: round(r, 3) for n, r in pagerank(g).items()}
    {'a': 0.213, 'b': 0.574, 'c': 0.213}
    """
    import igraph

    nodes = sorted(graph) if nodes is None else nodes
    index = {n: i for i, n in enumerate(nodes)}
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for s, o, w in graph.edges(data="weight", default=1):
        if s in index and o in index:
            weights[(index[s], index[o])] += w
    pairs = sorted(weights)
    directed = igraph.Graph(n=len(nodes), edges=pairs, directed=True)
    scores = directed.pagerank(weights=[weights[p] for p in pairs] if pairs else None, damping=0.85)
    return dict(zip(nodes, scores, strict=True))


def centrality(graph: nx.MultiDiGraph, top: int = 10, classes=ACTOR_CLASSES) -> list[dict]:
    """Degree, betweenness and PageRank of each node, ranked by PageRank.

    Degree counts distinct neighbours; betweenness is computed on the undirected graph
    (how often a node lies on shortest paths between others); PageRank follows the
    directed relations with evidence counts as weights.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for n in "abc": g.add_node(n, label=n.upper(), cls="Organization")
    >>> _ = g.add_edge("a", "b", weight=1); _ = g.add_edge("c", "b", weight=1)
    >>> [row["label"] for row in centrality(g, top=1)]
    ['B']
    """
    if graph.number_of_nodes() == 0:
        return []
    simple = collapse(graph)
    rank = pagerank(graph)
    between = betweenness(simple)
    rows = []
    for node, data in graph.nodes(data=True):
        if classes and data.get("cls") not in classes:
            continue
        rows.append({"node": node, "label": data.get("label", node), "class": data.get("cls", ""),
                     "degree": simple.degree(node), "betweenness": round(between[node], 4),
                     "pagerank": round(rank[node], 4)})
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["label"]))
    return rows[:top]


def communities(graph: nx.MultiDiGraph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities of the undirected weighted graph, largest first; each community
    sorted by node id.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> [sorted(c) for c in communities(g)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    return _communities(collapse(graph), seed)


def _communities(simple: nx.Graph, seed: int) -> list[list[str]]:
    nodes = [n for n in simple if simple.degree(n)]
    index = {n: i for i, n in enumerate(nodes)}
    return louvain(nodes, {(index[s], index[o]): w for s, o, w in simple.edges(data="weight")}, seed)


def brokers(graph: nx.MultiDiGraph, top: int = 10, seed: int = SEED) -> list[dict]:
    """Actors who bridge communities: betweenness times the number of other communities
    their neighbours belong to.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> for n in g: g.nodes[n].update(label=n, cls="Organization")
    >>> sorted(r["label"] for r in brokers(g, top=2))
    ['c', 'x']
    """
    simple = collapse(graph)
    groups = _communities(simple, seed)
    member = {n: i for i, group in enumerate(groups) for n in group}
    between = betweenness(simple, seed=seed)
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("cls") not in ACTOR_CLASSES or node not in member:
            continue
        others = {member[m] for m in simple.neighbors(node) if m in member and member[m] != member[node]}
        if not others:
            continue
        score = between[node] * len(others)
        rows.append({"node": node, "label": data.get("label", node), "class": data.get("cls"),
                     "community": member[node], "bridges_to": sorted(others),
                     "betweenness": round(between[node], 4), "score": round(score, 4)})
    rows.sort(key=lambda r: (-r["score"], r["label"]))
    return rows[:top]


#: what an organization "works on": (predicate, direction) -> kind of shared item
_CAUSES = {
    ("createdCampaign", "out"): "campaign",
    ("supports", "out"): "supports",
    ("opposes", "out"): "opposes",
    ("sues", "out"): "opposes",
    ("memberOf", "out"): "member of",
    ("partOf", "out"): "part of",
    ("locatedIn", "out"): "place",
}


def causes(graph: nx.MultiDiGraph, node: str) -> dict[str, set[str]]:
    """What an actor works on: campaigns it created, whom/what it supports or opposes, the
    targets and the people its campaigns defend, the places it works in.

    Examples
    --------
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("org", "camp", predicate="createdCampaign")
    >>> _ = g.add_edge("camp", "person", predicate="campaignSupports"); sorted(causes(g, "org")["supports"])
    ['person']
    """
    out: dict[str, set[str]] = defaultdict(set)
    for _, o, data in graph.out_edges(node, data=True):
        kind = _CAUSES.get((data.get("predicate"), "out"))
        if kind:
            out[kind].add(o)
        if data.get("predicate") == "createdCampaign":
            for _, target, d2 in graph.out_edges(o, data=True):
                if d2.get("predicate") == "campaignSupports":
                    out["supports"].add(target)
                elif d2.get("predicate") == "campaignTargets":
                    out["opposes"].add(target)
    return out


_KIND_WEIGHT = {"campaign": 3.0, "supports": 2.0, "opposes": 1.0, "member of": 2.0, "part of": 2.0, "place": 0.5}
_CAUSE = "\x1f"  # between the kind and the item of a cause column ("supports\x1f<iri>")


@dataclass(frozen=True)
class CauseTable:
    """What each actor works on (:func:`causes`) as a sparse actors × causes incidence:
    row i is ``actors[i]``, column j the cause ``columns[j]`` (kind, 0x1F, item); actors
    who work on nothing have no row. :func:`overlaps` and :func:`coalitions` read it, and a
    read-only store keeps it as a view (see :mod:`actorgraph.graph.cache`)."""

    actors: tuple[str, ...]
    columns: tuple[str, ...]
    incidence: Any  # scipy.sparse.csr_matrix, 1.0 where an actor works on a cause

    def row(self, actor: str) -> int | None:
        i = bisect.bisect_left(self.actors, actor)  # actors are sorted
        return i if i < len(self.actors) and self.actors[i] == actor else None

    def weights(self) -> Any:
        """Each column's weight (:data:`_KIND_WEIGHT` of its kind), as a numpy vector."""
        import numpy as np

        return np.array([_KIND_WEIGHT[c.split(_CAUSE, 1)[0]] for c in self.columns])


def cause_table(graph: nx.MultiDiGraph, classes: tuple[str, ...] = ACTOR_CLASSES) -> CauseTable:
    """The :class:`CauseTable` of the nodes of ``classes`` in ``graph``.

    >>> g = nx.MultiDiGraph(); g.add_node("a", cls="Organization"); g.add_node("x", cls="Person")
    >>> _ = g.add_edge("a", "x", predicate="supports"); t = cause_table(g)
    >>> t.actors, t.columns, t.incidence.toarray().tolist()
    (('a',), ('supports\\x1fx',), [[1.0]])
    """
    from scipy import sparse

    works_on = {}
    for node in sorted(n for n, d in graph.nodes(data=True) if d.get("cls") in classes):
        found = {f"{kind}{_CAUSE}{item}" for kind, items in causes(graph, node).items() for item in items}
        if found:
            works_on[node] = found
    columns = sorted({c for cs in works_on.values() for c in cs})
    index = {c: j for j, c in enumerate(columns)}
    ends = [(i, index[c]) for i, cs in enumerate(works_on.values()) for c in cs]
    incidence = sparse.csr_matrix(([1.0] * len(ends), ([i for i, _ in ends], [j for _, j in ends])),
                                  shape=(len(works_on), len(columns)))
    incidence.sort_indices()
    return CauseTable(tuple(works_on), tuple(columns), incidence)


Describe = Callable[[set[str]], tuple[dict[str, str], dict[str, str]]]  # IRIs -> (classes, labels)


def overlaps(graph: nx.MultiDiGraph, node: str, top: int = 10) -> list[dict]:
    """Organizations that share campaigns, causes, targets or places with ``node``: direct
    collaborators (campaigns created together) first, then by a weighted Jaccard similarity
    of what they work on.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for n, c in [("a", "Organization"), ("b", "Organization"), ("c", "Organization"), ("p", "Campaign"), ("x", "Person")]:
    ...     g.add_node(n, label=n, cls=c)
    >>> _ = g.add_edge("a", "p", predicate="createdCampaign"); _ = g.add_edge("b", "p", predicate="createdCampaign")
    >>> _ = g.add_edge("a", "x", predicate="supports"); _ = g.add_edge("c", "x", predicate="supports")
    >>> [r["label"] for r in overlaps(g, "a")]
    ['b', 'c']
    """
    def describe(iris: set[str]) -> tuple[dict[str, str], dict[str, str]]:
        return ({i: graph.nodes[i].get("cls", "") for i in iris if i in graph},
                {i: graph.nodes[i].get("label", i) for i in iris if i in graph})

    return overlaps_in(cause_table(graph), node, describe, top)


def overlaps_in(table: CauseTable, node: str, describe: Describe, top: int = 10) -> list[dict]:
    """:func:`overlaps` read from a :class:`CauseTable`: the causes ``node`` shares with
    every actor in one sparse product, their weights against the weight of what either works
    on; ``describe`` gives the classes and labels of the rows shown (``top``; 0: all) and of
    the causes they share."""
    import numpy as np

    me = table.row(node)
    if me is None:
        return []
    weight = table.weights()
    mine = table.incidence[me]
    shared = table.incidence @ mine.multiply(weight).T.toarray().ravel()  # weighted, per actor
    campaign = np.array([c.startswith("campaign" + _CAUSE) for c in table.columns], dtype=float)
    together = table.incidence @ mine.multiply(campaign).T.toarray().ravel()
    own = table.incidence @ weight  # what each actor works on, weighted
    found = [i for i in np.flatnonzero(shared > 0).tolist() if i != me]
    if not found:
        return []
    scores = {i: round(float(shared[i] / (own[me] + own[i] - shared[i])), 4) for i in found}
    ranked = sorted(found, key=lambda i: (-together[i], -scores[i]))
    if top and len(ranked) > top:  # the labels break ties: read them for the rows that can be shown
        last = (together[ranked[top - 1]], scores[ranked[top - 1]])
        ranked = [i for i in ranked if (together[i], scores[i]) >= last]
    classes, labels = describe({table.actors[i] for i in ranked})
    ranked.sort(key=lambda i: (-together[i], -scores[i], labels.get(table.actors[i], table.actors[i])))
    ranked = ranked[:top] if top else ranked
    mine_columns = set(mine.indices.tolist())
    rows = []
    for i in ranked:
        start, end = table.incidence.indptr[i], table.incidence.indptr[i + 1]
        common = [table.columns[j].split(_CAUSE, 1) for j in table.incidence.indices[start:end].tolist() if j in mine_columns]
        rows.append((i, common))
    _, item_labels = describe({item for _, common in rows for _, item in common})
    out = []
    for i, common in rows:
        other = table.actors[i]
        out.append({"node": other, "label": labels.get(other, other), "class": classes.get(other),
                    "score": scores[i], "campaigns": int(together[i]),
                    "shared": sorted(f"{kind}: {item_labels.get(item, item)}" for kind, item in common)})
    return out


def coalitions(graph: nx.MultiDiGraph, seed: int = SEED, min_size: int = 2) -> list[dict]:
    """Clusters of organizations that work on the same things: the bipartite graph
    organization–cause projected onto organizations (weights = shared causes), then Louvain.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for n in ["a", "b", "c", "d"]: g.add_node(n, label=n, cls="Organization")
    >>> for n in ["p", "q"]: g.add_node(n, label=n, cls="Campaign")
    >>> _ = g.add_edges_from([("a", "p"), ("b", "p"), ("c", "q"), ("d", "q")], predicate="createdCampaign")
    >>> [c["members"] for c in coalitions(g)]
    [['a', 'b'], ['c', 'd']]
    """
    from collections import Counter

    from scipy import sparse

    table = cause_table(graph, ("Organization",))
    orgs, incidence = list(table.actors), table.incidence
    works_on = {org: {table.columns[j] for j in incidence.indices[incidence.indptr[i]:incidence.indptr[i + 1]].tolist()}
                for i, org in enumerate(orgs)}
    shared_counts = sparse.triu(incidence @ incidence.T, k=1).tocoo()  # causes each pair shares
    weights = {(int(i), int(j)): int(w) for i, j, w in zip(shared_counts.row, shared_counts.col, shared_counts.data,
                                                           strict=True) if w}
    related = sorted({i for pair in weights for i in pair})
    if not related:
        return []
    index = {i: k for k, i in enumerate(related)}
    out = []
    for group in louvain([orgs[i] for i in related], {(index[i], index[j]): w for (i, j), w in weights.items()}, seed):
        if len(group) < min_size:
            continue
        counts = Counter(c for o in group for c in works_on[o])
        shared = sorted(c for c, n in counts.items() if n == len(group)) or sorted(c for c, n in counts.items() if n >= 2)
        out.append({"members": [graph.nodes[o].get("label", o) for o in group], "nodes": group,
                    "shared": [f"{c.split(chr(31))[0]}: {graph.nodes[c.split(chr(31))[1]].get('label', '') if c.split(chr(31))[1] in graph else c}"
                               for c in shared]})
    return out


def paths(graph: nx.MultiDiGraph, a: str, b: str, limit: int = 5) -> list[list[dict]]:
    """The shortest chains of relations between two nodes (ignoring direction), each hop
    with its predicate, direction and evidence.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", predicate="targets", evidence=[{"quote": "A targets B."}])
    >>> _ = g.add_edge("c", "b", predicate="supports", evidence=[{"quote": "C backs B."}])
    >>> [[h["predicate"] for h in p] for p in paths(g, "a", "c")]
    [['targets', 'supports']]
    """
    simple = collapse(graph)
    if a not in simple or b not in simple or not nx.has_path(simple, a, b):
        return []
    out = []
    for node_path in sorted(nx.all_shortest_paths(simple, a, b))[:limit]:
        hops = []
        for x, y in zip(node_path, node_path[1:]):
            options = []
            for s, o in ((x, y), (y, x)):
                if graph.has_edge(s, o):
                    for key, data in sorted(graph[s][o].items()):
                        options.append({"from": x, "to": y, "subject": s, "object": o,
                                        "predicate": data.get("predicate", key),
                                        "evidence": data.get("evidence", [])})
            hops.append(options[0])
        out.append(hops)
    return out
