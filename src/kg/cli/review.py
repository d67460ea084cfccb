"""`kg review`: uncertain candidate merges, most valuable first, for the decisions file."""

from __future__ import annotations

import json

import click

from ..resolve.across import resolve
from ..resolve.decisions import load as load_decisions
from ..resolve.iri import ID
from ..resolve.listing import review_rows
from ..store import open_store
from . import main
from .options import decisions_option, format_option, store_option


@main.command("review")
@store_option
@decisions_option
@format_option("text", "jsonl")
@click.option("--limit", "-n", type=int, default=20, show_default=True, help="How many candidates (0: all).")
def review_cmd(store, decisions, fmt, limit):
    """List merges the rules are unsure of (made or not), those touching most facts first.

    Record a verdict in the decisions file (`same:` or `different:` with the two IRIs) and rebuild.
    """
    reviewed = load_decisions(decisions)
    with open_store(store, read_only=True) as st:
        rows = review_rows(resolve(st, reviewed))
    rows = rows[:limit] if limit else rows
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if not rows:
        click.echo("nothing to review")
    for i, r in enumerate(rows, 1):
        click.echo(
            f"{i}. [{r['status']}] {r['a_label']} ~ {r['b_label']}  ({r['kind']}, {r['rule']}, score {r['score']}, {r['facts']} fact(s))"
        )
        verdict = "different" if r["status"] == "merged" else "same"
        click.echo(f"   {verdict}: [{short(r['a'])}, {short(r['b'])}]")


def short(iri: str) -> str:
    return iri.removeprefix(ID)
