"""In-document entity resolution: group a document's mentions into entities.

Merges, within one document: the same name up to case, accents, hyphens and a leading
"the"; names known to the domain tables (acronyms, garbled official names, Spanish names);
acronyms defined as "Long Name (ACR)" or matching a name's initials; a person's first name,
surname or name with a title ("Attorney General Dana Whitfield"); a shorter name that starts a
longer one of the same class ("Farmworkers Union" / "Farmworkers Union USA"); petition creator
accounts ("ATU A.") that name a group of the same document. Never across classes.

Each kind of merge is one method of :class:`Resolution`; :func:`resolve_mentions` runs them
in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from actorgraph.loaders import lang
from actorgraph.loaders.cues import cue_class, generic_words
from actorgraph.loaders.data_tables import first_names, known_index
from actorgraph.loaders.lang import registry_version, union
from actorgraph.loaders.model import Entity, Mention, MentionKind
from actorgraph.loaders.person_titles import strip_title, titles
from actorgraph.ontology.ids import entity_iri, normalize_name

_ACTOR_LIKE = {"Person", "Organization", "GovernmentAgency", "Company"}


def initials_all(name: str) -> set[str]:
    """Acronym keys of a name, with and without its small words.

    >>> sorted(initials_all("Department of Correction"))
    ['DC', 'DOC']
    """
    parts = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|$)|[A-Za-z][a-z’']*", name)
    full = "".join(p if p.isupper() and len(p) > 1 else p[0].upper() for p in parts if p not in ("&",))
    keys = {initials(name), full}
    # compass words abbreviate to two letters: Northwest -> NW (every pack's compass.csv)
    compass = _compass(registry_version())
    if any(p.lower() in compass for p in parts):
        keys.add("".join(compass.get(p.lower(), p[0].upper()) for p in parts if p.lower() not in union("small_words")))
    return keys


@lru_cache(maxsize=4)
def _compass(version: int) -> dict[str, str]:
    return {r["word"]: r["abbreviation"] for pack in lang.all_packs() for r in pack.rows("compass.csv")}


def _fullmatch(name: str, text: str) -> re.Match[str] | None:
    """The first pack's full match of the expression ``name`` (see :func:`lang.expressions`)."""
    return next((m for p in lang.expressions(name) if (m := p.fullmatch(text))), None)


