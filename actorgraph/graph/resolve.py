"""Entity resolution across documents: one node per real-world entity.

:func:`cluster_entities` is pure: it groups entity records (class, surface forms) with
candidate blocking (normalized names, acronyms, state-prefix keys, sorted tokens, first
letters) and rapidfuzz scoring, never across incompatible classes and never on a shared
head word alone. The result depends only on the set of records, not on their order, so
ingesting documents in any order gives the same graph. :func:`resolve_store` applies it
to a store (rewriting merged IRIs in every graph in one update) together with a user's
curation file (forced merges, forbidden merges, renamed labels, changed classes).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from rdflib import RDFS, Literal, URIRef

from actorgraph.errors import InputError
from actorgraph.graph import recovery
from actorgraph.graph.labels import choose_label
from actorgraph.graph.store import insert_operations
from actorgraph.loaders import data_tables
from actorgraph.loaders.data_tables import known_index
from actorgraph.loaders.person_titles import strip_title
from actorgraph.ontology import AG, ENTITIES_GRAPH, ENTITY_CLASSES, NS
from actorgraph.ontology.ids import entity_iri, normalize_name

RESOLUTION_GRAPH = URIRef("https://w3id.org/actorgraph/graph/resolution")
_STOP = frozenset("of and the for de del la el y in on at to a an".split())
_JURISDICTION_WORDS = frozenset({"county", "city", "parish", "municipal", "regional"})
_BLOCK_LIMIT = 60  # a blocking key shared by more records than this is too common to compare on


@dataclass(frozen=True, slots=True)
class EntityRecord:
    iri: str
    cls: str
    label: str
    forms: frozenset[str]
    documents: int = 1


@dataclass
class Curation:
    """A user's corrections, read from a TOML file (see README, "Curation")."""

    merges: list[list[str]] = field(default_factory=list)
    forbids: list[list[str]] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    privacy: dict[str, str] = field(default_factory=dict)  # normalized name -> public | private
    source: str = ""

    @classmethod
    def load(cls, path: Path | None) -> Curation:
        if path is None or not Path(path).exists():
            return cls()
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"not a valid curation file: {exc}", where=str(path)) from exc
        out = cls(source=str(path))
        for item in data.get("merge", []):
            out.merges.append(_names(item, path, "merge"))
        for item in data.get("forbid", []):
            out.forbids.append(_names(item, path, "forbid"))
        for item in data.get("rename", []):
            if not {"name", "label"} <= set(item):
                raise InputError("each [[rename]] needs name and label", where=str(path))
            out.renames[normalize_name(item["name"])] = item["label"]
        for item in data.get("class", []):
            if not {"name", "class"} <= set(item) or item["class"] not in ENTITY_CLASSES:
                raise InputError(f"each [[class]] needs name and class (one of {', '.join(ENTITY_CLASSES)})",
                                 where=str(path))
            out.classes[normalize_name(item["name"])] = item["class"]
        for item in data.get("privacy", []):
            if not {"name", "level"} <= set(item) or item["level"] not in ("public", "private"):
                raise InputError("each [[privacy]] needs name and level (public or private)", where=str(path))
            out.privacy[normalize_name(item["name"])] = item["level"]
        return out


def _names(item: dict, path, kind: str) -> list[str]:
    names = item.get("names")
    if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
        raise InputError(f"each [[{kind}]] needs names = [two or more names]", where=str(path))
    return [normalize_name(n) for n in names]


# ------------------------------------------------------------------ keys

def _state_names() -> dict[str, str]:
    out = {code.lower(): name.lower() for code, name in data_tables.us_states().items()}
    out.update({name.lower(): name.lower() for name in data_tables.us_states().values()})
    return out


_STATES: dict[str, str] | None = None


