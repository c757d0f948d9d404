"""In-document entity resolution: group a document's mentions into entities.

Merges, within one document: the same name up to case, accents, hyphens and a leading
"the"; names known to the domain tables (acronyms, garbled official names, Spanish names);
acronyms defined as "Long Name (ACR)" or matching a name's initials; a person's first name,
surname or name with a title ("Attorney General Dana Whitfield"); a shorter name that starts a
longer one of the same class ("Farmworkers Union" / "Farmworkers Union USA"); petition creator
accounts ("ATU A.") that name a group of the same document. Never across classes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from actorgraph.loaders.cues import GENERIC_WORDS, cue_class
from actorgraph.loaders.data_tables import first_names, known_index
from actorgraph.loaders.model import Entity, Mention, MentionKind
from actorgraph.loaders.person_titles import strip_title
from actorgraph.ontology.ids import entity_iri, normalize_name

_STOP = {"of", "and", "the", "for", "de", "del", "la", "el", "y", "&", "in", "on", "to"}
_ACTOR_LIKE = {"Person", "Organization", "GovernmentAgency", "Company"}


def initials_all(name: str) -> set[str]:
    """Acronym keys of a name, with and without its small words.

    >>> sorted(initials_all("Department of Correction"))
    ['DC', 'DOC']
    """
    parts = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|$)|[A-Za-z][a-z’']*", name)
    full = "".join(p if p.isupper() and len(p) > 1 else p[0].upper() for p in parts if p not in ("&",))
    keys = {initials(name), full}
    # compass words abbreviate to two letters: Northwest -> NW
    compass = {"northwest": "NW", "northeast": "NE", "southwest": "SW", "southeast": "SE"}
    if any(p.lower() in compass for p in parts):
        keys.add("".join(compass.get(p.lower(), p[0].upper()) for p in parts if p.lower() not in _STOP))
    return keys


def initials(name: str) -> str:
    """Acronym key of a name: upper-case runs kept, other words give their initial.

    >>> initials("Federation of Workers’ Centers"), initials("SVDCSolidarity")
    ('FWC', 'SVDCS')
    """
    parts = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|$)|[A-Za-z][a-z’']*", name)
    out = []
    for part in parts:
        if part.lower() in _STOP:
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
    index = known_index()
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}

    def key_of(m: Mention) -> tuple[str, str | None]:
        canonical = m.canonical
        if m.kind == MentionKind.PETITION_TITLE:
            return "campaign:" + normalize_name(m.text), m.text
        if canonical is None:
            hit = index.get(normalize_name(m.text))
            if hit and (hit[0] == m.cls or m.cls in ("Organization", "Place")):
                canonical = hit[1]
        if canonical is not None:
            hit = index.get(normalize_name(canonical))
            if hit is None and m.kind == MentionKind.BUILT:
                return normalize_name(canonical), canonical  # a name's English form, an event's built name
            return normalize_name(canonical), (hit[1] if hit else None)
        name = strip_title(m.text) if m.cls == "Person" else m.text
        return normalize_name(name), None

    # 1. exact keys
    for m in mentions:
        key, canonical = key_of(m)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = _Cluster()
            clusters.append(cluster)
        cluster.add(m, _weight(m))
        if canonical:
            hit = index.get(normalize_name(canonical))
            cluster.known_as(canonical, hit[0] if hit else None)
        elif m.canonical and m.kind == MentionKind.PETITION_TITLE:
            cluster.known_as(m.canonical, "Campaign")

    def merge(into: _Cluster, other: _Cluster, votes: bool = True) -> None:
        if into is other:
            return
        for m in other.mentions:
            into.add(m, other.cls_votes[m.cls] / max(1, len(other.mentions)) if votes else 0.0)
        into.known_as(into.canonical or other.canonical, into.data_cls or other.data_cls)
        for k, c in list(by_key.items()):
            if c is other:
                by_key[k] = into
        clusters.remove(other)

    def first_pos(c: _Cluster) -> int:
        return min(m.start for m in c.mentions)

    # 2. acronym keys: an all-caps name or glued name equal to another cluster's initials
    changed = True
    while changed:
        changed = False
        ordered = sorted(clusters, key=first_pos)  # the clusters change only where a merge ends the pass
        for small in ordered:
            forms = small.forms()
            if small.canonical or any(len(f.split()) > 2 for f in forms):
                continue
            keys = {initials(f) for f in forms if re.search(r"[A-Z]{2,}", f)}
            keys |= {f for f in forms if f.isupper()}
            hyphenated = [f.split("-", 1) for f in forms if re.fullmatch(r"[A-Z]{2,}-[A-Z]{2,}", f)]
            if not keys:
                continue
            for big in ordered:
                if big is small or big.cls not in _ACTOR_LIKE | {"DetentionFacility", "Policy"}:
                    continue
                exact = {f for f in big.forms() if f.isupper()}
                bare = all(re.fullmatch(r"[A-Z]{2,8}", f) for f in forms)
                if small.cls in _ACTOR_LIKE and big.cls not in _ACTOR_LIKE and not (keys & exact) and not bare:
                    continue
                big_keys = set().union(*[initials_all(f) for f in big.forms() if len(f.split()) > 1]) | exact
                unit_key = initials(big.label())
                if keys & big_keys or any(unit_key.startswith(b) and unit_key.endswith(a) and len(unit_key) > len(a + b)
                                          for a, b in hyphenated):
                    merge(big, small)
                    changed = True
                    break
            if changed:
                break

    # 3. people: first names, surnames and titled forms join the full name
    persons = [c for c in clusters if c.cls == "Person" and any(len(strip_title(f).split()) > 1 for f in c.forms())]
    full_names = {id(p) for p in persons}  # only the others merge here, so every person stays
    person_order = sorted(persons, key=first_pos)
    tokens_of: dict[int, set[str]] = {}

    def name_tokens(p: _Cluster) -> set[str]:
        if id(p) not in tokens_of:
            tokens: set[str] = set()
            for f in p.forms():
                words = [w for w in normalize_name(strip_title(f)).split() if len(w) > 1]
                if words:
                    tokens.update(words)
                    tokens.add(" ".join(words[1:]))
            tokens_of[id(p)] = tokens
        return tokens_of[id(p)]

    for c in sorted(clusters, key=first_pos):
        if id(c) in full_names or c.canonical or c not in clusters:
            continue
        names = {strip_title(f) for f in c.forms()}
        if any(len(n.split()) > 1 for n in names) and c.cls == "Person":
            continue
        if c.cls not in ("Person", "Organization", "Place"):
            continue
        keys = {normalize_name(n) for n in names}
        target = next((p for p in person_order if keys & name_tokens(p)), None)
        if target is not None:
            merge(target, c, votes=False)
            tokens_of.pop(id(target), None)  # its forms grew, and perhaps its first mention moved
            person_order = sorted(persons, key=first_pos)

    # 3b. "<Surname> administration" makes a lone "<Surname>" a person
    surnames = {c.label().split()[0] for c in clusters
                if c.cls == "GovernmentAgency" and re.fullmatch(r"[A-Z][a-z]+ (?:administration|regime)", c.label())}
    for c in list(clusters):
        if c in clusters and c.cls != "Person" and not c.canonical and {f for f in c.forms()} <= surnames:
            c.vote_only("Person")
            full = next((p for p in clusters if p.cls == "Person" and p is not c
                         and normalize_name(p.label()).split()[-1:] == [normalize_name(c.label())]), None)
            if full is not None:
                merge(full, c, votes=False)

    # 3b'. "McHenry" for "McHenry County Detention Center": a lone first word of a facility
    facilities = [c for c in clusters if c.cls == "DetentionFacility"]
    for c in list(clusters):
        forms = c.forms()
        if c not in clusters or c.cls == "DetentionFacility" or c.canonical or any(len(f.split()) > 1 for f in forms):
            continue
        for facility in facilities:
            if facility in clusters and any(normalize_name(x).split()[:1] == [normalize_name(forms[0])]
                                            for x in facility.forms()):
                merge(facility, c, votes=False)
                break

    # 3c. "City of X", "State of X": the place itself
    places = {normalize_name(c.label()): c for c in clusters if c.cls == "Place"}
    for c in list(clusters):
        if c not in clusters:
            continue
        for f in c.forms():
            match = re.fullmatch(r"(?:the\s+)?(?:city|town|village|county|state|commonwealth)\s+of\s+(.+)", f, re.I)
            if match and normalize_name(match.group(1)) in places and places[normalize_name(match.group(1))] is not c:
                merge(places[normalize_name(match.group(1))], c, votes=False)
                break

    # 4. a shorter name that begins a longer one of the same class ("Pinal County Sheriff" and
    #    "Pinal County Sheriff's Department"); a lone head word ("the Sheriff") that only one
    #    longer name of the document has
    for c in sorted(clusters, key=lambda c: (len(c.label().split()) == 1, len(c.label()))):
        if c not in clusters or c.canonical or c.cls not in ("Organization", "GovernmentAgency", "Company", "Policy"):
            continue
        key = _base_key(c.label())
        lone = len(key.split()) == 1 and c.cls == "GovernmentAgency" and cue_class(key) == "GovernmentAgency"
        if not lone and (len(key.split()) < 2 or all(cue_class(w) or w in GENERIC_WORDS for w in key.split() if w not in _STOP)):
            continue  # "City Council" alone could be any city's
        candidates = [other for other in clusters if other is not c and other.cls == c.cls
                      and not any(m.kind == MentionKind.UNIT for m in other.mentions)]
        if lone:
            holders = [o for o in candidates if key in _base_key(o.label()).split() and len(o.label().split()) > 1]
            if len(holders) == 1:
                merge(holders[0], c)
            continue
        for other in candidates:
            okey = _base_key(other.label())
            if okey.startswith(key + " ") or okey.endswith(" " + key):
                merge(other, c)
                break

    # 5. petition accounts "ATU A.", "Galaei P." that name a group of the document
    for c in list(clusters):
        if c not in clusters or not any(m.kind == MentionKind.PETITION_CREATOR for m in c.mentions):
            continue
        base = _creator_key(c.forms()[0])
        if not base:
            continue
        for other in clusters:
            if other is c or other.cls not in ("Organization", "Company", "GovernmentAgency"):
                continue
            forms = other.forms()
            if normalize_name(base) in {normalize_name(f) for f in forms} or \
                    (base.isupper() and base in {initials(f) for f in forms if len(f.split()) > 1}):
                merge(other, c)
                break

    entities: list[Entity] = []
    spans: dict[tuple[int, int], str] = {}
    seen: dict[str, Entity] = {}
    for c in clusters:
        cls = c.cls
        label = c.label()
        # a person's IRI and forms leave the title out: "Gov. Okafor" is the Okafor of other documents
        iri = str(entity_iri(cls, strip_title(label) if cls == "Person" else label))
        surface = tuple(sorted(set(c.forms()) | {label} | ({strip_title(label)} if cls == "Person" else set())))
        if iri in seen:  # two clusters that resolved to the same IRI
            old = seen[iri]
            entity = Entity(iri, cls, label, tuple(sorted(set(old.forms) | set(surface))),
                            old.mentions + tuple(c.mentions))
        else:
            entity = Entity(iri, cls, label, surface, tuple(sorted(c.mentions, key=lambda m: m.start)))
        seen[iri] = entity
        for m in c.mentions:
            spans[(m.start, m.end)] = iri
    entities = sorted(seen.values(), key=lambda e: e.iri)
    return entities, spans


__all__ = ["resolve_mentions", "initials", "known_index"]
