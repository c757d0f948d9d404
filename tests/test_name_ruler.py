"""A known name wins a tie against a structural pattern covering the same words."""

from __future__ import annotations

from actorgraph.loaders import data_tables
from actorgraph.loaders.lang import load_pack, patterns
from actorgraph.loaders.name_ruler import NameRuler

FRAMES = ("{} said nothing.", "The company {} said nothing.", "{} operates the Winn Correctional Center.",
          "Critics of {} marched on Monday.")
LABELS = {"GovernmentAgency": "AG_GOV", "DetentionFacility": "AG_FACILITY", "Company": "AG_COMPANY", "Policy": "AG_POLICY"}


def test_known_names_beat_structure_in_every_sentence(nlp):
    structural = NameRuler(nlp, "structure", overwrite_ents=True)
    structural.add_patterns(patterns(load_pack("en")))
    checked = []
    for known in data_tables.all_known():
        with nlp.select_pipes(disable=["actorgraph_ruler"]):
            model_only = nlp(FRAMES[0].format(known.name))
        if not any(e.text == known.name and e.label_ in LABELS.values() and e.label_ != LABELS[known.cls]
                   for e in structural(model_only).ents):
            continue  # no structural pattern of another class covers this name
        for frame in FRAMES:
            doc = nlp(frame.format(known.name))
            spans = [(e.text, e.label_, e.ent_id_) for e in doc.ents if known.name in e.text]
            assert spans == [(known.name, LABELS[known.cls], known.name)], (frame, spans)
        checked.append(known.name)
    assert "LaSalle Corrections" in checked  # "<name> Corrections" is also a facility's structure


def test_structure_alone_still_names(nlp):
    doc = nlp("Detainees were moved to Strafford County Corrections last week.")
    assert [(e.text, e.label_) for e in doc.ents if "Strafford" in e.text] == [("Strafford County Corrections", "AG_FACILITY")]
    assert isinstance(nlp.get_pipe("actorgraph_ruler"), NameRuler)
