"""Guided stories: story files resolved against the map's actors, and the automatic story."""

import networkx as nx
import pytest

from actorgraph.errors import AmbiguousNameError, InputError, NotFoundError
from actorgraph.exports.story import auto_story, edge_id, load_story


def _ev(quote: str, title: str = "Report") -> dict:
    return {"quote": quote, "document": "urn:d", "title": title, "modality": "asserted"}


@pytest.fixture
def graph():
    g = nx.MultiDiGraph()
    people = {"ice": ("U.S. Immigration and Customs Enforcement", "GovernmentAgency", ["ICE"]),
              "sheriff": ("Pine County Sheriff's Office", "GovernmentAgency", []),
              "dmv": ("State Department of Licensing", "GovernmentAgency", ["DOL"]),
              "coalition": ("River Valley Immigrant Coalition", "Organization", []),
              "union": ("Harbor Workers Union", "Organization", []),
              "park": ("Lakeside Park", "Place", [])}
    for node, (label, cls, aliases) in people.items():
        g.add_node(node, label=label, cls=cls, aliases=aliases, documents=["Report"])
    g.add_edge("sheriff", "ice", key="sharedDataWith", predicate="sharedDataWith", weight=2,
               evidence=[_ev("The sheriff's office passed jail records to ICE."), _ev("Records went to ICE.", "Second report")])
    g.add_edge("dmv", "ice", key="sharedDataWith", predicate="sharedDataWith", weight=1,
               evidence=[_ev("The DOL handed ICE the addresses of drivers.")])
    g.add_edge("coalition", "sheriff", key="opposes", predicate="opposes", weight=1,
               evidence=[_ev("The coalition condemned the sheriff.")])
    g.add_edge("union", "coalition", key="memberOf", predicate="memberOf", weight=1,
               evidence=[_ev("The union is a member of the coalition.")])
    return g


def test_story_file_steps_resolve_actors_by_alias(tmp_path, graph):
    path = tmp_path / "story.toml"
    path.write_text('title = "Who feeds ICE"\n'
                    '[[step]]\ncaption = "The whole picture."\n'
                    '[[step]]\nfocus = "ICE"\nrelations = ["sharedDataWith"]\ncaption = "Data handed over."\n'
                    '[[step]]\npath = ["Harbor Workers Union", "DOL"]\ncaption = "From the union to the DMV."\n', "utf-8")
    story = load_story(path, graph)
    assert story.title == "Who feeds ICE" and [s.caption for s in story.steps][0] == "The whole picture."
    overview, focus, chain = story.steps
    assert overview.nodes == () and overview.edges == ()
    assert focus.nodes[0] == "ice" and set(focus.nodes) == {"ice", "sheriff", "dmv"}
    assert focus.edges == (edge_id("sheriff", "sharedDataWith", "ice"), edge_id("dmv", "sharedDataWith", "ice"))
    assert focus.quotes[0].quote == "The sheriff's office passed jail records to ICE."
    assert focus.quotes[0].relation == "Pine County Sheriff's Office — shared data with → U.S. Immigration and Customs Enforcement"
    assert chain.nodes == ("union", "coalition", "sheriff", "ice", "dmv") and len(chain.edges) == 4


@pytest.mark.parametrize("body, error, message", [
    ('[[step]]\nfocus = "Nobody"\n', NotFoundError, "step 1: no actor named 'Nobody'"),
    ('[[step]]\nfocus = "ICE"\nrelations = ["likes"]\n', InputError, "step 1: unknown relation likes"),
    ('[[step]]\nfocus = "ICE"\nzoom = 3\n', InputError, "step 1: unknown key zoom"),
    ('[[step]]\npath = ["ICE"]\n', InputError, "path takes two actors"),
    ('[[step]]\npath = ["ICE", "Lakeside Park"]\n', NotFoundError, "no chain of relations joins"),
    ('title = "x"\n', InputError, "at least one [[step]]"),
    ('[[step]\n', InputError, "not valid TOML"),
])
def test_story_file_mistakes_name_the_step(tmp_path, graph, body, error, message):
    path = tmp_path / "story.toml"
    path.write_text(body, "utf-8")
    with pytest.raises(error, match=message.replace("[", r"\[")):
        load_story(path, graph)


def test_ambiguous_story_name(tmp_path, graph):
    graph.add_node("ice2", label="ICE", cls="Organization", aliases=[], documents=[])
    path = tmp_path / "story.toml"
    path.write_text('[[step]]\nfocus = "ICE"\n', "utf-8")
    with pytest.raises(AmbiguousNameError, match="names 2 actors"):
        load_story(path, graph)


def test_auto_story_visits_central_actors_and_a_chain(graph):
    story = auto_story(graph)
    titles = [s.title for s in story.steps]
    assert titles[0] == "Overview" and "The most central: U.S. Immigration and Customs Enforcement" in story.steps[0].caption
    assert titles[1] == "U.S. Immigration and Customs Enforcement"
    # the best-sourced relation of ICE (two reports) comes first, with its quote
    assert story.steps[1].edges[0] == edge_id("sheriff", "sharedDataWith", "ice")
    assert "(2 sources)" in story.steps[1].caption
    chains = [s for s in story.steps if "are connected" in s.caption]
    assert chains and all(len(s.nodes) >= 3 for s in chains)
    assert "park" not in {n for s in story.steps for n in s.nodes}  # no relation, no step


def test_auto_story_of_a_graph_without_relations():
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", cls="Place", aliases=[], documents=[])
    story = auto_story(g)
    assert len(story.steps) == 1 and "no relation" in story.steps[0].caption
