"""`kg entities`: every resolved entity with its IRI, type, labels, articles and merge history."""

from __future__ import annotations

import json

import click

from ..resolve.listing import entity_records
from ..store import open_store
from . import main
from .options import format_option, output_option, store_option


@main.command("entities")
@store_option
@format_option("jsonl", "table")
@click.option("--type", "type_", default=None, help="Only entities of this class (Person, Enterprise …).")
@output_option
def entities_cmd(store, fmt, type_, output):
    """List entities as resolved across articles (one JSON object a line, or a table)."""
    with open_store(store, read_only=True) as st:
        rows = [r for r in entity_records(st) if not type_ or r["type"] == type_]
    out = open(output, "w", encoding="utf-8", newline="") if output else click.get_text_stream("stdout")
    try:
        for r in rows:
            if fmt == "jsonl":
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
            else:
                merged = f"  ← {len(r['same_as'])} retired IRI(s)" if r["same_as"] else ""
                out.write(
                    f"{r['type']:<18} {r['label']}  [{len(r['articles'])} article(s)]  {r['iri']}{merged}\n"
                )
    finally:
        if output:
            out.close()
