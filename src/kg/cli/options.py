"""Options shared by several commands, declared once (as sqlite-utils does)."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from ..network import SIZE_BY, VIEWS, View, ViewError
from ..store import DEFAULT_STORE
from ..viz import VizError


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


def view_options(f):
    """--view, --focus, --depth, --from, --to and --size-by: which part of the network to draw or export."""
    options = [
        click.option(
            "--view",
            type=click.Choice(VIEWS),
            default=None,
            help="partnerships (organisations, joint meetings, co-building and membership; the default of "
            "kg viz), full (the default of kg export and kg stats), or ego (with --focus).",
        ),
        click.option(
            "--focus", metavar="NAME", help="Ego view: the entity at the centre (name, alias or IRI)."
        ),
        click.option(
            "--depth",
            type=click.IntRange(1, 10),
            default=1,
            show_default=True,
            help="Ego view: steps from the focus.",
        ),
        click.option(
            "--from",
            "start",
            metavar="DATE",
            help="Keep what was attested on or after DATE (2024, 2024-06, 2024-06-30).",
        ),
        click.option("--to", "end", metavar="DATE", help="Keep what was attested on or before DATE."),
        click.option(
            "--size-by",
            type=click.Choice(SIZE_BY),
            default="degree",
            show_default=True,
            help="What node size shows.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_view(view, focus, depth, start, end, default: str = "partnerships") -> View:
    """The View the view options ask for (--focus alone means the ego view)."""
    return View(name=view or ("ego" if focus else default), focus=focus, depth=depth, start=start, end=end)


@contextmanager
def output_errors():
    """A view that cannot be made, a page without its libraries, a file that cannot be written:
    one line on stderr, exit status 2, no traceback."""
    try:
        yield
    except (ViewError, VizError) as e:
        click.echo(f"kg: error: {e}", err=True)
        sys.exit(2)
    except OSError as e:
        click.echo(f"kg: error: cannot write {e.filename or ''}: {e.strerror or e}", err=True)
        sys.exit(2)
