"""Coreference enough for relations: a pronoun or a definite description ("the agency",
"the company", "the motel chain", "the sheriff") names the most recent entity of a fitting
class mentioned shortly before it (``lang/<code>/coref.csv``). Only tokens in argument
positions are resolved; an expletive "it" ("it is clear that") is not."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders.data_tables import given_name_gender
from actorgraph.loaders.lang import LanguagePack
from actorgraph.ontology.ids import normalize_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from actorgraph.loaders.model import Entity

# pronouns per language in lang/<code>/pronouns.csv ("they" is resolved within its sentence: rules.refs)
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "poss", "dative", "appos", "conj", "obl", "nmod"})
_GROUP_CLASSES = ("Organization", "GovernmentAgency", "Company")
#: the classes a pronoun may stand for (``pronouns.csv``: person, group or any)
_REFERS_TO = {"person": ("Person",), "group": _GROUP_CLASSES, "any": ("Person", *_GROUP_CLASSES)}
WINDOW = 900  # characters: how far back an antecedent may be


def _agrees(entity: Entity, gender: str | None) -> bool:
    """"he" does not stand for a person whose given name is a woman's only ("Barbara ..."),
    nor "she" for a man's only; unknown and shared names agree with both."""
    if gender is None or entity.cls != "Person":
        return True
    return given_name_gender(entity.label) in (None, gender)


def _antecedent(seen: list[tuple[int, Entity]], position: int, fits) -> Entity | None:
    for start, entity in reversed(seen):
        if position - start > WINDOW:
            return None
        if fits(entity):
            return entity
    return None


def clause_verb(token: Token) -> Token:
    """The verb of the clause a token is in (found within four heads up), or the root."""
    verb = token.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb


def object_controllers(verb: Token) -> list[Token]:
    """For an open complement, the object of the verb above it, which is its subject
    ("urged the county to end its contract": object control); [] for any other clause."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return []
    return [c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i]


def _clause_subject_tokens(token: Token) -> list[Token]:
    """The subject tokens of the clause a token is in; an open complement takes its subject
    from the clause above: its object when it has one, else its subject ("voted to end its …")."""
    verb = clause_verb(token)
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
    if not own and verb.dep_ == "xcomp" and verb.head is not verb:
        own = object_controllers(verb) or \
              [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
    return own


def _clause_subjects(token: Token, position: int, mentions: dict[int, Entity]) -> list[Entity]:
    """The entities named by the subject of the clause a token is in."""
    found = (mentions.get(position - token.idx + subject.idx) for subject in _clause_subject_tokens(token))
    return [entity for entity in found if entity is not None]


def _nominal_subject(token: Token) -> Token | None:
    """The subject of the clause a token is in when it is a noun or a name (not a pronoun),
    and the token is not inside it."""
    return next((subject for subject in _clause_subject_tokens(token) if subject.pos_ in ("NOUN", "PROPN")
                 and not (subject.left_edge.i <= token.i <= subject.right_edge.i)), None)


def resolve(tokens: Iterable[tuple[int, Token] | tuple[int, Token, LanguagePack]], mentions: dict[int, Entity],
            pack: LanguagePack) -> dict[int, Entity]:
    """Antecedents for pronouns and definite descriptions.

    ``tokens`` are (character offset in the document, token) in document order, optionally
    with the rule pack of the token's language (else ``pack``: "la agencia" needs the
    Spanish one); ``mentions`` maps a token's offset to the entity of the mention it is in.
    Returns offset -> entity.
    """
    seen: list[tuple[int, Entity]] = []
    out: dict[int, Entity] = {}
    default = pack
    for position, token, *own in tokens:
        pack = own[0] if own else default
        entity = mentions.get(position)
        if entity is not None:
            if not seen or seen[-1][1] is not entity:
                seen.append((position, entity))
            continue
        if token.dep_ not in _ARGUMENT:
            continue
        word = token.lower_
        found = None
        refers = pack.pronouns.get(word)
        pronoun = token.pos_ == "PRON" and refers in ("person", "any", "group") or token.pos_ == "DET" and refers == "group"
        if pronoun and refers and token.dep_ == "poss" and _nominal_subject(token) is not None:
            # a possessive binds to the subject of its own clause when that is a noun or a
            # name ("the county ended its agreement": its = the county), or to nothing here
            # a place in subject position is its government ("Grant County ended its contract")
            kinds = _REFERS_TO[refers] + (("Place",) if refers == "group" else ())
            local = _clause_subjects(token, position, mentions)
            found = local[-1] if local and local[-1].cls in kinds else None
        elif token.pos_ == "PRON" and refers in ("person", "any") or token.pos_ == "DET" and refers == "group":
            # a pronoun is not the subject of its own clause ("X le entregó la información": le is not X)
            subjects = _clause_subjects(token, position, mentions) if token.dep_ not in ("nsubj", "nsubjpass", "poss") else []
            kinds = _REFERS_TO[refers]
            gender = pack.genders.get(word)
            found = _antecedent(seen, position, lambda e, kinds=kinds, own=subjects, gender=gender:
                                e.cls in kinds and e not in own and _agrees(e, gender))
        elif token.pos_ == "PRON" and refers == "group":
            found = _antecedent(seen, position, lambda e: e.cls in _GROUP_CLASSES)
        elif token.pos_ == "NOUN" and (word in pack.coref or token.lemma_.lower() in pack.coref):
            noun = word if word in pack.coref else token.lemma_.lower()
            cls = pack.coref[noun]
            determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
            if not determiners & pack.definites or any(
                    c.dep_ == "prep" and c.lower_ in pack.words("genitive_preps") for c in token.children) or any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                continue
            named = noun in pack.words("named_descriptions")  # "the county" is a county's name

            def fits(e: Entity, cls: str = cls, noun: str = noun, named: bool = named) -> bool:
                return e.cls == cls and (not named or noun in normalize_name(e.label).split()
                                         or any(noun in normalize_name(f).split() for f in e.forms))

            # a description is not the subject of its own clause ("X handed the data at the
            # request of the agency": the agency is not X; binding principle C)
            subjects = _clause_subjects(token, position, mentions)
            found = _antecedent(seen, position, lambda e, fits=fits, own=subjects: fits(e) and e not in own)
            if found is None:  # "the campaign" far from its name: the only campaign named so far
                candidates = {e.iri: e for _, e in seen if fits(e) and e not in subjects}
                found = next(iter(candidates.values())) if len(candidates) == 1 else None
        if found is not None:
            out[position] = found
    return out


# ---------------------------------------------------------------- counting descriptions

#: where a counting description may stand: an argument of its clause
_GROUP_ARGUMENT = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "pobj", "obl", "iobj", "dative"})


def _plural_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", [])


@lru_cache(maxsize=16)
def _anaphors(pack: LanguagePack) -> dict[str, dict[str, str]]:
    """A pack's ``group_anaphors.csv`` by word (packs compare by identity)."""
    return {r["word"]: r for r in pack.rows("group_anaphors.csv")}


