"""The WebGL page (sigma.js + graphology) for graphs beyond what vis-network draws quickly.

The same fields as the vis page, made small enough for 20,000 nodes in under 3 MB: sent as
columns (one array per field), with classes and relations as small integers, dates, roles and
evidence as indices into one string table, whole-number positions, and no column that is empty
throughout. Posts are left out (the page derives them from the holds_post edges), and so are IRIs.
If the evidence sentences would still push the page past MAX_BYTES, they are left out too, and
the page says so: `kg facts` and the exports carry them.
"""

from __future__ import annotations

import networkx as nx

from .page import Tables, edge_fields, meta, node_fields, script_json

MAX_BYTES = 3_000_000
LIBRARIES_BYTES = 270_000  # graphology + sigma.js, minified
DROPPED_NODE_FIELDS = ("iri", "posts")


def columns(rows: list[dict]) -> dict[str, list]:
    """[{a: 1, b: ""}, {a: 3, b: ""}] → {a: [1, 3]}: one array per field, empty fields left out."""
    if not rows:
        return {}
    return {k: [r[k] for r in rows] for k in rows[0] if any(r[k] not in ("", [], None) for r in rows)}


def page_data(g: nx.MultiDiGraph, title: str, *, evidence: bool = True) -> dict:
    tables = Tables(g)
    index = {n: i for i, n in enumerate(g)}
    nodes = []
    for n, d in g.nodes(data=True):
        f = node_fields(n, d, tables)
        for k in DROPPED_NODE_FIELDS:
            del f[k]
        f.update(
            x=round(f["x"]), y=round(f["y"]), first=tables.string(f["first"]), last=tables.string(f["last"])
        )
        nodes.append(f)
    edges = []
    for s, o, d in g.edges(data=True):
        f = edge_fields(d if evidence else {**d, "evidence": ""}, tables)
        f.update(date=tables.string(f["date"]), role=tables.string(f["role"]))
        edges.append({"from": index[s], "to": index[o], **f})
    info = meta(g, tables, title, "webgl")
    info["evidence_omitted"] = not evidence
    class_index = {c["key"]: i for i, c in enumerate(info["classes"])}
    rel_index = {r: i for i, r in enumerate(info["relations"])}
    for f in nodes:
        f["cls"] = class_index[f["cls"]]
    for f in edges:
        f["rel"] = rel_index[f["rel"]]
    data = {"meta": info, "nodes": columns(nodes) or {"label": []}, "edges": columns(edges) or {"from": []}}
    if evidence and len(script_json(data).encode("utf-8")) + LIBRARIES_BYTES > MAX_BYTES:
        return page_data(g, title, evidence=False)
    return data
