"""Views: the part of the full network a reader asked for.

A view is applied in this order: the date window first (keep what was attested in it), then the
cut (partnerships, full, or the ego network of one entity). Every function returns a new graph
and leaves its input alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .graph import span
from .style import config

VIEWS = ("partnerships", "full", "ego")


class ViewError(ValueError):
    """A view that cannot be made (unknown entity, bad date); the message is for the user."""


@dataclass(frozen=True)
class View:
    name: str = "partnerships"
    focus: str | None = None  # ego: a label, alias or IRI
    depth: int = 1  # ego: how many steps from the focus
    start: str | None = None  # window: ISO date, month or year
    end: str | None = None

    def describe(self) -> str:
        """One line for the page header and the export metadata."""
        text = {"partnerships": "合作网络 partnerships", "full": "全图 full graph"}.get(self.name, "")
        if self.name == "ego":
            text = f"以“{self.focus}”为中心 {self.depth} 步 ego network, depth {self.depth}"
        if self.start or self.end:
            text += f" · {self.start or '…'} – {self.end or '…'}"
        return text


def apply(g: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """The view's graph (a copy): the window, then the cut."""
    return cut(window(g, view.start, view.end), view)


def cut(g: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """The partnerships, full or ego part of a graph (a copy)."""
    if view.name not in VIEWS:
        raise ViewError(f"unknown view {view.name!r} (choose one of {', '.join(VIEWS)})")
    if view.name == "partnerships":
        return partnerships(g)
    if view.name == "ego":
        if not view.focus:
            raise ViewError("the ego view needs --focus NAME")
        return ego(g, view.focus, view.depth)
    return g.copy()


def _bounds(start: str | None, end: str | None) -> tuple[str, str]:
    """The first and last day of a window; either side may be open."""
    lo = span(start) if start else ("0000-01-01", "0000-01-01")
    hi = span(end) if end else ("9999-12-31", "9999-12-31")
    for given, parsed in ((start, lo), (end, hi)):
        if parsed is None:
            raise ViewError(f"{given!r} is not a date (write 2024-12-26, 2024-12 or 2024)")
    if lo[0] > hi[1]:
        raise ViewError(f"the window {start} – {end} ends before it starts")
    return lo[0], hi[1]


def _attested(dates: list[str], lo: str, hi: str) -> bool:
    return any(s and s[0] <= hi and s[1] >= lo for s in map(span, dates))


def window(g: nx.MultiDiGraph, start: str | None, end: str | None) -> nx.MultiDiGraph:
    """Edges attested in [start, end], and the nodes attested in it or touched by such an edge."""
    if not (start or end):
        return g.copy()
    lo, hi = _bounds(start, end)
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from((n, d) for n, d in g.nodes(data=True) if _attested(d["dates"], lo, hi))
    for s, o, k, d in g.edges(keys=True, data=True):
        if _attested(d["dates"], lo, hi):
            for n in (s, o):
                if n not in h:
                    h.add_node(n, **g.nodes[n])
            h.add_edge(s, o, key=k, **d)
    return h


def partnerships(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Organisations and joint meetings, with the co-building and membership edges between them."""
    spec = config()["views"]["partnerships"]
    classes, relations, keep = set(spec["classes"]), set(spec["relations"]), set(spec["keep_isolated"])
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d["cls"] in classes)
    h.add_edges_from(
        (s, o, k, d)
        for s, o, k, d in g.edges(keys=True, data=True)
        if d["relation"] in relations and s in h and o in h
    )
    h.remove_nodes_from([n for n, d in list(h.nodes(data=True)) if h.degree(n) == 0 and d["cls"] not in keep])
    return h


def find(g: nx.MultiDiGraph, name: str) -> str:
    """The node a reader means by `name`: its IRI, its label, one of its aliases, or a unique part of a label."""
    if name in g:
        return name
    for test in (
        lambda d: d["label"] == name,
        lambda d: name in d["aliases"],
        lambda d: name in d["label"],
    ):
        hits = [n for n, d in g.nodes(data=True) if test(d)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = "、".join(sorted(g.nodes[n]["label"] for n in hits)[:8])
            raise ViewError(f"{name!r} matches {len(hits)} entities ({names}); give the full name or the IRI")
    raise ViewError(f"no entity called {name!r} in this graph")


def ego(g: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """Everything within `depth` steps of one entity, edges taken in either direction."""
    if depth < 1:
        raise ViewError("--depth must be 1 or more")
    focus = find(g, name)
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), focus, cutoff=depth)
    h = g.subgraph(near).copy()
    h.nodes[focus]["focus"] = True
    return h
