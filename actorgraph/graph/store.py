"""Stores behind one small interface: an embedded Oxigraph store on disk (a folder), an
in-process one (``memory``), or any SPARQL 1.1 endpoint (``http(s)://…``).

Queries see the union of all named graphs. Parameters are bound (Oxigraph substitutions,
or a VALUES block for remote endpoints, as rdflib's SPARQLStore does), never pasted.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from actorgraph.errors import QueryError, StoreBusyError, StoreError
from actorgraph.graph.sparql import is_update
from actorgraph.ontology import PREFIXES
from actorgraph.settings import Remote

XSD = "http://www.w3.org/2001/XMLSchema#"

#: An RDF term of a result row (all three are str subclasses)
Term = URIRef | Literal | BNode
#: Variables bound in a query template: one term each, or a tuple of terms (one row each)
Bindings = dict[str, Term | tuple[Term, ...]]

DEFAULT_LOCATION = "./actorgraph-store"
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@dataclass
class Result:
    """A query result: ``vars`` and ``rows`` for SELECT, ``boolean`` for ASK, ``triples``
    for CONSTRUCT/DESCRIBE. Terms are rdflib terms."""

    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] | None = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> list[dict[str, object]]:
        """Rows as plain Python values (strings, ints, floats)."""
        return [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items()}
                for row in self.rows]


def _check_names(names: Iterable[str]) -> None:
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"invalid variable name {name!r}", where="bindings")


_GROUP_OPEN = re.compile(r"(?i)\b(?:WHERE|ASK)\s*\{")  # where a template's WHERE groups open


def bind_values(sparql: str, bindings: Bindings | None) -> str:
    """Bind variables of actorgraph's own query templates (named questions, internal
    look-ups) with a VALUES block at the start of every WHERE group — the outer one, so
    FILTERs and OPTIONALs see them, and each sub-select's, which does not see the outer
    bindings: a template variable names one term throughout its query. Each term is
    serialized by rdflib, which escapes it, so no user text reaches the query unescaped.
    (Oxigraph's native substitutions need the variable in the projection, which the
    templates do not always have.) User SPARQL is never bound.

    One single-variable VALUES block per variable (the widest-supported form); a tuple of
    terms is a block of that many rows.

    >>> print(bind_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": Literal('a "b"')}))
    SELECT ?x WHERE {
      VALUES ?name { "a \\"b\\"" }
     ?x ?p ?name }
    >>> print(bind_values("SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?x ?p ?y } } }", {"y": URIRef("urn:y")}))
    SELECT ?n WHERE {
      VALUES ?y { <urn:y> }
     { SELECT (COUNT(*) AS ?n) WHERE {
      VALUES ?y { <urn:y> }
     ?x ?p ?y } } }
    """
    if not bindings:
        return sparql
    _check_names(bindings)
    block = " ".join(f"VALUES ?{k} {{ {' '.join(t.n3() for t in (v if isinstance(v, tuple) else (v,)))} }}"
                     for k, v in bindings.items())
    bound, groups = _GROUP_OPEN.subn(lambda m: f"{m.group(0)}\n  {block}\n", sparql)
    return bound if groups else f"{sparql}\n{block}"


def values_table(names: list[str], rows: Iterable[tuple[Term | None, ...]]) -> str:
    """A VALUES block of several variables and rows, each term serialized (and escaped) by
    rdflib, None as UNDEF, to open a WHERE group of an internal look-up: Oxigraph joins a
    leading block row by row through its indexes.

    >>> values_table(["s", "o"], [(URIRef("urn:a"), Literal("x")), (None, Literal("y"))])
    'VALUES (?s ?o) { (<urn:a> "x") (UNDEF "y") }'
    """
    _check_names(names)
    body = " ".join("(" + " ".join("UNDEF" if term is None else term.n3() for term in row) + ")" for row in rows)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {body} }}"


class Store:
    """Common interface. Use :func:`open_store`."""

    location: str
    writable: bool

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def describe(self, subjects: Iterable[str], predicate: str | None = None,
                 graph: str | None = None) -> dict[str, list[tuple[str, str]]]:
        """Every (predicate, value) of each of ``subjects`` (IRIs) as plain strings — only
        ``predicate`` if given, only in the named ``graph`` if given, else in any graph;
        subjects with none are left out. Here one query per LOOKUP_CHUNK subjects; the
        embedded store reads its index once per subject (a long VALUES list is joined row by
        row)."""
        out: dict[str, list[tuple[str, str]]] = {}
        items = sorted(set(subjects))
        bindings: Bindings = {"p": URIRef(predicate)} if predicate else {}
        pattern = "?s ?p ?o"
        if graph:
            bindings["g"], pattern = URIRef(graph), "GRAPH ?g { ?s ?p ?o }"
        for start in range(0, len(items), LOOKUP_CHUNK):
            chunk = " ".join(URIRef(i).n3() for i in items[start:start + LOOKUP_CHUNK])
            for s, p, o in self.values("SELECT ?s ?p ?o WHERE { VALUES ?s { " + chunk + " } " + pattern + " }",
                                       bindings or None):
                if s and p and o is not None:
                    out.setdefault(s, []).append((p, o))
        return out

    def pairs_of(self, predicate: str, graph: str) -> list[tuple[str, str]]:
        """Every (subject, value) of ``predicate`` in the named ``graph``, as plain strings."""
        return [(s, o) for s, o in self.values("SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                               {"p": URIRef(predicate), "g": URIRef(graph)}) if s and o is not None]

    def write_graphs(self, graphs: dict[str, list[str]], drops: Iterable[str] = (), atomic: bool = True) -> None:
        """Write whole named graphs — graph IRI -> its triples as N-Triples statements
        (``<s> <p> "o"``, no final dot), each replacing what that graph held — and drop the
        graphs in ``drops``; the embedded store does it in one transaction. ``atomic=False``
        (for graphs derived from the others, rebuilt after a crash — see
        actorgraph.graph.recovery) lets the embedded store write in pieces: a transaction
        holds its whole content in memory."""
        raise NotImplementedError

    def values(self, sparql: str, bindings: Bindings | None = None) -> list[tuple[str | None, ...]]:
        """A SELECT's rows as plain strings (the lexical value of each term, None when
        unbound), in the order of its variables: for large internal reads, where building
        rdflib terms would cost more than the query."""
        result = self.query(sparql, bindings)
        return [tuple(None if row.get(v) is None else str(row[v]) for v in result.vars) for row in result.rows]

    def records(self, sparql: str, bindings: Bindings | None = None) -> tuple[list[str], list[dict[str, object]]]:
        """A SELECT's variables and rows as plain Python values (IRIs and strings as str,
        numbers as int or float, unbound values left out), as :meth:`Result.values`."""
        result = self.query(sparql, bindings)
        return result.vars, result.values()

    def quads(self) -> Iterator[tuple[Term, Term, Term, Term | None]]:
        """Every quad of the store (graph None for the default graph)."""
        raise NotImplementedError

    def count_quads(self) -> int:
        """How many quads actorgraph's graphs hold (a shared server keeps graphs of its own)."""
        return int(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                              "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/actorgraph/')) }").rows[0]["n"])

    def flush(self) -> None:
        """Hand what was written to disk and let go of the memory holding it (a server
        does this itself)."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ------------------------------------------------------------------ Oxigraph

def _turtle(triples: list[str]) -> bytes:
    """A Turtle document (N-Triples but for rdflib's long strings) of statements written
    without their final dot (see write_graphs)."""
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")


def _lexical(term) -> str:
    """A pyoxigraph term's lexical value (an IRI, a literal's text, a blank node's id)."""
    return str(getattr(term, "value", term))


def _to_rdflib(term) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"unsupported RDF term {term!r}")


