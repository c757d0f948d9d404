"""Reference facts from the bundled ICE facility list for the facilities the documents name:
where each one is and which company runs it, with the ICE record as evidence.

A facility gets these facts only when a document that names it also names its city or its
state, so that a county jail of the same name in another state is not confused with it.
The facts live in their own named graph, rebuilt from the store after every ingest, so the
result does not depend on ingest order."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from actorgraph.graph.store import Store
from actorgraph.loaders import data_tables
from actorgraph.ontology import AG, DCTERMS, PROV, RDF, SKOS
from actorgraph.ontology.ids import entity_iri, evidence_iri, normalize_name

REFERENCE_GRAPH = URIRef("https://w3id.org/actorgraph/doc/reference-ice-facilities")
TITLE = "ICE detention facility list (ICE records, public domain; bundled as loaders/data/facilities.csv)"


def _index() -> dict[str, data_tables.Known]:
    out: dict[str, data_tables.Known] = {}
    for known in data_tables.facilities():
        for name in (known.name,) + known.aliases:
            out.setdefault(normalize_name(name), known)
    return out


def reference_quads(store: Store) -> list[tuple]:
    """Quads of the reference graph for the facilities currently in the store."""
    # each pattern joined inside one document graph (the forms a document gives, beside the
    # places it names): across the union, a facility named in n documents pairs n mentions
    # with n classes and n forms; the reference graph itself is not a source
    rows = store.values(
        """SELECT DISTINCT ?f ?form ?d WHERE { GRAPH ?d { ?d ag:mentions ?f . ?f a ag:DetentionFacility ;
           skos:altLabel ?form } FILTER(?d != ?reference) }""", {"reference": REFERENCE_GRAPH})
    places_by_doc: dict[str, set[str]] = {}
    for d, form in store.values("""SELECT DISTINCT ?d ?form WHERE { GRAPH ?d { ?d ag:mentions ?p . ?p a ag:Place ;
                                   skos:altLabel ?form } FILTER(?d != ?reference) }""", {"reference": REFERENCE_GRAPH}):
        places_by_doc.setdefault(str(d), set()).add(normalize_name(str(form)))
    index = _index()
    states = data_tables.us_states()
    companies = {normalize_name(k.name): k.name for k in data_tables.companies()}
    matched: dict[str, data_tables.Known] = {}
    for facility, form, doc in rows:
        known = index.get(normalize_name(str(form)))
        if known is None:
            continue
        context = places_by_doc.get(str(doc), set())
        state_name = states.get(known.state, "")
        if {normalize_name(known.city), normalize_name(state_name), known.state.lower()} & context:
            matched[str(facility)] = known
    if not matched:
        return []
    g = REFERENCE_GRAPH
    quads = [(g, RDF.type, AG.Document, g), (g, DCTERMS.title, Literal(TITLE), g),
             (g, DCTERMS.source, Literal("actorgraph/loaders/data/facilities.csv"), g)]
    for facility_iri, known in sorted(matched.items()):
        facility = URIRef(facility_iri)
        state_name = states.get(known.state, known.state)
        quote = (f"{known.name}, {known.city}, {known.state}; operator: {known.operator or 'not recorded'}"
                 f" (ICE records {known.source.split('|')[0]})")
        quads += [(g, AG.mentions, facility, g), (facility, RDF.type, AG.DetentionFacility, g),
                  (facility, SKOS.altLabel, Literal(known.name), g)]
        if known.capacity:
            quads.append((facility, AG.capacity, Literal(known.capacity, datatype=XSD.integer), g))
        facts = []
        for place_name in (known.city, state_name):
            if place_name:
                place = entity_iri("Place", place_name)
                quads += [(g, AG.mentions, place, g), (place, RDF.type, AG.Place, g),
                          (place, SKOS.altLabel, Literal(place_name), g)]
                facts.append((facility, AG.locatedIn, place))
        operator = companies.get(normalize_name(known.operator))
        if operator:
            company = entity_iri("Company", operator)
            quads += [(g, AG.mentions, company, g), (company, RDF.type, AG.Company, g),
                      (company, SKOS.altLabel, Literal(operator), g)]
            facts.append((company, AG.operates, facility))
        for s, p, o in facts:
            node = evidence_iri(g, s, p, o)
            quads += [(s, p, o, g), (node, RDF.type, AG.Evidence, g), (node, RDF.subject, s, g),
                      (node, RDF.predicate, p, g), (node, RDF.object, o, g), (node, AG.quote, Literal(quote), g),
                      (node, AG.charStart, Literal(0, datatype=XSD.integer), g),
                      (node, AG.charEnd, Literal(len(quote), datatype=XSD.integer), g),
                      (node, AG.extractor, Literal("data.ice_facilities.v1"), g),
                      (node, AG.confidence, Literal(Decimal("0.9"), datatype=XSD.decimal), g),
                      (node, AG.modality, Literal("asserted"), g), (node, PROV.wasDerivedFrom, g, g)]
    return list(dict.fromkeys(quads))


def refresh_reference(store: Store) -> int:
    """Rebuild the reference graph; returns the number of facilities it describes."""
    quads = reference_quads(store)
    triples = [f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o, g in quads if g == REFERENCE_GRAPH]
    if len(triples) != len(quads):
        raise ValueError("reference facts outside the reference graph")
    store.write_graphs({str(REFERENCE_GRAPH): triples})
    return len({q[0] for q in quads if q[1] == RDF.type and q[2] == AG.DetentionFacility})
