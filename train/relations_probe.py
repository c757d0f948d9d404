"""Does a learned relation classifier look promising next to the rules? A fold probe.

For every sentence of an English dev report (and the seeds, for training), every ordered pair
of gold entities mentioned in it is a candidate; its label is the gold predicate that the
document states between them, or none. Features: the two classes, the words between, the
dependency path between the two names' heads, the distance. A multinomial logistic regression
(numpy, full batch) is trained on three groups (+ seeds) and scored on the fourth; a predicted
triple counts once per document, as the evaluator counts relations.

The classifier is handed the gold mentions, the rules find their own entities: the
classifier's figure is an upper bound for what it would score inside the product.

    nice -n 10 python train/relations_probe.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner  # noqa: E402

NONE = "none"


def mentions(doc: ner.GoldDoc, gold: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, class) of the gold names found in the text."""
    found = []
    for e in gold["entities"]:
        for n in {e["name"], *e.get("aliases", [])}:
            if len(n.strip()) > 1:
                found += [(m.start(), m.end(), e["name"], e["type"])
                          for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", doc.text)]
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int, str, str]] = []
    for s in found:
        if all(s[1] <= t[0] or s[0] >= t[1] for t in taken):
            taken.append(s)
    return sorted(taken)


def path_features(a, b) -> list[str]:
    """Lemmas and dependency labels on the path between the heads of spans a and b."""
    ha, hb = a.root, b.root
    up_a = [ha, *ha.ancestors]
    up_b = [hb, *hb.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return ["P:none"]
    left = [t for t in up_a[:up_a.index(common)]]
    right = [t for t in up_b[:up_b.index(common)]]
    path = "<".join(t.dep_ for t in left) + "|" + common.lemma_.lower() + "|" + ">".join(t.dep_ for t in reversed(right))
    return [f"P:{path}", f"PL:{common.lemma_.lower()}", f"PD:{'<'.join(t.dep_ for t in left)}|{'>'.join(t.dep_ for t in right)}"]


def candidates(doc: ner.GoldDoc, gold: dict, nlp) -> list[tuple[tuple[str, str], list[str], str]]:
    """((subject, object), features, label) for every ordered pair of gold names in a sentence."""
    triples = {(r["subject"], r["object"]): r["predicate"] for r in gold["relations"]}
    parsed = nlp(doc.text)
    spans = [(parsed.char_span(a, b, alignment_mode="expand"), name, cls) for a, b, name, cls in mentions(doc, gold)]
    by_sent = defaultdict(list)
    for span, name, cls in spans:
        if span is not None:
            by_sent[span.sent.start].append((span, name, cls))
    out = []
    for group in by_sent.values():
        for sa, na, ca in group:
            for sb, nb, cb in group:
                if na == nb or sa.start == sb.start:
                    continue
                lo, hi = (sa, sb) if sa.start < sb.start else (sb, sa)
                between = [t.lemma_.lower() for t in parsed[lo.end:hi.start] if not t.is_punct]
                feats = [f"T:{ca}>{cb}", f"O:{sa.start < sb.start}", f"D:{min(len(between), 10) // 3}"]
                feats += [f"B:{w}" for w in between[:12]] + [f"BT:{ca}>{cb}:{w}" for w in between[:12] if not w.isdigit()]
                feats += path_features(sa, sb)
                out.append(((na, nb), feats, triples.get((na, nb), NONE)))
    return out


def fit(rows, labels, classes, epochs=300, l2=1e-3, lr=0.5):
    """Multinomial logistic regression, full-batch gradient descent."""
    x = rows
    y = np.array([classes.index(lab) for lab in labels])
    w = np.zeros((x.shape[1], len(classes)))
    onehot = np.eye(len(classes))[y]
    weights = np.where(y == classes.index(NONE), 1.0, 3.0)[:, None]  # positives are rare
    for _ in range(epochs):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - onehot) * weights) / x.shape[0] + l2 * w
        w -= lr * grad
    return w


def featurize(cands, vocab, grow):
    rows, cols = [], []
    for i, (_, feats, _) in enumerate(cands):
        for f in feats:
            if f not in vocab and grow:
                vocab[f] = len(vocab)
            if f in vocab:
                rows.append(i)
                cols.append(vocab[f])
    return rows, cols


