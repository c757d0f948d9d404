"""Transactional ingest: one SPARQL update per document, so a document is either fully in
the store or not at all (documents are written in batches, one transaction each).
Re-ingesting unchanged text changes nothing; a changed file replaces the graph its path
had. Canonical labels live in the entities graph, chosen the same way whatever the ingest
order, and are rebuilt once when an ingest finishes."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Literal, URIRef

from actorgraph.errors import BadDocumentError, InputError
from actorgraph.graph.fingerprint import FORCED, Fingerprint, Reading, describe_reasons
from actorgraph.graph.resolve import mapping_from_store
from actorgraph.graph.store import Store
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, optional_models
from actorgraph.loaders.model import Document, Entity, Extraction
from actorgraph.loaders.triples import extraction_to_quads
from actorgraph.ontology import AG
from actorgraph.settings import Settings

#: What an ingest reads: a file, or a document read already (a web page, see actorgraph.loaders.web)
Item = Path | Document


def item_name(item: Item) -> str:
    """How reports name an item: a file's path, a document's source (a page's address)."""
    return item.source if isinstance(item, Document) else str(item)


def pipeline_languages(mode: str = "") -> tuple[str, ...]:
    """Languages with an extraction pipeline of their own here (``mode``: Settings.spanish);
    passages in others are only matched against known names."""
    # lazy: loaders.nlp imports spaCy (about 1 s), which only reading documents needs
    from actorgraph.loaders.nlp import available_languages

    return available_languages(mode)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What one added or replaced document yielded, for the report after an ingest."""

    path: str
    status: str
    language: str
    entities: int
    relations: int
    warnings: tuple[str, ...] = ()


def summarize_extraction(path: str, status: str, ex: Extraction, known: tuple[str, ...] = (DEFAULT_LANGUAGE,)) -> DocumentSummary:
    """Counts and warnings of one extraction: no relation found, or a language (not in
    ``known``) without a pipeline of its own (and the command that installs one, when its
    pack names an optional pipeline)."""
    warnings = list(ex.warnings)
    if not ex.relations:
        warnings.append("no relation found")
    languages = sorted({s.language for s in ex.segments if s.language not in known})
    if languages:
        share = sum(s.end - s.start for s in ex.segments if s.language not in known)
        total = sum(s.end - s.start for s in ex.segments) or 1
        installable = [code for code in languages if code in optional_models()]
        warnings.append(f"{round(100 * share / total)}% of the text is in {', '.join(languages)}, "
                        "which has no pipeline here: only known names are read there"
                        + "".join(f" (actorgraph models install {code} adds one)" for code in installable))
    return DocumentSummary(path, status, ex.document.language, len(ex.entities), len(ex.relations), tuple(warnings))


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    documents: list[DocumentSummary] = field(default_factory=list)
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase: read, parse, rules, write, resolve
    web: dict[str, object] = field(default_factory=dict)  # pages fetched, not modified, from the cache (actorgraph.loaders.web)
    #: documents whose text the store held, read again because what reads them changed (see
    #: actorgraph.graph.fingerprint), and why, by document
    reread: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    #: files in the folders given that are not documents (a README, a .docx), with the reason
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def written(self) -> bool:
        """Whether any document was written (added, replaced or read again)."""
        return bool(self.added or self.replaced or self.reread)

    def reread_line(self) -> str:
        """How many documents were read again and why ("2 re-read: the Spanish model was
        installed"), or "" when none was."""
        if not self.reread:
            return ""
        return f"{len(self.reread)} re-read: {describe_reasons(self.reasons.get(d, '') for d in self.reread)}"


def _values(iris) -> str:
    return " ".join(URIRef(i).n3() for i in sorted(set(iris)))


def remap_extraction(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    """Apply earlier cross-document merges (old IRI -> canonical IRI) to an extraction."""
    if not mapping:
        return ex
    merged: dict[str, Entity] = {}
    for e in ex.entities:
        iri = mapping.get(e.iri, e.iri)
        if iri in merged:
            old = merged[iri]
            merged[iri] = replace(old, forms=tuple(sorted(set(old.forms) | set(e.forms))),
                                  mentions=old.mentions + e.mentions, attributes=old.attributes or e.attributes)
        else:
            merged[iri] = replace(e, iri=iri)
    relations = tuple(replace(r, subject=mapping.get(r.subject, r.subject), object=mapping.get(r.object, r.object))
                      for r in ex.relations)
    relations = tuple(r for r in relations if r.subject != r.object)
    return replace(ex, entities=tuple(sorted(merged.values(), key=lambda e: e.iri)), relations=relations)


def stored_versions(store: Store, iris: list[str], sources: list[str]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Which of the document ``iris`` the store already holds, each with the fingerprint of
    what read it ("" when its graph records none, see actorgraph.graph.fingerprint), and the
    document graphs it holds for each of ``sources`` (two indexed lookups, whatever the
    store's size)."""
    if not iris:
        return {}, {}
    present: dict[str, str] = {}
    for d, fingerprint in store.values("SELECT ?d ?f WHERE { VALUES ?d { " + _values(iris) + " } GRAPH ?d { ?d a ag:Document "
                                       "OPTIONAL { ?d ag:pipelineFingerprint ?f } } }"):
        if d:
            present[d] = fingerprint or present.get(d, "")
    olds: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT DISTINCT ?d ?src WHERE { VALUES ?src { " +
                           " ".join(Literal(s).n3() for s in sorted(set(sources))) +
                           " } GRAPH ?d { { ?d dcterms:source ?src } UNION { ?d dcterms:identifier ?src } } }").rows:
        olds[str(row["src"])].add(str(row["d"]))
    return present, olds


@dataclass(frozen=True, slots=True)
class Outcome:
    """What writing one document did: ``added``, ``replaced`` (its file had other text),
    ``reread`` (the same text, read again: ``reason`` says why) or ``unchanged``."""

    status: str
    reason: str = ""


def fingerprint_triple(ex: Extraction, fingerprint: Fingerprint) -> str:
    """The triple of a document's graph that records what read it (N-Triples syntax)."""
    return f"{URIRef(ex.document.iri).n3()} {AG.pipelineFingerprint.n3()} {Literal(str(fingerprint)).n3()}"


def ingest_batch(store: Store, extractions: list[Extraction], mapping: dict[str, str] | None = None,
                 reading: Reading | None = None, force: bool = False) -> list[Outcome]:
    """Write several documents' extractions in one transaction (one SPARQL update), each
    replacing the graph its source had. Returns what happened to each document.

    With ``reading`` (what read them, see actorgraph.graph.fingerprint) each graph records
    its fingerprint, and a document the store holds already is written again when its
    stored fingerprint differs from this one (or with ``force``); otherwise it is left
    as it is. Only what the batch touches is read (its document IRIs and sources, both
    indexed), so the cost of a batch does not grow with the store. Canonical labels and
    name keys are rebuilt once at the end of an ingest (see actorgraph.graph.recovery)."""
    if not extractions:
        return []
    extractions = [remap_extraction(ex, mapping or {}) for ex in extractions]
    present, olds = stored_versions(store, [ex.document.iri for ex in extractions],
                                    [s for ex in extractions for s in ex.document.sources])
    outcomes, drops = [], set()
    graphs: dict[str, list[str]] = defaultdict(list)
    for ex in extractions:
        iri = ex.document.iri
        today = reading.of(ex) if reading is not None else None
        reason = ""
        if iri in graphs:  # the same text twice in one batch
            outcomes.append(Outcome("unchanged"))
            continue
        if iri in present:
            reason = FORCED if force else reading.why_again(present[iri], today) if reading is not None else ""
            if not reason:
                outcomes.append(Outcome("unchanged"))
                continue
        replaced = set().union(*(olds.get(s, set()) for s in ex.document.sources)) - {iri}
        drops |= replaced
        for s, p, o, g in extraction_to_quads(ex):
            graphs[str(g)].append(f"{s.n3()} {p.n3()} {o.n3()}")
        if today is not None:
            graphs[iri].append(fingerprint_triple(ex, today))
        outcomes.append(Outcome("reread", reason) if reason else Outcome("replaced" if replaced else "added"))
    if graphs:
        store.write_graphs(dict(graphs), drops)
    return outcomes


def ingest_extraction(store: Store, ex: Extraction, mapping: dict[str, str] | None = None) -> str:
    """Write one document's extraction in one transaction. Returns added, replaced or unchanged."""
    return ingest_batch(store, [ex], mapping)[0].status


# ------------------------------------------------------------------ reading and extracting

GROUP = 32  # documents parsed together at most (spaCy fills its batches across them) ...
GROUP_BYTES = 256 * 1024  # ... and files of no more bytes than this, so a big one is parsed alone
MIN_GROUP = 4  # the smallest group handed to a worker near the end of a parallel run
AHEAD = 2  # groups in flight per worker


def _groups(paths: Sequence[Item], jobs: int = 1) -> Iterator[list[Item]]:
    """``paths`` in order, in groups of at most GROUP files and GROUP_BYTES bytes (a bigger
    file makes a group of its own). For ``jobs`` > 1 workers the groups shrink toward the
    end, each at most 1/(2·jobs) of the files left (down to MIN_GROUP), so that the workers
    finish together instead of one parsing a last full group alone."""
    group: list[Item] = []
    size = 0
    for i, path in enumerate(paths):
        try:
            n = len(path.text.encode("utf-8")) if isinstance(path, Document) else path.stat().st_size
        except OSError:  # reading it will say what is wrong
            n = 0
        left = len(paths) - i + len(group)  # files not yet in a group handed out
        most = GROUP if jobs <= 1 else max(MIN_GROUP, min(GROUP, left // (2 * jobs)))
        if group and (len(group) >= most or size + n > GROUP_BYTES):
            yield group
            group, size = [], 0
        group.append(path)
        size += n
    if group:
        yield group


def _extract_paths(paths: Sequence[Item], nlp, timings: dict[str, float], settings: Settings = Settings(),
                   ) -> list[Extraction | InputError]:
    """Read ``paths`` and extract them together (see
    actorgraph.loaders.pipeline.extract_many): for each, its extraction or the error that
    stopped it. When the model gives up on the group, each document is extracted again
    alone, so only the one it cannot read fails."""
    # lazy: the extraction pipeline imports spaCy (about 1 s); the CLI's readers import this module
    from actorgraph.loaders.pipeline import extract, extract_many, load_document

    results: list[Extraction | InputError | None] = [None] * len(paths)
    loaded: list[tuple[int, Document]] = []
    for i, path in enumerate(paths):
        started = time.perf_counter()
        try:
            loaded.append((i, path if isinstance(path, Document) else load_document(path, settings.max_bytes)))
        except InputError as exc:
            results[i] = exc
        timings["read"] = timings.get("read", 0.0) + time.perf_counter() - started
    try:
        for (i, _), ex in zip(loaded, extract_many([d for _, d in loaded], nlp, timings=timings, spanish=settings.spanish), strict=True):
            results[i] = ex
    except (ValueError, MemoryError, RuntimeError):
        for i, document in loaded:
            try:
                results[i] = extract(document, nlp, timings=timings, spanish=settings.spanish)
            except (ValueError, MemoryError, RuntimeError) as exc:  # the model gave up on this text
                results[i] = InputError(f"could not extract from this document: {str(exc).splitlines()[0][:200]}",
                                        where=item_name(paths[i]))
    return [r for r in results if r is not None]


_WORKER_NLP = None  # the pipeline of a worker process (inherited from the parent on fork)


def _worker(paths: list[Item], settings: Settings) -> tuple[list[tuple[Extraction | None, tuple[str, str | None] | None]],
                                                            dict[str, float]]:
    timings: dict[str, float] = {}
    results = _extract_paths(paths, _WORKER_NLP, timings, settings)
    return [(None, (r.message, r.where)) if isinstance(r, InputError) else (r, None) for r in results], timings


def extractions(paths: Sequence[Item], nlp, jobs: int = 1, settings: Settings = Settings(),
                ) -> Iterator[tuple[Item, Extraction | InputError, dict[str, float]]]:
    """(path, extraction or the error that stopped it, seconds per phase) for each path, in
    order, GROUP documents parsed together. With ``jobs`` > 1 the groups are read and
    parsed in that many worker processes (forked, so each has the loaded pipeline without
    loading it again); the seconds of a group come with its first document. ``settings``
    gives the size limit and the Spanish switch."""
    if jobs <= 1 or len(paths) < 2:
        for group in _groups(paths):
            timings: dict[str, float] = {}
            for i, (path, result) in enumerate(zip(group, _extract_paths(group, nlp, timings, settings), strict=True)):
                yield path, result, timings if i == 0 else {}
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    _WORKER_NLP = nlp
    context = multiprocessing.get_context("fork")
    pending = _groups(paths, jobs)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        # a few groups ahead of the writer, not the whole run: what the workers return waits
        # in memory until it is written, and a run that stops leaves little work behind
        ahead: deque[tuple[list[Item], Future]] = deque()

        def fill() -> None:
            while len(ahead) < AHEAD * jobs and (group := next(pending, None)) is not None:
                ahead.append((group, pool.submit(_worker, group, settings)))

        fill()
        try:
            while ahead:
                group, future = ahead.popleft()
                fill()
                results, timings = future.result()
                for i, (path, (ex, error)) in enumerate(zip(group, results, strict=True)):
                    spent = timings if i == 0 else {}
                    if error is not None:
                        yield path, InputError(error[0], where=error[1]), spent
                    else:
                        assert ex is not None
                        yield path, ex, spent
        finally:
            pool.shutdown(cancel_futures=True)


BATCH = 50  # documents per write transaction
FLUSH_EVERY = 500  # documents written between two flushes of the store's write buffers


def batched_extractions(paths: Sequence[Item], nlp, jobs: int, size: int, keep_going: bool, timings: dict[str, float],
                        failed: list[tuple[str, str]], on_progress: Callable[[Item], None] | None = None,
                        settings: Settings = Settings()) -> Iterator[list[tuple[Item, Extraction]]]:
    """Extractions of ``paths`` in batches of ``size``, seconds per phase added to
    ``timings``. A file that cannot be read is added to ``failed`` under ``keep_going``;
    otherwise its error is raised — after the batch read before it has been yielded, so
    what was read is kept."""
    pending: list[tuple[Item, Extraction]] = []
    try:
        for path, result, spent in extractions(paths, nlp, jobs, settings):
            for phase, seconds in spent.items():
                timings[phase] = timings.get(phase, 0.0) + seconds
            if isinstance(result, InputError):
                if not keep_going:
                    # among several documents, one that cannot be read could be skipped
                    raise BadDocumentError(result.message, where=result.where) if len(paths) > 1 else result
                failed.append((item_name(path), result.message))
            else:
                pending.append((path, result))
                if len(pending) >= size:
                    yield pending
                    pending = []
            if on_progress:
                on_progress(path)
    except GeneratorExit:
        raise
    except BaseException:
        if pending:
            yield pending
        raise
    if pending:
        yield pending


def ingest_paths(store: Store, paths: Sequence[Item], nlp, on_progress: Callable[[Item], None] | None = None,
                 keep_going: bool = False, report: IngestReport | None = None, jobs: int = 1,
                 batch: int = BATCH, settings: Settings = Settings(), force: bool = False) -> IngestReport:
    """Read, extract and write each document, ``batch`` documents per transaction. With
    ``keep_going`` a bad file is reported and skipped; otherwise the first bad file stops
    the run (the documents before it are written). ``jobs`` > 1 parses in that many
    processes; the store has one writer, this one. ``settings`` gives the size limit and
    the Spanish switch. A document the store holds is read again when what reads it has
    changed since (see actorgraph.graph.fingerprint), or always with ``force``."""
    report = IngestReport() if report is None else report  # filled as it goes, so a caller sees what was written
    mapping = mapping_from_store(store)
    known = pipeline_languages(settings.spanish)
    reading = Reading(nlp, settings)
    unflushed = 0
    for pending in batched_extractions(paths, nlp, jobs, batch, keep_going, report.timings, report.failed, on_progress,
                                       settings):
        started = time.perf_counter()
        outcomes = ingest_batch(store, [ex for _, ex in pending], mapping, reading, force)
        unflushed += len(pending)
        if unflushed >= FLUSH_EVERY:
            store.flush()
            unflushed = 0
        report.timings["write"] = report.timings.get("write", 0.0) + time.perf_counter() - started
        for (path, ex), outcome in zip(pending, outcomes, strict=True):
            name = item_name(path)
            if outcome.status != "unchanged":
                report.documents.append(summarize_extraction(name, "re-read" if outcome.status == "reread" else outcome.status,
                                                             ex, known))
            if outcome.reason:
                report.reasons[name] = outcome.reason
            getattr(report, outcome.status).append(name)
    return report
