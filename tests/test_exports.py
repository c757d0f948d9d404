import io
import re

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from actorgraph.errors import UsageError
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


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_reimport_in_networkx(tmp_path, seed_store, fmt):
    out = tmp_path / f"g.{fmt}"
    EXPORTERS[fmt](seed_store, out)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    original = store_to_networkx(seed_store)
    assert g.number_of_nodes() == original.number_of_nodes()
    assert g.number_of_edges() == original.number_of_edges()
    ice = "https://w3id.org/actorgraph/id/government-agency/us-immigration-and-customs-enforcement"
    assert g.nodes[ice]["cls"] == "GovernmentAgency"
    assert "ICE" in g.nodes[ice]["aliases"]
    predicates = {d["predicate"] for _, _, d in g.edges(data=True)}
    assert {"sharedDataWith", "createdCampaign"} <= predicates
    assert all(d["quote"] for _, _, d in g.edges(data=True))


def test_csv_tables_have_quotes_and_sources(tmp_path, seed_store):
    import csv

    EXPORTERS["csv"](seed_store, tmp_path / "tables")
    nodes = list(csv.DictReader((tmp_path / "tables" / "nodes.csv").read_text("utf-8").splitlines()))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "tables" / "edges.csv").read_text("utf-8"))))
    ids = {n["id"] for n in nodes}
    assert len(nodes) == store_to_networkx(seed_store).number_of_nodes()
    assert edges and all(e["source"] in ids and e["target"] in ids and e["quote"] and e["document"] for e in edges)
    shared = [e for e in edges if e["predicate"] == "sharedDataWith"]
    assert shared and "personal information" in shared[0]["quote"]


def test_cytoscape_json_reimports(tmp_path, seed_store):
    import json

    EXPORTERS["cytoscape"](seed_store, tmp_path / "g.json")
    g = nx.cytoscape_graph(json.loads((tmp_path / "g.json").read_text("utf-8")), name="label", ident="id")
    assert g.number_of_nodes() == store_to_networkx(seed_store).number_of_nodes()


def test_followthemoney_entities_are_valid(tmp_path, seed_store):
    import json

    from followthemoney import model

    EXPORTERS["ftm"](seed_store, tmp_path / "g.ftm.json")
    entities = [model.get_proxy(json.loads(line)) for line in (tmp_path / "g.ftm.json").read_text("utf-8").splitlines()]
    schemata = {e.schema.name for e in entities}
    assert {"Person", "Organization", "PublicBody", "UnknownLink", "Document", "Documentation"} <= schemata
    ice = next(e for e in entities if e.schema.name == "PublicBody" and "ICE" in e.get("alias"))
    links = [e for e in entities if e.schema.name == "UnknownLink" and ice.id in e.get("object")
             and "sharedDataWith" in e.get("role")]
    assert links and "personal information" in links[0].first("description")


@pytest.mark.parametrize("kwargs, expected_nodes", [
    ({"classes": ["GovernmentAgency"]}, {"GovernmentAgency"}),
    ({"predicates": ["createdCampaign"], "min_degree": 1}, {"Campaign", "Organization", "Person"}),
])
def test_views_keep_what_is_asked(seed_store, kwargs, expected_nodes):
    from actorgraph.exports.view import View, apply_view

    g = apply_view(store_to_networkx(seed_store), View(**kwargs).check())
    assert g.number_of_nodes() > 0
    assert {d["cls"] for _, d in g.nodes(data=True)} <= expected_nodes