_NUMBERS = {XSD + "integer": int, XSD + "int": int, XSD + "long": int, XSD + "double": float, XSD + "float": float}


def _to_python(term) -> object:
    """The value :meth:`Result.values` gives for a term: IRIs, plain strings, integers and
    doubles here, anything else through rdflib."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal) and not term.language:
        datatype = term.datatype.value
        if datatype == XSD + "string":
            return term.value
        convert = _NUMBERS.get(datatype)
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:
                pass
    value = _to_rdflib(term)
    return value.toPython() if isinstance(value, Literal) else str(value)


def _graph_name(term) -> Term | None:
    return None if isinstance(term, ox.DefaultGraph) else _to_rdflib(term)


def _one_line(exc: Exception) -> str:
    """A parser message on one line, whole: position and what was expected."""
    return " ".join(str(exc).split())


def _syntax_error(exc: Exception, text: str, where: str) -> QueryError:
    if where == "query" and is_update(text):
        return QueryError("this is a SPARQL update; `query` only reads the store "
                          "(documents change it through `ingest`, curation through `resolve --apply`)", where=where)
    return QueryError(f"malformed SPARQL: {_one_line(exc)}", where=where)


class OxigraphStore(Store):
    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.location = str(path) if path else "memory"
        self.writable = not read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif path.exists() and not path.is_dir():
                raise StoreError("is a file, not a store folder", where=str(path))
            elif read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError("no store here yet; run `actorgraph ingest` first", where=str(path))
                self._store = ox.Store.read_only(str(path))
            else:
                if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").exists():
                    raise StoreError("folder is not empty and holds no actorgraph store", where=str(path))
                path.parent.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except StoreError:
            raise
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreBusyError("store is in use by another process (an ingest still running?); "
                                     "wait for it to finish", where=str(path)) from exc
            raise StoreError(f"cannot open store: {message.replace(str(path), '').strip(' :')}", where=str(path)) from exc

    def _answer(self, sparql: str, bindings: Bindings | None):
        """pyoxigraph's answer to a query over the union of the graphs (errors as ours)."""
        sparql = bind_values(sparql, bindings)
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, prefixes=dict(PREFIXES))
        except SyntaxError as exc:
            raise _syntax_error(exc, sparql, "query") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {exc}", where=self.location) from exc

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result:
        answer = self._answer(sparql, bindings)
        if isinstance(answer, ox.QueryBoolean):
            return Result(boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return Result(triples=[(_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object))
                                   for t in answer])
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = _to_rdflib(value)
            rows.append(row)
        return Result(vars=names, rows=rows)

    def records(self, sparql: str, bindings: Bindings | None = None) -> tuple[list[str], list[dict[str, object]]]:
        # straight from pyoxigraph's terms: an rdflib term per value costs more than the query
        answer = self._answer(sparql, bindings)
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row: dict[str, object] = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = _to_python(term)
            rows.append(row)
        return names, rows

    def values(self, sparql: str, bindings: Bindings | None = None) -> list[tuple[str | None, ...]]:
        answer = self._answer(sparql, bindings)
        names = [v.value for v in answer.variables]
        return [tuple(None if (term := solution[name]) is None else term.value for name in names)
                for solution in answer]

    def write_graphs(self, graphs: dict[str, list[str]], drops: Iterable[str] = (), atomic: bool = True) -> None:
        # only graphs that exist are dropped: a new document's graph needs no DROP
        present = {g for g in set(drops) | set(graphs) if self._store.contains_named_graph(ox.NamedNode(g))}
        operations = [f"DROP SILENT GRAPH {URIRef(g).n3()}" for g in sorted(present)]
        if atomic and not operations:  # nothing to replace: one TriG load, one transaction, no SPARQL to parse
            if not self.writable:
                raise StoreError("store is open read-only", where=self.location)
            # TriG, not N-Quads: rdflib writes a literal with a line break as a Turtle long string
            trig = "".join(f"{URIRef(g).n3()} {{\n" + "".join(f"{t} .\n" for t in graphs[g]) + "}\n" for g in sorted(graphs))
            try:
                self._store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
            except (SyntaxError, OSError) as exc:
                raise StoreError(f"write failed, nothing was written: {exc}", where=self.location) from exc
            return
        if atomic:
            operations += insert_operations(f"GRAPH {URIRef(g).n3()} {{ {t} }}" for g in sorted(graphs) for t in graphs[g])
            self.update(" ;\n".join(operations))
            return
        if operations:
            self.update(" ;\n".join(operations))
        for g in sorted(graphs):  # then N-Triples pieces: no SPARQL text to parse, one transaction each
            for start in range(0, len(graphs[g]), DERIVED_PIECE):
                self._load_piece(g, graphs[g][start:start + DERIVED_PIECE])

    def _load_piece(self, graph: str, triples: list[str]) -> None:
        if not self.writable:
            raise StoreError("store is open read-only", where=self.location)
        try:
            # Turtle, not N-Triples: rdflib writes a literal with a line break as a long string
            self._store.load(_turtle(triples), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"write failed: {exc}", where=self.location) from exc

    def describe(self, subjects: Iterable[str], predicate: str | None = None,
                 graph: str | None = None) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        p = ox.NamedNode(predicate) if predicate else None
        g = ox.NamedNode(graph) if graph else None
        for subject in set(subjects):
            found = [(q.predicate.value, _lexical(q.object))
                     for q in self._store.quads_for_pattern(ox.NamedNode(subject), p, None, g)]
            if found:
                out[subject] = found
        return out

    def pairs_of(self, predicate: str, graph: str) -> list[tuple[str, str]]:
        return [(_lexical(q.subject), _lexical(q.object))
                for q in self._store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(graph))]

    def update(self, sparql: str) -> None:
        if not self.writable:
            raise StoreError("store is open read-only", where=self.location)
        try:
            self._store.update(sparql, prefixes=dict(PREFIXES))
        except SyntaxError as exc:
            raise _syntax_error(exc, sparql, "update") from exc
        except OSError as exc:
            raise StoreError(f"update failed, nothing was written: {exc}", where=self.location) from exc

    def quads(self):
        for q in self._store:
            yield (_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object), _graph_name(q.graph_name))

    def count_quads(self) -> int:
        return len(self._store)  # the store is actorgraph's alone

    def dump_nquads(self) -> bytes:
        return self._store.dump(format=ox.RdfFormat.N_QUADS) or b""

    def rdflib_dataset(self):
        """This store as an rdflib Dataset (through oxrdflib), for rdflib's own API."""
        # lazy: oxrdflib takes 0.3 s to import and only rdflib's own API on a store needs it
        from oxrdflib import OxigraphStore as OxRdflibStore
        from rdflib import Dataset

        return Dataset(store=OxRdflibStore(store=self._store))

    def flush(self) -> None:
        # RocksDB keeps a write buffer per index until it fills: left alone they grew the
        # ingest of 10,000 documents to 2.1 GB; flushed every FLUSH_EVERY documents, it stays flat
        if self.writable and self.location != "memory":
            try:
                self._store.flush()
            except OSError as exc:
                raise StoreError(f"flush failed: {exc}", where=self.location) from exc

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None and self.writable and self.location != "memory":
            store.flush()
        self._store = None  # type: ignore[assignment]  # closed: any later use fails loudly


