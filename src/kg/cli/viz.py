"""`kg viz`: the interactive graph HTML."""

from __future__ import annotations

from pathlib import Path

import click

from ..store import open_store
from ..viz import write_html
from . import main
from .options import store_option


@main.command("viz")
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
def viz_cmd(store, output):
    """Write an interactive HTML view of the graph that opens offline in a browser."""
    with open_store(store, read_only=True) as st:
        n, e = write_html(st, Path(output))
    click.echo(f"wrote {output}: {n} nodes, {e} edges", err=True)
