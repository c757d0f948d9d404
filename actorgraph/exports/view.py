"""Views of the graph for maps and pictures: an ego network, classes, predicates, a minimum
degree, the top N by PageRank, or only what some documents say."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from actorgraph.errors import UsageError
from actorgraph.graph.analysis import pagerank
from actorgraph.graph.period import Period, graph_in_period
from actorgraph.ontology import ENTITY_CLASSES, RELATION_PREDICATES


@dataclass
class View:
    focus: str | None = None          # node IRI
    focus_label: str | None = None
    depth: int = 1
    classes: list[str] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    min_degree: int = 0
    top: int | None = None
    documents: list[str] = field(default_factory=list)  # document IRIs, titles or source paths
    period: Period = field(default_factory=Period)       # only the relations that held then

    def check(self) -> View:
        bad = [c for c in self.classes if c not in ENTITY_CLASSES]
        if bad:
            raise UsageError(f"unknown class {', '.join(bad)}; available: {', '.join(ENTITY_CLASSES)}", where="map --classes")
        bad = [p for p in self.predicates if p not in RELATION_PREDICATES]
        if bad:
            raise UsageError(f"unknown predicate {', '.join(bad)}; available: {', '.join(RELATION_PREDICATES)}",
                             where="map --predicates")
        if self.depth < 0 or self.min_degree < 0 or (self.top is not None and self.top < 1):
            raise UsageError("--depth, --min-degree and --top must be positive", where="map")
        return self

    def describe(self) -> str:
        parts = []
        if self.focus_label:
            parts.append(f"around {self.focus_label} (depth {self.depth})")
        if self.classes:
            parts.append("classes: " + ", ".join(self.classes))
        if self.predicates:
            parts.append("relations: " + ", ".join(self.predicates))
        if self.min_degree:
            parts.append(f"degree ≥ {self.min_degree}")
        if self.top:
            parts.append(f"top {self.top} by PageRank")
        if self.documents:
            parts.append("documents: " + ", ".join(self.documents))
        if self.period:
            parts.append(f"relations that held {self.period.describe()}")
        return "; ".join(parts)


def apply_view(graph: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """The part of ``graph`` the view asks for (a copy).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="supports", predicate="supports", evidence=[])
    >>> _ = g.add_edge("b", "c", key="opposes", predicate="opposes", evidence=[])
    >>> for n in g: g.nodes[n].update(label=n, cls="Organization")
    >>> sorted(apply_view(g, View(focus="a", depth=1)).nodes)
    ['a', 'b']
    """
    g = graph_in_period(graph, view.period) if view.period else graph.copy()
    if view.documents:
        wanted = set(view.documents)
        for s, o, key, data in list(g.edges(keys=True, data=True)):
            kept = [ev for ev in data.get("evidence", [])
                    if {ev.get("document"), ev.get("title")} & wanted or any(w in (ev.get("document") or "") for w in wanted)]
            if kept:
                g[s][o][key]["evidence"] = kept
                g[s][o][key]["weight"] = len(kept)
            else:
                g.remove_edge(s, o, key)
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and not any(
            d in wanted for d in g.nodes[n].get("documents", []))])
    if view.predicates:
        for s, o, key, data in list(g.edges(keys=True, data=True)):
            if data.get("predicate") not in view.predicates:
                g.remove_edge(s, o, key)
    if view.classes:
        g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if d.get("cls") not in view.classes])
    if view.focus is not None:
        if view.focus not in g:
            raise UsageError("the focus entity is not in this view", where="map --focus")
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), view.focus, cutoff=view.depth)
        g = g.subgraph(near).copy()
    if view.min_degree:
        g.remove_nodes_from([n for n in list(g) if g.degree(n) < view.min_degree])
    if view.top:
        rank = pagerank(g) if g.number_of_nodes() else {}
        keep = sorted(rank, key=lambda n: (-rank[n], n))[:view.top]
        if view.focus is not None and view.focus in g and view.focus not in keep:
            keep.append(view.focus)
        g = g.subgraph(keep).copy()
    return g


MAP_LIMIT = 400  # above this many related actors, the default map shows the most central


def central(graph: nx.MultiDiGraph) -> tuple[list[str], dict[str, float]]:
    """The actors that have a relation, most central first (PageRank over the connected part,
    ties by id), and their PageRank. Maps, handouts and stories all rank with this."""
    connected = [n for n in graph if graph.degree(n)]
    rank = pagerank(graph, sorted(connected)) if connected else {}
    return sorted(rank, key=lambda n: (-rank[n], n)), rank


def readable(graph: nx.MultiDiGraph, limit: int = MAP_LIMIT) -> tuple[nx.MultiDiGraph, int, int]:
    """A map a browser can draw and a reader can take in: when more than ``limit`` actors
    have a relation, the ``limit`` most central of them (PageRank) and no actor without a
    relation. Returns the graph and how many related and unrelated actors it left out."""
    related = sum(1 for n in graph if graph.degree(n))
    if related <= limit:
        return graph, 0, 0
    keep = central(graph)[0][:limit]
    return graph.subgraph(keep).copy(), related - limit, graph.number_of_nodes() - related
