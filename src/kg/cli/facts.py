"""`kg facts`: the flat facts table, by SPARQL over the store."""

from __future__ import annotations

import click

from ..facts import fact_rows, write_csv, write_jsonl
from ..store import open_store
from . import main
from .options import output_option, store_option


@main.command("facts")
@store_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@output_option
def facts_cmd(store, fmt, output):
    """Print every fact (relation, subject, object, role, date, sources, evidence) and a type row per entity."""
    with open_store(store, read_only=True) as st:
        rows = fact_rows(st)
    out = open(output, "w", encoding="utf-8", newline="") if output else click.get_text_stream("stdout")
    try:
        (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)
    finally:
        if output:
            out.close()
