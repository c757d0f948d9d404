"""Exporters by format name: every writer takes (store, out_path) and writes atomically."""

from actorgraph.errors import UnknownFormatError
from actorgraph.exports.network import write_csv, write_cytoscape, write_ftm, write_gexf, write_graphml
from actorgraph.exports.rdf import write_jsonld, write_nquads, write_trig, write_turtle

EXPORTERS = {
    "turtle": write_turtle,
    "trig": write_trig,
    "nquads": write_nquads,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
    "cytoscape": write_cytoscape,
    "ftm": write_ftm,
}



def exporter(fmt: str):
    """The writer of a format; an unknown name is a usage error listing the formats."""
    if fmt not in EXPORTERS:
        raise UnknownFormatError(f"unknown format '{fmt}'; available: {', '.join(EXPORTERS)}", where="export FORMAT")
    return EXPORTERS[fmt]


__all__ = ["EXPORTERS", "exporter"]
