"""SHACL validation of a graph with pyshacl, reported as readable lines."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from actorgraph.ontology import load_ontology, load_shapes


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}  {self.path}: {self.message}"


def validate_graph(data: Graph) -> list[Violation]:
    """Violations of shapes.ttl (and the domain/range shapes from ag.ttl) in ``data``."""
    from pyshacl import validate  # lazy: 0.3 s to import; only `validate` needs it

    _, results, _ = validate(data, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                             inference="none", advanced=True, allow_warnings=True)
    out = []
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        out.append(Violation(str(focus), data.namespace_manager.normalizeUri(path) if path else "",
                             str(message or "")))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
