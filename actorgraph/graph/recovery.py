"""Never a half-finished store: an ingest marks the store before its first write and clears
the mark only after cross-document resolution, reference facts and labels are done. A later
writer that finds the mark (the earlier one was killed) finishes those steps first.

``ACTORGRAPH_CRASH_AT=<phase>`` kills the process at a named point (tests use it to check
that every phase recovers): ``after-mark``, ``after-documents``, ``after-resolve``,
``after-reference``, ``after-labels``."""

from __future__ import annotations

import os

from rdflib import Literal, URIRef

from actorgraph.graph.store import Store

SYSTEM_GRAPH = URIRef("https://w3id.org/actorgraph/graph/system")
PENDING = URIRef("https://w3id.org/actorgraph/system#finishPending")
PHASES = ("after-mark", "after-documents", "after-resolve", "after-reference", "after-labels")


def crash_point(phase: str) -> None:
    """Die here, without cleaning up, when ACTORGRAPH_CRASH_AT names this phase."""
    if os.environ.get("ACTORGRAPH_CRASH_AT") == phase:
        os._exit(86)


def is_pending(store: Store) -> bool:
    return bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": SYSTEM_GRAPH, "s": SYSTEM_GRAPH, "p": PENDING}).boolean)


def mark_pending(store: Store) -> None:
    store.update(f"INSERT DATA {{ GRAPH {SYSTEM_GRAPH.n3()} {{ {SYSTEM_GRAPH.n3()} {PENDING.n3()} {Literal(True).n3()} }} }}")


def clear_pending(store: Store) -> None:
    store.update(f"DROP SILENT GRAPH {SYSTEM_GRAPH.n3()}")


def finish(store: Store, resolve_step) -> None:
    """The steps after documents are written, each idempotent: cross-document resolution
    (``resolve_step()`` returns label overrides), the reference facts, the canonical labels;
    then the mark is cleared."""
    from actorgraph.graph.reference import refresh_reference
    from actorgraph.graph.resolve import refresh_entity_labels

    labels = resolve_step()
    crash_point("after-resolve")
    refresh_reference(store)
    crash_point("after-reference")
    refresh_entity_labels(store, labels)  # once, after merges and reference facts
    crash_point("after-labels")
    clear_pending(store)
