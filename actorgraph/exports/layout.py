"""One layout for the map and the handout: each connected component laid out on its own
with networkx's spring layout (fixed seed), given room in proportion to its size, and
the components packed in rows, largest first, to fill a page of the given aspect ratio.
Laying components out apart keeps small pairs from being flung to the edges, which would
shrink the fit zoom of the whole map."""

from __future__ import annotations

import math

import networkx as nx


def packed_layout(graph: nx.MultiDiGraph | nx.Graph, unit: float = 1.0, aspect: float = 16 / 9,
                  seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of the nodes that have a relation (isolated nodes are left out); about
    ``unit`` between neighbours, y growing downwards.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> g.add_node("alone")
    >>> pos = packed_layout(g, unit=100)
    >>> sorted(pos)
    ['a', 'b', 'c', 'x', 'y']
    """
    simple = nx.Graph(graph)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    simple = simple.subgraph([n for n in graph if graph.degree(n)])
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for nodes in components:
        side = unit * 1.25 * math.sqrt(len(nodes)) if len(nodes) > 2 else unit
        if len(nodes) == 1:
            raw = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:
            raw = {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
        else:
            raw = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(simple.subgraph(nodes), seed=seed).items()}
        xs = [p[0] for p in raw.values()]
        ys = [p[1] for p in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        local = {n: ((x - min(xs)) / span * side, (y - min(ys)) / span * side) for n, (x, y) in raw.items()}
        width = max(p[0] for p in local.values())
        height = max(p[1] for p in local.values())
        boxes.append((local, width, height))
    area = sum((w + unit) * (h + unit) for _, w, h in boxes)
    row_width = max(math.sqrt(area * aspect), max((w for _, w, _ in boxes), default=0.0))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + unit, 0.0
        for n, (px, py) in local.items():
            positions[n] = (x + px, y + py)
        x += w + unit
        row_height = max(row_height, h)
    return positions
