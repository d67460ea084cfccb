"""nodes.csv and edges.csv: the same attributes as GEXF, in the column names Gephi's spreadsheet
import recognises (Id, Label; Source, Target, Type, Id, Label).

Written as UTF-8 *with* a byte-order mark by default: Excel, which most planners open CSV files
with, reads a file without one in the system code page and shows Chinese as mojibake; Python
(utf-8-sig), pandas, LibreOffice and Gephi read the mark correctly. `bom=False` leaves it out for
tools that do not.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from .files import replacing
from .records import EDGE_COLUMNS, NODE_COLUMNS, edge_record, node_record

NODE_HEADER = ["Id", "Label", *(name for name, _ in NODE_COLUMNS), "x", "y", "size", "color"]
EDGE_HEADER = ["Source", "Target", "Type", "Id", "Label", *(name for name, _ in EDGE_COLUMNS)]


def _write(path: Path, header: list[str], rows, bom: bool) -> None:
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def write_csv(g: nx.MultiDiGraph, folder: Path, bom: bool = True) -> tuple[Path, Path]:
    """Write folder/nodes.csv and folder/edges.csv; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    _write(
        nodes,
        NODE_HEADER,
        (
            [n, d["label"], *node_record(d).values(), d["x"], -d["y"], d["size"], d["color"]]
            for n, d in g.nodes(data=True)
        ),
        bom,
    )
    _write(
        edges,
        EDGE_HEADER,
        (
            [
                s,
                o,
                "Directed" if d["directed"] else "Undirected",
                f"e{i}",
                d["label"],
                *edge_record(d).values(),
            ]
            for i, (s, o, d) in enumerate(g.edges(data=True))
        ),
        bom,
    )
    return nodes, edges
