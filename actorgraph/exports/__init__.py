"""Exporters by format name: every writer takes (store, out_path) and writes atomically."""

from actorgraph.exports.rdf import write_jsonld, write_nquads, write_trig, write_turtle

EXPORTERS = {
    "turtle": write_turtle,
    "trig": write_trig,
    "nquads": write_nquads,
    "jsonld": write_jsonld,
}

__all__ = ["EXPORTERS"]
