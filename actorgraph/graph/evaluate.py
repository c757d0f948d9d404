"""Scoring against gold annotations (DESIGN.md, "Evaluation"): what a store holds, read and
compared, nothing extracted here (extracting documents to score them is an ingest, which
actorgraph.api orchestrates).

Names are compared after :func:`actorgraph.ontology.ids.normalize_name`. A predicted entity
matches a gold entity when any of its names equals any gold name or alias and the classes
are equal (an untyped score ignores the class). A predicted relation matches when both ends
match the gold ends and the predicate is the same; an end that is an Event in the gold
matches a predicted Event whose relation is stated in the same place (same document, and
its quote and the gold evidence hold one another or share most of their words), because
annotators name events in their own words. Facts that come only from the bundled reference
table are not extraction and are left out of the relation score. Scores are over the whole
corpus; :class:`Folds` puts the scores of several groups of documents side by side.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.graph.reference import REFERENCE_GRAPH
from actorgraph.graph.store import Store
from actorgraph.ontology import NS
from actorgraph.ontology.ids import normalize_name


@dataclass
class Score:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GoldEntity:
    name: str
    cls: str
    names: set[str]


@dataclass
class Report:
    entities: Score
    entities_untyped: Score
    relations: Score
    by_class: dict[str, Score]
    by_predicate: dict[str, Score]
    petitions: list[tuple[str, object, object, object, object]] = field(default_factory=list)
    one_node: int = 0          # gold entities matched by exactly one predicted node
    split: list[str] = field(default_factory=list)    # gold entities matched by several nodes
    conflated: list[str] = field(default_factory=list)  # nodes matching several gold entities
    false_entities: list[str] = field(default_factory=list)
    missed_entities: list[str] = field(default_factory=list)
    false_relations: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, Score]]:
        out = [("entities (typed)", self.entities), ("entities (untyped)", self.entities_untyped),
               ("relations", self.relations)]
        out += [(f"  class {c}", s) for c, s in sorted(self.by_class.items())]
        out += [(f"  predicate {p}", s) for p, s in sorted(self.by_predicate.items())]
        return out

    def table(self) -> str:
        lines = [f"{'':34} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"]
        for name, s in self.rows():
            lines.append(f"{name:34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.n_pred:6d} {s.n_gold:6d}")
        if self.entities.n_gold:
            lines.append(f"gold entities on exactly one node: {self.one_node} of {self.entities.n_gold} "
                         f"({self.one_node / self.entities.n_gold:.1%}); split: {len(self.split)}; "
                         f"nodes standing for two gold entities: {len(self.conflated)}")
        if self.petitions:
            right = sum(1 for _, c, g, pc, pg in self.petitions if c == pc and g == pg)
            lines.append(f"petition figures right: {right} of {len(self.petitions)}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        out: dict[str, object] = {name.strip(): {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                              "f1": round(s.f1, 4), "predicted": s.n_pred, "gold": s.n_gold}
               for name, s in self.rows()}
        out["resolution"] = {"gold_on_one_node": self.one_node, "gold": self.entities.n_gold,
                             "split": self.split, "conflated": self.conflated}
        out["petitions"] = {"right": sum(1 for _, c, g, pc, pg in self.petitions if c == pc and g == pg),
                            "total": len(self.petitions)}
        return out


@dataclass
class GoldRelation:
    subject: GoldEntity | None
    predicate: str
    object: GoldEntity | None
    text: str
    #: (document stem, evidence) of every statement of it in the gold
    places: list[tuple[str, str]] = field(default_factory=list)


def load_gold(folder: Path, documents: list[str] | None = None) -> dict:
    """Gold entities (merged on canonical name and class), relations (merged on their ends
    and predicate, with where each is stated) and campaigns."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError("no gold .json files here", where=str(folder))
    wanted = {Path(d).stem for d in documents or []}
    entities: dict[tuple[str, str], GoldEntity] = {}
    relations: dict[tuple[str, str, str, str, str], list[tuple[str, str]]] = {}
    campaigns = []
    for f in files:
        try:
            doc = json.loads(f.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"not a gold JSON file: {exc}", where=str(f)) from exc
        stem = Path(doc.get("document", f.name)).stem
        if wanted and stem not in wanted:
            continue
        for e in doc["entities"]:
            key = (e["name"], e["type"])
            ge = entities.setdefault(key, GoldEntity(e["name"], e["type"], set()))
            ge.names |= {normalize_name(n) for n in [e["name"], *e.get("aliases", [])]}
        types = {e["name"]: e["type"] for e in doc["entities"]}
        for r in doc["relations"]:
            rkey = (r["subject"], types.get(r["subject"], ""), r["predicate"], r["object"], types.get(r["object"], ""))
            relations.setdefault(rkey, []).append((stem, r.get("evidence", "")))
        campaigns.extend(doc.get("campaigns", []))
    return {"entities": list(entities.values()), "relations": relations, "campaigns": campaigns}


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize_name(text))


