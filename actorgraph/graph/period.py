"""Time in the graph: when each statement held, and what counts in a period.

A statement (an ``ag:Evidence``) holds over a span: from its ``ag:start`` (else its
``ag:asOf``, else its ``ag:end``) to its ``ag:end`` (else its ``ag:asOf``); a statement
with a start and no end also held when it was made; one the text does not date holds at
its document's ``dcterms:created``; one whose document has no date either is undated. A
relation (subject, predicate, object) holds from the earliest to the latest of its
statements' spans, and has ended when its latest statement says so ("ended its agreement
in February 2020", "no longer").

A relation counts in a period (``--since``/``--until``) when its span overlaps it, each
date as wide as it is written ("2019" runs from January 1 to December 31). An undated
relation counts only when no period is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from actorgraph.errors import UsageError
from actorgraph.graph.store import Store, values_table
from actorgraph.loaders.time.expressions import When


@dataclass(frozen=True, slots=True)
class Span:
    """When a statement or a relation held: ``first`` to ``last``; ``ended`` when the text
    says it ended at ``last``."""

    first: When
    last: When
    ended: bool = False

    def describe(self) -> str:
        """ "2011 – 2019-06-05", "2020-02 (ended)", "2017"."""
        text = self.first.value if self.first == self.last else f"{self.first.value} – {self.last.value}"
        return text + (" (ended)" if self.ended else "")


@dataclass(frozen=True, slots=True)
class Period:
    """The period a question, map or export is asked for (either end may be open)."""

    since: When | None = None
    until: When | None = None

    @classmethod
    def parse(cls, since: str | None = None, until: str | None = None, where: str = "") -> Period:
        """A period from two ISO dates as a user writes them ("2018", "2018-06", "2018-06-05").

        >>> Period.parse("2018", "2020-06").describe()
        '2018 – 2020-06'
        >>> Period.parse("June 2018")
        Traceback (most recent call last):
        ...
        actorgraph.errors.UsageError: --since: 'June 2018' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD
        """
        ends = []
        for name, value in (("--since", since), ("--until", until)):
            when = When.parse(value) if value else None
            if value and (when is None or "T" in value):
                raise UsageError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                                 where=f"{where} {name}".strip())
            ends.append(when)
        period = cls(*ends)
        if period.since and period.until and period.since.first() > period.until.last():
            raise UsageError(f"--since {period.since.value} is after --until {period.until.value}", where=where or "period")
        return period

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def describe(self) -> str:
        if self.since and self.until:
            return f"{self.since.value} – {self.until.value}"
        if self.since:
            return f"since {self.since.value}"
        return f"until {self.until.value}" if self.until else ""

    def holds(self, span: Span | None) -> bool:
        """Whether a relation of this span counts in the period (an undated one only when
        there is no period).

        >>> p = Period.parse("2020")
        >>> p.holds(Span(When("2017"), When("2020-02"), True)), p.holds(Span(When("2017"), When("2019"), True))
        (True, False)
        """
        if not self:
            return True
        if span is None:
            return False
        return (self.since is None or span.last.last() >= self.since.first()) and \
            (self.until is None or span.first.first() <= self.until.last())


def statement_span(since: object = None, until: object = None, as_of: object = None, ended: object = None,
                   created: object = None) -> Span | None:
    """The span of one statement from its dates (ISO strings or dates, any may be None) and
    its document's date; None when nothing dates it.

    >>> statement_span(since="2011", created="2019-06-05").describe()
    '2011 – 2019-06-05'
    >>> statement_span(until="2020-02", ended=True, created="2021-03-05").describe()
    '2020-02 (ended)'
    >>> statement_span(created=None) is None
    True
    """
    start, end, point = (When.parse(str(v)) if v not in (None, "") else None for v in (since, until, as_of))
    stated = When.parse(str(created)) if created not in (None, "") else None
    over = str(ended).lower() in ("true", "1")
    if start is None and end is None and point is None:
        return Span(stated, stated, over) if stated is not None else None
    first = start or point or end
    last = end or point or start
    assert first is not None and last is not None
    if start is not None and end is None and not over and stated is not None and stated.last() > last.last():
        last = stated  # "has worked with X since 2011", said in 2019: it held until 2019 at least
    return Span(first, last, over or end is not None)


def relation_span(spans: Iterable[Span | None]) -> Span | None:
    """The span of a relation from those of its statements: earliest to latest, ended when
    every latest statement says it ended.

    >>> relation_span([Span(When("2017"), When("2017")), Span(When("2020-02"), When("2020-02"), True)]).describe()
    '2017 – 2020-02 (ended)'
    """
    known = [s for s in spans if s is not None]
    if not known:
        return None
    first = min((s.first for s in known), key=When.first)
    last = max(known, key=lambda s: s.last.last()).last
    latest = [s for s in known if s.last.last() >= last.last()]
    return Span(first, last, all(s.ended for s in latest))


QUERY_CHUNK = 200  # relations dated per look-up

_DATES = """SELECT ?s ?p ?o ?d ?start ?end ?asOf ?ended ?created WHERE {
  %s
  GRAPH ?d { ?s ?p ?o . ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
  OPTIONAL { GRAPH ?d { ?ev ag:start ?start } }
  OPTIONAL { GRAPH ?d { ?ev ag:end ?end } }
  OPTIONAL { GRAPH ?d { ?ev ag:asOf ?asOf } }
  OPTIONAL { GRAPH ?d { ?ev ag:ended ?ended } }
  OPTIONAL { ?d dcterms:created ?created }
}"""  # an OPTIONAL inside the GRAPH group would make Oxigraph read it for every document; the
# direct triple first finds the documents that state a relation (an index look-up) before
# their evidence nodes, not every evidence node of a hub such as ICE


Key = tuple[str, str, str]


def relation_spans(store: Store, keys: Sequence[Key] | None = None) -> dict[Key, Span | None]:
    """The span of each relation (subject, predicate, object IRIs) in ``keys``, of every
    relation when None: one look-up per QUERY_CHUNK relations."""
    found: dict[Key, list[Span | None]] = {}
    chunks: Iterable[Sequence[Key] | None] = [None] if keys is None else \
        (keys[i:i + QUERY_CHUNK] for i in range(0, len(keys), QUERY_CHUNK))
    for chunk in chunks:
        table = "" if chunk is None else values_table(["s", "p", "o"], [tuple(URIRef(k) for k in key)
                                                                        for key in sorted(set(chunk))])
        for s, p, o, _, start, end, as_of, ended, created in store.values(_DATES % table):
            if s and p and o:
                found.setdefault((s, p, o), []).append(statement_span(start, end, as_of, ended, created))
    out = {key: relation_span(spans) for key, spans in found.items()}
    for key in keys or ():
        out.setdefault(key, None)
    return out


def time_columns(span: Span | None) -> dict[str, str]:
    """The columns an answer row gets: ``from``, ``to`` and ``ended`` (yes), where known."""
    if span is None:
        return {}
    return {"from": span.first.value, "to": span.last.value, **({"ended": "yes"} if span.ended else {})}


def date_edges(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give every edge of a projected graph (its ``evidence`` carrying ``since``, ``until``,
    ``as_of``, ``ended`` and ``created``) its span as ``from``, ``to`` and ``ended`` (in
    place; an undated edge gets none); returns the graph."""
    for _, _, data in graph.edges(data=True):
        span = relation_span(statement_span(ev.get("since"), ev.get("until"), ev.get("as_of"), ev.get("ended"),
                                            ev.get("created")) for ev in data.get("evidence", []))
        for name in ("from", "to", "ended"):
            data.pop(name, None)
        if span is not None:
            data.update({"from": span.first.value, "to": span.last.value, "ended": span.ended})
    return graph


def graph_in_period(graph: nx.MultiDiGraph, period: Period) -> nx.MultiDiGraph:
    """A projected graph (see :func:`date_edges`) with only the relations that count in
    ``period``, and without the entities that had relations and have none left (a copy)."""
    g = date_edges(graph.copy())
    if not period:
        return g
    had = {n for n in g if g.degree(n)}
    for s, o, key, data in list(g.edges(keys=True, data=True)):
        span = Span(When(data["from"]), When(data["to"]), bool(data["ended"])) if "from" in data else None
        if not period.holds(span):
            g.remove_edge(s, o, key)
    g.remove_nodes_from([n for n in had if not g.degree(n)])
    return g


_DROP = """DELETE { GRAPH ?d { ?s ?p ?o . ?ev ?q ?v } } WHERE {
  %s
  GRAPH ?d { ?s ?p ?o . ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ?q ?v }
}"""


def drop_outside(store: Store, period: Period) -> tuple[int, int]:
    """Delete from ``store`` (a copy made for an export) the relations that do not count in
    ``period``: their triples and their evidence, in every document. Returns how many
    relations were dropped and how many of them were undated."""
    if not period:
        return 0, 0
    spans = relation_spans(store)
    out = sorted(key for key, span in spans.items() if not period.holds(span))
    undated = sum(1 for key in out if spans[key] is None)
    for i in range(0, len(out), QUERY_CHUNK):
        table = values_table(["s", "p", "o"], [tuple(URIRef(k) for k in key) for key in out[i:i + QUERY_CHUNK]])
        store.update(_DROP % table)
    return len(out), undated


#: the hidden variables of a question whose rows are statements (``# time: statement``)
STATEMENT_TIME = ("tstart", "tend", "tasof", "tended", "created")


def row_spans(store: Store, rows: Sequence[dict[str, object]], quote: tuple[str, ...],
              statements: bool = False) -> list[Span | None]:
    """The span of each answer row: of its statement, from the row's own time variables
    (``statements``, see :data:`STATEMENT_TIME`), or of its relation, named by the first
    three of the question's ``quote`` variables (subject, predicate, object)."""
    if statements:
        return [statement_span(*(row.get(v) for v in STATEMENT_TIME)) for row in rows]
    names = quote[:3]
    if len(names) < 3 or "_" in names:
        return [None] * len(rows)
    keys: list[Key | None] = [tuple(str(row[v]) for v in names) if all(v in row for v in names) else None  # type: ignore[misc]
                              for row in rows]
    spans = relation_spans(store, [k for k in keys if k is not None])
    return [spans.get(k) if k is not None else None for k in keys]


def dates_apply(quote: tuple[str, ...], statements: bool) -> bool:
    """Whether the rows of a question are dated statements or relations (not entities)."""
    return statements or (len(quote) >= 3 and "_" not in quote[:3])


def add_time(columns: list[str], rows: list[dict[str, object]], spans: Sequence[Span | None],
             statements: bool = False) -> list[str]:
    """Give answer rows their time columns (in place) and return the columns: ``from``,
    ``to`` and ``ended`` for relations, ``date``, ``to`` and ``ended`` for statements
    (``to`` only where the statement runs to another date), before the quote; the hidden
    time variables of statements are dropped."""
    for row, span in zip(rows, spans, strict=True):
        for name in STATEMENT_TIME:
            row.pop(name, None)
        if span is None:
            continue
        if statements:
            row["date"] = span.first.value
            if span.last != span.first:
                row["to"] = span.last.value
            if span.ended:
                row["ended"] = "yes"
        else:
            row.update(time_columns(span))
    names = ["to", "ended"] if statements else ["from", "to", "ended"]
    shown = [n for n in names if any(n in row for row in rows)]
    columns = [c for c in columns if c not in STATEMENT_TIME and c not in shown]
    if statements:
        at = 1 if columns and columns[0] == "date" else 0
        return columns[:at] + shown + columns[at:]
    at = columns.index("quote") if "quote" in columns else len(columns)
    return columns[:at] + shown + columns[at:]