@lru_cache(maxsize=200_000)
def state_key(name: str) -> str | None:
    """Key of an agency name with its state written the same way whatever the prefix:
    "WA Department of Licensing", "WA-DOL"-style forms aside, and "Washington State
    Department of Licensing" give the same key.

    >>> state_key("WA Department of Licensing") == state_key("Washington State Department of Licensing")
    True
    >>> state_key("Department of Licensing") is None
    True
    """
    global _STATES
    if _STATES is None:
        _STATES = _state_names()
    words = normalize_name(name).split()
    if len(words) < 2:
        return None
    for size in (2, 1):
        head = " ".join(words[:size])
        if head in _STATES:
            rest = words[size:]
            if rest and rest[0] == "state" and len(rest) > 1:
                rest = rest[1:]
            return _STATES[head] + "|" + " ".join(rest) if rest else None
    return None


@lru_cache(maxsize=200_000)
def _places_in(name: str) -> frozenset[str]:
    global _STATES
    if _STATES is None:
        _STATES = _state_names()
    words = normalize_name(name).split()
    found = {_STATES[w] for w in words if w in _STATES and len(w) > 2}
    found |= {_STATES[" ".join(p)] for p in zip(words, words[1:]) if " ".join(p) in _STATES}
    return frozenset(found)


@lru_cache(maxsize=200_000)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(sorted(w for w in normalize_name(name).split() if w not in _STOP))


def _keys(r: EntityRecord) -> set[str]:
    keys = set()
    for form in r.forms | {r.label}:
        norm = normalize_name(form)
        if not norm:
            continue
        keys.add("n:" + norm)
        if re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,9}", form.strip()):
            keys.add("a:" + form.strip().replace(".", ""))
        sk = state_key(form)
        if sk:
            keys.add("s:" + sk)
        toks = _tokens(form)
        if len(toks) >= 2:
            keys.add("t:" + " ".join(toks))
            core = tuple(t for t in toks if t not in _JURISDICTION_WORDS)
            if len(core) >= 2 and core != toks:
                keys.add("c:" + " ".join(core))
    label = normalize_name(r.label)
    if len(label) >= 6:
        keys.add("f:" + label[:5])
    return keys


# ------------------------------------------------------------- matching

@lru_cache(maxsize=400_000)
def _norm(name: str) -> str:
    return normalize_name(name)


@lru_cache(maxsize=200_000)
def _strong_forms(r: EntityRecord) -> frozenset[str]:
    """Forms specific enough to identify an entity: multi-word names (an acronym alone is
    not: two groups can share one)."""
    return frozenset(n for n in (_norm(f) for f in r.forms | {r.label}) if len(n.split()) >= 2)


def _acronyms(r: EntityRecord) -> set[str]:
    return {f.replace(".", "") for f in r.forms | {r.label} if re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,9}", f)}


def _bare(r: EntityRecord) -> bool:
    """An entity known only by an acronym ("VMC")."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,9}", r.label))


def match(a: EntityRecord, b: EntityRecord) -> bool:
    """Do two records name the same entity? Same class, and a shared specific form, the
    same state-normalized name, or near-identical names (rapidfuzz) naming the same places.

    >>> A = EntityRecord("a", "GovernmentAgency", "WA Department of Licensing", frozenset({"DOL"}))
    >>> B = EntityRecord("b", "GovernmentAgency", "Washington State Department of Licensing", frozenset())
    >>> C = EntityRecord("c", "GovernmentAgency", "Oregon Department of Licensing", frozenset())
    >>> match(A, B), match(B, C)
    (True, False)
    """
    if a.cls != b.cls:
        return False
    if _places_in(a.label) and _places_in(b.label) and _places_in(a.label) != _places_in(b.label):
        return False
    if _strong_forms(a) & _strong_forms(b):
        return True
    ka = {state_key(f) for f in a.forms | {a.label}} - {None}
    kb = {state_key(f) for f in b.forms | {b.label}} - {None}
    if ka & kb:
        return True
    la, lb = _norm(a.label), _norm(b.label)
    if min(len(la), len(lb)) < 8:
        return False
    if _tokens(a.label) == _tokens(b.label):
        return True
    if a.cls == "DetentionFacility":
        # "McHenry County Detention Center" / "McHenry Detention Center"
        core_a = tuple(t for t in _tokens(a.label) if t not in _JURISDICTION_WORDS)
        core_b = tuple(t for t in _tokens(b.label) if t not in _JURISDICTION_WORDS)
        if core_a == core_b and len(core_a) >= 3:
            return True
    return fuzz.ratio(la, lb) >= 94


def _personal(r: EntityRecord, name: str) -> str:
    """A person's name without the title it was written with ("Gov. Okafor" -> "Okafor")."""
    return strip_title(name) if r.cls == "Person" else name


