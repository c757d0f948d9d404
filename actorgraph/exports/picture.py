"""A printable handout of a view (PNG, SVG or PDF, drawn with matplotlib): the title, a
caption, the network with decluttered labels (the most central actors always, the others
where they fit), a legend of classes and relations, and a numbered list of the source
documents — each edge carries the numbers of the documents that state it.

The layout is networkx's spring layout with a fixed seed: the same graph gives the same
page. Actors with no relation are left out (and counted); a large view keeps its most
central actors (and says how many it left out)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import networkx as nx

from actorgraph import ontology
from actorgraph._files import atomic_write
from actorgraph.errors import UsageError
from actorgraph.exports.cite import citation
from actorgraph.exports.layout import packed_layout
from actorgraph.exports.privacy import pseudonym_note
from actorgraph.exports.style import CLASS_STYLE, DEFAULT_STYLE, MARKERS, PREDICATE_COLORS
from actorgraph.exports.view import central

FORMATS = ("png", "svg", "pdf")
MAX_NODES = 80        # more than this and the page keeps the most central
TOP_LABELS = 20       # labels always drawn (moved off with a leader line if they must)
MAX_SOURCES = 30      # documents listed by name; the rest counted
PAGE = (11.69, 8.27)  # A4 landscape, inches


def layout(graph: nx.MultiDiGraph) -> dict:
    """The map's layout (components packed), y flipped for matplotlib."""
    return {n: (x, -y) for n, (x, y) in packed_layout(graph, aspect=1.2).items()}


def _page_graph(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, list[str], int, int]:
    """The connected part (at most MAX_NODES, by PageRank), its nodes by rank, and how many
    isolated and how many further actors were left out."""
    order, _ = central(graph)
    isolated = graph.number_of_nodes() - len(order)
    kept = order[:MAX_NODES]
    return graph.subgraph(kept).copy(), kept, isolated, len(order) - len(kept)


def _sources(graph: nx.MultiDiGraph) -> list[str]:
    titles = {citation(ev) for _, _, d in graph.edges(data=True) for ev in d.get("evidence", [])}
    return sorted(titles)


def _short(name: str, chars: int = 48) -> str:
    return name if len(name) <= chars else name[:chars - 1].rstrip() + "…"


def _overlaps(box, boxes) -> bool:
    return any(box.overlaps(other) for other in boxes)


def _side_text(sources: list[str], note: str) -> list[str]:
    """The lines under the legend: the numbered sources, how labels are chosen, and what a
    pseudonym is (``note``, if any)."""
    lines = ["Sources (numbers on the edges):"]
    for i, t in enumerate(sources[:MAX_SOURCES], 1):
        lines.append(textwrap.fill(f"{i}. {t}", 58, subsequent_indent="    "))
    if len(sources) > MAX_SOURCES:
        lines.append(f"… and {len(sources) - MAX_SOURCES} more documents.")
    lines.append("")
    lines.append(textwrap.fill(f"Labels: the {TOP_LABELS} most central actors (PageRank) always, the others where "
                               "they fit. Node size: PageRank.", 58))
    if note:
        lines += ["", textwrap.fill(note, 58)]
    return lines


