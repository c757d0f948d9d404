"""The interactive map: one self-contained HTML file (vis-network from pyvis inlined, no
request leaves the page), colour and shape by class with a legend, search, filters by
class and predicate, tooltips and a details panel with the quote behind every edge.
Every text from documents reaches the page as JSON data and is shown with textContent."""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files
from pathlib import Path

import networkx as nx

from actorgraph import ontology
from actorgraph._files import atomic_write
from actorgraph.exports.cite import citation
from actorgraph.exports.layout import packed_layout
from actorgraph.exports.privacy import pseudonym_note
from actorgraph.exports.story import Story, edge_id
from actorgraph.exports.style import CLASS_STYLE, DEFAULT_STYLE, PREDICATE_COLORS
from actorgraph.exports.view import central
from actorgraph.graph.period import Period
from actorgraph.loaders.time.expressions import When

UNIT = 150               # canvas units between neighbours in the layout
LABEL_CHARS = 36         # longer names are cut on the map (whole in the details panel)
TOP_LABELS = 20         # the most central nodes, whose labels are always drawn (with a leader line if needed)
LABEL_PX = 12           # on-screen size of the other labels, drawn where they fit
TOP_LABEL_PX = 14
LABEL_COLOR = "#1a1a1a"  # on a white halo: contrast 17:1 whatever is behind
LABEL_HALO = "#ffffff"


def _pyvis_asset(relative: str) -> str:
    import pyvis  # lazy, here and below: 0.3 s to import; only maps need it

    return (Path(pyvis.__file__).parent / "templates" / "lib" / relative).read_text("utf-8")


def _json_for_script(value) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _node_details(iri: str, attrs: dict) -> str:
    lines = [attrs["label"], f"Class: {ontology.label(attrs['cls'])}"]
    if attrs.get("aliases"):
        lines.append("Also: " + "; ".join(attrs["aliases"][:12]))
    if attrs.get("documents"):
        lines.append("Documents: " + "; ".join(attrs["documents"][:8]))
    lines.append(iri)
    return "\n".join(lines)


def _edge_details(graph: nx.MultiDiGraph, s: str, o: str, attrs: dict) -> str:
    head = f"{graph.nodes[s]['label']} — {ontology.label(attrs['predicate'])} → {graph.nodes[o]['label']}"
    lines = [head]
    if attrs.get("from"):
        lines.append("When: " + span_text(attrs))
    for ev in attrs["evidence"][:5]:
        status = "" if ev["modality"] == "asserted" else f" [{ev['modality']}]"
        lines.append(f"“{ev['quote'][:400]}”{status}\n  — {citation(ev)}")
    return "\n".join(lines)


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1].rstrip() + "…"