# -------------------------------------------------------------------- remote

class _ClosingChallenge:
    """Close the 401 answer once the authenticated retry is made (urllib leaves it to the
    garbage collector, an unclosed socket)."""

    def http_error_401(self, req, fp, code, msg, headers):
        try:
            return super().http_error_401(req, fp, code, msg, headers)  # type: ignore[misc]
        finally:
            fp.close()


class _BasicAuth(_ClosingChallenge, urllib.request.HTTPBasicAuthHandler):
    pass


class _DigestAuth(_ClosingChallenge, urllib.request.HTTPDigestAuthHandler):
    pass


class _Transient(Exception):
    """A failure worth retrying; carries the error to raise when retries run out."""

    def __init__(self, error: StoreError) -> None:
        super().__init__(str(error))
        self.error = error


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol endpoint. Its default graph must be the union of the named
    graphs (Oxigraph: ``--union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``;
    GraphDB and Virtuoso do this by default)."""

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float | None = None,
                 graph_store_url: str | None = None, remote: Remote = Remote()) -> None:
        self.query_url, credentials = _check_url(query_url, "--store")
        self.location = self.query_url
        self.update_url, update_credentials = _check_url(update_url, "--update-url") if update_url else (self.query_url, None)
        self.update_url_given = update_url is not None
        self.graph_store_url: str | None = None
        gsp_credentials = None
        if graph_store_url:
            self.graph_store_url, gsp_credentials = _check_url(graph_store_url, "--graph-store-url")
        self.writable = True
        self.timeout = timeout if timeout is not None else remote.timeout
        self.retries = remote.retries
        self._headers: dict[str, str] = {}
        handlers: list[urllib.request.BaseHandler] = []
        login = (remote.user, remote.password) if remote.user else (credentials or update_credentials or gsp_credentials)
        if remote.token:
            self._headers["Authorization"] = f"Bearer {remote.token}"
        elif login:
            # HTTP basic or digest, whichever the server asks for (Virtuoso's update endpoint: digest)
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {u for u in (self.query_url, self.update_url, self.graph_store_url) if u}:
                passwords.add_password(None, url, login[0], login[1])
            handlers = [_BasicAuth(passwords), _DigestAuth(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def _post(self, url: str, data: dict[str, str], accept: str) -> tuple[bytes, str]:
        """POST a form; returns the body and its media type. A dropped connection or a
        server that is briefly unavailable (502, 503, 504) is retried with backoff; every
        request actorgraph sends is idempotent (queries, and updates that drop and insert
        whole document graphs)."""
        return self._retried("POST", url, urllib.parse.urlencode(data).encode("utf-8"),
                             "application/x-www-form-urlencoded", accept)

    def _retried(self, method: str, url: str, body: bytes, content_type: str, accept: str) -> tuple[bytes, str]:
        for attempt in range(self.retries + 1):
            try:
                return self._send(method, url, body, content_type, accept)
            except _Transient as exc:
                if attempt == self.retries:
                    raise exc.error from exc.__cause__
                time.sleep(min(0.5 * 2 ** attempt, 8.0))
        raise AssertionError("unreachable")

    def _put(self, graph: str, body: bytes, method: str = "PUT") -> None:
        """Replace (PUT) or add to (POST) one named graph through the SPARQL 1.1 Graph Store
        protocol, retried on a dropped connection (adding the same triples twice changes
        nothing)."""
        assert self.graph_store_url is not None
        url = f"{self.graph_store_url}{'&' if '?' in self.graph_store_url else '?'}graph={urllib.parse.quote(graph, safe='')}"
        self._retried(method, url, body, "text/turtle", "*/*")

    def _send(self, method: str, url: str, body: bytes, content_type: str, accept: str) -> tuple[bytes, str]:
        request = urllib.request.Request(url, data=body, method=method, headers={
            "Content-Type": content_type, "Accept": accept, "User-Agent": "actorgraph", **self._headers})
        where = _safe_url(url)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                media = (response.headers.get_content_type() or "").lower()
                self._status = response.status
                return response.read(), media
        except urllib.error.HTTPError as exc:
            with exc:  # the error response holds the connection
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0][:300] if detail else exc.reason
            if exc.code == 400:
                raise QueryError(f"endpoint rejected the request: {message}", where=where) from exc
            error = StoreError(f"HTTP {exc.code}: {message}", where=where)
            if exc.code in (502, 503, 504):
                raise _Transient(error) from exc
            raise error from exc
        except TimeoutError as exc:
            raise StoreError(f"no answer within {self.timeout:g} s", where=where) from exc
        except (ConnectionError, http.client.RemoteDisconnected, http.client.IncompleteRead) as exc:
            raise _Transient(StoreError(f"the connection dropped: {exc}", where=where)) from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
                                   http.client.RemoteDisconnected)):
                raise _Transient(StoreError(f"the connection dropped: {reason}", where=where)) from exc
            error = StoreError(f"cannot reach the SPARQL endpoint: {reason}", where=where)
            if isinstance(reason, ConnectionError):
                raise _Transient(error) from exc
            raise error from exc

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result:
        text = PROLOGUE + bind_values(sparql, bindings)
        try:
            data, media = self._post(self.query_url, {"query": text},
                                     "application/sparql-results+json, application/n-triples;q=0.9")
        except StoreError as exc:
            raise _with_endpoint_hint(exc, self.query_url, "query") from exc
        if media in ("application/n-triples", "text/plain"):
            from rdflib import Graph

            graph = Graph().parse(data=data.decode("utf-8"), format="nt")
            return Result(triples=list(graph))  # type: ignore[arg-type]
        if media not in ("application/sparql-results+json", "application/json"):
            raise StoreError(f"not a SPARQL endpoint: it answered {media or 'no content type'} "
                             f"(HTTP {getattr(self, '_status', '?')}) instead of SPARQL results",
                             where=_safe_url(self.query_url))
        try:
            return parse_results_json(data)
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"not a SPARQL endpoint: its answer is not SPARQL JSON results ({exc})",
                             where=_safe_url(self.query_url)) from exc

    def quads(self):
        result = self.query("SELECT ?s ?p ?o ?g WHERE { { GRAPH ?g { ?s ?p ?o } } UNION "
                            "{ ?s ?p ?o FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } } }")
        for row in result.rows:
            yield row["s"], row["p"], row["o"], row.get("g")

    def update(self, sparql: str) -> None:
        try:
            self._post(self.update_url, {"update": PROLOGUE + sparql}, "*/*")
        except (QueryError, StoreError) as exc:
            if self.update_url_given:
                raise _with_endpoint_hint(exc, self.update_url, "update") if isinstance(exc, StoreError) else exc from exc
            raise StoreError("the endpoint refused a SPARQL update at its query URL; give its update endpoint "
                             "with --update-url or ACTORGRAPH_UPDATE_URL (Oxigraph: …/update, Fuseki: …/update, "
                             f"Virtuoso: …/sparql-auth) ({exc.message})", where=self.location) from exc

    def write_graphs(self, graphs: dict[str, list[str]], drops: Iterable[str] = (), atomic: bool = True) -> None:
        """Write whole named graphs, then drop ``drops`` (the new graphs are in before the old
        ones go, so a dropped connection loses nothing). With a Graph Store endpoint each graph
        is one PUT (more than PUT_TRIPLES triples: a PUT, then POSTs); otherwise SPARQL
        updates of whole graphs, at most UPDATE_TRIPLES triples per request (servers such as
        Virtuoso compile a request in time that grows faster than its size). A graph larger
        than one request takes several, its document triple last, so a half-written document
        is not taken for a stored one."""
        ordered = {g: _node_last(g, graphs[g]) for g in sorted(graphs)}
        if self.graph_store_url:
            for graph, triples in ordered.items():
                for start in range(0, max(len(triples), 1), PUT_TRIPLES):  # the first replaces, the rest add
                    self._put(graph, _turtle(triples[start:start + PUT_TRIPLES]), "PUT" if start == 0 else "POST")
        else:
            self._update_graphs(ordered)
        gone = sorted(set(drops) - set(graphs))
        if gone:
            self.update(" ;\n".join(f"DROP SILENT GRAPH {URIRef(g).n3()}" for g in gone))

    def _update_graphs(self, graphs: dict[str, list[str]]) -> None:
        """Graphs replaced through SPARQL updates of at most UPDATE_TRIPLES triples each."""
        pending: list[str] = []
        size = 0
        for graph, triples in graphs.items():
            name = URIRef(graph).n3()
            if size and size + len(triples) > UPDATE_TRIPLES:  # a graph that fits one request gets one
                self.update(" ;\n".join(pending))
                pending, size = [], 0
            pending.append(f"DROP SILENT GRAPH {name}")
            for start in range(0, len(triples), UPDATE_TRIPLES):
                chunk = triples[start:start + UPDATE_TRIPLES]
                pending += insert_operations(f"GRAPH {name} {{ {t} }}" for t in chunk)
                size += len(chunk)
                if size >= UPDATE_TRIPLES:
                    self.update(" ;\n".join(pending))
                    pending, size = [], 0
        if pending:
            self.update(" ;\n".join(pending))


#: where SPARQL servers answer, after their root: what a 404 at another address suggests
ENDPOINTS = {"query": "{root}/query (Oxigraph) or {root}/sparql (Virtuoso; Fuseki: {root}/DATASET/sparql)",
             "update": "{root}/update (Oxigraph; Fuseki: {root}/DATASET/update) or {root}/sparql-auth (Virtuoso)"}


def _with_endpoint_hint(error: StoreError, url: str, kind: str) -> StoreError:
    """``error`` with a hint of where the endpoint may be, when the server answered that
    nothing is there (404, 405: the address of a server's root or another page)."""
    if not error.message.startswith(("HTTP 404", "HTTP 405")):
        return error
    parts = urllib.parse.urlsplit(url)
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
    root = f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}"
    return StoreError(f"{error.message}; is the {kind} endpoint {ENDPOINTS[kind].format(root=root)}?", where=error.where)


