"""The WebGL page (sigma.js + graphology) for graphs beyond what vis-network draws quickly.

The same fields as the vis page, sent as columns (one array per field) with classes and
relations as small integers and evidence/articles as indices into string tables, so that 20,000
nodes fit in under 3 MB including the libraries.
"""

from __future__ import annotations

import networkx as nx

from .page import Tables, edge_fields, meta, node_fields


def columns(rows: list[dict]) -> dict[str, list]:
    """[{a: 1, b: 2}, {a: 3, b: 4}] → {a: [1, 3], b: [2, 4]}."""
    if not rows:
        return {}
    return {k: [r[k] for r in rows] for k in rows[0]}


def page_data(g: nx.MultiDiGraph, title: str) -> dict:
    tables = Tables(g)
    index = {n: i for i, n in enumerate(g)}
    nodes = [node_fields(n, d, tables) for n, d in g.nodes(data=True)]
    edges = []
    for s, o, d in g.edges(data=True):
        edges.append({"from": index[s], "to": index[o], **edge_fields(d, tables)})
    info = meta(g, tables, title, "webgl")
    class_index = {c["key"]: i for i, c in enumerate(info["classes"])}
    rel_index = {r: i for i, r in enumerate(info["relations"])}
    for n in nodes:
        n["cls"] = class_index[n["cls"]]
    for e in edges:
        e["rel"] = rel_index[e["rel"]]
    empty_nodes = {k: [] for k in ("label", "cls", "x", "y", "size")}
    return {"meta": info, "nodes": columns(nodes) or empty_nodes, "edges": columns(edges) or {"from": []}}
