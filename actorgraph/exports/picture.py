"""Static pictures of a view for slides and papers: SVG written directly, PNG with matplotlib.
The layout is networkx's spring layout with a fixed seed, so the same graph gives the same
picture."""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx

from actorgraph.exports.style import CLASS_STYLE, DEFAULT_STYLE, PREDICATE_COLORS
from actorgraph.exports.write import atomic_write


def layout(graph: nx.MultiDiGraph) -> dict:
    return nx.spring_layout(nx.Graph(graph), seed=7) if graph.number_of_nodes() else {}


def render_svg(graph: nx.MultiDiGraph, title: str = "", width: int = 1400, height: int = 1000) -> str:
    """An SVG drawing: nodes coloured by class, edges by predicate, every label escaped."""
    pos = layout(graph)
    margin = 60

    def xy(node):
        x, y = pos[node]
        return margin + (x + 1) / 2 * (width - 2 * margin), margin + (1 - (y + 1) / 2) * (height - 2 * margin)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="16" y="28" font-size="20">{html.escape(title)}</text>']
    for s, o, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = xy(s), xy(o)
        color = PREDICATE_COLORS.get(data.get("predicate"), "#999")
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" '
                     f'stroke-width="1.5" opacity="0.7"><title>{html.escape(str(data.get("predicate", "")))}</title></line>')
    for node, data in sorted(graph.nodes(data=True)):
        x, y = xy(node)
        color = CLASS_STYLE.get(data.get("cls"), DEFAULT_STYLE)[0]
        label = html.escape(str(data.get("label", node)))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{color}"><title>{label}</title></circle>')
        parts.append(f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="11">{label}</text>')
    legend_y = height - 20 - 18 * len({d.get("cls") for _, d in graph.nodes(data=True)})
    for i, cls in enumerate(sorted({d.get("cls") for _, d in graph.nodes(data=True)})):
        color = CLASS_STYLE.get(cls, DEFAULT_STYLE)[0]
        parts.append(f'<circle cx="24" cy="{legend_y + 18 * i}" r="6" fill="{color}"/>'
                     f'<text x="36" y="{legend_y + 18 * i + 4}" font-size="12">{html.escape(str(cls))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def write_svg(graph: nx.MultiDiGraph, out: Path, title: str = "") -> Path:
    return atomic_write(out, render_svg(graph, title))


def write_png(graph: nx.MultiDiGraph, out: Path, title: str = "") -> Path:
    """A PNG drawn with matplotlib (Agg backend, no display needed)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pos = layout(graph)
    fig, ax = plt.subplots(figsize=(14, 10), dpi=100)
    ax.set_title(title)
    ax.axis("off")
    simple = nx.Graph(graph)
    colors = [CLASS_STYLE.get(graph.nodes[n].get("cls"), DEFAULT_STYLE)[0] for n in simple]
    def predicate(u, v):
        data = graph.get_edge_data(u, v) or graph.get_edge_data(v, u) or {}
        first: dict = next(iter(data.values()), {})
        return str(first.get("predicate", ""))

    edge_colors = [PREDICATE_COLORS.get(predicate(u, v), "#999") for u, v in simple.edges]
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color=edge_colors, alpha=0.6)
    nx.draw_networkx_nodes(simple, pos, ax=ax, node_color=colors, node_size=80)
    nx.draw_networkx_labels(simple, pos, ax=ax, labels={n: graph.nodes[n].get("label", n) for n in simple}, font_size=7)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return atomic_write(out, buffer.getvalue())
