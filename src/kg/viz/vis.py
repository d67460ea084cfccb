"""The vis-network page, built with pyvis: pyvis collects the nodes, edges and options; our
template (viz/templates/vis.html) renders them, because pyvis's own templates link Bootstrap and
tom-select from CDNs and its writer uses the system encoding.

Drawing speed (5,000 nodes in about 1.3 s in software-rendered Chromium) comes from giving every
node its position, turning physics off, and drawing edges straight and without labels once the
graph is large; small graphs get curved, labelled edges so that parallel relations stay apart.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from pyvis.network import Network

from .page import Tables, edge_fields, meta, node_fields

FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif'
SHAPES = {"disc": "dot", "square": "square", "triangle": "triangle", "diamond": "diamond"}
DETAILED_EDGES = 1000  # up to this many edges: labels on edges and curves for parallel ones


def options(detailed: bool) -> dict:
    """vis-network options: no physics (positions come from Python), hover for tooltips."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": not detailed, "hideEdgesOnZoom": not detailed},
        "nodes": {
            "font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            # large graphs: a label only once it is zoomed to a readable size (14 px × zoom ≥ 11)
            "scaling": {"label": {"drawThreshold": 5 if detailed else 11}},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "selectionWidth": 2,
            "font": {"face": FONT, "size": 11, "align": "horizontal", "strokeWidth": 3, "color": "#4a4f57"},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}},
        },
    }


def curves(g: nx.MultiDiGraph) -> dict:
    """A curve for each of several edges between the same two nodes, alternating sides."""
    seen: dict[frozenset, int] = defaultdict(int)
    out = {}
    for s, o, k in g.edges(keys=True):
        pair = frozenset((s, o))
        i = seen[pair]
        seen[pair] += 1
        if g.number_of_edges(s, o) + g.number_of_edges(o, s) > 1:
            # curvedCW/CCW are relative to the edge's own direction: flip for edges drawn o → s
            clockwise = (i % 2 == 0) == (s <= o)
            out[(s, o, k)] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": 0.15 + 0.15 * (i // 2),
            }
    return out


def page_data(g: nx.MultiDiGraph, title: str) -> dict:
    """nodes, edges and options as pyvis makes them, plus the page's meta tables."""
    tables = Tables(g)
    detailed = g.number_of_edges() <= DETAILED_EDGES
    net = Network(directed=True, cdn_resources="in_line")
    index = {n: i for i, n in enumerate(g)}
    for n, d in g.nodes(data=True):
        extra = {"borderWidth": 4, "font": {"size": 18}} if d.get("focus") else {}
        net.add_node(
            index[n],
            shape=SHAPES.get(d["shape"], "dot"),
            color=d["color"],
            **node_fields(n, d, tables),
            **extra,
        )
    bends = curves(g) if detailed else {}
    for i, (s, o, k, d) in enumerate(g.edges(keys=True, data=True)):
        drawing = {"label": d["label"]} if detailed else {}
        if (s, o, k) in bends:
            drawing["smooth"] = bends[(s, o, k)]
        net.add_edge(
            index[s],
            index[o],
            id=i,
            color=d["color"],
            arrows={"to": {"enabled": d["directed"]}},
            **drawing,
            **edge_fields(d, tables),
        )
    net.options = options(detailed)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "meta": meta(g, tables, title, "vis"),
    }