def _counted(token: Token, pack: LanguagePack) -> tuple[int, tuple[str, ...]] | None:
    """How many entities, and of which classes, a description counts: "both men" (2 persons),
    "the three groups" (3 organizations), "the pair" (2 persons), "the two", "all three",
    "los tres" (that many persons, or else bodies); None for any other token. The words are the
    pack's ``group_anaphors.csv``, ``numerals.csv``, ``definites.txt``, ``people_nouns.txt``
    and ``coref.csv`` (the class of a body noun)."""
    anaphors = _anaphors(pack)
    word = token.lower_
    row = anaphors.get(word)
    counting = row is not None and row["count"]
    numeral = not counting and token.pos_ == "NUM" and word in pack.numerals
    if not counting and not numeral and not _plural_noun(token):
        return None  # the common case: read the words before it only for a candidate
    before = [t.lower_ for t in token.doc[token.left_edge.i:token.i]]
    definite = any(w in pack.definites or w in anaphors for w in before)
    if counting:  # "both" alone, "the pair"
        assert row is not None
        if token.pos_ not in ("PRON", "NOUN", "NUM", "DET") or (row["class"] and not definite):
            return None
        return int(row["count"]), (row["class"],) if row["class"] else _ANY_COUNTED
    if numeral:  # "the two", "all three", "los tres"
        return (pack.numerals[word], _ANY_COUNTED) if definite else None
    counts = [int(anaphors[w]["count"]) for w in before if w in anaphors and anaphors[w]["count"]]
    if not counts and definite:
        counts = [pack.numerals[w] for w in before if w in pack.numerals]
    if len(counts) != 1:
        return None
    lemma = token.lemma_.lower()
    if word in pack.words("people_nouns"):
        return counts[0], ("Person",)
    cls = pack.coref.get(lemma)
    return (counts[0], (cls,)) if cls else None


#: what a bare count ("the two", "both") stands for: people, else bodies
_ANY_COUNTED = ("Person", "*group")


