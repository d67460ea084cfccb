"""GraphML (yEd, Cytoscape, Gephi, igraph), through networkx, with the same attributes as GEXF
plus the layout as x, y, size and color (the attribute names Gephi's GraphML importer reads)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .files import replacing
from .records import edge_kind, edge_record, node_record, xml_text


def _plain(record: dict) -> dict:
    return {k: xml_text(v) if isinstance(v, str) else v for k, v in record.items()}


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with only plain, XML-safe attribute values."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(
            xml_text(n),
            label=xml_text(d["label"]),
            **_plain(node_record(d)),
            x=float(d["x"]),
            y=float(-d["y"]),
            size=float(d["size"]),
            color=d["color"],
        )
    for s, o, d in g.edges(data=True):
        h.add_edge(
            xml_text(s),
            xml_text(o),
            key=xml_text(edge_kind(d)),
            label=xml_text(d["label"]),
            **_plain(edge_record(d)),
        )
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    with replacing(path) as tmp:
        nx.write_graphml(flat(g), tmp, encoding="utf-8")
