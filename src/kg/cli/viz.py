"""`kg viz`: the interactive graph HTML that planners open offline."""

from __future__ import annotations

from pathlib import Path

import click

from ..network import load
from ..store import open_store
from ..viz import RENDERERS, write_html
from . import main
from .options import make_view, output_errors, store_option, view_options


@main.command("viz")
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@view_options
@click.option(
    "--renderer",
    type=click.Choice(RENDERERS),
    default="auto",
    show_default=True,
    help="vis (vis-network) or webgl (sigma.js, for very large graphs); auto picks webgl above 5,000 nodes.",
)
@click.option("--title", default="区域化党建关系图", show_default=True, help="The page's title.")
def viz_cmd(store, output, view, focus, depth, start, end, size_by, renderer, title):
    """Write an interactive HTML view of the graph: one file that opens offline in any browser.

    Colour and shape per class with a legend, node size by degree (or --size-by), Chinese edge
    labels, search, tooltips, and a details panel with each relation's evidence and articles.
    """
    with output_errors(), open_store(store, read_only=True) as st:
        g = load(st, make_view(view, focus, depth, start, end), size_by)
        w = write_html(g, Path(output), renderer=renderer, title=title)
    click.echo(
        f"wrote {output}: {w.nodes} nodes, {w.edges} edges ({w.renderer}, {w.bytes / 1e6:.1f} MB)", err=True
    )
