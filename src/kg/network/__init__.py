"""The graph as a network (networkx): entities as nodes, facts between entities as edges.

One function, `prepare`, makes what every output draws — the HTML views, GEXF, GraphML, CSV and
`kg stats` — so they all show the same picture: the full network read from the facts table
(`graph`), cut to a view (`views`), with statistics (`stats`) and a layout (`layout`).
"""

from __future__ import annotations

import networkx as nx

from ..store import Store
from .graph import Article, network, network_from_rows, read_articles, span
from .layout import SIZE_BY, add_layout
from .stats import add_stats, brokers
from .views import VIEWS, View, ViewError, cut, window

__all__ = [
    "SIZE_BY",
    "VIEWS",
    "Article",
    "View",
    "ViewError",
    "brokers",
    "load",
    "network",
    "network_from_rows",
    "prepare",
    "read_articles",
    "span",
]


def prepare(full: nx.MultiDiGraph, view: View, size_by: str = "degree") -> nx.MultiDiGraph:
    """The view of a full network, with stats and layout in its node attributes."""
    windowed = window(full, view.start, view.end)
    g = cut(windowed, view)
    add_stats(g, windowed)
    add_layout(g, size_by)
    g.graph["view"] = view.describe()
    return g


def load(store: Store, view: View | None = None, size_by: str = "degree") -> nx.MultiDiGraph:
    """The view of a store's network, ready to draw or export."""
    return prepare(network(store), view or View(), size_by)
