"""Coreference enough for relations: a pronoun or a definite description ("the agency",
"the company", "the motel chain", "the sheriff") names the most recent entity of a fitting
class mentioned shortly before it (``lang/<code>/coref.csv``). Only tokens in argument
positions are resolved; an expletive "it" ("it is clear that") is not."""

from __future__ import annotations

from collections.abc import Iterable
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