def same_place(quote: str, evidence: str) -> bool:
    """Whether a predicted quote and a gold evidence state the same thing in the same place:
    one holds the other, or they share most of the words of the shorter.

    >>> same_place("ICE raided the plant in Sumner on Tuesday.", "ICE raided the plant in Sumner")
    True
    >>> same_place("Hundreds marched to the capitol.", "ICE raided the plant in Sumner")
    False
    """
    a, b = _words(quote), _words(evidence)
    if not a or not b:
        return False
    text_a, text_b = f" {' '.join(a)} ", f" {' '.join(b)} "
    if text_a in text_b or text_b in text_a:
        return True
    shared = len(set(a) & set(b))
    return shared > 0.5 * min(len(set(a)), len(set(b)))


def _predicted(store: Store):
    ents: dict[str, dict] = {}
    rows = store.query("""SELECT ?e ?cls ?name WHERE { ?d ag:mentions ?e . ?e a ?cls .
                          { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } }""").rows
    for row in rows:
        iri = str(row["e"])
        cls = str(row["cls"])[len(NS):]
        item = ents.setdefault(iri, {"cls": cls, "names": set(), "label": ""})
        item["names"].add(normalize_name(str(row["name"])))
    for row in store.query("SELECT ?e ?l WHERE { ?d ag:mentions ?e . ?e rdfs:label ?l }").rows:
        if str(row["e"]) in ents:
            ents[str(row["e"])]["label"] = str(row["l"])
    # where each relation is stated: its quotes and their documents (not the reference table's)
    rels: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for s, p, o, quote, source in store.values(
            "SELECT ?s ?p ?o ?quote ?src WHERE { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
            "OPTIONAL { ?ev ag:quote ?quote } OPTIONAL { ?ev prov:wasDerivedFrom ?d OPTIONAL { ?d dcterms:source ?src } } "
            "FILTER(!BOUND(?d) || ?d != ?ref) }",
            {"ref": REFERENCE_GRAPH}):
        rels[(s or "", (p or "")[len(NS):], o or "")].append((Path(source or "").stem, quote or ""))
    figures = {}
    for r in store.query("""SELECT ?e ?c ?g WHERE { ?e a ag:Campaign .
                            OPTIONAL { ?e ag:signatureCount ?c } OPTIONAL { ?e ag:signatureGoal ?g } }""").rows:
        figures[str(r["e"])] = (int(r["c"]) if "c" in r else None, int(r["g"]) if "g" in r else None)
    return ents, dict(rels), figures


def _matches(item: dict, golds: list[GoldEntity], typed: bool = True) -> list[GoldEntity]:
    return [g for g in golds if item["names"] & g.names and (not typed or g.cls == item["cls"])]


def _score_entities(ents: dict[str, dict], golds: list[GoldEntity]):
    """Typed and untyped entity scores, per class, and which gold entities each predicted
    node matches (typed)."""
    typed, untyped = Score(n_pred=len(ents), n_gold=len(golds)), Score(n_pred=len(ents), n_gold=len(golds))
    by_class: dict[str, Score] = defaultdict(Score)
    hit_typed: set[int] = set()
    hit_untyped: set[int] = set()
    false, pred_to_gold = [], {}
    for iri, item in ents.items():
        hits = pred_to_gold[iri] = _matches(item, golds)
        by_class[item["cls"]].n_pred += 1
        if hits:
            typed.tp_pred += 1
            by_class[item["cls"]].tp_pred += 1
            hit_typed.update(id(g) for g in hits)
        else:
            false.append(f"{item['cls']}: {item['label']}")
        uhits = _matches(item, golds, typed=False)
        if uhits:
            untyped.tp_pred += 1
            hit_untyped.update(id(g) for g in uhits)
    typed.tp_gold, untyped.tp_gold = len(hit_typed), len(hit_untyped)
    missed = []
    for g in golds:
        by_class[g.cls].n_gold += 1
        if id(g) in hit_typed:
            by_class[g.cls].tp_gold += 1
        else:
            missed.append(f"{g.cls}: {g.name}")
    return typed, untyped, dict(by_class), pred_to_gold, false, missed


