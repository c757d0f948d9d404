"""Guided stories through a map: a sequence of steps, each focusing some actors and the
relations between them, with a caption and the quotes behind the highlighted edges.

A story comes from a small TOML file (``map --story FILE``) or is built from the graph
(``--story auto``: an overview, the most central actors with their best-sourced relations,
then the strongest chains between central actors). Story file::

    title = "Who helps ICE find people"

    [[step]]
    focus = "ICE"                                  # an actor, by any name or alias
    relations = ["sharedDataWith", "collaboratesWith"]   # optional: which of its relations
    caption = "Agencies and companies that handed ICE personal data."

    [[step]]
    path = ["Some County Sheriff", "Some Coalition"]   # or the shortest chain between two
    caption = "How the sheriff and the coalition are connected."

    [[step]]
    focus = "Some County Sheriff"
    since = "2017"                                 # optional: only what held in a period
    until = "2020-02"                              # (the map's time filter follows the step)
    caption = "The sheriff's years of working with ICE."

    [[step]]
    caption = "The whole network again."           # no focus: the overview
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from actorgraph import ontology
from actorgraph.errors import AmbiguousNameError, InputError, NotFoundError, UsageError
from actorgraph.exports.cite import citation
from actorgraph.exports.view import central as most_central
from actorgraph.graph.period import Period, graph_in_period
from actorgraph.ontology import RELATION_PREDICATES
from actorgraph.ontology.ids import normalize_name

MAX_EDGES = 12      # edges highlighted in one step
MAX_QUOTES = 4      # quotes shown under a step's caption
_STEP_KEYS = {"focus", "relations", "path", "caption", "title", "since", "until"}


@dataclass(frozen=True)
class Quote:
    quote: str
    title: str
    relation: str   # "A — supports → B"


@dataclass(frozen=True)
class Step:
    title: str
    caption: str
    nodes: tuple[str, ...] = ()      # node ids to highlight and fit; () = the whole map
    edges: tuple[str, ...] = ()      # edge ids (see edge_id)
    quotes: tuple[Quote, ...] = ()
    since: str = ""                  # the period the step shows (ISO days; "" = open)
    until: str = ""


@dataclass(frozen=True)
class Story:
    title: str
    steps: tuple[Step, ...]

    def as_data(self) -> dict:
        return {"title": self.title, "timed": any(s.since or s.until for s in self.steps), "steps": [
            {"title": s.title, "caption": s.caption, "nodes": list(s.nodes), "edges": list(s.edges),
             "quotes": [{"quote": q.quote, "title": q.title, "relation": q.relation} for q in s.quotes],
             "since": s.since, "until": s.until}
            for s in self.steps]}


def edge_id(s: str, key: str, o: str) -> str:
    """The id of an edge in the map's data (IRIs hold no spaces)."""
    return f"{s} {key} {o}"


def _relation_text(graph: nx.MultiDiGraph, s: str, key: str, o: str) -> str:
    return f"{graph.nodes[s]['label']} — {ontology.label(graph.edges[s, o, key]['predicate'])} → {graph.nodes[o]['label']}"


def _quotes(graph: nx.MultiDiGraph, edges: list[tuple[str, str, str]]) -> tuple[Quote, ...]:
    out = []
    for s, o, key in edges[:MAX_QUOTES]:
        evidence = graph.edges[s, o, key].get("evidence") or []
        asserted = [ev for ev in evidence if ev.get("modality", "asserted") == "asserted"] or evidence
        if asserted:
            ev = asserted[0]
            out.append(Quote(ev["quote"][:400], citation(ev), _relation_text(graph, s, key, o)))
    return tuple(out)


def _strongest(graph: nx.MultiDiGraph, edges) -> list[tuple[str, str, str]]:
    return sorted(edges, key=lambda e: (-graph.edges[e].get("weight", 1), e))


def _sources(n: int) -> str:
    return f"{n} source{'s' if n != 1 else ''}"


