"""`kg stats`: who is central, which communities form, and which organisations broker between
joint meetings, as a table (the same numbers the exports carry as attributes)."""

from __future__ import annotations

import json
import sys
from collections import Counter

import click
import networkx as nx
from rich.console import Console
from rich.table import Table

from ..network import brokers, load
from ..store import open_store
from . import main
from .options import make_view, output_errors, store_option, view_options

SORTS = ("betweenness", "degree", "bridges")


@main.command("stats")
@store_option
@view_options
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Rows in the table.")
@click.option(
    "--sort", type=click.Choice(SORTS), default="betweenness", show_default=True, help="Order of the table."
)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def stats_cmd(store, view, focus, depth, start, end, size_by, top, sort, fmt):
    """Degree, betweenness, communities and brokers (organisations linked to two or more joint meetings).

    Betweenness is normalised to 0–1 on the view's graph taken as simple and undirected;
    communities are Louvain (igraph multilevel), numbered by size from 0.
    """
    with output_errors(), open_store(store, read_only=True) as st:
        g = load(st, make_view(view, focus, depth, start, end, default="full"), size_by)
    ranked = sorted(g.nodes, key=lambda n: (-g.nodes[n][sort], -g.nodes[n]["degree"], g.nodes[n]["label"]))
    if fmt == "jsonl":
        for n in ranked[:top]:
            click.echo(json.dumps(_record(g, n), ensure_ascii=False))
        return
    # a pipe gets a wide table rather than rich's 80 columns, so names stay whole
    _print(g, ranked[:top], sort, Console(width=None if sys.stdout.isatty() else 160))


def _record(g: nx.MultiDiGraph, n: str) -> dict:
    d = g.nodes[n]
    keys = ("label", "cls", "district", "degree", "betweenness", "community", "bridges", "broker")
    return {"iri": n, **{k: d[k] for k in keys}}


def _print(g: nx.MultiDiGraph, rows: list[str], sort: str, console: Console) -> None:
    sizes = Counter(d["community"] for _, d in g.nodes(data=True))
    console.print(
        f"[bold]{g.graph.get('view', '')}[/bold]: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
        f"{len(sizes)} communities"
        + (f" (largest: {', '.join(str(s) for _, s in sizes.most_common(5))})" if sizes else "")
    )
    if g.graph.get("betweenness_cutoff"):
        console.print(
            f"[dim]betweenness counts paths of up to {g.graph['betweenness_cutoff']} steps (large graph)[/dim]"
        )
    t = Table(
        title=f"top {len(rows)} by {sort} (JMs: joint meetings linked to)",
        show_edge=False,
        header_style="bold",
    )
    for name, justify in (
        ("#", "right"),
        ("名称 name", "left"),
        ("类别 class", "left"),
        ("区 district", "left"),
        ("degree", "right"),
        ("betweenness", "right"),
        ("community", "right"),
        ("JMs", "right"),
        ("broker", "center"),
    ):
        t.add_column(
            name, justify=justify, no_wrap=name != "名称 name", min_width=8 if name == "名称 name" else None
        )
    for i, n in enumerate(rows, 1):
        d = g.nodes[n]
        t.add_row(
            str(i),
            d["label"],
            d["class_zh"],
            d["district"],
            str(d["degree"]),
            f"{d['betweenness']:.4f}",
            str(d["community"]),
            str(d["bridges"]),
            "✓" if d["broker"] else "",
        )
    console.print(t)
    found = brokers(g)
    if found:
        console.print(
            f"[bold]brokers[/bold] (linked to {g.nodes[found[0]]['bridges']}+ joint meetings): "
            + "、".join(g.nodes[n]["label"] for n in found[:15])
            + (" …" if len(found) > 15 else "")
        )
    else:
        console.print(
            "[dim]no brokers: no organisation is linked to two or more joint meetings in this view[/dim]"
        )
