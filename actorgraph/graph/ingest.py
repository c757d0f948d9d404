"""Transactional ingest: one SPARQL update per document, so a document is either fully in
the store or not at all. Re-ingesting unchanged text changes nothing; a changed file
replaces the graph its path had. Canonical labels live in the entities graph, chosen the
same way whatever the ingest order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from actorgraph.errors import ActorgraphError, InputError
from actorgraph.graph.labels import choose_label
from actorgraph.graph.store import Store, nquad_lines
from actorgraph.loaders.model import Entity, Extraction
from actorgraph.loaders.triples import extraction_to_quads
from actorgraph.ontology import ENTITIES_GRAPH


def pipeline_languages() -> tuple[str, ...]:
    """Languages with an extraction pipeline of their own here; passages in others are only
    matched against known names."""
    from actorgraph.loaders.nlp import spanish_available

    return ("en", "es") if spanish_available() else ("en",)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What one added or replaced document yielded, for the report after an ingest."""

    path: str
    status: str
    language: str
    entities: int
    relations: int
    warnings: tuple[str, ...] = ()


def summarize_extraction(path: str, status: str, ex: Extraction, known: tuple[str, ...] = ("en",)) -> DocumentSummary:
    """Counts and warnings of one extraction: no relation found, or a language (not in
    ``known``) without a pipeline of its own."""
    warnings = []
    if not ex.relations:
        warnings.append("no relation found")
    languages = sorted({s.language for s in ex.segments if s.language not in known})
    if languages:
        share = sum(s.end - s.start for s in ex.segments if s.language not in known)
        total = sum(s.end - s.start for s in ex.segments) or 1
        warnings.append(f"{round(100 * share / total)}% of the text is in {', '.join(languages)}, "
                        "which has no pipeline here: only known names are read there"
                        + (" (actorgraph models install es adds one)" if "es" in languages else ""))
    return DocumentSummary(path, status, ex.document.language, len(ex.entities), len(ex.relations), tuple(warnings))


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    documents: list[DocumentSummary] = field(default_factory=list)
    triples: int = 0


def _values(iris) -> str:
    return " ".join(URIRef(i).n3() for i in sorted(set(iris)))


def _label_updates(store: Store, entities: set[str], dropped: list[str], new_forms: dict[str, set[str]]) -> str:
    """Update text that resets the canonical label of each touched entity."""
    if not entities:
        return ""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    excluded = set(dropped)
    result = store.query(
        "SELECT ?e ?f ?g WHERE { VALUES ?e { " + _values(entities) + " } "
        "GRAPH ?g { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?f } }")
    for row in result.rows:
        if str(row["g"]) in excluded:
            continue
        counts[str(row["e"])][str(row["f"])] += 1
    for iri, forms in new_forms.items():
        for f in forms:
            counts[iri][f] += 1
    parts = [f"DELETE {{ GRAPH {ENTITIES_GRAPH.n3()} {{ ?e rdfs:label ?l }} }} WHERE {{ "
             f"VALUES ?e {{ {_values(entities)} }} GRAPH {ENTITIES_GRAPH.n3()} {{ ?e rdfs:label ?l }} }}"]
    inserts = []
    for iri in sorted(counts):
        if counts[iri]:
            label = choose_label(iri, counts[iri])
            inserts.append(f"{URIRef(iri).n3()} rdfs:label {Literal(label).n3()} .")
    if inserts:
        parts.append(f"INSERT DATA {{ GRAPH {ENTITIES_GRAPH.n3()} {{\n" + "\n".join(inserts) + "\n} }")
    return " ;\n".join(parts)


def remap_extraction(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    """Apply earlier cross-document merges (old IRI -> canonical IRI) to an extraction."""
    from dataclasses import replace

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


def ingest_extraction(store: Store, ex: Extraction, mapping: dict[str, str] | None = None) -> str:
    """Write one document's extraction in one transaction. Returns added, replaced or unchanged."""
    ex = remap_extraction(ex, mapping or {})
    doc = URIRef(ex.document.iri)
    if store.query("ASK { GRAPH ?d { ?d a ag:Document } }", {"d": doc}).boolean:
        return "unchanged"
    olds = [str(r["d"]) for r in store.query(
        "SELECT DISTINCT ?d WHERE { GRAPH ?d { ?d dcterms:source ?src } }",
        {"src": Literal(ex.document.source)}).rows]
    old_entities: set[str] = set()
    if olds:
        rows = store.query("SELECT DISTINCT ?e WHERE { VALUES ?d { " + _values(olds) + " } "
                           "GRAPH ?d { ?d ag:mentions ?e } }").rows
        old_entities = {str(r["e"]) for r in rows}
    quads = extraction_to_quads(ex)
    new_forms = {e.iri: set(e.forms) for e in ex.entities}
    operations = [f"DROP SILENT GRAPH {URIRef(o).n3()}" for o in olds]
    operations.append("INSERT DATA {\n" + nquad_lines(quads) + "\n}")
    labels = _label_updates(store, set(new_forms) | old_entities, olds, new_forms)
    if labels:
        operations.append(labels)
    store.update(" ;\n".join(operations))
    return "replaced" if olds else "added"


def ingest_paths(store: Store, paths: list[Path], nlp, on_progress: Callable[[Path], None] | None = None,
                 keep_going: bool = False, report: IngestReport | None = None) -> IngestReport:
    """Read, extract and write each document. With ``keep_going`` a bad file is reported
    and skipped; otherwise the first bad file stops the run (documents before it stay)."""
    from actorgraph.graph.resolve import mapping_from_store
    from actorgraph.loaders.pipeline import extract, load_document

    report = IngestReport() if report is None else report  # filled as it goes, so a caller sees what was written
    mapping = mapping_from_store(store)
    known = pipeline_languages()
    for path in paths:
        try:
            document = load_document(path)
            try:
                ex = extract(document, nlp)
            except (ValueError, MemoryError, RuntimeError) as exc:  # the model gave up on this text
                raise InputError(f"could not extract from this document: {str(exc).splitlines()[0][:200]}",
                                 where=str(path)) from exc
            status = ingest_extraction(store, ex, mapping)
            if status != "unchanged":
                report.documents.append(summarize_extraction(str(path), status, ex, known))
        except InputError as exc:
            if not keep_going:
                raise
            report.failed.append((str(path), exc.message))
            status = None
        except ActorgraphError:
            raise
        if status:
            getattr(report, status).append(str(path))
        if on_progress:
            on_progress(path)
    return report
