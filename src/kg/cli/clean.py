"""`kg clean`: show exactly what extraction will read."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from ..ingest import IngestError, read_inputs
from ..model import Document
from . import main


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per article (JSON Lines): metadata, damage, removed boilerplate and the offset map.",
)
def clean_cmd(paths, as_json):
    """Print the clean Simplified text of article files (txt/html/jsonl, folders, globs, `-` for stdin).

    With several articles, each text is headed by `==> ID <==`. A file that cannot be read gets
    one line on stderr naming it and the reason; the exit status is 1 only when nothing was read.
    """
    cleaned = 0
    pending: Document | None = None
    for item in read_inputs(paths):
        if isinstance(item, IngestError):
            click.echo(f"kg: skipped {item}", err=True)
            continue
        cleaned += 1
        if as_json:
            click.echo(json.dumps(document_json(item), ensure_ascii=False))
            continue
        if pending is not None:  # more than one article: every text gets a header
            _print(pending, header=True)
        pending = item
    if pending is not None:
        _print(pending, header=cleaned > 1)
    if not cleaned:
        click.echo("kg: error: nothing could be read", err=True)
        sys.exit(1)


def _print(doc: Document, header: bool) -> None:
    if header:
        click.echo(f"==> {doc.id} <==")
    click.echo(doc.text)


def document_json(doc: Document) -> dict:
    """Everything ingestion knows about an article; `offsets[i]` is the [start, end) span in
    `original` (the decoded file) of clean character i."""
    return {
        "id": doc.id,
        "source": doc.source,
        "encoding": doc.encoding,
        "media_type": doc.media_type,
        "sha256": doc.sha256,
        "url": doc.url,
        "title": doc.title,
        "date": asdict(doc.date) if doc.date else None,
        "bylines": [asdict(b) for b in doc.bylines],
        "publisher": doc.publisher,
        "site": doc.site,
        "damage": [asdict(d) for d in doc.damage],
        "removed": [asdict(r) for r in doc.removed],
        "warnings": doc.warnings,
        "text": doc.text,
        "printed_text": doc.printed_text,
        "offsets": [[s, e] for s, e in zip(doc.starts, doc.ends, strict=True)],
    }
