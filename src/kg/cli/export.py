"""`kg export`: the network for Gephi and friends, or the RDF dataset."""

from __future__ import annotations

from pathlib import Path

import click

from ..export import FORMATS, NETWORK_FORMATS, export_rdf, write_csv, write_gexf, write_graphml
from ..network import load
from ..store import open_store
from . import main
from .options import make_view, output_errors, store_option, view_options

NETWORK_WRITERS = {"gexf": write_gexf, "graphml": write_graphml}


@main.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="Network: gexf, graphml, csv. RDF: ttl, nq, trig, jsonld.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    required=True,
    help="File to write (csv: a folder for nodes.csv and edges.csv).",
)
@view_options
@click.option(
    "--bom/--no-bom",
    default=True,
    show_default=True,
    help="csv: start with a UTF-8 byte-order mark, so Excel reads Chinese.",
)
def export_cmd(store, fmt, output, view, focus, depth, start, end, size_by, bom):
    """Export the network (GEXF 1.3 for Gephi, GraphML, CSV) or the RDF dataset.

    Network exports carry the layout, colours, sizes, statistics (degree, betweenness, community,
    brokers) and a timeline of first attestations; the view options pick the same part of the
    network as `kg viz`. RDF exports write the whole dataset: N-Quads, TriG and JSON-LD keep the
    named graphs, Turtle gets their union.
    """
    path = Path(output)
    viewing = any((view, focus, start, end)) or depth != 1
    if fmt not in NETWORK_FORMATS and viewing:
        raise click.UsageError(
            f"--view, --focus, --depth, --from and --to apply to {', '.join(NETWORK_FORMATS)} only"
        )
    with output_errors():
        with open_store(store, read_only=True) as st:
            if fmt not in NETWORK_FORMATS:
                n = export_rdf(st, fmt, path)
                click.echo(f"wrote {path}: {n} statements", err=True)
                return
            g = load(st, make_view(view, focus, depth, start, end, default="full"), size_by)
        if fmt == "csv":
            nodes, edges = write_csv(g, path, bom=bom)
            click.echo(
                f"wrote {nodes} ({g.number_of_nodes()} nodes) and {edges} ({g.number_of_edges()} edges)",
                err=True,
            )
        else:
            NETWORK_WRITERS[fmt](g, path)
            click.echo(f"wrote {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", err=True)