def initials(name: str) -> str:
    """Acronym key of a name: upper-case runs kept, other words give their initial.

    >>> initials("Federation of Workers’ Centers"), initials("SVDCSolidarity")
    ('FWC', 'SVDCS')
    """
    parts = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|$)|[A-Za-z][a-z’']*", name)
    out = []
    for part in parts:
        if part.lower() in union("small_words"):
            continue
        out.append(part if part.isupper() and len(part) > 1 else part[0].upper())
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def _base_key(name: str) -> str:
    """A name's key without possessive endings ("Sheriff's Department" -> "sheriff department")."""
    return normalize_name(re.sub(r"(?<=\w)['’]s\b", "", name))


def _creator_key(name: str) -> str | None:
    """"ATU A." -> "ATU": a petition account name without its trailing initial."""
    match = re.fullmatch(r"(.+?)\s+[A-Za-z]\.", name)
    return match.group(1) if match else None


class _Cluster:
    """Mentions taken for one entity, with their class votes. The class, forms and label are
    asked for again and again by the pairwise steps below, so they are kept until the
    cluster changes (a mention added, a name from the data set, votes reset)."""

    __slots__ = ("mentions", "canonical", "cls_votes", "data_cls", "_cls", "_forms", "_label")

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.canonical: str | None = None
        self.cls_votes: defaultdict[str, float] = defaultdict(float)
        self.data_cls: str | None = None
        self._changed()

    def _changed(self) -> None:
        self._cls: str | None = None
        self._forms: list[str] | None = None
        self._label: str | None = None

    def add(self, m: Mention, weight: float) -> None:
        self.mentions.append(m)
        if weight:
            self.cls_votes[m.cls] += weight
        self._changed()

    def vote_only(self, cls: str) -> None:
        """Replace the class votes by one vote for ``cls``."""
        self.cls_votes.clear()
        self.cls_votes[cls] = 1.0
        self._changed()

    def known_as(self, canonical: str | None, data_cls: str | None = None) -> None:
        """The name (and class) the domain data or a definition gives; None keeps what was."""
        self.canonical = canonical or self.canonical
        self.data_cls = data_cls or self.data_cls
        self._changed()

    @property
    def cls(self) -> str:
        if self._cls is None:
            self._cls = self.data_cls or max(sorted(self.cls_votes), key=lambda c: self.cls_votes[c])
        return self._cls

    def forms(self) -> list[str]:
        if self._forms is None:
            self._forms = list(dict.fromkeys(m.text for m in self.mentions))
        return list(self._forms)

    def label(self) -> str:
        if self._label is None:
            self._label = self._make_label()
        return self._label

    def _make_label(self) -> str:
        if self.canonical:
            return self.canonical
        cls = self.cls
        english = [m.text for m in self.mentions if m.kind != MentionKind.TRANSLATED
                   and not (m.kind == MentionKind.PETITION_CREATOR and _creator_key(m.text))] \
            or [m.text for m in self.mentions if m.kind != MentionKind.TRANSLATED] or self.forms()
        if cls == "Person":  # a full name without its title; a surname alone with it ("Gov. Okafor")
            candidates = [strip_title(f) if " " in strip_title(f) else f for f in dict.fromkeys(english)]
        else:
            candidates = list(dict.fromkeys(english))
        candidates = [c for c in candidates if not (c.isupper() and " " not in c and len(c) <= 8)] or candidates
        return max(candidates, key=lambda f: (len(strip_title(f).split()), f == strip_title(f), not f.isupper(), len(f), f))


def _weight(m: Mention) -> float:
    if m.kind == MentionKind.PETITION_CREATOR:
        return 0.5
    if m.kind.is_petition or m.kind in (MentionKind.CAMPAIGN_LABEL, MentionKind.CAMPAIGN_NAME, MentionKind.KNOWN):
        return 3.0
    if m.kind == MentionKind.MODEL and len(m.text.split()) > 1:
        return 1.5
    if m.kind == MentionKind.MODEL and m.cls == "Person" and m.text.upper() not in first_names():
        return 0.5  # one unknown word the model calls a person is weak against a list of groups ("Mijaren")
    return m.confidence


def resolve_mentions(mentions: list[Mention]) -> tuple[list[Entity], dict[tuple[int, int], str]]:
    """Group mentions into entities; return them and a map (start, end) -> entity IRI."""
    resolution = Resolution(mentions)
    resolution.merge_acronyms()
    resolution.merge_parts_of_person_names()
    resolution.merge_administration_surnames()
    resolution.merge_facility_first_words()
    resolution.merge_places_of()
    resolution.merge_shorter_names()
    resolution.merge_petition_accounts()
    resolution.drop_lone_titles()
    return resolution.entities()


def _first_position(c: _Cluster) -> int:
    return min(m.start for m in c.mentions)


# "the City of X" names the seat X, "the Trump administration" a government: how each language
# says so is its pack's (expressions.toml: entities.seat_of, entities.administration)


class Resolution:
    """One document's mentions grouped into clusters, one per entity: the same key at
    construction, then each ``merge_*`` step (in the order :func:`resolve_mentions` runs
    them) joins clusters that name one entity, never across classes."""

    def __init__(self, mentions: list[Mention]) -> None:
        """Exact keys: the same name up to case, accents, hyphens and a leading "the", or the
        same name of the domain tables (an acronym, a garbled official name, a Spanish name)."""
        self.index = known_index()
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, _Cluster] = {}
        for m in mentions:
            key, canonical = self._key_of(m)
            cluster = self.by_key.get(key)
            if cluster is None:
                cluster = self.by_key[key] = _Cluster()
                self.clusters.append(cluster)
            cluster.add(m, _weight(m))
            if canonical:
                hit = self.index.get(normalize_name(canonical))
                cluster.known_as(canonical, hit[0] if hit else None)
            elif m.canonical and m.kind == MentionKind.PETITION_TITLE:
                cluster.known_as(m.canonical, "Campaign")

    def _key_of(self, m: Mention) -> tuple[str, str | None]:
        """A mention's key and the canonical name it brings (from a table, a definition or
        the pipeline), if any."""
        if m.kind == MentionKind.PETITION_TITLE:
            return "campaign:" + normalize_name(m.text), m.text
        canonical = m.canonical
        if canonical is None:
            hit = self.index.get(normalize_name(m.text))
            if hit and (hit[0] == m.cls or m.cls in ("Organization", "Place")):
                canonical = hit[1]
        if canonical is not None:
            hit = self.index.get(normalize_name(canonical))
            if hit is None and m.kind == MentionKind.BUILT:
                return normalize_name(canonical), canonical  # a name's English form, an event's built name
            return normalize_name(canonical), (hit[1] if hit else None)
        name = strip_title(m.text) if m.cls == "Person" else m.text
        return normalize_name(name), None

    def _merge(self, into: _Cluster, other: _Cluster, votes: bool = True) -> None:
        if into is other:
            return
        for m in other.mentions:
            into.add(m, other.cls_votes[m.cls] / max(1, len(other.mentions)) if votes else 0.0)
        into.known_as(into.canonical or other.canonical, into.data_cls or other.data_cls)
        for k, c in list(self.by_key.items()):
            if c is other:
                self.by_key[k] = into
        self.clusters.remove(other)

    def merge_acronyms(self) -> None:
        """An all-caps or glued name ("NWDC", "SVDCSolidarity") joins the cluster whose
        initials it is, one merge at a time until none is left."""
        while self._merge_one_acronym():
            pass

    def _merge_one_acronym(self) -> bool:
        ordered = sorted(self.clusters, key=_first_position)  # the clusters change only where a merge ends the pass
        for small in ordered:
            forms = small.forms()
            if small.canonical or any(len(f.split()) > 2 for f in forms):
                continue
            keys = {initials(f) for f in forms if re.search(r"[A-Z]{2,}", f)} | {f for f in forms if f.isupper()}
            if not keys:
                continue
            big = next((big for big in ordered if big is not small and _abbreviates(small, keys, big)), None)
            if big is not None:
                self._merge(big, small)
                return True
        return False

    def merge_parts_of_person_names(self) -> None:
        """A person's first name, surname or name with a title ("Attorney General Dana
        Whitfield") joins the first full name it is part of; every full name stays a person
        of its own."""
        persons = [c for c in self.clusters if c.cls == "Person" and any(len(strip_title(f).split()) > 1 for f in c.forms())]
        full_names = {id(p) for p in persons}
        order = sorted(persons, key=_first_position)
        tokens = _NameTokens()
        for c in sorted(self.clusters, key=_first_position):
            if id(c) in full_names or not self._may_be_part_of_a_name(c):
                continue
            keys = {normalize_name(strip_title(f)) for f in c.forms()}
            target = next((p for p in order if keys & tokens.of(p)), None)
            if target is not None:
                self._merge(target, c, votes=False)
                tokens.forget(target)  # its forms grew, and perhaps its first mention moved
                order = sorted(persons, key=_first_position)

    def _may_be_part_of_a_name(self, c: _Cluster) -> bool:
        """A cluster still there, with no name from the data, that is a one-word person, a
        group or a place (the model's class of a lone surname is often wrong)."""
        if c.canonical or c not in self.clusters:
            return False
        if c.cls == "Person":
            return not any(len(strip_title(f).split()) > 1 for f in c.forms())
        return c.cls in ("Organization", "Place")

    def merge_administration_surnames(self) -> None:
        """"<Surname> administration" makes a lone "<Surname>" a person (and joins it to the
        full name that ends with it)."""
        surnames = {c.label().split()[0] for c in self.clusters
                    if c.cls == "GovernmentAgency" and _fullmatch("entities.administration", c.label())}
        for c in list(self.clusters):
            if c in self.clusters and c.cls != "Person" and not c.canonical and set(c.forms()) <= surnames:
                c.vote_only("Person")
                full = next((p for p in self.clusters if p.cls == "Person" and p is not c
                             and normalize_name(p.label()).split()[-1:] == [normalize_name(c.label())]), None)
                if full is not None:
                    self._merge(full, c, votes=False)

    def merge_facility_first_words(self) -> None:
        """"McHenry" for "McHenry County Detention Center": a lone word that begins the name
        of a facility of the document."""
        facilities = [c for c in self.clusters if c.cls == "DetentionFacility"]
        for c in list(self.clusters):
            forms = c.forms()
            if c not in self.clusters or c.cls == "DetentionFacility" or c.canonical or any(len(f.split()) > 1 for f in forms):
                continue
            first = [normalize_name(forms[0])]
            facility = next((f for f in facilities if f in self.clusters
                             and any(normalize_name(x).split()[:1] == first for x in f.forms())), None)
            if facility is not None:
                self._merge(facility, c, votes=False)

    def merge_places_of(self) -> None:
        """"City of X", "State of X": the place X itself."""
        places = {normalize_name(c.label()): c for c in self.clusters if c.cls == "Place"}
        for c in list(self.clusters):
            if c not in self.clusters:
                continue
            for f in c.forms():
                match = _fullmatch("entities.seat_of", f)
                place = places.get(normalize_name(match.group(1))) if match else None
                if place is not None and place is not c:
                    self._merge(place, c, votes=False)
                    break

    def merge_shorter_names(self) -> None:
        """A shorter name that begins or ends a longer one of the same class ("Pinal County
        Sheriff" and "Pinal County Sheriff's Department"); a lone head word ("the Sheriff")
        that only one longer name of the document has."""
        for c in sorted(self.clusters, key=lambda c: (len(c.label().split()) == 1, len(c.label()))):
            if c not in self.clusters or c.canonical or c.cls not in ("Organization", "GovernmentAgency", "Company", "Policy"):
                continue
            key = _base_key(c.label())
            lone = len(key.split()) == 1 and c.cls == "GovernmentAgency" and cue_class(key) == "GovernmentAgency"
            if not lone and _names_no_one(key):
                continue  # "City Council" alone could be any city's
            candidates = [other for other in self.clusters if other is not c and other.cls == c.cls
                          and not any(m.kind == MentionKind.UNIT for m in other.mentions)]
            if lone:
                holders = [o for o in candidates if key in _base_key(o.label()).split() and len(o.label().split()) > 1]
                if len(holders) == 1:
                    self._merge(holders[0], c)
                continue
            longer = next((o for o in candidates if _base_key(o.label()).startswith(key + " ")
                           or _base_key(o.label()).endswith(" " + key)), None)
            if longer is not None:
                self._merge(longer, c)

    def merge_petition_accounts(self) -> None:
        """Petition accounts "ATU A.", "Ribera P." that name a group of the document (by its
        name or its initials)."""
        for c in list(self.clusters):
            if c not in self.clusters or not any(m.kind == MentionKind.PETITION_CREATOR for m in c.mentions):
                continue
            base = _creator_key(c.forms()[0])
            if not base:
                continue
            group = next((o for o in self.clusters if o is not c and o.cls in ("Organization", "Company", "GovernmentAgency")
                          and _named_by_account(base, o.forms())), None)
            if group is not None:
                self._merge(group, c)

    def drop_lone_titles(self) -> None:
        """A title alone that the model tagged ("the Sheriff", "the Governor":
        ``person_titles.txt``) and no longer name of the document took in (merge_shorter_names)
        names nobody in particular: it is no entity."""
        bare = _lower_titles(registry_version())
        self.clusters = [c for c in self.clusters
                         if not all(m.kind == MentionKind.MODEL and m.text.lower() in bare for m in c.mentions)]

    def entities(self) -> tuple[list[Entity], dict[tuple[int, int], str]]:
        """The entities of the clusters (two clusters that resolve to one IRI are one entity)
        and a map (start, end) -> entity IRI."""
        spans: dict[tuple[int, int], str] = {}
        seen: dict[str, Entity] = {}
        for c in self.clusters:
            cls = c.cls
            label = c.label()
            # a person's IRI and forms leave the title out: "Gov. Okafor" is the Okafor of other documents
            iri = str(entity_iri(cls, strip_title(label) if cls == "Person" else label))
            surface = tuple(sorted(set(c.forms()) | {label} | ({strip_title(label)} if cls == "Person" else set())))
            if iri in seen:
                old = seen[iri]
                entity = Entity(iri, cls, label, tuple(sorted(set(old.forms) | set(surface))),
                                old.mentions + tuple(c.mentions))
            else:
                entity = Entity(iri, cls, label, surface, tuple(sorted(c.mentions, key=lambda m: m.start)))
            seen[iri] = entity
            for m in c.mentions:
                spans[(m.start, m.end)] = iri
        return sorted(seen.values(), key=lambda e: e.iri), spans


