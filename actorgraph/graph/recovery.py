"""Never a half-finished store: an ingest marks the store before its first write and clears
the mark only after cross-document resolution, reference facts and labels are done (those
steps are run by ``actorgraph.api``, above the modules that do each). A later writer that
finds the mark (the earlier one was killed) finishes those steps first.

``ACTORGRAPH_CRASH_AT=<phase>`` (``Settings.crash_at``, passed down as ``crash_at``) kills the
process at a named point (tests use it to check that every phase recovers): ``after-mark``,
``after-documents``, ``after-resolve``, ``after-reference``, ``after-labels``."""

from __future__ import annotations

import os

from rdflib import Literal, URIRef

from actorgraph.graph.store import Store

SYSTEM_GRAPH = URIRef("https://w3id.org/actorgraph/graph/system")
PENDING = URIRef("https://w3id.org/actorgraph/system#finishPending")
PHASES = ("after-mark", "after-documents", "after-resolve", "after-reference", "after-labels")


def crash_point(phase: str, crash_at: str | None) -> None:
    """Die here, without cleaning up, when ``crash_at`` (ACTORGRAPH_CRASH_AT) names this phase."""
    if crash_at == phase:
        os._exit(86)


def is_pending(store: Store) -> bool:
    return bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": SYSTEM_GRAPH, "s": SYSTEM_GRAPH, "p": PENDING}).boolean)


def mark_pending(store: Store) -> None:
    store.update(f"INSERT DATA {{ GRAPH {SYSTEM_GRAPH.n3()} {{ {SYSTEM_GRAPH.n3()} {PENDING.n3()} {Literal(True).n3()} }} }}")


def clear_pending(store: Store) -> None:
    store.update(f"DROP SILENT GRAPH {SYSTEM_GRAPH.n3()}")
