"""`kg clean`: show exactly what extraction will read."""

from __future__ import annotations

import json
import sys

import click

from ..ingest import IngestError, read_inputs
from . import main


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="Also print metadata, damage and the offset map, as JSON."
)
def clean_cmd(paths, as_json):
    """Print the clean Simplified text of article files."""
    failed = built = 0
    for doc in read_inputs(paths):
        if isinstance(doc, IngestError):
            click.echo(f"kg: skipped {doc}", err=True)
            failed += 1
            continue
        built += 1
        if as_json:
            click.echo(json.dumps(document_json(doc), ensure_ascii=False))
        else:
            click.echo(doc.text)
    if not built:
        sys.exit(1)


def document_json(doc) -> dict:
    return {
        "id": doc.id,
        "source": doc.source,
        "encoding": doc.encoding,
        "media_type": doc.media_type,
        "sha256": doc.sha256,
        "title": doc.title,
        "date": vars(doc.date) if doc.date else None,
        "bylines": [{"role": b.role, "name": b.name} for b in doc.bylines],
        "publisher": doc.publisher,
        "url": doc.url,
        "damage": [vars(d) for d in doc.damage],
        "warnings": doc.warnings,
        "text": doc.text,
        "offsets": [[s, e] for s, e in zip(doc.starts, doc.ends, strict=True)],
    }