class _Names:
    """Actors of the map by normalised label and alias."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self.index: dict[str, set[str]] = {}
        for node, data in graph.nodes(data=True):
            for name in [data.get("label", ""), *data.get("aliases", [])]:
                self.index.setdefault(normalize_name(str(name)), set()).add(node)

    def find(self, name: str, where: str) -> str:
        hits = self.index.get(normalize_name(name), set())
        if not hits:
            raise NotFoundError(f"no actor named '{name}' in this map (the names of private people are shown "
                                "as pseudonyms unless --privacy open)", where=where)
        if len(hits) > 1:
            listing = "; ".join(sorted(self.graph.nodes[h]["label"] for h in hits))
            raise AmbiguousNameError(f"'{name}' names {len(hits)} actors: {listing}; use a fuller name", where=where)
        return next(iter(hits))


def _path_edges(graph: nx.MultiDiGraph, path: list[str]) -> list[tuple[str, str, str]]:
    edges = []
    for a, b in zip(path, path[1:], strict=False):
        candidates = [(a, b, k) for k in graph.get_edge_data(a, b, default={})] + \
                     [(b, a, k) for k in graph.get_edge_data(b, a, default={})]
        edges.append(_strongest(graph, candidates)[0])
    return edges


def _incident(graph: nx.MultiDiGraph, node: str, relations: list[str]) -> list[tuple[str, str, str]]:
    edges = [*graph.out_edges(node, keys=True), *graph.in_edges(node, keys=True)]
    if relations:
        edges = [e for e in edges if graph.edges[e]["predicate"] in relations]
    return _strongest(graph, edges)[:MAX_EDGES]


def _focus_step(graph: nx.MultiDiGraph, node: str, edges: list[tuple[str, str, str]], caption: str, title: str) -> Step:
    nodes = [node] + sorted({n for s, o, _ in edges for n in (s, o)} - {node})
    return Step(title, caption, tuple(nodes), tuple(edge_id(s, k, o) for s, o, k in edges), _quotes(graph, edges))


def _chain_step(graph: nx.MultiDiGraph, path: list[str], caption: str, title: str) -> Step:
    edges = _path_edges(graph, path)
    return Step(title, caption, tuple(path), tuple(edge_id(s, k, o) for s, o, k in edges), _quotes(graph, edges))


def _text(value: object) -> str | None:
    """A TOML value as a date's text (a TOML date such as 2020-02-01 unquoted, too)."""
    return None if value is None else str(value)


