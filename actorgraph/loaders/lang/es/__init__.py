"""Code only Spanish needs (the hooks of the Spanish pack, see :mod:`actorgraph.loaders.lang`):
the EntityRuler patterns built from the pack's translations table, and the pipeline that
reads Spanish without a model. spaCy is imported when a hook runs, not with the pack."""

from __future__ import annotations

from typing import Any

CODE = "es"


def ruler_patterns(nlp) -> list[dict[str, Any]]:
    """EntityRuler patterns for Spanish: the sourced Spanish names of agencies
    (``translations.csv``, their English name as id), the domain tables (but their
    policies: an English law's name in a Spanish passage is cited, not named as Spanish
    names it), and the naming structure of ``patterns.jsonl``."""
    from actorgraph.loaders import data_tables
    from actorgraph.loaders.cues import cue_class
    from actorgraph.loaders.lang import load_pack, patterns, translated_names
    from actorgraph.loaders.nlp import data_patterns, name_pattern
    from actorgraph.ontology.ids import normalize_name

    out: list[dict[str, Any]] = []
    label_of = {"GovernmentAgency": "AG_GOV", "DetentionFacility": "AG_FACILITY", "Company": "AG_COMPANY",
                "Policy": "AG_POLICY", "Place": "AG_PLACE"}
    index = data_tables.known_index()
    for spanish, english in translated_names().items():
        cls = index.get(normalize_name(english), (cue_class(english) or "GovernmentAgency", english))[0]
        if cls in label_of and (spanish[:1].isupper() or " " in spanish):
            # a one-word name only as written: "Inmigración" (ICE), not "la política de inmigración"
            out.append({"label": label_of[cls], "pattern": name_pattern(nlp, spanish, " " not in spanish), "id": english})
    out += [p for p in data_patterns(nlp) if p["label"] != "AG_POLICY"]
    return out + patterns(load_pack(CODE))


def modelless_pipeline():
    """Spanish without a model (``ACTORGRAPH_SPANISH=rules``), measured against the model in
    the README: spaCy's Spanish tokenizer, a sentencizer, the Spanish EntityRuler, and runs
    of capitalised words joined by Spanish function words ("Unión de la Colonia") as names
    (``modelless_patterns.jsonl``) whose class the cue words or the given-name lists
    decide. There is no parse, so only the structural relation rules can fire."""
    import spacy

    from actorgraph.loaders.lang import load_pack, patterns
    from actorgraph.loaders.nlp import add_name_ruler

    nlp = spacy.blank(CODE)
    nlp.add_pipe("sentencizer")
    add_name_ruler(nlp, ruler_patterns(nlp) + patterns(load_pack(CODE), "modelless_patterns.jsonl"), overwrite=False)
    return nlp
