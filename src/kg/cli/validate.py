"""`kg validate`: the store against the SHACL shapes (ontology/shapes.ttl), with pySHACL."""

from __future__ import annotations

import json
import sys

import click

from ..store import open_store
from ..validate import validate
from . import main
from .options import store_option


@main.command("validate")
@store_option
@click.option("--graph", "graphs", multiple=True, metavar="IRI", help="Check only this graph (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--limit", type=int, default=50, show_default=True, help="Print at most this many violations (text)."
)
def validate_cmd(store, graphs, fmt, limit):
    """Check the store against the SHACL shapes and print each violation on one line.

    \b
    Exit status: 0 the data conforms; 1 there are violations; 2 an error (no store, bad shapes).
    """
    with open_store(store, read_only=True) as st:
        report = validate(st, list(graphs) or None)
    if fmt == "json":
        doc = {
            "conforms": report.conforms,
            "statements": report.statements,
            "violations": [vars(v) for v in report.violations],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        for v in report.violations[:limit]:
            click.echo(f"{v.severity}: {v}")
        if len(report.violations) > limit:
            click.echo(f"… and {len(report.violations) - limit} more (--limit)")
        verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
        click.echo(f"{report.statements} statements checked against ontology/shapes.ttl: {verdict}", err=True)
    sys.exit(0 if report.conforms else 1)
