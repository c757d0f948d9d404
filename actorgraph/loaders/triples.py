"""An Extraction as quads in the document's named graph (DESIGN.md, "Provenance")."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from actorgraph.loaders.model import Document, Evidence, Extraction
from actorgraph.ontology import AG, DCTERMS, PROV, RDF, SKOS
from actorgraph.ontology.ids import evidence_iri

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]


def extraction_to_quads(ex: Extraction) -> list[Quad]:
    """Quads of one document: metadata, entities (class, surface forms), relations and one
    Evidence node per relation. Labels are chosen across documents by the store."""
    doc = URIRef(ex.document.iri)
    quads: list[Quad] = [
        (doc, RDF.type, AG.Document, doc),
        (doc, DCTERMS.source, Literal(ex.document.source), doc),
        (doc, DCTERMS.title, Literal(ex.document.title), doc),
        (doc, AG.language, Literal(ex.document.language), doc),
    ]
    quads += [(doc, p, o, doc) for p, o in provenance(ex.document)]
    for e in ex.entities:
        node = URIRef(e.iri)
        quads.append((doc, AG.mentions, node, doc))
        quads.append((node, RDF.type, AG[e.cls], doc))
        for form in e.forms:
            quads.append((node, SKOS.altLabel, Literal(form), doc))
        for prop, value in e.attributes:
            if value is not None:
                quads.append((node, AG[prop], Literal(int(str(value)), datatype=XSD.integer), doc))
    for r in ex.relations:
        s, p, o = URIRef(r.subject), AG[r.predicate], URIRef(r.object)
        ev = r.evidence
        node = evidence_iri(doc, r.subject, r.predicate, r.object, ev.start, ev.end)
        quads.extend([
            (s, p, o, doc),
            (node, RDF.type, AG.Evidence, doc),
            (node, RDF.subject, s, doc),
            (node, RDF.predicate, p, doc),
            (node, RDF.object, o, doc),
            (node, AG.quote, Literal(ev.quote), doc),
            (node, AG.charStart, Literal(ev.start, datatype=XSD.integer), doc),
            (node, AG.charEnd, Literal(ev.end, datatype=XSD.integer), doc),
            (node, AG.extractor, Literal(ev.extractor), doc),
            (node, AG.confidence, Literal(Decimal(str(round(ev.confidence, 2))), datatype=XSD.decimal), doc),
            (node, AG.modality, Literal(ev.modality), doc),
            (node, PROV.wasDerivedFrom, doc, doc),
        ])
        quads += [(node, p, o, doc) for p, o in timing(ev)]
    return list(dict.fromkeys(quads))


def timing(ev: Evidence) -> list[tuple[URIRef, Literal]]:
    """When a statement's text dates it: ``ag:start``, ``ag:end``, ``ag:asOf``, ``ag:ended``."""
    out = [(prop, date_literal(value)) for prop, value in ((AG.start, ev.since), (AG.end, ev.until), (AG.asOf, ev.as_of))
           if value]
    if ev.ended:
        out.append((AG.ended, Literal(True)))
    return out


def date_literal(value: str) -> Literal:
    """An ISO 8601 date as ``xsd:date``, a month as ``xsd:gYearMonth``, a year as
    ``xsd:gYear``, a date and time as ``xsd:dateTime``.

    >>> [date_literal(v).datatype.rsplit("#")[-1] for v in ("2024-03-05", "2024-03", "2024", "2024-03-05T10:00:00+00:00")]
    ['date', 'gYearMonth', 'gYear', 'dateTime']
    """
    if "T" in value:
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value, datatype={4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date))


def provenance(document: Document) -> list[tuple[URIRef, URIRef | Literal]]:
    """What a document says of where and when it came from, beyond its source and title:
    ``dcterms:created`` (publication date), ``dcterms:creator`` (author), ``dcterms:publisher``
    (site name), and for a web page ``dcterms:identifier`` (the address asked for, before
    redirects) and ``prov:generatedAtTime`` (when it was fetched)."""
    out: list[tuple[URIRef, URIRef | Literal]] = []
    if document.created:
        out.append((DCTERMS.created, date_literal(document.created)))
        if document.date_source:
            out.append((AG.dateSource, Literal(document.date_source)))
    if document.author:
        out.append((DCTERMS.creator, Literal(document.author)))
    if document.site:
        out.append((DCTERMS.publisher, Literal(document.site)))
    if document.requested:
        out.append((DCTERMS.identifier, Literal(document.requested)))
    if document.fetched:
        out.append((PROV.generatedAtTime, Literal(document.fetched, datatype=XSD.dateTime)))
    return out