def _node_last(graph: str, triples: list[str]) -> list[str]:
    """A graph's triples with those about the graph's own node (a document's) last."""
    node = f"{URIRef(graph).n3()} "
    return sorted(triples, key=lambda t: t.startswith(node))


def _check_url(url: str, option: str) -> tuple[str, tuple[str, str] | None]:
    """A usable endpoint URL without its credentials, and the credentials it carried."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise StoreError(f"not a usable URL: {exc}", where=option) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError("not a usable URL: expected http(s)://host[:port]/path", where=option)
    credentials = (urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")) \
        if parts.username or parts.password else None
    return _safe_url(url), credentials


def _safe_url(url: str) -> str:
    """A URL without its user name and password, fit for a message.

    >>> _safe_url("http://user:secret@127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = parts.netloc.rsplit("@", 1)[-1]
    host = netloc or host
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))



def parse_results_json(data: bytes) -> Result:
    """Parse W3C SPARQL 1.1 Query Results JSON into a Result."""
    doc = json.loads(data)
    if "boolean" in doc:
        return Result(boolean=bool(doc["boolean"]))
    names = doc["head"].get("vars", [])
    rows = []
    for binding in doc["results"]["bindings"]:
        row: dict[str, Term] = {}
        for name, value in binding.items():
            kind = value["type"]
            if kind == "uri":
                row[name] = URIRef(value["value"])
            elif kind == "bnode":
                row[name] = BNode(value["value"])
            else:
                row[name] = Literal(value["value"], lang=value.get("xml:lang"),
                                    datatype=URIRef(value["datatype"]) if value.get("datatype") else None)
        rows.append(row)
    return Result(vars=names, rows=rows)


