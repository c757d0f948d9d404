"""Inline list items as sentences of their own (actorgraph.loaders.list_items), on invented text."""

import pytest
from conftest import triples_of

from actorgraph.loaders.list_items import item_starts, numbered_runs
from actorgraph.loaders.nlp import load_language_pipeline, pipeline_available


@pytest.mark.parametrize(("text", "markers"), [
    ("We ask: 1) end the contract; 2) free them; 3) close the jail.", ["1)", "2)", "3)"]),
    ("Demands: (a) end the contract, (b) free them.", ["(a)", "(b)"]),
    ("1. End the contract 2. Free them", ["1.", "2."]),
    # a glued item keeps its marker: "3)ICE"
    ("Changes: 1) stop detainers; 2) limit calls; 3)ICE must stay out.", ["1)", "2)", "3)"]),
])
def test_list_items_numbered_runs(text, markers):
    runs = numbered_runs(text)
    assert [[text[s:e] for s, e in run] for run in runs] == [markers]


@pytest.mark.parametrize("text", [
    # a list of verbs sharing one subject, not items
    "They have (1) denied asylum, (2) separated families and (3) detained children.",
    # a lone number, a count that does not start at one, a section of a law
    "The vote was 1) in favour.",
    "Items: 2) end the contract; 3) free them.",
    "Under section 287(g) and 287(h) of the act, counties sign agreements.",
    "The county paid $3.5 million in 2019. 2. The jail",
])
def test_list_items_numbered_runs_not(text):
    assert numbered_runs(text) == []


def test_list_items_bullets_and_markers_start_sentences_with_exact_offsets():
    text = "Among the groups: • the Valley Workers Union • Casa Amiga"
    starts = item_starts(text)
    assert [text[s] for s in starts] == ["•", "t", "•", "C"]
    assert text[starts[1]:].startswith("the Valley Workers Union")


@pytest.mark.parametrize(("text", "sentences"), [
    ("Our demands: 1) the Harbor County Sheriff must end its contract with ICE; 2) the Valley Workers Union "
     "supports the Harbor Trust Act.",
     ["Our demands:", "1)", "the Harbor County Sheriff must end its contract with ICE;", "2)",
      "the Valley Workers Union supports the Harbor Trust Act."]),
    ("Among the groups: • the Valley Workers Union, which sued ICE • the Harbor Sanctuary Network",
     ["Among the groups:", "•", "the Valley Workers Union, which sued ICE", "•", "the Harbor Sanctuary Network"]),
])
def test_list_items_are_sentences_for_the_parser(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


def test_list_items_leave_a_sentence_with_a_list_of_verbs_whole(nlp):
    text = "They have (1) denied asylum to families, (2) separated children and (3) detained parents."
    assert len(list(nlp(text).sents)) == 1


def test_list_items_relations_are_quoted_from_their_item(nlp):
    found = triples_of(nlp, "Among the groups: • the Valley Workers Union, which sued ICE • the Harbor Sanctuary "
                            "Network • Casa Amiga, which supports the Harbor Trust Act")
    sued = found[("Valley Workers Union", "sues", "U.S. Immigration and Customs Enforcement")]
    assert sued.evidence.quote == "the Valley Workers Union, which sued ICE"
    # no relation joins the names of two items
    assert not [t for t in found if {t[0], t[2]} == {"Valley Workers Union", "Harbor Sanctuary Network"}]


@pytest.mark.skipif(not pipeline_available("es"), reason="the optional Spanish pipeline is not installed")
def test_list_items_spanish():
    nlp = load_language_pipeline("es")
    text = "Los cambios son: 1) dejar de honrar las órdenes de detención; 2) limitar la comunicación con la policía."
    assert [s.text for s in nlp(text).sents] == [
        "Los cambios son:", "1)", "dejar de honrar las órdenes de detención;", "2)",
        "limitar la comunicación con la policía."]