def _clause_subject_entities(token: Token, position: int, mentions: dict[int, Entity]) -> set[str]:
    """The entities named by the subjects of the clauses a token is in, up to the root (a
    description does not stand for the subject of a clause above it: "X and Y said both men
    were held" is about two other men)."""
    out: set[str] = set()
    head = token
    while head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and not (child.left_edge.i <= token.i <= child.right_edge.i):
                for t in child.subtree:
                    entity = mentions.get(position - token.idx + t.idx)
                    if entity is not None:
                        out.add(entity.iri)
    return out


def _fitting(named: list[Entity], classes: tuple[str, ...]) -> list[Entity]:
    """The distinct entities of a sentence that a count of ``classes`` may stand for: of the
    first class with any, "*group" standing for the classes of bodies."""
    for cls in classes:
        kinds = _GROUP_CLASSES if cls == "*group" else (cls,)
        found = list({e.iri: e for e in named if e.cls in kinds}.values())
        if found:
            return found
    return []


class _Sentences:
    """The sentences of a document's parsed segments in order, with the entities each names
    (the token offsets of every mention) and the paragraph each is in."""

    def __init__(self) -> None:
        self.named: list[list[tuple[int, Entity]]] = []
        self.paragraph: list[int] = []
        self._doc: object = None
        self._starts: list[int] = []
        self._last: tuple[int, int] | None = None
        self._span: tuple[int, int] = (0, 0)

    def index(self, token: Token) -> int:
        """The index of the sentence of a token (tokens come in document order)."""
        doc, i = token.doc, token.i
        if doc is not self._doc:
            self._doc = doc
            self._starts = [s.start for s in doc.sents]
            self._span = (0, 0)  # the token indexes of the sentence last asked of
        if not self._span[0] <= i < self._span[1]:  # a token of another sentence: find it
            k = bisect.bisect_right(self._starts, i)
            self._span = (self._starts[k - 1] if k else 0, self._starts[k] if k < len(self._starts) else len(doc))
            key = (id(doc), k)
            if key != self._last:
                self._last = key
                self.named.append([])
                self.paragraph.append(id(doc))
        return len(self.named) - 1


def _group_antecedent(sentences: _Sentences, k: int, position: int, count: int, classes: tuple[str, ...],
                      excluded: set[str]) -> tuple[Entity, ...]:
    """The entities a count stands for: those of the fitting class named before it in its own
    sentence, else in the sentence before (in any paragraph), else in the earlier sentences of
    its own paragraph. The first sentence back that names any decides: exactly ``count`` of
    them, or nothing (another candidate between them and the description)."""
    for j in range(k, -1, -1):
        if j < k - 1 and sentences.paragraph[j] != sentences.paragraph[k]:
            break
        named = [e for p, e in sentences.named[j] if (j < k or p < position) and e.iri not in excluded]
        found = _fitting(named, classes)
        if found:
            return tuple(found) if len(found) == count else ()
    return ()


def resolve_groups(tokens: Iterable[tuple[int, Token] | tuple[int, Token, LanguagePack]], mentions: dict[int, Entity],
                   pack: LanguagePack) -> dict[int, tuple[Entity, ...]]:
    """What counting descriptions stand for: "both men", "the pair", "the two", "los tres" ->
    the people (or bodies) named just before, when their number is the count.

    ``tokens`` and ``mentions`` as for :func:`resolve`. Conservative: the antecedents are
    in the description's own sentence, the one before it or its own paragraph, agree in
    number and class, and no other candidate stands between; a description followed by
    its own names ("the three plaintiffs, A, B and C") is not one. Returns offset -> entities.
    """
    sentences = _Sentences()
    found: list[tuple[int, Token, int, tuple[int, tuple[str, ...]]]] = []
    default = pack
    for position, token, *own in tokens:
        k = sentences.index(token)
        entity = mentions.get(position)
        if entity is not None:
            sentences.named[k].append((position, entity))
            continue
        if token.dep_ in _GROUP_ARGUMENT:
            counted = _counted(token, own[0] if own else default)
            if counted is not None:
                found.append((position, token, k, counted))
    out: dict[int, tuple[Entity, ...]] = {}
    for position, token, k, (count, classes) in found:
        after = [mentions.get(position - token.idx + t.idx) for t in token.subtree if t.i > token.i]
        if _fitting([e for e in after if e is not None], classes):
            continue  # "the three plaintiffs, who are A, B and C": its names follow it
        excluded = _clause_subject_entities(token, position, mentions)
        group = _group_antecedent(sentences, k, position, count, classes, excluded)
        if group:
            out[position] = group
    return out
