"""The `kg` command: a thin layer over the library. Each subcommand lives in its own module."""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..ingest import IngestError
from ..resolve.decisions import DecisionsError
from ..store import StoreError


class KgGroup(click.Group):
    """Turns the errors a user can cause into one line on stderr instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (StoreError, IngestError, DecisionsError) as e:
            click.echo(f"kg: error: {e}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """pbkg: a knowledge graph of regional Party-building (区域化党建) relationships from Chinese news.

    Typical use: `kg build ARTICLES…` then `kg facts`, `kg viz -o graph.html`, `kg export --format gexf`.
    """


def _register_commands() -> None:
    """Import every module of this package: each one adds its subcommand to `main`."""
    import importlib
    import pkgutil

    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if mod != "options":
            importlib.import_module(f"{__name__}.{mod}")


_register_commands()