def _gold_relations(gold: dict) -> list[GoldRelation]:
    by_key = {(g.name, g.cls): g for g in gold["entities"]}
    return [GoldRelation(by_key.get((s, scls)), p, by_key.get((o, ocls)), f"{s} {p} {o}", places)
            for (s, scls, p, o, ocls), places in gold["relations"].items()]


def _relation_matches(key: tuple[str, str, str], places: list[tuple[str, str]], gold_rels: list[GoldRelation],
                      ents: dict[str, dict], pred_to_gold: dict[str, list[GoldEntity]]) -> list[int]:
    """The gold relations a predicted (s, p, o) stated at ``places`` matches."""
    s, p, o = key

    def end(iri: str, gold: GoldEntity | None, stated: list[tuple[str, str]]) -> bool:
        if gold is None:
            return False
        if gold in pred_to_gold.get(iri, []):
            return True
        # an Event end: the annotators' name for it does not count, where it is stated does
        return gold.cls == "Event" and ents.get(iri, {}).get("cls") == "Event" and any(
            doc == gold_doc and same_place(quote, evidence) for doc, quote in places for gold_doc, evidence in stated)

    return [i for i, g in enumerate(gold_rels)
            if g.predicate == p and end(s, g.subject, g.places) and end(o, g.object, g.places)]


def _score_relations(rels: dict[tuple[str, str, str], list[tuple[str, str]]], gold_rels: list[GoldRelation],
                     ents: dict[str, dict], pred_to_gold: dict[str, list[GoldEntity]]):
    relations = Score(n_pred=len(rels), n_gold=len(gold_rels))
    by_pred: dict[str, Score] = defaultdict(Score)
    hit_gold: set[int] = set()
    false = []
    for key in sorted(rels):
        s, p, o = key
        by_pred[p].n_pred += 1
        found = _relation_matches(key, rels[key], gold_rels, ents, pred_to_gold)
        if found:
            relations.tp_pred += 1
            by_pred[p].tp_pred += 1
            hit_gold.update(found)
        else:
            false.append(f"{ents.get(s, {}).get('label', s)} {p} {ents.get(o, {}).get('label', o)}")
    missed = []
    for i, g in enumerate(gold_rels):
        by_pred[g.predicate].n_gold += 1
        if i in hit_gold:
            by_pred[g.predicate].tp_gold += 1
        else:
            missed.append(g.text)
    relations.tp_gold = len(hit_gold)
    return relations, dict(by_pred), false, missed


def evaluate(store: Store, gold_dir: Path, documents: list[str] | None = None) -> Report:
    """Score what ``store`` holds against the gold files in ``gold_dir`` (only those of
    ``documents`` when given)."""
    gold = load_gold(gold_dir, documents)
    ents, rels, figures = _predicted(store)
    golds = gold["entities"]
    typed, untyped, by_class, pred_to_gold, false_ents, missed_ents = _score_entities(ents, golds)
    nodes_per_gold: dict[int, int] = defaultdict(int)
    conflated = []
    for iri, hits in pred_to_gold.items():
        for g in hits:
            nodes_per_gold[id(g)] += 1
        if len(hits) > 1:
            conflated.append(f"{ents[iri]['label']} = {' / '.join(g.name for g in hits)}")
    one_node = sum(1 for g in golds if nodes_per_gold[id(g)] == 1)
    split = [g.name for g in golds if nodes_per_gold[id(g)] > 1]
    relations, by_pred, false_rels, missed_rels = _score_relations(rels, _gold_relations(gold), ents, pred_to_gold)
    petitions = []
    for c in gold["campaigns"]:
        key = normalize_name(c["name"])
        pred = next((figures[i] for i, item in ents.items() if key in item["names"] and i in figures), (None, None))
        petitions.append((c["name"], c["signatures"], c["goal"], pred[0], pred[1]))
    return Report(typed, untyped, relations, by_class, by_pred, petitions=petitions,
                  false_entities=sorted(false_ents), missed_entities=sorted(missed_ents),
                  false_relations=sorted(false_rels), missed_relations=sorted(missed_rels),
                  one_node=one_node, split=sorted(split), conflated=sorted(conflated))


