"""Exports: the network for Gephi and friends (GEXF 1.3, GraphML, CSV), and the RDF dataset
(Turtle, N-Quads, TriG, JSON-LD). One small module per family; network exports take the
prepared network of `kg.network.prepare`, so they match the HTML view of the same options."""

from __future__ import annotations

from .csvfiles import write_csv
from .gexf import write_gexf
from .graphml import write_graphml
from .rdf import RDF_FORMATS, export_rdf

NETWORK_FORMATS = ("gexf", "graphml", "csv")
FORMATS = (*NETWORK_FORMATS, *RDF_FORMATS)

__all__ = [
    "FORMATS",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "export_rdf",
    "write_csv",
    "write_gexf",
    "write_graphml",
]