def result_to_json(result: Result) -> str:
    """Serialize as W3C SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = []
    for row in result.rows:
        out = {}
        for name, term in row.items():
            if isinstance(term, URIRef):
                out[name] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                out[name] = {"type": "bnode", "value": str(term)}
            else:
                item: dict[str, str] = {"type": "literal", "value": str(term)}
                if term.language:
                    item["xml:lang"] = term.language
                elif term.datatype:
                    item["datatype"] = str(term.datatype)
                out[name] = item
        bindings.append(out)
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, ensure_ascii=False)


def open_store(location: str | os.PathLike[str] | None = None, read_only: bool = False, update_url: str | None = None,
               graph_store_url: str | None = None, remote: Remote = Remote()) -> Store:
    """Open a store by location: a folder (a string or a path), ``memory``, or an
    ``http(s)://`` endpoint (default: DEFAULT_LOCATION; the environment is read at the edge,
    see actorgraph.settings).

    ``read_only`` opens an embedded store for reading while another process may write;
    ``update_url`` and ``graph_store_url`` (SPARQL 1.1 Graph Store protocol, for fast
    writes of whole graphs) are a remote store's other endpoints, ``remote`` its timeout,
    retries and credentials.
    """
    location = os.fspath(location or DEFAULT_LOCATION)
    if location == "memory":
        return OxigraphStore(None)
    if re.match(r"(?i)^https?://", location):
        return RemoteStore(location, update_url, graph_store_url=graph_store_url, remote=remote)
    return OxigraphStore(Path(location).expanduser(), read_only=read_only)


INSERT_CHUNK = 300  # quads per INSERT DATA operation (Virtuoso compiles each to SQL of bounded size)
LOOKUP_CHUNK = 500  # subjects per query of Store.describe
DERIVED_PIECE = 20_000  # triples per transaction when the embedded store writes a derived graph in pieces
UPDATE_TRIPLES = 1000  # triples per update request to a remote store without a Graph Store endpoint
#: triples per Graph Store request: a server that challenges for credentials may close the
#: connection before reading a large body (Virtuoso did, on 43,000 triples)
PUT_TRIPLES = 2000


def insert_operations(patterns: Iterable[str]) -> list[str]:
    """``INSERT DATA`` operations of at most INSERT_CHUNK quad patterns each
    (``GRAPH <g> { s p o }``), to join with other operations into one update request
    (one transaction)."""
    items = list(patterns)
    return ["INSERT DATA {\n" + "\n".join(items[i:i + INSERT_CHUNK]) + "\n}" for i in range(0, len(items), INSERT_CHUNK)]


def quad_patterns(quads: Iterable[tuple]) -> list[str]:
    """Quads as ``GRAPH <g> { s p o }`` patterns (rdflib's n3() escapes every term)."""
    return [f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}" for s, p, o, g in quads]


def nquad_lines(quads: Iterable[tuple]) -> str:
    """Quads as the body of an INSERT DATA block (rdflib's n3() escapes every term)."""
    lines = []
    for s, p, o, g in quads:
        lines.append(f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}")
    return "\n".join(lines)
