"""Exporters by format name: every writer takes (store, out_path) and writes atomically."""

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

__all__ = ["EXPORTERS"]