def render(graph: nx.MultiDiGraph, fmt: str, title: str = "", caption: str = "") -> bytes:
    """The handout of ``graph`` as bytes in ``fmt`` (png, svg or pdf)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown picture format '{fmt}'; available: {', '.join(FORMATS)}", where="map")
    import matplotlib  # lazy: 1.2 s to import; only printable handouts need it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    page, order, isolated, dropped = _page_graph(graph)
    sources = _sources(page)
    number = {t: i for i, t in enumerate(sources, 1)}
    rank = {n: i for i, n in enumerate(order)}
    # a white box behind each label (not a stroke path effect, which would turn the text
    # into paths and make the PDF and SVG unsearchable)
    halo = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85}

    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans", "pdf.fonttype": 42}):
        fig = plt.figure(figsize=PAGE, dpi=150 if fmt == "png" else 100)
        fig.text(0.02, 0.965, title or "actorgraph map", fontsize=17, weight="bold", va="top")
        notes = [caption] if caption else []
        notes.append(f"{page.number_of_nodes()} actors and {page.number_of_edges()} relations drawn"
                     + (f"; {dropped} less central actors left out" if dropped else "")
                     + (f"; {isolated} actors with no relation not drawn" if isolated else "") + ".")
        fig.text(0.02, 0.925, "\n".join(textwrap.fill(n, 170) for n in notes), fontsize=8, va="top", color="#333333")
        ax = fig.add_axes((0.02, 0.04, 0.68, 0.82))
        ax.axis("off")
        side = fig.add_axes((0.715, 0.04, 0.27, 0.82))
        side.axis("off")

        pos = layout(page)
        if pos:
            xs = [p[0] for p in pos.values()]
            ys = [p[1] for p in pos.values()]
            pad = 0.6
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(min(ys) - pad, max(ys) + pad)
        for s, o, data in page.edges(data=True):
            color = PREDICATE_COLORS.get(data.get("predicate"), "#999999")
            ax.annotate("", xy=pos[o], xytext=pos[s], zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": color, "alpha": 0.75, "lw": 0.6 + min(data.get("weight", 1), 4) * 0.4,
                                    "shrinkA": 6, "shrinkB": 6, "mutation_scale": 9})
        top_rank = max(len(order), 1)
        for cls in sorted({d.get("cls") for _, d in page.nodes(data=True)}, key=str):
            members = [n for n in page if page.nodes[n].get("cls") == cls]
            color, shape = CLASS_STYLE.get(cls, DEFAULT_STYLE)
            ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members], zorder=2,
                       s=[30 + 220 * (1 - rank[n] / top_rank) ** 2 for n in members], c=color,
                       marker=MARKERS.get(shape, "o"), edgecolors="white", linewidths=0.6)

        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        to_px = ax.transData.transform
        obstacles = []
        for n in page:
            x, y = to_px(pos[n])
            r = 5 + 6 * (1 - rank[n] / top_rank)
            obstacles.append(matplotlib.transforms.Bbox([[x - r, y - r], [x + r, y + r]]))
        ax_box = ax.get_window_extent(renderer)
        placed: list = []

        def place(text_kwargs, anchor, candidates, strict_only, leader):
            for strict in ([True] if strict_only else [True, False]):
                for i, (dx, dy, ha, va) in enumerate(candidates):
                    t = ax.annotate(text_kwargs["text"], xy=anchor, xytext=(dx, dy), textcoords="offset points",
                                    ha=ha, va=va, fontsize=text_kwargs["size"], weight=text_kwargs["weight"],
                                    color=text_kwargs["color"], zorder=4, bbox=halo)
                    box = t.get_window_extent(renderer).expanded(1.04, 1.1)
                    inside = ax_box.contains(box.x0, box.y0) and ax_box.contains(box.x1, box.y1)
                    if inside and not _overlaps(box, placed) and (not strict or not _overlaps(box, [
                            b for b in obstacles if not b.contains(*to_px(anchor))])):
                        placed.append(box)
                        if leader and i >= 4:
                            ax.annotate("", xy=anchor, xytext=(dx, dy), textcoords="offset points", zorder=3,
                                        arrowprops={"arrowstyle": "-", "color": "#767676", "lw": 0.5})
                        return True
                    t.remove()
            return False

        near = [(0, -7, "center", "top"), (0, 7, "center", "bottom"), (7, 0, "left", "center"), (-7, 0, "right", "center")]
        rings = [(d * dx, d * dy, ha, va) for d in (16, 26, 38, 52)
                 for dx, dy, ha, va in ((0, -1, "center", "top"), (0, 1, "center", "bottom"), (1, 0, "left", "center"),
                                        (-1, 0, "right", "center"), (0.7, -0.7, "left", "top"), (-0.7, 0.7, "right", "bottom"),
                                        (0.7, 0.7, "left", "bottom"), (-0.7, -0.7, "right", "top"))]
        for n in order:
            important = rank[n] < TOP_LABELS
            spec = {"text": _short(str(page.nodes[n].get("label", n))), "size": 8.5 if important else 7,
                    "weight": "bold" if important else "normal", "color": "#1a1a1a"}
            place(spec, pos[n], near + (rings if important else []), not important, important)
        for s, o, data in sorted(page.edges(data=True), key=lambda e: -e[2].get("weight", 1)):
            docs = sorted({number[citation(ev)] for ev in data.get("evidence", [])})
            if not docs:
                continue
            mid = ((pos[s][0] + pos[o][0]) / 2, (pos[s][1] + pos[o][1]) / 2)
            label = "[" + ",".join(map(str, docs[:4])) + ("…" if len(docs) > 4 else "") + "]"
            place({"text": label, "size": 6, "weight": "normal", "color": "#4a4a4a"}, mid, near[:1], True, False)

        classes = sorted({d.get("cls") for _, d in page.nodes(data=True)}, key=lambda c: ontology.ENTITY_CLASSES.index(c)
                         if c in ontology.ENTITY_CLASSES else 99)
        handles = [Line2D([], [], linestyle="none", marker=MARKERS.get(CLASS_STYLE.get(c, DEFAULT_STYLE)[1], "o"),
                          color=CLASS_STYLE.get(c, DEFAULT_STYLE)[0], markersize=7, label=ontology.label(c)) for c in classes]
        predicates = sorted({d.get("predicate") for _, _, d in page.edges(data=True)}, key=str)
        handles += [Line2D([], [], color=PREDICATE_COLORS.get(p, "#999999"), lw=2, label=ontology.label(p)) for p in predicates]
        legend = side.legend(handles=handles, loc="upper left", fontsize=7.5, frameon=False, title="Legend",
                             title_fontproperties={"weight": "bold", "size": 9}, ncols=2 if len(handles) > 16 else 1)
        legend._legend_box.align = "left"  # type: ignore[attr-defined]
        lines = _side_text(sources, pseudonym_note(page, order, [str(d.get("label", "")) for _, d in page.nodes(data=True)]
                                                    + sources))
        fig.canvas.draw()
        legend_box = legend.get_window_extent(renderer).transformed(side.transAxes.inverted())
        side.text(0, min(legend_box.y0 - 0.03, 0.98), "\n".join(lines), fontsize=6.5, va="top", ha="left",
                  transform=side.transAxes, wrap=False)

        buffer = io.BytesIO()
        metadata = {"Title": title or "actorgraph map", "Creator": "actorgraph"} if fmt in ("pdf", "svg") else None
        fig.savefig(buffer, format=fmt, metadata=metadata)
        plt.close(fig)
    return buffer.getvalue()


def write_picture(graph: nx.MultiDiGraph, out: Path, title: str = "", caption: str = "", fmt: str | None = None) -> Path:
    """Write the handout to ``out``; the format is ``fmt`` or the file's suffix."""
    kind = (fmt or Path(out).suffix.lstrip(".")).lower()
    return atomic_write(Path(out), render(graph, kind, title, caption))


def write_png(graph: nx.MultiDiGraph, out: Path, title: str = "", caption: str = "") -> Path:
    return write_picture(graph, out, title, caption, "png")


def write_svg(graph: nx.MultiDiGraph, out: Path, title: str = "", caption: str = "") -> Path:
    return write_picture(graph, out, title, caption, "svg")


def write_pdf(graph: nx.MultiDiGraph, out: Path, title: str = "", caption: str = "") -> Path:
    return write_picture(graph, out, title, caption, "pdf")
