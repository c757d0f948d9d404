"""Scoring against gold annotations (DESIGN.md, "Evaluation").

Names are compared after :func:`actorgraph.ontology.ids.normalize_name`. A predicted entity
matches a gold entity when any of its names equals any gold name or alias and the classes
are equal (an untyped score ignores the class). A predicted relation matches when both ends
match the gold ends and the predicate is the same. Scores are over the whole corpus.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.errors import InputError
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


def load_gold(folder: Path, documents: list[str] | None = None) -> dict:
    """Gold entities (merged on canonical name and class), relations and campaigns."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError("no gold .json files here", where=str(folder))
    wanted = {Path(d).stem for d in documents or []}
    entities: dict[tuple[str, str], GoldEntity] = {}
    relations: set[tuple[str, str, str, str]] = set()
    campaigns = []
    for f in files:
        try:
            doc = json.loads(f.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"not a gold JSON file: {exc}", where=str(f)) from exc
        if wanted and Path(doc.get("document", f.name)).stem not in wanted:
            continue
        for e in doc["entities"]:
            key = (e["name"], e["type"])
            ge = entities.setdefault(key, GoldEntity(e["name"], e["type"], set()))
            ge.names |= {normalize_name(n) for n in [e["name"], *e.get("aliases", [])]}
        types = {e["name"]: e["type"] for e in doc["entities"]}
        for r in doc["relations"]:
            relations.add((r["subject"], types.get(r["subject"], ""), r["predicate"], r["object"] + "\x1f" + types.get(r["object"], "")))
        campaigns.extend(doc.get("campaigns", []))
    return {"entities": list(entities.values()), "relations": relations, "campaigns": campaigns}


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
    rels = {(str(r["s"]), str(r["p"])[len(NS):], str(r["o"])) for r in store.query(
        "SELECT DISTINCT ?s ?p ?o WHERE { ?ev a ag:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }").rows}
    figures = {}
    for r in store.query("""SELECT ?e ?c ?g WHERE { ?e a ag:Campaign .
                            OPTIONAL { ?e ag:signatureCount ?c } OPTIONAL { ?e ag:signatureGoal ?g } }""").rows:
        figures[str(r["e"])] = (int(r["c"]) if "c" in r else None, int(r["g"]) if "g" in r else None)
    return ents, rels, figures


def evaluate(store: Store, gold_dir: Path, documents: list[str] | None = None) -> Report:
    gold = load_gold(gold_dir, documents)
    ents, rels, figures = _predicted(store)
    golds = gold["entities"]

    def matches(item, typed=True):
        return [g for g in golds if item["names"] & g.names and (not typed or g.cls == item["cls"])]

    typed, untyped = Score(), Score()
    by_class: dict[str, Score] = defaultdict(Score)
    matched_gold_typed: set[int] = set()
    matched_gold_untyped: set[int] = set()
    report_fp = []
    pred_to_gold: dict[str, list[GoldEntity]] = {}
    for iri, item in ents.items():
        hits = matches(item)
        pred_to_gold[iri] = hits
        typed.n_pred += 1
        by_class[item["cls"]].n_pred += 1
        if hits:
            typed.tp_pred += 1
            by_class[item["cls"]].tp_pred += 1
            matched_gold_typed.update(id(g) for g in hits)
        else:
            report_fp.append(f"{item['cls']}: {item['label']}")
        uhits = matches(item, typed=False)
        untyped.n_pred += 1
        if uhits:
            untyped.tp_pred += 1
            matched_gold_untyped.update(id(g) for g in uhits)
    typed.n_gold = untyped.n_gold = len(golds)
    typed.tp_gold = len(matched_gold_typed)
    untyped.tp_gold = len(matched_gold_untyped)
    missed = []
    for g in golds:
        by_class[g.cls].n_gold += 1
        if id(g) in matched_gold_typed:
            by_class[g.cls].tp_gold += 1
        else:
            missed.append(f"{g.cls}: {g.name}")

    nodes_per_gold: dict[int, int] = defaultdict(int)
    conflated = []
    for iri, hits in pred_to_gold.items():
        for g in hits:
            nodes_per_gold[id(g)] += 1
        if len(hits) > 1:
            conflated.append(f"{ents[iri]['label']} = {' / '.join(g.name for g in hits)}")
    one_node = sum(1 for g in golds if nodes_per_gold[id(g)] == 1)
    split = [g.name for g in golds if nodes_per_gold[id(g)] > 1]
    gold_by_key = {(g.name, g.cls): g for g in golds}
    gold_rels = []
    for s, scls, p, o_and_cls in gold["relations"]:
        o, ocls = o_and_cls.split("\x1f")
        gold_rels.append((gold_by_key.get((s, scls)), p, gold_by_key.get((o, ocls)), f"{s} {p} {o}"))
    relations = Score(n_pred=len(rels), n_gold=len(gold_rels))
    by_pred: dict[str, Score] = defaultdict(Score)
    hit_gold: set[int] = set()
    false_rels = []
    for s, p, o in sorted(rels):
        by_pred[p].n_pred += 1
        sg, og = pred_to_gold.get(s, []), pred_to_gold.get(o, [])
        found = [i for i, (gs, gp, go, _) in enumerate(gold_rels) if gp == p and gs in sg and go in og]
        if found:
            relations.tp_pred += 1
            by_pred[p].tp_pred += 1
            hit_gold.update(found)
        else:
            false_rels.append(f"{ents.get(s, {}).get('label', s)} {p} {ents.get(o, {}).get('label', o)}")
    missed_rels = []
    for i, (_, p, _, text) in enumerate(gold_rels):
        by_pred[p].n_gold += 1
        if i in hit_gold:
            by_pred[p].tp_gold += 1
        else:
            missed_rels.append(text)
    relations.tp_gold = len(hit_gold)

    petitions = []
    for c in gold["campaigns"]:
        key = normalize_name(c["name"])
        pred = next((figures[i] for i, item in ents.items() if key in item["names"] and i in figures), (None, None))
        petitions.append((c["name"], c["signatures"], c["goal"], pred[0], pred[1]))
    return Report(typed, untyped, relations, dict(by_class), dict(by_pred), petitions=petitions,
                  false_entities=sorted(report_fp), missed_entities=sorted(missed),
                  false_relations=sorted(false_rels), missed_relations=sorted(missed_rels),
                  one_node=one_node, split=sorted(split), conflated=sorted(conflated))


def evaluate_files(paths: list[Path], gold_dir: Path, model: str | None = None) -> tuple[Report, dict[str, Report]]:
    """Extract ``paths`` into a fresh in-memory store and score them; when they are in
    several languages, also score each language on its own (its documents alone, so the
    figures do not borrow from the other language's documents)."""
    from actorgraph.api import ingest
    from actorgraph.graph.store import open_store
    from actorgraph.loaders.lang import DEFAULT_LANGUAGE
    from actorgraph.loaders.pipeline import path_text

    def score(files: list[Path]):
        store = open_store("memory")
        ingest(files, store=store, model=model)
        return store, evaluate(store, gold_dir, [str(p) for p in files])

    store, overall = score(paths)
    # each document's language, as its extraction detected it
    language = {str(r["src"]): str(r["lang"]) for r in store.query(
        "SELECT ?src ?lang WHERE { ?d a ag:Document ; dcterms:source ?src ; ag:language ?lang }").rows}
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[language.get(path_text(path), DEFAULT_LANGUAGE)].append(path)
    by_language = {lang: score(files)[1] for lang, files in sorted(groups.items())} if len(groups) > 1 else {}
    return overall, by_language