def load_story(path: Path, graph: nx.MultiDiGraph) -> Story:
    """Read a story file and resolve its actors against ``graph`` (the map's view)."""
    where = f"map --story {path}"
    try:
        spec = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", where=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read: {exc}", where=where) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", where=where) from None
    steps_spec = spec.get("step", [])
    if not isinstance(steps_spec, list) or not steps_spec or not all(isinstance(s, dict) for s in steps_spec):
        raise InputError("a story needs at least one [[step]] table", where=where)
    names = _Names(graph)
    undirected = graph.to_undirected(as_view=True)
    steps = []
    for number, item in enumerate(steps_spec, 1):
        here = f"{where}: step {number}"
        unknown = sorted(set(item) - _STEP_KEYS)
        if unknown:
            raise InputError(f"unknown key {', '.join(unknown)}; a step takes {', '.join(sorted(_STEP_KEYS))}", where=here)
        caption = str(item.get("caption", "")).strip()
        relations = item.get("relations", [])
        if isinstance(relations, str):
            relations = [relations]
        bad = [r for r in relations if r not in RELATION_PREDICATES]
        if bad:
            raise InputError(f"unknown relation {', '.join(map(str, bad))}; available: {', '.join(RELATION_PREDICATES)}",
                             where=here)
        if "focus" in item and "path" in item:
            raise InputError("give either focus or path, not both", where=here)
        try:
            period = Period.parse(_text(item.get("since")), _text(item.get("until")))
        except UsageError as exc:
            raise InputError(exc.message, where=f"{here} ({exc.where})") from None
        since = period.since.first().isoformat() if period.since else ""
        until = period.until.last().isoformat() if period.until else ""
        if "focus" in item:
            node = names.find(str(item["focus"]), here)
            title = str(item.get("title") or graph.nodes[node]["label"])
            edges = _incident(graph_in_period(graph, period) if period else graph, node, relations)
            steps.append(replace(_focus_step(graph, node, edges, caption, title), since=since, until=until))
        elif "path" in item:
            ends = item["path"]
            if not isinstance(ends, list) or len(ends) != 2:
                raise InputError("path takes two actors: path = [\"A\", \"B\"]", where=here)
            a, b = (names.find(str(e), here) for e in ends)
            try:
                chain = nx.shortest_path(undirected, a, b)
            except nx.NetworkXNoPath:
                raise NotFoundError(f"no chain of relations joins '{ends[0]}' and '{ends[1]}' in this map",
                                    where=here) from None
            title = str(item.get("title") or f"{graph.nodes[a]['label']} … {graph.nodes[b]['label']}")
            steps.append(replace(_chain_step(graph, chain, caption, title), since=since, until=until))
        else:
            steps.append(Step(str(item.get("title") or "Overview"), caption, since=since, until=until))
    return Story(str(spec.get("title", "")).strip(), tuple(steps))


def auto_story(graph: nx.MultiDiGraph, actors: int = 4, chains: int = 2) -> Story:
    """An overview, the ``actors`` most central actors (PageRank over the connected part)
    with their best-sourced relations, then up to ``chains`` chains between central actors
    that are not directly related."""
    documents = {ev.get("title") or ev.get("document") for _, _, d in graph.edges(data=True) for ev in d.get("evidence", [])}
    central, _ = most_central(graph)
    if not central:
        return Story("", (Step("Overview", f"{graph.number_of_nodes()} actors and no relation between them."),))
    names = ", ".join(graph.nodes[n]["label"] for n in central[:3])
    steps = [Step("Overview", f"{len(central)} connected actors and {graph.number_of_edges()} relations "
                              f"from {len(documents)} document(s). The most central: {names}.")]
    for node in central[:actors]:
        data = graph.nodes[node]
        edges = _incident(graph, node, [])
        best = edges[0]
        caption = (f"{data['label']} ({ontology.label(data['cls'])}): {graph.degree(node)} relation(s) in "
                   f"{len(data.get('documents', []))} document(s); the best sourced: "
                   f"{_relation_text(graph, best[0], best[2], best[1])} ({_sources(graph.edges[best].get('weight', 1))}).")
        steps.append(_focus_step(graph, node, edges, caption, data["label"]))
    undirected = nx.Graph()
    for s, o, d in graph.edges(data=True):
        weight = d.get("weight", 1) + (undirected[s][o]["weight"] if undirected.has_edge(s, o) else 0)
        undirected.add_edge(s, o, weight=weight, cost=1.0 / weight)
    found = 0
    used: set[frozenset[str]] = set()
    for i, a in enumerate(central[:6]):
        for b in central[i + 1:6]:
            if found >= chains or undirected.has_edge(a, b) or not nx.has_path(undirected, a, b):
                continue
            chain = nx.shortest_path(undirected, a, b, weight="cost")
            if len(chain) > 4 or frozenset(chain) in used:
                continue
            used.add(frozenset(chain))
            edges = _path_edges(graph, chain)
            text = "; ".join(_relation_text(graph, s, k, o) for s, o, k in edges)
            caption = f"How {graph.nodes[a]['label']} and {graph.nodes[b]['label']} are connected: {text}."
            steps.append(_chain_step(graph, chain, caption, f"{graph.nodes[a]['label']} … {graph.nodes[b]['label']}"))
            found += 1
    return Story("", tuple(steps))