def _surname_target(r: EntityRecord, people: dict[str, list[EntityRecord]]) -> EntityRecord | None:
    """A one-word name (a person's surname, or a name the model mistyped) that is the
    surname of exactly one person with a full name."""
    label = _personal(r, r.label)
    if r.cls not in ("Person", "Organization") or len(label.split()) != 1 or not label[:1].isupper() \
            or any(len(_personal(r, f).split()) > 1 for f in r.forms):
        return None
    candidates = people.get(normalize_name(label), [])
    return candidates[0] if len(candidates) == 1 else None


# ------------------------------------------------------------ clustering

class _UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _fullness(r: EntityRecord, data_names: frozenset[str]) -> tuple:
    label = r.label
    return (normalize_name(label) in data_names, len(normalize_name(label).split()), not label.isupper(),
            r.documents, len(label), label)


def cluster_entities(records: list[EntityRecord], curation: Curation | None = None) -> dict[str, str]:
    """Map every record IRI to the IRI of its cluster's canonical entity.

    The canonical entity of a cluster is the one with the fullest well-formed name (a
    name from the domain tables first, then more words, then seen in more documents).
    The joins run in order: exact keys, fuzzy matches among candidate pairs, surnames,
    acronyms, then the curation's merges.
    """
    curation = curation or Curation()
    by_iri = {r.iri: r for r in records}
    uf = _UnionFind(sorted(by_iri))
    forbidden = _forbidden(records, curation)
    ordered = sorted(records, key=lambda r: r.iri)
    _join_exact(ordered, by_iri, uf, forbidden)
    for a, b in sorted(_candidate_pairs(records, uf)):
        if uf.find(a) != uf.find(b) and match(by_iri[a], by_iri[b]):
            _union_unless_forbidden(uf, a, b, forbidden)
    _join_surnames(records, ordered, uf, forbidden)
    _join_acronyms(ordered, uf, forbidden)
    for names in curation.merges:
        iris = sorted(r.iri for r in records if {normalize_name(f) for f in r.forms | {r.label}} & set(names))
        for other in iris[1:]:
            uf.union(iris[0], other)
    return _canonical(by_iri, uf)


def _join_exact(ordered: list[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind,
                forbidden: set[frozenset[str]]) -> None:
    """Exact keys (same class): a multi-word name or a state-normalized name in common,
    unless the two names hold different places."""
    exact: dict[tuple[str, str], str] = {}
    for r in ordered:
        state_keys = {k for k in (state_key(f) for f in r.forms | {r.label}) if k is not None}
        keys = {("n", f) for f in _strong_forms(r)} | {("s", k) for k in state_keys}
        for kind, key in sorted(keys):
            first = exact.setdefault((r.cls, kind + ":" + key), r.iri)
            if first != r.iri and not (_places_in(by_iri[first].label) and _places_in(r.label)
                                       and _places_in(by_iri[first].label) != _places_in(r.label)):
                _union_unless_forbidden(uf, first, r.iri, forbidden)


def _candidate_pairs(records: list[EntityRecord], uf: _UnionFind) -> set[tuple[str, str]]:
    """Candidate pairs from blocking keys, one representative per exact group (a block
    larger than _BLOCK_LIMIT is too common a key to compare)."""
    blocks: dict[str, set[str]] = defaultdict(set)
    for r in records:
        root = uf.find(r.iri)
        for key in _keys(r):
            blocks[key].add(root)
    pairs: set[tuple[str, str]] = set()
    for block in blocks.values():
        if 2 <= len(block) <= _BLOCK_LIMIT:
            ordered = sorted(block)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:])
    return pairs


