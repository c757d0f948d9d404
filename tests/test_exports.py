import re

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from actorgraph.exports import EXPORTERS
from actorgraph.exports.html import write_html
from actorgraph.graph.project import store_to_networkx


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_export_reimports_in_rdflib(tmp_path, seed_store, fmt, parse_as):
    out = tmp_path / f"graph.{fmt}"
    EXPORTERS[fmt](seed_store, out)
    if fmt == "turtle":
        g = Graph().parse(data=out.read_text("utf-8"), format=parse_as)
        assert len(g) > 500
    else:
        ds = Dataset().parse(data=out.read_text("utf-8"), format=parse_as)
        assert len(list(ds.graphs())) >= 6  # five documents, the entities graph (+ default)
    assert not list(tmp_path.glob(".graph*"))  # no temporary file left behind


def test_projection_keeps_labels_classes_and_evidence(seed_store):
    graph = store_to_networkx(seed_store)
    assert isinstance(graph, nx.MultiDiGraph)
    ice = "https://w3id.org/actorgraph/id/government-agency/us-immigration-and-customs-enforcement"
    assert graph.nodes[ice]["cls"] == "GovernmentAgency" and "ICE" in graph.nodes[ice]["aliases"]
    for _, _, attrs in graph.edges(data=True):
        assert attrs["evidence"] and all(ev["quote"] for ev in attrs["evidence"])
        assert attrs["weight"] == len(attrs["evidence"])


def test_map_is_self_contained(tmp_path, seed_store):
    out = tmp_path / "map.html"
    write_html(store_to_networkx(seed_store), out, title="seeds")
    html = out.read_text("utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html
    assert "vis.Network" in html and "class-filters" in html


def test_map_escapes_hostile_names(tmp_path):
    graph = nx.MultiDiGraph()
    evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
    graph.add_node("a", label=evil, cls="Organization", aliases=[evil], documents=["<b>doc</b>"])
    graph.add_node("b", label="Target", cls="GovernmentAgency", aliases=[], documents=[])
    graph.add_edge("a", "b", key="opposes", predicate="opposes", weight=1,
                   evidence=[{"quote": evil, "document": "d", "title": evil, "start": 0, "end": 1,
                              "modality": "asserted", "extractor": "x"}])
    out = tmp_path / "map.html"
    write_html(graph, out, title=evil, caption=evil)
    html = out.read_text("utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # title shown as text
    assert "\\u003cimg src=x" in html  # data kept as JSON text
