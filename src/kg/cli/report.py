"""`kg report`: reports over the resolved store (`kg report conflicts`)."""

from __future__ import annotations

import json

import click

from ..resolve.across import resolve
from ..resolve.conflicts import conflicts
from ..resolve.decisions import load as load_decisions
from ..store import open_store
from . import main
from .options import decisions_option, format_option, output_option, store_option


@main.group("report")
def report_group():
    """Reports over the resolved store."""


@report_group.command("conflicts")
@store_option
@decisions_option
@format_option("text", "jsonl")
@output_option
def conflicts_cmd(store, decisions, fmt, output):
    """Facts where sources disagree, each side with its article and evidence sentence.

    Two holders of a single-seat post at the same time, different dates for one event, different
    rotating chairs for the same term.
    """
    reviewed = load_decisions(decisions)
    with open_store(store, read_only=True) as st:
        found = conflicts(resolve(st, reviewed))
    out = open(output, "w", encoding="utf-8", newline="") if output else click.get_text_stream("stdout")
    try:
        if fmt == "jsonl":
            for c in found:
                out.write(json.dumps(c.as_dict(), ensure_ascii=False) + "\n")
            return
        if not found:
            out.write("no conflicts\n")
        for c in found:
            out.write(f"{c.detail}: {c.subject}\n  {c.subject_iri}\n")
            for s in c.sides:
                when = f" {s.date}" if s.date else ""
                out.write(f"  - {s.value}{when}  [{s.article}]  {s.evidence}\n")
    finally:
        if output:
            out.close()