def _abbreviates(small: _Cluster, keys: set[str], big: _Cluster) -> bool:
    """Whether ``small`` (with acronym ``keys``) abbreviates ``big``: a key equals the
    initials of one of big's longer forms or one of its all-caps forms, or a hyphenated
    acronym ("NW-ICE") frames big's initials. An actor's acronym does not join a building
    or a law unless it is bare capitals or equals one of its forms."""
    if big.cls not in _ACTOR_LIKE | {"DetentionFacility", "Policy"}:
        return False
    forms = small.forms()
    exact = {f for f in big.forms() if f.isupper()}
    bare = all(re.fullmatch(r"[A-Z]{2,8}", f) for f in forms)
    if small.cls in _ACTOR_LIKE and big.cls not in _ACTOR_LIKE and not (keys & exact) and not bare:
        return False
    big_keys = set().union(*[initials_all(f) for f in big.forms() if len(f.split()) > 1]) | exact
    if keys & big_keys:
        return True
    hyphenated = [f.split("-", 1) for f in forms if re.fullmatch(r"[A-Z]{2,}-[A-Z]{2,}", f)]
    unit_key = initials(big.label())
    return any(unit_key.startswith(b) and unit_key.endswith(a) and len(unit_key) > len(a + b) for a, b in hyphenated)


