"""What follows from what the other rules found (``rules.inference.*``): a person an agency
arrested is detained by it. This rule runs last (see
:data:`~actorgraph.loaders.rules.DOCUMENT_ORDER`) and reads
:attr:`~actorgraph.loaders.rules.DocumentContext.found`.
"""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.loaders.model import Relation
from actorgraph.loaders.rules import DocumentContext, Level, Passage, make_relation, register


@register("rules.inference.arrest_detains.v1", Level.DOCUMENT, ("detainedBy",))
def arrest_detains(ctx: DocumentContext) -> Iterator[Relation]:
    """X arrested Y (found by another rule): Y is detained by X, on the same evidence, at lower confidence."""
    by_iri = {e.iri: e for e in ctx.entities}
    for r in ctx.found:
        if r.predicate == "arrested":
            ev = r.evidence
            relation = make_relation(Passage(ctx.text, ev.start, ev.end, ev.modality), by_iri[r.object], "detainedBy",
                                     by_iri[r.subject], "rules.inference.arrest_detains.v1", min(ev.confidence, 0.5))
            if relation is not None:
                yield relation