def test_focus_view_and_handouts(tmp_path, seed_store):
    from pypdf import PdfReader

    from actorgraph.exports.picture import write_pdf, write_png, write_svg
    from actorgraph.exports.view import View, apply_view

    ice = "https://w3id.org/actorgraph/id/government-agency/us-immigration-and-customs-enforcement"
    g = apply_view(store_to_networkx(seed_store), View(focus=ice, depth=1))
    assert ice in g and all(n == ice or g.has_edge(n, ice) or g.has_edge(ice, n) for n in g)
    write_svg(g, tmp_path / "v.svg", title="<around ICE>")
    svg = (tmp_path / "v.svg").read_text("utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "&lt;around ICE&gt;" in svg and "<around ICE>" not in svg
    assert "Legend" in svg and "Sources (numbers on the edges):" in svg
    assert "U.S. Immigration and Customs Enforcement" in svg  # labels stay text (searchable)
    write_png(g, tmp_path / "v.png")
    assert (tmp_path / "v.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    write_pdf(g, tmp_path / "v.pdf", title="Around ICE", caption="a handout")
    reader = PdfReader(str(tmp_path / "v.pdf"))
    assert len(reader.pages) == 1 and reader.metadata.title == "Around ICE"
    text = reader.pages[0].extract_text()
    titles = sorted({ev["title"] for _, _, d in g.edges(data=True) for ev in d["evidence"]})
    assert "Around ICE" in text and "Legend" in text and "a handout" in text
    assert all(f"{i}. {t[:20]}" in " ".join(text.split()) for i, t in enumerate(titles, 1)), text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape


def test_handout_leaves_isolated_actors_out_and_says_so(tmp_path):
    from pypdf import PdfReader

    from actorgraph.exports.picture import write_pdf

    g = nx.MultiDiGraph()
    for n, cls in (("a", "Organization"), ("b", "GovernmentAgency"), ("lonely", "Place")):
        g.add_node(n, label=f"Actor {n}", cls=cls, aliases=[], documents=[])
    g.add_edge("a", "b", key="opposes", predicate="opposes", weight=1,
               evidence=[{"quote": "A opposes B.", "document": "d", "title": "Doc one", "modality": "asserted"}])
    write_pdf(g, tmp_path / "h.pdf", title="t")
    text = " ".join(PdfReader(str(tmp_path / "h.pdf")).pages[0].extract_text().split())
    assert "1 actors with no relation not drawn" in text and "Actor lonely" not in text
    assert "Actor a" in text and "1. Doc one" in text


def test_unknown_picture_format_is_a_usage_error(tmp_path):
    from actorgraph.exports.picture import write_picture

    g = nx.MultiDiGraph()
    with pytest.raises(UsageError, match="unknown picture format 'gif'"):
        write_picture(g, tmp_path / "x.gif")
    assert not (tmp_path / "x.gif").exists()


def test_hostile_names_from_a_document_reach_the_map_as_text(tmp_path):
    from conftest import DOCS

    from actorgraph.api import ingest, open_store, write_map

    store = open_store("memory")
    ingest([DOCS / "hostile-names.txt"], store=store)
    out = tmp_path / "hostile.html"
    write_map(store, out)
    html = out.read_text("utf-8")
    body = html.split("<script id=\"graph-data\"", 1)[1]
    assert "<img" not in body.split("</script>", 1)[0] and "<script>alert" not in html
    assert "Hostile Names Union" in html


def test_export_help_lists_every_registered_format_with_its_line():
    from conftest import run_cli

    proc = run_cli("export", "--help", env={"COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    block = proc.stdout.split("Formats:\n", 1)[1].split("\n\n", 1)[0]
    listed = dict(line.split(None, 1) for line in block.splitlines())
    assert listed == {e.name: e.description for e in EXPORTERS.values()}
    assert list(listed) == list(EXPORTERS)  # in the registry's order, unwrapped in a narrow terminal


@pytest.mark.parametrize("name, description, match", [
    ("trig", "TriG again", "registered twice"),
    ("tsv", "", "one line"),
    ("tsv", "tab-separated\nvalues", "one line"),
])
def test_export_registry_refuses_a_second_name_or_a_description_not_of_one_line(name, description, match):
    from actorgraph.exports import register

    with pytest.raises(ValueError, match=match):
        register(name, EXPORTERS["csv"].write, description)
    assert "tsv" not in EXPORTERS


@pytest.mark.parametrize("fmt", ["gml", "TURTLE"])
def test_export_unknown_format_is_a_usage_error_naming_every_format(fmt):
    from actorgraph.exports import exporter

    with pytest.raises(UsageError, match=f"unknown format '{fmt}'; available: " + ", ".join(EXPORTERS)):
        exporter(fmt)
