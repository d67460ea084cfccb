"""`kg query`: run a catalogue query, a .rq file or SPARQL text, with parameters bound as RDF terms."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from ..query import Query, QueryError, catalogue, find, parse, queries_dir, run, write
from ..store import open_store
from . import main
from .options import output_option, store_option

FORMATS = ["table", "csv", "tsv", "json", "ttl", "nt"]


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {item!r}: write it as name=value")
        out[name.strip()] = value
    return out


@main.command("query")
@click.argument("query", required=False)
@click.option("--sparql", "sparql", help="SPARQL text to run instead of a catalogue query or file.")
@click.option(
    "--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people; csv/tsv/json (SPARQL 1.1 results formats) for scripts; ttl/nt for CONSTRUCT.",
)
@click.option("--list", "list_", is_flag=True, help="List the catalogue: names, parameters, summaries.")
@click.option("--show", is_flag=True, help="Print the query with its parameters bound instead of running it.")
@store_option
@output_option
def query_cmd(query, sparql, params, fmt, list_, show, store, output):
    """Run QUERY (a catalogue name or a .rq file) or --sparql TEXT against the store.

    \b
    kg query --list
    kg query person_posts --param person=杲云
    kg query events_in_range -p start=2024-01-01 -p end=2024-12-31 --format csv
    kg query --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'

    The default graph is the union of all graphs (the articles' graphs, meta, entities and the
    inferred graph); use GRAPH to tell them apart.
    """
    if list_:
        out = click.get_text_stream("stdout")
        list_catalogue(Console(file=out, width=None if out.isatty() else 200, highlight=False))
        return
    if bool(query) == bool(sparql):
        raise click.UsageError("give a query name or file, or --sparql TEXT (one of them)")
    q: Query = parse(sparql, name="--sparql") if sparql else find(query)
    given = _params(params)
    if show:
        click.echo(q.bound_text(given))
        return
    with open_store(store, read_only=True) as st:
        result = run(st, q, given)
    out = open(output, "w", encoding="utf-8", newline="") if output else click.get_text_stream("stdout")
    try:
        write(result, fmt, out, title=q.summary)
    finally:
        if output:
            out.close()


def list_catalogue(console: Console) -> None:
    queries = catalogue()
    if not queries:
        raise QueryError(f"no queries in {queries_dir()}")
    t = Table(title=f"query catalogue ({queries_dir()})", show_edge=False, header_style="bold")
    t.add_column("name", no_wrap=True)
    t.add_column("parameters")
    t.add_column("summary")
    for name, q in queries.items():
        t.add_row(name, "\n".join(p.describe() for p in q.params), q.summary)
    console.print(t)