def probe(threshold: float = 0.5) -> None:
    import json

    from actorgraph.loaders.nlp import load_pipeline
    from actorgraph.loaders.pipeline import extract, load_document
    from actorgraph.ontology.ids import normalize_name

    nlp = ner.stock_pipeline("en")
    docs = [d for d in ner.load_documents() if d.lang == "en" or d.group == "S"]
    golds = {}
    for d in docs:
        folder = ner.ROOT / ("seeds/gold" if d.group == "S" else "eval/dev/gold")
        golds[d.name] = json.loads((folder / f"{d.name}.json").read_text("utf-8"))
    cands = {d.name: candidates(d, golds[d.name], nlp) for d in docs}
    classes = sorted({lab for cs in cands.values() for _, _, lab in cs})
    print("candidates:", sum(len(c) for c in cands.values()),
          "positive:", sum(lab != NONE for c in cands.values() for _, _, lab in c))
    rules: Counter = Counter()
    pipeline = load_pipeline()
    for d in docs:
        if d.group != "S":
            _count_rules(rules, d.group, extract(load_document(ner.ROOT / "eval" / "dev" / "docs" / f"{d.name}.txt"), pipeline),
                         golds[d.name], normalize_name)
    _print("rules (end to end)", rules)
    # a small grid, chosen on the test folds themselves: an optimistic figure for the classifier
    for lr, l2, threshold in ((0.5, 1e-3, 0.5), (5.0, 1e-4, 0.5), (5.0, 1e-4, 0.3), (20.0, 1e-5, 0.5), (20.0, 1e-5, 0.3)):
        learned = _learned(docs, golds, cands, classes, lr, l2, threshold)
        _print(f"learned lr={lr} l2={l2} t={threshold}", learned)


def _learned(docs, golds, cands, classes, lr, l2, threshold) -> Counter:
    learned: Counter = Counter()
    for held in ner.GROUPS:
        train = [c for d in docs if d.group != held for c in cands[d.name]]
        vocab: dict[str, int] = {}
        r, c = featurize(train, vocab, True)
        x = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(train), len(vocab)))
        w = fit(x, [lab for _, _, lab in train], classes, lr=lr, l2=l2)
        for d in (d for d in docs if d.group == held):
            gold = {(r["subject"], r["predicate"], r["object"]) for r in golds[d.name]["relations"]}
            test = cands[d.name]
            predicted = set()
            if test:
                r, c = featurize(test, vocab, False)
                xt = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(test), len(vocab)))
                z = xt @ w
                p = np.exp(z - z.max(axis=1, keepdims=True))
                p /= p.sum(axis=1, keepdims=True)
                for (pair, _, _), row in zip(test, p, strict=True):
                    k = int(row.argmax())
                    if classes[k] != NONE and row[k] >= threshold:
                        predicted.add((pair[0], classes[k], pair[1]))
            _count(learned, held, predicted, gold)
    return learned


def _print(name: str, counts: Counter) -> None:
    cells = []
    for g in (*ner.GROUPS, "all"):
        tp_p, n_p, tp_g, n_g = (counts[(g, k)] for k in ("tp_pred", "n_pred", "tp_gold", "n_gold"))
        prec, rec = (tp_p / n_p if n_p else 0.0), (tp_g / n_g if n_g else 0.0)
        cells.append(f"{g}: P {prec:.2f} R {rec:.2f} F1 {2 * prec * rec / (prec + rec) if prec + rec else 0:.2f}")
    print(f"{name:34}", " | ".join(cells), flush=True)


def _add(counts: Counter, held: str, key: str, n: int) -> None:
    counts[(held, key)] += n
    counts[("all", key)] += n


def _count(counts: Counter, held: str, predicted: set, gold: set) -> None:
    _add(counts, held, "n_pred", len(predicted))
    _add(counts, held, "tp_pred", len(predicted & gold))
    _add(counts, held, "n_gold", len(gold))
    _add(counts, held, "tp_gold", len(predicted & gold))


def _count_rules(counts: Counter, held: str, extraction, gold: dict, norm) -> None:
    names = {e.iri: {norm(n) for n in (e.label, *e.forms)} for e in extraction.entities}
    gold_names = {e["name"]: {norm(n) for n in (e["name"], *e.get("aliases", []))} for e in gold["entities"]}
    gold_rel = {(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    predicted = {(r.subject, r.predicate, r.object) for r in extraction.relations}

    def match(p, g) -> bool:
        return p[1] == g[1] and bool(names.get(p[0], set()) & gold_names.get(g[0], set())) \
            and bool(names.get(p[2], set()) & gold_names.get(g[2], set()))

    _add(counts, held, "n_pred", len(predicted))
    _add(counts, held, "tp_pred", sum(any(match(p, g) for g in gold_rel) for p in predicted))
    _add(counts, held, "n_gold", len(gold_rel))
    _add(counts, held, "tp_gold", sum(any(match(p, g) for p in predicted) for g in gold_rel))


if __name__ == "__main__":
    probe()
