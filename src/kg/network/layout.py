"""Positions, sizes and colours of the nodes, computed once in Python.

The browser then only draws: vis-network's own physics takes 31 s to settle a 500-node graph in
headless Chromium, while igraph's Fruchterman–Reingold (grid-accelerated above 1,000 nodes) lays
out 5,000 nodes in 0.3 s and 20,000 in about 1 s. The layout is seeded, so the same store
gives the same picture and the same export file.
"""

from __future__ import annotations

import math
import statistics

import networkx as nx

from .stats import seeded, simple_igraph
from .style import class_style, relation_color

EDGE_LENGTH = 220.0  # median edge length after scaling, in vis-network pixels at zoom 1: room for labels
SIZE_MIN, SIZE_MAX = 8.0, 28.0
SIZE_BY = ("degree", "betweenness", "article_count")


def positions(g: nx.MultiDiGraph, seed: int = 1) -> dict:
    """Node → (x, y): each connected component laid out on its own, scaled so that its median
    edge is EDGE_LENGTH long, then the components packed in rows, largest first. (Laid out
    together, the components of a partnership network, one star per joint meeting, drift far
    apart and the whole picture shrinks until no label can be read.)"""
    h, nodes = simple_igraph(g)
    with seeded(seed):
        parts = [(members, _component(h.subgraph(members))) for members in h.connected_components()]
    placed = _pack([coords for _, coords in parts])
    out = {}
    for (members, _), coords in zip(parts, placed, strict=True):
        for i, (x, y) in zip(members, coords, strict=True):
            out[nodes[i]] = (round(x, 1), round(y, 1))
    return out


def _component(h) -> list[tuple[float, float]]:
    """Fruchterman–Reingold positions of one connected component, median edge EDGE_LENGTH."""
    if h.vcount() == 1:
        return [(0.0, 0.0)]
    coords = h.layout_fruchterman_reingold(niter=500).coords
    typical = statistics.median(math.dist(coords[e.source], coords[e.target]) for e in h.es)
    scale = EDGE_LENGTH / typical if typical > 0 else EDGE_LENGTH
    return [(x * scale, y * scale) for x, y in coords]


def _pack(parts: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Shelf packing: components in rows about as wide as the whole is tall, largest first."""
    gap = EDGE_LENGTH * 1.2  # room for the long names of two-node components side by side
    boxes = []
    for coords in parts:
        xs, ys = [x for x, _ in coords], [y for _, y in coords]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    width = max(
        max((b[2] for b in boxes), default=0),
        math.sqrt(sum((b[2] + gap) * (b[3] + gap) for b in boxes)) * 1.2,
    )
    order = sorted(range(len(parts)), key=lambda i: (-len(parts[i]), i))
    shift: dict[int, tuple[float, float]] = {}
    x = y = row = 0.0
    for i in order:
        x0, y0, w, hgt = boxes[i]
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + gap, 0.0
        shift[i] = (x - x0, y - y0)
        x, row = x + w + gap, max(row, hgt)
    return [[(px + shift[i][0], py + shift[i][1]) for px, py in coords] for i, coords in enumerate(parts)]


def add_layout(g: nx.MultiDiGraph, size_by: str = "degree", seed: int = 1) -> None:
    """Write x, y, size, color (#rrggbb) and shape into the node attributes, color into the edges'."""
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {SIZE_BY}")
    top = max((g.nodes[n].get(size_by, 0) or 0 for n in g), default=0) or 1
    for n, (x, y) in positions(g, seed).items():
        d = g.nodes[n]
        style = class_style(d["cls"])
        d["x"], d["y"] = x, y
        d["size"] = round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt((d.get(size_by, 0) or 0) / top), 1)
        d["color"], d["shape"] = style["color"], style["shape"]
    for *_, d in g.edges(data=True):
        d["color"] = relation_color(d["relation"])
    g.graph["size_by"] = size_by
