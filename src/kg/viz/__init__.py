"""The interactive HTML view: one self-contained file that opens offline in any browser.

Two renderers share one page (viz/templates/page.html: legend, search, tooltips, details panel):
vis-network through pyvis for graphs up to VIS_MAX_NODES nodes, and a WebGL page (sigma.js +
graphology) above that, where vis-network slows down (20,000 nodes: 2.7 s against 0.8 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from . import vis, webgl
from .assets import VizError
from .page import render, write

RENDERERS = ("auto", "vis", "webgl")
VIS_MAX_NODES = 5000

__all__ = ["RENDERERS", "VIS_MAX_NODES", "VizError", "Written", "choose_renderer", "write_html"]


@dataclass
class Written:
    nodes: int
    edges: int
    renderer: str
    bytes: int


def choose_renderer(g: nx.MultiDiGraph, renderer: str = "auto") -> str:
    if renderer not in RENDERERS:
        raise VizError(f"unknown renderer {renderer!r} (choose one of {', '.join(RENDERERS)})")
    if renderer == "auto":
        return "vis" if g.number_of_nodes() <= VIS_MAX_NODES else "webgl"
    return renderer


def write_html(
    g: nx.MultiDiGraph, path: Path, *, renderer: str = "auto", title: str = "区域化党建关系图"
) -> Written:
    """Write the page of a prepared network (`kg.network.prepare`): UTF-8, every asset inlined."""
    chosen = choose_renderer(g, renderer)
    builder = vis if chosen == "vis" else webgl
    page = render(f"{chosen}.html", g, builder.page_data(g, title), title, chosen)
    return Written(g.number_of_nodes(), g.number_of_edges(), chosen, write(path, page))
