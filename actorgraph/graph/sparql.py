"""What a SPARQL text is, read by a real parser (rdflib's), never by regular expressions:
whether it is an update, which ``ag:`` terms it names that the ontology does not declare,
and whether it reaches out to other endpoints (``SERVICE``)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef

from actorgraph.ontology import NS, PREFIXES, TERMS


def _walk(node, seen: set[int] | None = None):
    """Every value inside an rdflib parse tree or algebra (dicts, lists, CompValues)."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    from pyparsing import ParseResults

    if isinstance(node, dict):
        for value in list(node.values()):
            yield from _walk(value, seen)
    elif isinstance(node, (list, tuple, set, frozenset, ParseResults)):
        for value in node:
            yield from _walk(value, seen)


@lru_cache(maxsize=256)
def is_update(text: str) -> bool:
    """True when ``text`` parses as a SPARQL 1.1 Update (and not as a query).

    >>> is_update("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), is_update("SELECT * WHERE { ?s ?p ?o }")
    (True, False)
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(text)
        return False
    except (ParseException, ValueError, TypeError, AttributeError):
        pass
    try:
        parseUpdate(text)
        return True
    except (ParseException, ValueError, TypeError, AttributeError):
        return False


@lru_cache(maxsize=256)
def _algebra(text: str):
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    return translateQuery(parseQuery(text), initNs=dict(PREFIXES)).algebra


def unknown_terms(text: str) -> list[str]:
    """``ag:`` IRIs used in a query that ``ag.ttl`` does not declare (a typo would look like
    an empty answer); the namespace itself (a bare ``ag:``, as in ``STRSTARTS(STR(?p),
    STR(ag:))``) is no term. An unparsable query gives ``[]``: the store reports its syntax
    error.

    >>> unknown_terms("SELECT ?x WHERE { ?x ag:sharedDataWtih ?y ; a ag:GovernmentAgency }")
    ['ag:sharedDataWtih']
    >>> unknown_terms("SELECT ?p WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(ag:))) }")
    []
    """
    try:
        algebra = _algebra(text)
    except Exception:  # noqa: BLE001 - rdflib raises many kinds; Oxigraph reports the syntax error
        return []
    found = {str(v) for v in _walk(algebra) if isinstance(v, URIRef) and str(v).startswith(NS)}
    return sorted("ag:" + iri[len(NS):] for iri in found if iri[len(NS):] and iri[len(NS):] not in TERMS)


def uses_service(text: str) -> bool:
    """True when a query or update contains a ``SERVICE`` clause (federated access).

    >>> uses_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service("SELECT * WHERE { ?s ?p 'SERVICE <http://x>' }")
    False
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    for parse in (parseQuery, parseUpdate):
        try:
            tree = parse(text)
        except (ParseException, ValueError, TypeError, AttributeError):
            continue
        return any(getattr(v, "name", None) == "ServiceGraphPattern" for v in _walk(tree))
    return False
