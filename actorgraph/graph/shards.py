"""Extraction without a store, loading without extraction: ``actorgraph extract DOCS --out
DIR`` writes each batch of documents as an N-Quads shard (every document its own named
graph, exactly what ingest would write), so any batch system — GNU parallel, a job array,
a Dask or Spark cluster — can run extraction on many machines; ``actorgraph load DIR``
writes the shards into a store, one transaction per shard, and resolves entities once.

A shard is named by a hash of the documents it holds, so shards from different machines
never collide and extracting the same documents again rewrites the same file."""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal

from actorgraph._files import atomic_write
from actorgraph.errors import InputError
from actorgraph.graph.fingerprint import UNRECORDED, Fingerprint, Reading
from actorgraph.graph.ingest import FLUSH_EVERY, IngestReport, batched_extractions, stored_versions
from actorgraph.graph.resolve import mapping_from_store
from actorgraph.graph.store import Store
from actorgraph.loaders.model import Extraction
from actorgraph.loaders.triples import extraction_to_quads
from actorgraph.ontology import AG, NS
from actorgraph.settings import Settings

PER_SHARD = 100  # documents per shard
SUFFIX = ".nq"
_DOCUMENT = f"<{NS}Document>"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_SOURCE = "<http://purl.org/dc/terms/source>"
_FINGERPRINT = f"<{AG.pipelineFingerprint}>"


@dataclass
class ExtractReport:
    documents: int = 0
    shards: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: files in the folders given that are not documents (a README, a .docx), with the reason
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _ox(term):
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def _shard_bytes(batch: list[Extraction], reading: Reading) -> bytes:
    """The documents' quads as N-Quads (serialized by pyoxigraph: one quad per line, every
    character escaped as N-Quads wants), each document's with the fingerprint of what read
    it (see actorgraph.graph.fingerprint)."""
    quads = []
    for ex in batch:
        quads += [ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g)) for s, p, o, g in extraction_to_quads(ex)]
        doc = ox.NamedNode(ex.document.iri)
        quads.append(ox.Quad(doc, ox.NamedNode(str(AG.pipelineFingerprint)), ox.Literal(str(reading.of(ex))), doc))
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def write_shards(paths: list[Path], out: Path, nlp, jobs: int = 1, per_shard: int = PER_SHARD,
                 keep_going: bool = False, settings: Settings = Settings()) -> ExtractReport:
    """Extract ``paths`` into N-Quads shards in the folder ``out`` (created if needed);
    ``settings`` gives the size limit and the Spanish switch."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a folder", where=str(out))
    out.mkdir(parents=True, exist_ok=True)
    report = ExtractReport()
    reading = Reading(nlp, settings)
    for batch in batched_extractions(paths, nlp, jobs, per_shard, keep_going, report.timings, report.failed,
                                     settings=settings):
        started = time.perf_counter()
        digest = hashlib.sha256(" ".join(sorted(ex.document.iri for _, ex in batch)).encode()).hexdigest()[:20]
        path = out / f"shard-{digest}{SUFFIX}"
        atomic_write(path, _shard_bytes([ex for _, ex in batch], reading))
        report.shards.append(str(path))
        report.documents += len(batch)
        report.timings["write"] = report.timings.get("write", 0.0) + time.perf_counter() - started
    return report


def shard_files(paths: Iterable[Path]) -> list[Path]:
    """The shard files among ``paths`` (files, or folders holding ``*.nq`` files)."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.glob(f"*{SUFFIX}") if p.is_file())
            if not found:
                raise InputError(f"holds no {SUFFIX} shards", where=str(path))
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise InputError("no such file or folder", where=str(path))
    return out


@dataclass
class _Shard:
    """The document graphs of a shard — graph IRI -> (s, p, o) in N-Triples syntax, with
    earlier merges applied — each document's source and the fingerprint of what read it."""

    graphs: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[str, str] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)


def _read_shard(path: Path, mapping: dict[str, str]) -> _Shard:
    """The document graphs of a shard (see :class:`_Shard`). Every graph must be a document
    with a source."""
    shard = _Shard()
    graphs, sources = shard.graphs, shard.sources
    try:
        data = path.read_bytes()
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode):
                raise InputError("a triple outside any document graph; shards hold document graphs only", where=str(path))

            def term(t) -> str:
                if isinstance(t, ox.NamedNode) and t.value in mapping:
                    return f"<{mapping[t.value]}>"
                return str(t)

            graphs[graph.value].append((term(quad.subject), term(quad.predicate), term(quad.object)))
            if str(quad.predicate) in (_SOURCE, _FINGERPRINT) and isinstance(quad.object, ox.Literal) and \
                    isinstance(quad.subject, ox.NamedNode) and quad.subject.value == graph.value:
                (sources if str(quad.predicate) == _SOURCE else shard.fingerprints)[graph.value] = quad.object.value
    except SyntaxError as exc:
        raise InputError(f"not N-Quads: {str(exc).splitlines()[0][:200]}", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", where=str(path)) from None
    for iri, triples in graphs.items():
        if iri not in sources or not any(s == f"<{iri}>" and p == _TYPE and o == _DOCUMENT for s, p, o in triples):
            raise InputError(f"graph <{iri}> is not an actorgraph document (no ag:Document with a source)",
                             where=str(path))
    return shard


def _why_again(stored: str, shard: str | None) -> str:
    """Why a stored document is written again from a shard ("" when it is not): the shard
    was read by something else than what read the stored one."""
    if not shard or shard == stored:
        return ""
    if not stored:
        return UNRECORDED
    return "; ".join(Fingerprint.parse(shard).changes_since(Fingerprint.parse(stored))) or "another reading"


def load_shards(store: Store, files: list[Path], keep_going: bool = False, report: IngestReport | None = None) -> IngestReport:
    """Write each shard in one transaction: a document already in the store is left as it
    is unless the shard holds another reading of it (a fingerprint that differs, see
    actorgraph.graph.fingerprint), one whose source is there with other text replaces
    that graph."""
    report = IngestReport() if report is None else report
    mapping = mapping_from_store(store)
    unflushed = 0
    for path in files:
        started = time.perf_counter()
        try:
            shard = _read_shard(path, mapping)
        except InputError as exc:
            if not keep_going:
                raise
            report.failed.append((str(path), exc.message))
            continue
        report.timings["read"] = report.timings.get("read", 0.0) + time.perf_counter() - started
        started = time.perf_counter()
        graphs, sources = shard.graphs, shard.sources
        present, olds = stored_versions(store, sorted(graphs), list(sources.values()))
        drops: set[str] = set()
        written: dict[str, list[str]] = {}
        for iri in sorted(graphs):
            source = sources[iri]
            reason = _why_again(present[iri], shard.fingerprints.get(iri)) if iri in present else ""
            if iri in present and not reason:
                report.unchanged.append(source)
                continue
            replaced = olds.get(source, set()) - {iri}
            drops |= replaced
            if reason:
                report.reread.append(source)
                report.reasons[source] = reason
            else:
                (report.replaced if replaced else report.added).append(source)
            written[iri] = [f"{s} {p} {o}" for s, p, o in graphs[iri]]
        if written:
            store.write_graphs(written, drops)
            unflushed += len(written)
            if unflushed >= FLUSH_EVERY:  # see actorgraph.graph.ingest.FLUSH_EVERY
                store.flush()
                unflushed = 0
        report.timings["write"] = report.timings.get("write", 0.0) + time.perf_counter() - started
    return report
