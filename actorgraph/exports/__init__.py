"""Export formats by name, in one registry: each :class:`Exporter` pairs a writer
``write(store, out) -> Path`` (atomic: a temporary file, then ``os.replace``) with the one
line ``actorgraph export --help`` shows for it. The command's list of formats, its error
for an unknown one and the API's ``export`` all read :data:`EXPORTERS`.

>>> list(EXPORTERS)[:3]
['turtle', 'trig', 'nquads']
>>> EXPORTERS["graphml"].description
'GraphML network (Gephi, Cytoscape, yEd): actors and relations, each edge with its first quote'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from actorgraph.errors import UnknownFormatError
from actorgraph.exports.network import write_csv, write_cytoscape, write_ftm, write_gexf, write_graphml
from actorgraph.exports.rdf import write_jsonld, write_nquads, write_trig, write_turtle
from actorgraph.graph.store import Store


@dataclass(frozen=True, slots=True)
class Exporter:
    """A registered export format: its ``name`` (the FORMAT of ``actorgraph export``), its
    writer and the one line of help that says what the file holds and what opens it."""

    name: str
    write: Callable[[Store, Path], Path]
    description: str

    def __call__(self, store: Store, out: Path) -> Path:
        return self.write(store, out)


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, write: Callable[[Store, Path], Path], description: str) -> Exporter:
    """Register the writer of format ``name`` (listed in registration order) with its one
    line of help; a name registered twice is a programming error."""
    if name in EXPORTERS:
        raise ValueError(f"export format {name} registered twice")
    if not description or "\n" in description:
        raise ValueError(f"export format {name} needs a description of one line")
    EXPORTERS[name] = Exporter(name, write, description)
    return EXPORTERS[name]


register("turtle", write_turtle, "RDF Turtle: the union of all document graphs as one graph")
register("trig", write_trig, "RDF TriG: every document its own named graph, evidence included")
register("nquads", write_nquads, "RDF N-Quads: the same quads as trig, one a line")
register("jsonld", write_jsonld, "JSON-LD with a context made from the ontology (terms by their local names)")
register("graphml", write_graphml, "GraphML network (Gephi, Cytoscape, yEd): actors and relations, each edge with its "
                                   "first quote")
register("gexf", write_gexf, "GEXF network (Gephi): the same nodes and edges as graphml")
register("csv", write_csv, "a folder with nodes.csv and edges.csv (spreadsheets): one row per relation and quote")
register("cytoscape", write_cytoscape, "Cytoscape.js JSON (elements.nodes, elements.edges)")
register("ftm", write_ftm, "FollowTheMoney entities as JSON lines (Aleph and other FtM tools)")


def exporter(fmt: str) -> Exporter:
    """The exporter of a format; an unknown name is a usage error listing the formats."""
    if fmt not in EXPORTERS:
        raise UnknownFormatError(f"unknown format '{fmt}'; available: {', '.join(EXPORTERS)}", where="export FORMAT")
    return EXPORTERS[fmt]


def formats_help() -> str:
    """The formats as ``actorgraph export --help`` lists them: one line each.

    >>> print(formats_help().splitlines()[0])
      turtle     RDF Turtle: the union of all document graphs as one graph
    """
    width = max(len(name) for name in EXPORTERS) + 2
    return "\n".join(f"  {e.name:<{width}}{e.description}" for e in EXPORTERS.values())


__all__ = ["EXPORTERS", "Exporter", "exporter", "formats_help", "register"]
