"""`kg export`: the dataset as RDF, or the network for Gephi."""

from __future__ import annotations

from pathlib import Path

import click

from ..export import export_gexf, export_rdf
from ..store import open_store
from . import main
from .options import store_option


@main.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(["gexf", "nq", "trig", "ttl"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="File to write.")
def export_cmd(store, fmt, output):
    """Export the graph: GEXF for Gephi, or the RDF dataset (N-Quads, TriG, Turtle)."""
    path = Path(output)
    with open_store(store, read_only=True) as st:
        if fmt == "gexf":
            n, e = export_gexf(st, path)
            click.echo(f"wrote {path}: {n} nodes, {e} edges", err=True)
        else:
            n = export_rdf(st, fmt, path)
            click.echo(f"wrote {path}: {n} statements", err=True)