def _join_surnames(records: list[EntityRecord], ordered: list[EntityRecord], uf: _UnionFind,
                   forbidden: set[frozenset[str]]) -> None:
    """A person named by a surname joins the one full name with that surname."""
    people: dict[str, list[EntityRecord]] = defaultdict(list)
    for r in records:
        if r.cls == "Person" and len(strip_title(r.label).split()) >= 2:
            people[normalize_name(r.label).split()[-1]].append(r)
    for r in ordered:
        target = _surname_target(r, people)
        if target is not None:
            _union_unless_forbidden(uf, r.iri, target.iri, forbidden)


def _join_acronyms(ordered: list[EntityRecord], uf: _UnionFind, forbidden: set[frozenset[str]]) -> None:
    """An entity known only by an acronym joins the one named entity of its class with that
    acronym; when several share it, it is ambiguous and stays apart."""
    by_acronym: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in ordered:
        if not _bare(r):
            for acr in _acronyms(r):
                by_acronym[(r.cls, acr)].add(uf.find(r.iri))
    for r in ordered:
        if _bare(r):
            roots = set().union(*[by_acronym.get((r.cls, acr), set()) for acr in _acronyms(r)])
            if len(roots) == 1:
                _union_unless_forbidden(uf, r.iri, next(iter(roots)), forbidden)


def _canonical(by_iri: dict[str, EntityRecord], uf: _UnionFind) -> dict[str, str]:
    """Every IRI mapped to its cluster's fullest-named member."""
    clusters: dict[str, list[EntityRecord]] = defaultdict(list)
    for iri in sorted(by_iri):
        clusters[uf.find(iri)].append(by_iri[iri])
    data_names = frozenset(normalize_name(v[1]) for v in known_index().values())
    mapping = {}
    for members in clusters.values():
        best = max(members, key=lambda r: _fullness(r, data_names))
        for r in members:
            mapping[r.iri] = best.iri
    return mapping


def _forbidden(records, curation: Curation) -> set[frozenset[str]]:
    out: set[frozenset[str]] = set()
    for names in curation.forbids:
        groups = [sorted(r.iri for r in records if {normalize_name(f) for f in r.forms | {r.label}} & {n})
                  for n in names]
        for i, g1 in enumerate(groups):
            for g2 in groups[i + 1:]:
                out.update(frozenset((a, b)) for a in g1 for b in g2 if a != b)
    return out


def _union_unless_forbidden(uf: _UnionFind, a: str, b: str, forbidden: set[frozenset[str]]) -> None:
    if forbidden:
        ra, rb = uf.find(a), uf.find(b)
        members_a = [x for x in uf.parent if uf.find(x) == ra]
        members_b = [x for x in uf.parent if uf.find(x) == rb]
        if any(frozenset((x, y)) in forbidden for x in members_a for y in members_b):
            return
    uf.union(a, b)


# ------------------------------------------------------------------ store