def graph_to_vis(graph: nx.MultiDiGraph, size_by: dict[str, float] | None = None) -> dict:
    """Nodes, edges, options and legend for vis-network, built with pyvis. Labels are not
    given to vis-network: the page draws them itself, decluttered, at a readable size."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    order, pagerank = central(graph)
    sizes = size_by if size_by is not None else pagerank
    top = max(sizes.values()) if sizes else 1.0
    # 0 for the most central node, then 1, 2, …; nodes without a relation come last
    ranks = {n: i for i, n in enumerate(order + sorted(n for n in graph if n not in pagerank))}
    positions = packed_layout(graph, unit=UNIT)
    for iri, attrs in sorted(graph.nodes(data=True)):
        color, shape = CLASS_STYLE.get(attrs["cls"], DEFAULT_STYLE)
        extra = {}
        if iri in positions:
            x, y = positions[iri]
            extra = {"x": round(x, 1), "y": round(y, 1)}
        net.add_node(iri, label=" ", title=_node_details(iri, attrs), color=color, shape=shape,
                     size=10 + 30 * (sizes.get(iri, 0) / top if top else 0), cls=attrs["cls"], name=_short(attrs["label"]),
                     aliases=attrs.get("aliases", []), details=_node_details(iri, attrs), rank=ranks[iri],
                     isolated=not graph.degree(iri), **extra)
    for s, o, key, attrs in sorted(graph.edges(keys=True, data=True)):
        details = _edge_details(graph, s, o, attrs)
        # when it held (first … last), for the page's time filter ("from"/"to" name an edge's ends in vis-network)
        when = {"first": attrs["from"], "last": attrs["to"], "ended": bool(attrs.get("ended"))} if attrs.get("from") else {}
        net.add_edge(s, o, id=edge_id(s, key, o), name=ontology.label(attrs["predicate"]), title=details, details=details,
                     predicate=attrs["predicate"], color=PREDICATE_COLORS.get(attrs["predicate"], "#888"),
                     weight=attrs.get("weight", 1), width=1 + min(attrs.get("weight", 1), 5), arrows="to", **when)
    nodes = [{k: v for k, v in n.items() if k != "label"} for n in net.nodes]
    options = {
        "nodes": {"font": {"size": 0}},
        "edges": {"smooth": {"type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "physics": {"enabled": False},
    }
    classes = Counter(a["cls"] for _, a in graph.nodes(data=True))
    predicates = Counter(a["predicate"] for _, _, a in graph.edges(data=True))
    legend = {
        "classes": [{"name": c, "label": ontology.label(c), "color": CLASS_STYLE.get(c, DEFAULT_STYLE)[0],
                     "count": classes[c]} for c in ontology.ENTITY_CLASSES if classes[c]],
        "predicates": [{"name": p, "label": ontology.label(p), "color": PREDICATE_COLORS.get(p, "#888"),
                        "count": predicates[p]} for p in sorted(predicates)],
    }
    return {"nodes": nodes, "edges": net.edges, "options": options, "legend": legend,
            "labels": {"top": TOP_LABELS, "px": LABEL_PX, "topPx": TOP_LABEL_PX, "color": LABEL_COLOR,
                       "halo": LABEL_HALO}}


def span_text(attrs: dict) -> str:
    """ "2017-04 – 2020-02 (ended)" for an edge with ``from``, ``to`` and ``ended``."""
    text = attrs["from"] if attrs["from"] == attrs["to"] else f"{attrs['from']} – {attrs['to']}"
    return text + (" (ended)" if attrs.get("ended") else "")


def time_range(graph: nx.MultiDiGraph, period: Period | None = None) -> dict:
    """What the map's time filter shows: how many relations are dated and undated, the
    first and last day any is dated, and the period the map was drawn for (ISO days)."""
    dated = [(When(d["from"]).first(), When(d["to"]).last()) for _, _, d in graph.edges(data=True) if d.get("from")]
    period = period or Period()
    return {"dated": len(dated), "undated": graph.number_of_edges() - len(dated),
            "first": min(a for a, _ in dated).isoformat() if dated else "",
            "last": max(b for _, b in dated).isoformat() if dated else "",
            "since": period.since.first().isoformat() if period.since else "",
            "until": period.until.last().isoformat() if period.until else ""}


def render_html(graph: nx.MultiDiGraph, title: str, caption: str, story: Story | None = None,
                period: Period | None = None) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True)
    template = env.from_string(files("actorgraph.exports").joinpath("templates/map.html").read_text("utf-8"))
    data = graph_to_vis(graph)
    data["story"] = story.as_data() if story is not None else None
    isolated = sum(1 for n in graph if not graph.degree(n))
    return template.render(title=title, caption=caption, data_json=_json_for_script(data), isolated=isolated,
                           time=time_range(graph, period),
                           story=story, pseudonyms=pseudonym_note(graph, central(graph)[0]),
                           vis_js=_pyvis_asset("vis-9.1.2/vis-network.min.js").replace("</script", "<\\/script"),
                           vis_css=_pyvis_asset("vis-9.1.2/vis-network.css").replace("</style", "<\\/style"))


def write_html(graph: nx.MultiDiGraph, out: Path, title: str = "actorgraph map", caption: str = "",
               story: Story | None = None, period: Period | None = None) -> Path:
    """Write the interactive map of ``graph`` (with a guided ``story``, if given; its time
    filter set to ``period``, if given) to ``out`` (atomically)."""
    return atomic_write(out, render_html(graph, title, caption, story, period))
