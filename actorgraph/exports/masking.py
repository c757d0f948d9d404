"""Masking a person where a text names that person, and nowhere else (see
:mod:`actorgraph.exports.privacy` for who is masked).

A text is read as words; at each word the longest run of words that is a name of some
entity in the store is taken (so "Vigil Technologies" is read as the company before "Vigil"
could be read as a surname). A run is replaced by a person's pseudonym when it names a
masked person:

1. the run is a name that the text's document writes for that person (their surface forms
   in that document) — unless the document writes it only for another entity;
2. or it is a name or a single word of a full name of a masked person whom the document
   mentions ("Vigil" after "Maria Vigil"), written with a capital when it is one word;
3. or it is a full name (two words or more) of a masked person, in any document.

A run that names another entity keeps its text, except in names made from a person's name:
the inner names of a campaign or an event ("Release Maria Vigil from Custody") are masked by
the same rules, read in the documents that mention it; in the name of a company, a place or
a body only a masked person's full name is ("Vigil County" stays, "Maria Vigil Consulting"
does not). An entity's IRI whose slug would carry a masked name becomes an opaque one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from actorgraph.loaders.person_titles import strip_title
from actorgraph.ontology import ID

Key = tuple[str, ...]

_WORD = re.compile(r"[^\W_]+")
# what may stand between two words of one name: spaces, hyphens, quotes, an initial's dot
_GAP = re.compile(r"[\s\-\u2010-\u2014'\u2018\u2019\"\u201c\u201d\u00ab\u00bb_.]{1,4}")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: classes whose names are often made from one person's name ("Free Maria Vigil", "the
#: Vigil family fund"): a single word of a masked person's name is masked in them too
NAMED_AFTER = frozenset({"Campaign", "Event"})


def fold(word: str) -> str:
    """A word without case or accents.

    >>> fold("Ibáñez"), fold("ÉLAN")
    ('ibanez', 'elan')
    """
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> Key:
    """The words of a name, folded: how two spellings of one name are compared.

    >>> name_key("Rafael “Rafa” Ibáñez")
    ('rafael', 'rafa', 'ibanez')
    """
    return tuple(fold(m.group()) for m in _WORD.finditer(name))


def pseudonyms(iris: Iterable[str]) -> dict[str, str]:
    """A stable pseudonym for each person: "Person" and the first four hex digits of the
    sha256 of their IRI, more digits for people whose first four are the same.

    >>> pseudonyms(["https://w3id.org/actorgraph/id/person/ana-ruiz"])
    {'https://w3id.org/actorgraph/id/person/ana-ruiz': 'Person d228'}
    """
    digests = {iri: hashlib.sha256(iri.encode("utf-8")).hexdigest() for iri in iris}
    out: dict[str, str] = {}
    width = 4
    left = dict(digests)
    while left:
        taken: dict[str, list[str]] = {}
        for iri, digest in left.items():
            taken.setdefault(digest[:width], []).append(iri)
        left = {}
        for prefix, group in taken.items():
            if len(group) == 1 or width >= 64:
                out.update((iri, "Person " + prefix) for iri in group)
            else:
                left.update((iri, digests[iri]) for iri in group)
        width += 2
    return out


def opaque_iri(iri: str) -> str:
    """An IRI that carries no name, stable for the same entity: the class part of ``iri``
    and a hash.

    >>> opaque_iri("https://w3id.org/actorgraph/id/campaign/free-ana-ruiz")
    'https://w3id.org/actorgraph/id/campaign/masked-823f02f656af'
    """
    return iri.rsplit("/", 1)[0] + "/masked-" + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:12]


def person_iri(iri: str, pseudonym: str) -> str:
    """The IRI a masked person gets: their pseudonym as a slug, beside the person's class.

    >>> person_iri("https://w3id.org/actorgraph/id/person/ana-ruiz", "Person d228")
    'https://w3id.org/actorgraph/id/person/person-d228'
    """
    return iri.rsplit("/", 1)[0] + "/" + pseudonym.lower().replace(" ", "-")


@dataclass(frozen=True)
class Names:
    """What the masking reads from the store: each entity's class and label, and each name
    it is written with in each document (see :func:`actorgraph.exports.privacy.store_names`)."""

    classes: Mapping[str, str]
    labels: Mapping[str, str]
    written: Mapping[str, Mapping[str, frozenset[str]]]  # entity -> name -> documents
    same_as: Mapping[str, str] = field(default_factory=dict)  # an IRI merged away -> the entity's IRI


def _parts(name: str) -> list[str]:
    """The words of a person's full name that can name them alone (no title, initial,
    particle or suffix): "Rev. Ana María de la Cruz Jr." -> Ana, María, Cruz."""
    words = [m.group() for m in _WORD.finditer(strip_title(name))]
    if len(words) < 2:
        return []
    return [w for w in words if len(w) > 1 and w[0].isupper() and fold(w) not in NAME_SUFFIXES]


class Masker:
    """Masks the masked people's names in texts from documents, in other entities' names
    and in IRIs (see the module's rules). ``masked`` maps each masked person's IRI to their
    pseudonym."""

    def __init__(self, names: Names, masked: Mapping[str, str]) -> None:
        self.names = names
        self.masked = dict(masked)
        self.owners: dict[Key, set[str]] = {}        # every name of every entity
        self.parts: dict[Key, set[str]] = {}         # single words of masked people's full names
        self.written: dict[Key, dict[str, frozenset[str]]] = {}  # names of masked people: who is written so where
        self.docs: dict[str, frozenset[str]] = {}    # the documents that write each entity
        for iri, forms in names.written.items():
            self.docs[iri] = frozenset(d for docs in forms.values() for d in docs)
            for form in [*forms, names.labels.get(iri, "")]:
                key = name_key(form)
                if key:
                    self.owners.setdefault(key, set()).add(iri)
            if iri in self.masked:
                for form in forms:
                    for part in _parts(form):
                        self.parts.setdefault(name_key(part), set()).add(iri)
        private_keys = {k for k, o in self.owners.items() if not o.isdisjoint(self.masked)} | set(self.parts)
        for iri, forms in names.written.items():
            for form, docs in forms.items():
                key = name_key(form)
                if key in private_keys:
                    entry = self.written.setdefault(key, {})
                    entry[iri] = entry.get(iri, frozenset()) | docs
        #: a text none of whose words is in a masked name is left as it is, unread
        self.private_words = {w for key in private_keys for w in key}
        self.sizes: dict[str, list[int]] = {}      # the lengths of the names that begin with a word
        for key in [*self.owners, *self.parts]:
            self.sizes.setdefault(key[0], []).append(len(key))
        for first, sizes in self.sizes.items():
            self.sizes[first] = sorted(set(sizes), reverse=True)
        self._inner_done: dict[tuple[str, str, bool], str] = {}
        self._iris: dict[str, str] = {}

    # -------------------------------------------------------------- public
    def text(self, text: str, documents: Iterable[str]) -> str:
        """A text from ``documents`` (a quote, a title) with the masked people's mentions
        replaced by their pseudonyms."""
        return self._mask(text, frozenset(documents), single=True, whole=True, slug=False)

    def path(self, path: str, documents: Iterable[str]) -> str:
        """A file name or path from ``documents``: the same, read without case, with the
        pseudonym as a slug ("person-1c3a")."""
        return self._mask(path, frozenset(documents), single=True, whole=True, slug=True)

    def name(self, iri: str, form: str) -> str:
        """One of an entity's own names as it may be shown."""
        if iri in self.masked:
            return self.masked[iri]
        if self.names.classes.get(iri) == "Person":
            return form
        return self._entity_text(iri, form, slug=False)

    def iri(self, iri: str) -> str:
        """The IRI an entity may be shown with: the pseudonym's for a masked person, an opaque
        one for an entity whose slug or names would carry a masked name."""
        done = self._iris.get(iri)
        if done is None:
            done = self._iris[iri] = self._new_iri(iri)
        return done

    # ------------------------------------------------------------- private
    def _new_iri(self, iri: str) -> str:
        if iri in self.masked:
            return person_iri(iri, self.masked[iri])
        if not iri.startswith(str(ID)):
            return iri  # documents, evidence (hashes) and the ontology's terms
        target = self.names.same_as.get(iri)
        if target is not None and target != iri and self.iri(target) != target:
            return opaque_iri(iri)  # a former IRI of a masked entity
        slug = iri.rsplit("/", 1)[-1]
        if not self.private_words.intersection(name_key(slug)):
            return iri
        carrier = target if target is not None else iri
        if self.names.classes.get(carrier) == "Person":
            return iri
        forms = [*self.names.written.get(carrier, {}), self.names.labels.get(carrier, "")]
        if self._entity_text(carrier, slug, slug=True) != slug or any(self.name(carrier, f) != f for f in forms if f):
            return opaque_iri(iri)
        return iri

    def _entity_text(self, iri: str, text: str, slug: bool) -> str:
        """A name of the entity ``iri`` (or of its slug): its inner names masked, as read in
        the documents that write it."""
        done = self._inner_done.get((iri, text, slug))
        if done is None:
            # while it is worked out, the name stands for itself: two entities whose names hold
            # each other's (the same words, another class) would otherwise ask each other forever
            self._inner_done[(iri, text, slug)] = text
            single = self.names.classes.get(iri) in NAMED_AFTER
            done = self._inner_done[(iri, text, slug)] = self._mask(text, self.docs.get(iri, frozenset()), single,
                                                                     whole=False, slug=slug)
        return done

    def _mask(self, text: str, docs: frozenset[str], single: bool, whole: bool, slug: bool) -> str:
        """``text`` with each run of words that names a masked person replaced. ``single``:
        one word of a person's name may be masked; ``whole``: a run may cover the whole text
        (not so in an entity's own name, which would be read as itself)."""
        words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        if not any(w[2] in self.private_words for w in words):
            return text
        pieces: list[str] = []
        last = i = 0
        while i < len(words):
            for size in self.sizes.get(words[i][2], ()):
                if i + size > len(words) or (size == len(words) and not whole and not self._full_name(words, size)):
                    continue
                if size > 1 and not self._joined(text, words, i, size):
                    continue
                start, end = words[i][0], words[i + size - 1][1]
                key = tuple(w[2] for w in words[i:i + size])
                replaced = self._replace(key, text[start:end], docs, single, slug)
                if replaced is None:
                    continue
                if replaced != text[start:end]:
                    pieces += [text[last:start], replaced]
                    last = end
                i += size
                break
            else:
                i += 1
        return "".join(pieces) + text[last:] if pieces else text

    def _full_name(self, words: list[tuple[int, int, str]], size: int) -> bool:
        """Whether a whole entity name is a masked person's full name ("Maria Vigil" taken
        for a group is still her name; "Houston" taken for a person's is still the city)."""
        return size > 1 and not self.owners.get(tuple(w[2] for w in words), set()).isdisjoint(self.masked)

    @staticmethod
    def _joined(text: str, words: list[tuple[int, int, str]], i: int, size: int) -> bool:
        """Whether words i..i+size-1 are written as one name: only spaces, hyphens, quotes or
        the dot of a short word ("C.", "Mr.") between them, never a sentence's end."""
        for (before, end, _), (start, _, _) in zip(words[i:i + size - 1], words[i + 1:i + size]):
            gap = text[end:start]
            if not _GAP.fullmatch(gap) or ("." in gap and end - before > 3):
                return False
        return True

    def _replace(self, key: Key, span: str, docs: frozenset[str], single: bool, slug: bool) -> str | None:
        """What a run of words becomes: a pseudonym, the run itself (another entity's name, or
        its name with inner names masked), or None when it is no name."""
        owners = self.owners.get(key, set())
        people = self._masked_people(key, docs)
        if people:
            if len(key) == 1 and not (single and (slug or span[:1].isupper())):
                return span  # a common word ("vigil"), or a surname in the name of a company
            pseudonym = self.masked[people[0]]
            return pseudonym.lower().replace(" ", "-") if slug else pseudonym
        others = sorted(owners - self.masked.keys())
        if not others:
            return None
        if len(key) > 1:
            for other in others:
                if self.names.classes.get(other) != "Person":
                    inner = self._entity_text(other, span, slug)
                    if inner != span:
                        return inner
        return span

    def _masked_people(self, key: Key, docs: frozenset[str]) -> list[str]:
        """The masked people a run of words names in ``docs`` (rules 1-3 of the module)."""
        written = [iri for iri, where in self.written.get(key, {}).items() if not where.isdisjoint(docs)]
        if written:
            return sorted(iri for iri in written if iri in self.masked)  # rule 1 (empty: another's name here)
        candidates = self.owners.get(key, set()) | self.parts.get(key, set())
        mentioned = sorted(iri for iri in candidates if iri in self.masked and not self.docs.get(iri, frozenset()).isdisjoint(docs))
        if mentioned:
            return mentioned  # rule 2
        if len(key) > 1:
            return sorted(iri for iri in self.owners.get(key, set()) if iri in self.masked)  # rule 3
        return []
