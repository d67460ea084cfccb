"""`kg build`: articles → the store."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..ingest import expand_paths
from ..pipeline import BuildReport, build
from ..resolve.decisions import load as load_decisions
from ..store import open_store
from . import main
from .options import decisions_option, store_option


@main.command("build")
@click.argument("paths", nargs=-1, required=True)
@store_option
@decisions_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--no-validate", is_flag=True, help="Skip the SHACL check of the built articles (slow on huge batches)."
)
def build_cmd(paths, store, decisions, quiet, no_validate):
    """Read article files or folders (txt/html/jsonl, `-` for stdin) into the store.

    Each article becomes one named graph; building an article again replaces its graph. Then
    entities are resolved across the whole store, applying the review decisions file.
    """
    err = Console(stderr=True)
    reviewed = load_decisions(decisions)
    total = sum(1 for p in expand_paths(paths) if not isinstance(p, Exception))
    with open_store(store) as st:
        if quiet or not sys.stderr.isatty():
            report = build(paths, st, decisions=reviewed, check=not no_validate)
        else:
            with Progress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=err,
                transient=True,
            ) as prog:
                task = prog.add_task("", total=total or None)
                report = build(
                    paths,
                    st,
                    decisions=reviewed,
                    on_item=lambda name: prog.update(task, advance=1, description=name),
                    check=not no_validate,
                )
    for line in report.failed:
        click.echo(f"kg: skipped {line}", err=True)
    if not quiet:
        summary(report, st.location, Console())
    if report.articles == 0:
        click.echo("kg: error: nothing could be built", err=True)
        sys.exit(1)


def summary(report: BuildReport, store: str, console: Console) -> None:
    console.print(
        f"[bold]Built {report.articles} article(s)[/bold] into {store}"
        + (f"; {len(report.failed)} skipped" if report.failed else "")
    )
    t = Table(title="facts by relation", show_edge=False)
    t.add_column("relation")
    t.add_column("facts", justify="right")
    for rel, n in sorted(report.facts.items(), key=lambda kv: (-kv[1], kv[0])):
        t.add_row(rel, str(n))
    e = Table(title="entities by class", show_edge=False)
    e.add_column("class")
    e.add_column("entities", justify="right")
    for cls, n in sorted(report.entities.items(), key=lambda kv: (-kv[1], kv[0])):
        e.add_row(cls, str(n))
    grid = Table.grid(padding=(0, 4))
    grid.add_row(t, e)
    console.print(grid)
    res = report.resolution
    if res:
        console.print(
            f"resolved {res.mentions} mention(s) into {res.entities} entities in {res.seconds:.1f}s; "
            f"{res.candidates} uncertain merge(s) for `kg review`"
        )
    if report.reasoning:
        console.print(
            f"reasoning: {report.reasoning.inferred} statement(s) inferred from the ontology"
            " (graph https://w3id.org/pbkg/graph/inferred)"
        )
    if report.validation:
        v = report.validation
        verdict = (
            "[green]conforms to ontology/shapes.ttl[/green]"
            if v.conforms
            else f"[red]{len(v.violations)} SHACL violation(s)[/red]: see `kg validate --store {store}`"
        )
        console.print(f"validation: {verdict}")
    if report.warnings:
        console.print(f"[yellow]{len(report.warnings)} warning(s)[/yellow]")
        for w in report.warnings[:10]:
            console.print(f"  {w}")
        if len(report.warnings) > 10:
            console.print(f"  … and {len(report.warnings) - 10} more")