# ------------------------------------------------------------------------------- folds

#: The group of a document: the letter that opens its file name before a digit (A01_x.txt: A)
GROUP_PATTERN = r"^([A-Za-z])\d"
#: The group of the documents whose names the pattern does not match
NO_GROUP = "other"


def group_of(name: str, pattern: str = GROUP_PATTERN) -> str:
    r"""The group of a document: what the first parenthesised group of ``pattern`` (else the
    whole match) finds in its file name, searched with :func:`re.search`, upper-cased;
    NO_GROUP when it finds nothing.

    >>> group_of("eval/dev/docs/D12_marcha.txt"), group_of("notes.txt")
    ('D', 'other')
    >>> group_of("2019-press-release.txt", r"^\d{4}")
    '2019'
    """
    found = re.search(pattern, Path(name).name)
    if found is None:
        return NO_GROUP
    value = found.group(1) if found.groups() and found.group(1) is not None else found.group(0)
    return value.upper() or NO_GROUP


_MEASURES = (("entities", "entities (typed)"), ("relations", "relations"))


def _figures(report: Report) -> dict[str, dict[str, float]]:
    """F1, precision and recall of typed entities and of relations."""
    scores = {"entities": report.entities, "relations": report.relations}
    return {k: {"f1": s.f1, "precision": s.precision, "recall": s.recall} for k, s in scores.items()}


@dataclass
class Folds:
    """The scores of each group of documents (each extracted on its own), of each language
    (its documents on their own), of all documents together, and the mean over groups
    (each group counts once, whatever its size: a change is judged on the groups it was
    not written from)."""

    groups: dict[str, Report]
    group_sizes: dict[str, int]
    languages: dict[str, Report]
    language_sizes: dict[str, int]
    overall: Report
    documents: int

    def mean(self) -> dict[str, dict[str, float]]:
        """The mean over groups of each figure of :func:`_figures`."""
        per_group = [_figures(r) for r in self.groups.values()]
        return {k: {m: statistics.fmean(g[k][m] for g in per_group) for m in ("f1", "precision", "recall")}
                for k, _ in _MEASURES} if per_group else {}

    def _lines(self) -> list[tuple[str, int | str, dict[str, dict[str, float]]]]:
        lines: list[tuple[str, int | str, dict[str, dict[str, float]]]] = [
            (f"group {g}", self.group_sizes[g], _figures(r)) for g, r in self.groups.items()]
        lines.append((f"mean of {len(self.groups)} group{'s' if len(self.groups) != 1 else ''}", "", self.mean()))
        lines += [(f"language {lang}", self.language_sizes[lang], _figures(r)) for lang, r in self.languages.items()]
        lines.append(("all documents", self.documents, _figures(self.overall)))
        return lines

    def table(self, details: bool = False) -> str:
        """A compact table: F1 (P/R) of typed entities and of relations per line; with
        ``details`` each group's per-class and per-predicate rows follow."""
        out = [f"{'':22} {'docs':>4}  {'entities F1 (P/R)':<22} {'relations F1 (P/R)'}"]
        for name, size, fig in self._lines():
            cells = [f"{fig[k]['f1']:.3f} ({fig[k]['precision']:.2f}/{fig[k]['recall']:.2f})" if fig else "-"
                     for k, _ in _MEASURES]
            out.append(f"{name:22} {size!s:>4}  {cells[0]:<22} {cells[1]:<22}".rstrip())
        if details:
            for group, report in self.groups.items():
                out.append(f"\ngroup {group} ({self.group_sizes[group]} documents):")
                out += ["  " + line for line in report.table().splitlines()]
        return "\n".join(out)

    def to_dict(self) -> dict:
        """The same as data: every group's, language's and the whole set's report (their
        per-class and per-predicate rows included) and the mean over groups."""
        return {
            "groups": {g: {"documents": self.group_sizes[g], **r.to_dict()} for g, r in self.groups.items()},
            "mean_over_groups": {k: {m: round(v, 4) for m, v in fig.items()} for k, fig in self.mean().items()},
            "languages": {lang: {"documents": self.language_sizes[lang], **r.to_dict()} for lang, r in self.languages.items()},
            "all": {"documents": self.documents, **self.overall.to_dict()},
        }
