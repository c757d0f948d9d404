"""Rule packs per language, as data: verb frames, nominal frames, role nouns, titles,
coreference nouns, stand-in nouns and negation verbs (``lang/<code>/*.csv|txt``).

Each file is general knowledge of the language (how English says that one body shares data
with another, who leads what), never names from particular documents.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files


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
class LanguagePack:
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
    event_nouns: frozenset[str] = frozenset()    # "a hunger strike at X": a delimited event
    event_verbs: frozenset[str] = frozenset()    # "X held a vigil": X took part
    conditionals: frozenset[str] = frozenset()   # "if", "si": the clause they open states no fact
    role_words: frozenset[str] = frozenset()     # every word of a role phrase before a name ("senior staff attorney")
    numerals: dict[str, int] = field(default_factory=dict)  # "three" -> 3: "all three are run by X"
    site_nouns: frozenset[str] = frozenset()     # "a company with a plant in X": the body is in X
    _frames_by_lemma: dict[str, tuple[Frame, ...]] = field(default_factory=dict)
    _nominal_by_noun: dict[str, tuple[NominalFrame, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in self.frames:
            self._frames_by_lemma[f.lemma] = (*self._frames_by_lemma.get(f.lemma, ()), f)
        for n in self.nominal:
            self._nominal_by_noun[n.noun] = (*self._nominal_by_noun.get(n.noun, ()), n)

    def frames_for(self, lemma: str) -> tuple[Frame, ...]:
        return self._frames_by_lemma.get(lemma, ())

    def nominal_for(self, noun: str) -> tuple[NominalFrame, ...]:
        return self._nominal_by_noun.get(noun, ())


def _text(code: str, name: str) -> str:
    return files("actorgraph.loaders.lang").joinpath(f"{code}/{name}").read_text("utf-8")


def _rows(code: str, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_text(code, name).splitlines()))


def _words(code: str, name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _text(code, name).splitlines()
                     if line.strip() and not line.startswith("#"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


LANGUAGES = ("en", "es")


@lru_cache(maxsize=4)
def load_pack(code: str = "en") -> LanguagePack:
    """The rule pack of a language (``en``, ``es``).

    >>> pack = load_pack("en")
    >>> [f.predicate for f in pack.frames_for("share")], pack.roles["director"]
    (['sharedDataWith'], 'leads')
    """
    return LanguagePack(
        code=code,
        frames=tuple(Frame(r["lemma"], r["predicate"], _split(r["objects"]), r.get("requires", ""),
                           r.get("inverse", "") == "yes") for r in _rows(code, "frames.csv")),
        nominal=tuple(NominalFrame(r["noun"], r["predicate"], _split(r["subject_preps"]), _split(r["object_preps"]),
                                   r.get("modifier", "") == "party") for r in _rows(code, "nominal.csv")),
        roles={r["role"]: r["predicate"] for r in _rows(code, "roles.csv")},
        role_modifiers=_words(code, "role_modifiers.txt"),
        titles=tuple(Title(r["title"], r["body"], r["predicate"]) for r in _rows(code, "titles.csv")),
        coref={r["noun"]: r["class"] for r in _rows(code, "coref.csv")},
        standins=_words(code, "standins.txt"),
        negation=_words(code, "negation.txt"),
        data_nouns=_words(code, "data_nouns.txt"),
        halt_verbs=_words(code, "halt_verbs.txt"),
        authored_nouns=_words(code, "authored_nouns.txt"),
        negators=_words(code, "negators.txt"),
        joint_verbs=_words(code, "joint_verbs.txt"),
        name_links=_words(code, "name_links.txt"),
        conjunctions=_words(code, "conjunctions.txt"),
        inner_bodies=_words(code, "inner_bodies.txt"),
        firm_nouns=_words(code, "firm_nouns.txt"),
        legal_forms=_words(code, "legal_forms.txt"),
        affiliation=_words(code, "affiliation.txt"),
        definites=_words(code, "definites.txt"),
        request_nouns=_words(code, "request_nouns.txt"),
        patient_nouns=_words(code, "patient_nouns.txt"),
        pronouns={r["pronoun"]: r["refers"] for r in _rows(code, "pronouns.csv")},
        datives=frozenset(r["pronoun"] for r in _rows(code, "pronouns.csv") if r.get("case") == "dative"),
        genders={r["pronoun"]: r["gender"] for r in _rows(code, "pronouns.csv") if r.get("gender")},
        event_nouns=_words(code, "event_nouns.txt"),
        event_verbs=_words(code, "event_verbs.txt"),
        conditionals=_words(code, "conditionals.txt"),
        role_words=_role_words(code),
        numerals={r["word"]: int(r["value"]) for r in _rows(code, "numerals.csv")},
        site_nouns=_words(code, "site_nouns.txt"),
    )


def _role_words(code: str) -> frozenset[str]:
    roles = {r["role"] for r in _rows(code, "roles.csv")} | _words(code, "role_modifiers.txt")
    titles = {r["title"] for r in _rows(code, "titles.csv")}
    return frozenset(w for phrase in roles | titles for w in phrase.split()) | _words(code, "role_words.txt")


@lru_cache(maxsize=4)
def name_translations(code: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Structural translations of names into their English form, when the language has
    them (``lang/<code>/names.csv``): "Oficina del Alguacil del Condado Pinal" ->
    "Pinal County Sheriff's Office".

    >>> english_name("es", "Oficina del Alguacil del Condado Pinal")
    "Pinal County Sheriff's Office"
    """
    resource = files("actorgraph.loaders.lang").joinpath(f"{code}/names.csv")
    if not resource.is_file():
        return ()
    return tuple((re.compile(r["pattern"]), r["english"]) for r in _rows(code, "names.csv"))


@lru_cache(maxsize=4)
def name_words(code: str) -> dict[str, str]:
    """Words translated inside names ("Noroeste" -> "Northwest"), from ``lang/<code>/words.csv``."""
    resource = files("actorgraph.loaders.lang").joinpath(f"{code}/words.csv")
    return {r["spanish"]: r["english"] for r in _rows(code, "words.csv")} if resource.is_file() else {}


def english_name(code: str, name: str) -> str | None:
    """The English form of a name by the structural translations of its language, or None.

    >>> english_name("es", "Centro de Detención del Noroeste")
    'Northwest Detention Center'
    """
    words = name_words(code)
    for pattern, template in name_translations(code):
        match = pattern.match(name)
        if match:
            parts = {k: " ".join(words.get(w, w) for w in (v or "").split()) for k, v in match.groupdict().items()}
            return " ".join(template.format(**parts).split())
    return None