def entity_table(store, iris: Iterable[str] | None = None) -> dict[str, dict]:
    """Every entity (or only ``iris``) with its class, label, surface forms and documents,
    read with a few flat queries (one big join over documents × forms would grow with their
    product); with ``iris`` each query is an index lookup on them."""
    table: dict[str, dict] = {}
    only = ""
    if iris is not None:
        wanted = sorted(set(iris))
        if not wanted:
            return table
        only = "VALUES ?e { " + " ".join(URIRef(i).n3() for i in wanted) + " } "
    # joined inside each document graph: across the union, an entity named in n documents
    # would pair its n mentions with its n class triples (n² rows)
    for e, cls in store.values("SELECT DISTINCT ?e ?cls WHERE { " + only + "GRAPH ?d { ?d ag:mentions ?e . ?e a ?cls } }"):
        name = (cls or "")[len(NS):]
        if e and name in ENTITY_CLASSES:
            table[e] = {"cls": name, "label": None, "forms": set(), "docs": set()}
    for e, d in store.values("SELECT DISTINCT ?e ?d WHERE { " + only + "?d ag:mentions ?e }"):
        if e in table and d:
            table[e]["docs"].add(d)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for e, f, n in store.values("SELECT ?e ?f (COUNT(DISTINCT ?g) AS ?n) WHERE { " + only +
                                "GRAPH ?g { ?e skos:altLabel ?f } } GROUP BY ?e ?f"):
        if e in table and f is not None:
            table[e]["forms"].add(f)
            counts[e][f] = int(n or 0)
    for e, label in store.values(f"SELECT ?e ?l WHERE {{ {only}GRAPH {ENTITIES_GRAPH.n3()} {{ ?e rdfs:label ?l }} }}"):
        if e in table and label is not None:
            table[e]["label"] = label

    for iri, item in table.items():
        if item["label"] is None and counts.get(iri):
            item["label"] = choose_label(iri, counts[iri])  # written documents whose labels are not built yet
    return table


def read_records(store) -> list[EntityRecord]:
    """Entity records from a store: class, label and every surface form."""
    out = []
    for iri, item in entity_table(store).items():
        forms = frozenset(item["forms"])
        label = item["label"] or (sorted(forms)[0] if forms else iri.rsplit("/", 1)[-1])
        out.append(EntityRecord(iri, item["cls"], label, forms, len(item["docs"])))
    return out


