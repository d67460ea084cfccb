"""GEXF 1.3 for Gephi, written with xml.etree (networkx writes only GEXF 1.2draft).

Typed attribute declarations, viz:color (r, g, b without alpha: Gephi Lite ignores colours with
alpha), viz:size, viz:position from the layout, viz:shape; parallel edges told apart by `kind`;
and a timeline: each node and edge gets a spell that starts when it was first attested, so
Gephi's timeline plays the network's growth. Validates against ../shared/schemas/gexf-1.3.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx

from .. import __version__
from .files import replacing
from .records import EDGE_COLUMNS, NODE_COLUMNS, edge_record, node_record, rgb, xml_text

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
ET.register_namespace("", GEXF)
ET.register_namespace("viz", VIZ)


def _tag(name: str) -> str:
    return f"{{{GEXF}}}{name}"


def _viz(name: str) -> str:
    return f"{{{VIZ}}}{name}"


def _value(v) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else xml_text(v)


def _attributes(graph: ET.Element, cls: str, columns: list[tuple[str, str]]) -> None:
    decl = ET.SubElement(graph, _tag("attributes"), {"class": cls, "mode": "static"})
    for name, type_ in columns:
        ET.SubElement(decl, _tag("attribute"), {"id": name, "title": name, "type": type_})


def _attvalues(parent: ET.Element, record: dict) -> None:
    values = ET.SubElement(parent, _tag("attvalues"))
    for k, v in record.items():
        if v != "":
            ET.SubElement(values, _tag("attvalue"), {"for": k, "value": _value(v)})


def _spell(parent: ET.Element, first_seen: str) -> None:
    """An open spell from the first attestation: the element appears then and stays."""
    if first_seen:
        spells = ET.SubElement(parent, _tag("spells"))
        ET.SubElement(spells, _tag("spell"), {"start": first_seen})


def gexf_tree(g: nx.MultiDiGraph) -> ET.ElementTree:
    root = ET.Element(_tag("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, _tag("meta"), {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, _tag("creator")).text = f"pbkg {__version__} (kg export)"
    ET.SubElement(meta, _tag("description")).text = xml_text(g.graph.get("view", ""))
    graph = ET.SubElement(
        root,
        _tag("graph"),
        {
            "defaultedgetype": "directed",
            "mode": "dynamic",
            "timeformat": "date",
            "timerepresentation": "interval",
        },
    )
    _attributes(graph, "node", NODE_COLUMNS)
    _attributes(graph, "edge", EDGE_COLUMNS)
    nodes = ET.SubElement(graph, _tag("nodes"), {"count": str(g.number_of_nodes())})
    for n, d in g.nodes(data=True):
        node = ET.SubElement(nodes, _tag("node"), {"id": xml_text(n), "label": xml_text(d["label"])})
        _attvalues(node, node_record(d))
        _spell(node, d["first_seen"])
        r, gr, b = rgb(d["color"])
        ET.SubElement(node, _viz("color"), {"r": str(r), "g": str(gr), "b": str(b)})
        ET.SubElement(node, _viz("position"), {"x": str(d["x"]), "y": str(-d["y"]), "z": "0.0"})
        ET.SubElement(node, _viz("size"), {"value": str(d["size"])})
        ET.SubElement(node, _viz("shape"), {"value": d["shape"]})
    edges = ET.SubElement(graph, _tag("edges"), {"count": str(g.number_of_edges())})
    for i, (s, o, d) in enumerate(g.edges(data=True)):
        record = edge_record(d)
        edge = ET.SubElement(
            edges,
            _tag("edge"),
            {
                "id": f"e{i}",
                "source": xml_text(s),
                "target": xml_text(o),
                "type": "directed" if d["directed"] else "undirected",
                "kind": xml_text(record["kind"]),
                "label": xml_text(d["label"]),
            },
        )
        _attvalues(edge, record)
        _spell(edge, d["first_seen"])
        r, gr, b = rgb(d["color"])
        ET.SubElement(edge, _viz("color"), {"r": str(r), "g": str(gr), "b": str(b)})
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    with replacing(path) as tmp:
        gexf_tree(g).write(tmp, encoding="utf-8", xml_declaration=True)
