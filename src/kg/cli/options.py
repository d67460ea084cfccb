"""Options shared by several commands, declared once (as sqlite-utils does)."""

from __future__ import annotations

import click

from ..store import DEFAULT_STORE


def store_option(f):
    return click.option(
        "--store",
        "store",
        default=str(DEFAULT_STORE),
        show_default=True,
        envvar="PBKG_STORE",
        help="Store folder (embedded Oxigraph) or SPARQL endpoint URL. Env: PBKG_STORE.",
    )(f)


def output_option(f):
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        help="Write to this file instead of standard output.",
    )(f)


def decisions_option(f):
    return click.option(
        "--decisions",
        "decisions",
        default=None,
        envvar="PBKG_DECISIONS",
        type=click.Path(dir_okay=False),
        help="Review decisions file (default: graphs/decisions.yaml when it exists). Env: PBKG_DECISIONS.",
    )(f)


def format_option(*choices: str):
    """--format with the first choice as default."""
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=choices[0], show_default=True
    )