class _NameTokens:
    """The words of a person's full names (and each name without its first word), computed
    once per person and again only when a merge grows it."""

    def __init__(self) -> None:
        self._of: dict[int, set[str]] = {}

    def of(self, p: _Cluster) -> set[str]:
        if id(p) not in self._of:
            tokens: set[str] = set()
            for f in p.forms():
                words = [w for w in normalize_name(strip_title(f)).split() if len(w) > 1]
                if words:
                    tokens.update(words)
                    tokens.add(" ".join(words[1:]))
            self._of[id(p)] = tokens
        return self._of[id(p)]

    def forget(self, p: _Cluster) -> None:
        self._of.pop(id(p), None)


@lru_cache(maxsize=4)
def _lower_titles(version: int) -> frozenset[str]:
    return frozenset(t.lower() for t in titles())


def _names_no_one(key: str) -> bool:
    """A key of one word, or of cue and generic words only ("City Council"), that could be
    any body's."""
    return len(key.split()) < 2 or all(cue_class(w) or w in generic_words() for w in key.split() if w not in union("small_words"))


def _named_by_account(base: str, forms: list[str]) -> bool:
    """Whether a petition account's name ("ATU" of "ATU A.") is one of the forms, or the
    initials of a longer one."""
    return normalize_name(base) in {normalize_name(f) for f in forms} or \
        (base.isupper() and base in {initials(f) for f in forms if len(f.split()) > 1})


__all__ = ["Resolution", "resolve_mentions", "initials", "known_index"]