@dataclass
class ResolveReport:
    merged: list[tuple[str, list[str]]] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    reclassed: list[tuple[str, str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> label the curation file sets

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.renamed or self.reclassed)


def plan(store, curation: Curation | None = None) -> tuple[dict[str, str], dict[str, str], dict[str, str], ResolveReport]:
    """Work out merges (old IRI -> new IRI), label overrides and the class of every IRI
    involved, without writing."""
    curation = curation or Curation()
    records = read_records(store)
    by_iri = {r.iri: r for r in records}
    mapping = cluster_entities(records, curation)
    classes = {r.iri: r.cls for r in records}
    report = ResolveReport()
    # class changes move an entity to a new IRI
    for r in records:
        names = {normalize_name(f) for f in r.forms | {r.label}}
        for name, cls in curation.classes.items():
            if name in names and r.cls != cls:
                target = str(entity_iri(cls, r.label))
                classes[target] = cls
                for iri, canon in list(mapping.items()):
                    if canon == mapping[r.iri]:
                        mapping[iri] = target
                report.reclassed.append((r.label, r.cls, cls))
    moves = {old: new for old, new in mapping.items() if old != new}
    groups: dict[str, list[str]] = defaultdict(list)
    for old, new in sorted(moves.items()):
        groups[new].append(by_iri[old].label if old in by_iri else old)
    for new, olds in sorted(groups.items()):
        label = by_iri[new].label if new in by_iri else new.rsplit("/", 1)[-1]
        report.merged.append((label, olds))
    labels = {}
    for r in records:
        names = {normalize_name(f) for f in r.forms | {r.label}}
        for name, label in curation.renames.items():
            if name in names:
                labels[mapping.get(r.iri, r.iri)] = label
                report.renamed.append((r.label, label))
    return moves, labels, classes, report


def resolve_store(store, curation: Curation | None = None, apply: bool = True,
                  refresh_labels: bool = True) -> ResolveReport:
    """Merge the entities of a store that name the same thing, in one update. With
    ``refresh_labels=False`` the caller refreshes the canonical labels itself (with
    ``report.labels``), once, after its own further writes."""
    moves, labels, classes, report = plan(store, curation)
    report.labels = labels
    if not apply or not report.changed:
        return report
    ops = []
    if moves:
        values = " ".join(f"({URIRef(o).n3()} {URIRef(n).n3()})" for o, n in sorted(moves.items()))
        ops.append(f"""DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }}
                      WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH ?g {{ ?old ?p ?o }} }}""")
        ops.append(f"""DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }}
                      WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH ?g {{ ?s ?p ?old }} }}""")
        # a merged entity keeps one class: the canonical one's
        for old, new in sorted(moves.items()):
            old_cls, new_cls = classes.get(old), classes.get(new)
            if old_cls and new_cls and old_cls != new_cls:
                ops.append(f"""DELETE {{ GRAPH ?g {{ {URIRef(new).n3()} a <{NS}{old_cls}> }} }}
                              INSERT {{ GRAPH ?g {{ {URIRef(new).n3()} a <{NS}{new_cls}> }} }}
                              WHERE {{ GRAPH ?g {{ {URIRef(new).n3()} a <{NS}{old_cls}> }} }}""")
        ops += insert_operations(f"GRAPH {RESOLUTION_GRAPH.n3()} {{ {URIRef(o).n3()} "
                                 f"<http://www.w3.org/2002/07/owl#sameAs> {URIRef(n).n3()} }}"
                                 for o, n in sorted(moves.items()))
    store.update(" ;\n".join(ops))
    if refresh_labels:
        refresh_entity_labels(store, labels)
    return report


def refresh_entity_labels(store, overrides: dict[str, str]) -> None:
    """Recompute every canonical label from all surface forms (overrides win)."""
    forms: dict[str, dict[str, int]] = defaultdict(dict)
    for e, f, n in store.values("""SELECT ?e ?f (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e skos:altLabel ?f } }
                                   GROUP BY ?e ?f"""):
        if e and f is not None:
            forms[e][f] = int(n or 0)
    # each entity's class, the one most document graphs give it, kept beside its label so
    # that classes and labels of many entities are one read of this graph
    kinds = " ".join(f"<{NS}{c}>" for c in ENTITY_CLASSES)
    counted: dict[str, dict[str, int]] = defaultdict(dict)
    for e, cls, n in store.values("SELECT ?e ?c (COUNT(DISTINCT ?g) AS ?n) WHERE { VALUES ?c { " + kinds +
                                  " } GRAPH ?g { ?e a ?c } } GROUP BY ?e ?c"):
        if e and cls:
            counted[e][cls] = int(n or 0)
    triples = []
    label_p, key_p, class_p = RDFS.label.n3(), AG.nameKey.n3(), AG.entityClass.n3()
    for iri in sorted(set(forms) | set(counted)):
        node = URIRef(iri).n3()
        if counted.get(iri):
            cls = min(counted[iri].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            triples.append(f"{node} {class_p} {Literal(cls[len(NS):]).n3()}")
        if iri not in forms:
            continue
        label = overrides.get(iri) or choose_label(iri, forms[iri])
        triples.append(f"{node} {label_p} {Literal(label).n3()}")
        for key in sorted({normalize_name(f) for f in [label, *forms[iri]]} - {""}):
            triples.append(f"{node} {key_p} {Literal(key).n3()}")  # names resolve by index
    # derived from the document graphs, so written in pieces (not one transaction holding
    # the whole graph in memory) under the recovery mark: a run cut short is finished later

    owned = not recovery.is_pending(store)
    if owned:
        recovery.mark_pending(store)
    store.write_graphs({str(ENTITIES_GRAPH): triples}, atomic=False)
    if owned:
        recovery.clear_pending(store)


def mapping_from_store(store) -> dict[str, str]:
    """owl:sameAs links recorded by earlier resolutions (old IRI -> current IRI)."""
    rows = store.query(f"SELECT ?o ?n WHERE {{ GRAPH {RESOLUTION_GRAPH.n3()} {{ ?o <http://www.w3.org/2002/07/owl#sameAs> ?n }} }}").rows
    out = {str(r["o"]): str(r["n"]) for r in rows}
    for old in list(out):  # follow chains
        seen = {old}
        while out[old] in out and out[out[old]] not in seen:
            seen.add(out[old])
            out[old] = out[out[old]]
    return out
