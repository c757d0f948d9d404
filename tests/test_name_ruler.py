"""A known name wins a tie against a structural pattern covering the same words."""

from __future__ import annotations

from pathlib import Path

from conftest import DOCS, ROOT, SEEDS
from spacy.pipeline import EntityRuler

from actorgraph.loaders import data_tables
from actorgraph.loaders.anchored import COLUMNS
from actorgraph.loaders.lang import load_pack, patterns
from actorgraph.loaders.name_ruler import NameRuler
from actorgraph.loaders.nlp import load_language_pipeline

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


def _paragraphs(paths: list[Path]) -> list[str]:
    return [p for path in paths for p in path.read_text("utf-8").split("\n\n") if p.strip()]


def _same_matches_as_spacy(nlp, texts: list[str]) -> int:
    """Our ruler finds exactly the (label, start, end) spaCy's EntityRuler finds with the same
    patterns, passage by passage (only which of them wins a tie differs); the number found."""
    ours = nlp.get_pipe("actorgraph_ruler")
    stock = EntityRuler(nlp, "stock", phrase_matcher_attr="LOWER", overwrite_ents=True)
    stock.add_patterns(ours.patterns)
    found = 0
    with nlp.select_pipes(disable=["actorgraph_ruler"]):
        for text, doc in zip(texts, nlp.pipe(texts)):
            expected = set(stock.match(doc))
            assert set(ours.match(doc)) == expected, text
            found += len(expected)
    return found


def test_matches_are_spacys_english(nlp):
    texts = _paragraphs(sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "eval" / "dev" / "docs").glob("*.txt"))
                        + [DOCS / "news-report.txt", DOCS / "press-release.txt", DOCS / "petition.txt"])
    texts += ["Detainees were moved to Strafford County Corrections, said the DOL-US and the Board of Supervisors.",
              "The Trump administration and the Texas Department of Public Safety met about SB 4 and AB 450."]
    assert _same_matches_as_spacy(nlp, texts) > 500


def test_matches_are_spacys_spanish(spanish_model):
    nlp = load_language_pipeline("es")
    texts = _paragraphs([DOCS / "spanish-news.txt", DOCS / "bilingual-statement.md"])
    texts += ["La Oficina del Alguacil del Condado de Harris y el Centro de Detención de Otay Mesa.",
              "El Departamento de Seguridad Nacional y la Coalición por los Derechos Humanos de Arizona."]
    assert _same_matches_as_spacy(nlp, texts) > 5


def test_passages_without_the_words_skip_the_matcher(nlp):
    ruler = nlp.get_pipe("actorgraph_ruler")
    plan = ruler._token_matcher().plan
    plain = nlp.make_doc("The families waited outside the courthouse all morning.")
    assert plan.active(plain.to_array(list(COLUMNS)).T.tolist()) == frozenset()
    law = nlp.make_doc("They passed the Dream Act.")
    assert plan.active(law.to_array(list(COLUMNS)).T.tolist())
    spelled = {words for entries in plan.spelled.values() for _, words in entries}
    assert (nlp.vocab.strings["ICE"],) in spelled  # acronyms are looked up, not matched
