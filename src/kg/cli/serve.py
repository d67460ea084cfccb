"""`kg serve`: the real Oxigraph SPARQL server over the built store, with the catalogue one click away."""

from __future__ import annotations

import ipaddress
import shutil
import signal
import subprocess
import sys
import sysconfig
import urllib.parse
from pathlib import Path

import click

from ..query import bind, catalogue
from ..store import EmbeddedStore, StoreError
from . import main
from .options import store_option


def oxigraph_binary() -> str:
    """The `oxigraph` command installed with the oxigraph package (beside this Python's scripts)."""
    found = shutil.which("oxigraph", path=sysconfig.get_path("scripts")) or shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def _host_port(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not port.isdigit():
        raise click.BadParameter(f"{bind!r}: write it as HOST:PORT, e.g. 127.0.0.1:7878", param_hint="--bind")
    return host.strip("[]") or "127.0.0.1", int(port)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def catalogue_links(base: str) -> list[tuple[str, str, str]]:
    """(name, summary, URL) for each catalogue query: GET /query?query=… with defaults bound.

    Parameters without a default stay unbound, so the link answers for every value (all people,
    all organisations); `kg query NAME --param …` narrows it down.
    """
    out = []
    for name, q in catalogue().items():
        bound = {p.variable: p.term(p.default) for p in q.params if p.default is not None}
        text = "\n".join(
            ln.strip() for ln in bind(q.text, bound, []).splitlines() if not ln.lstrip().startswith("#")
        )
        out.append((name, q.summary, f"{base}/query?{urllib.parse.urlencode({'query': text})}"))
    return out


@main.command("serve")
@store_option
@click.option("--bind", default="127.0.0.1:7878", show_default=True, help="HOST:PORT to listen on.")
@click.option(
    "--writable", is_flag=True, help="Accept SPARQL updates too (oxigraph serve); read-only by default."
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (a YASGUI page on another site).")
@click.option(
    "--timeout", "timeout_s", type=int, default=None, help="Stop queries that run longer (seconds)."
)
@click.option(
    "--links/--no-links", default=True, show_default=True, help="Print a link for each catalogue query."
)
def serve_cmd(store, bind, writable, cors, timeout_s, links):
    """Serve the store over the SPARQL 1.1 Protocol with Oxigraph's own server and query UI.

    The default graph is the union of all graphs, so `SELECT * { ?s ?p ?o }` sees everything;
    GRAPH ?g still tells articles, metadata, labels and inferences apart. Stop with Ctrl+C.
    """
    if str(store).startswith(("http://", "https://")):
        raise StoreError(f"{store}: kg serve serves a local store folder; that URL is a server already")
    host, port = _host_port(bind)
    EmbeddedStore(store, read_only=True).close()  # a clear error if there is no store here
    cmd = [oxigraph_binary(), "serve" if writable else "serve-read-only", "--location", str(Path(store))]
    cmd += ["--bind", bind, "--union-default-graph"]
    if cors:
        cmd.append("--cors")
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    shown = "localhost" if host in ("127.0.0.1", "::1", "0.0.0.0", "::") else host
    base = f"http://{shown}:{port}"
    err = click.get_text_stream("stderr")
    if not _is_loopback(host):
        click.echo(
            f"kg: warning: listening on {host}: anyone who can reach this address can query the graph",
            err=True,
        )
    click.echo(f"pbkg SPARQL endpoint ({'read-write' if writable else 'read-only'}) on {base}", file=err)
    click.echo(f"  query UI (YASGUI)   {base}/", file=err)
    click.echo(f"  SPARQL endpoint     {base}/query" + ("   updates: /update" if writable else ""), file=err)
    if links:
        click.echo("  catalogue (browsers get XML; curl -H 'Accept: text/csv' for CSV):", file=err)
        for name, summary, url in catalogue_links(base):
            click.echo(f"    {name}: {summary}\n      {url}", file=err)
    proc = subprocess.Popen(cmd)
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        code = proc.wait()
    sys.exit(0 if code in (0, -signal.SIGTERM) else code)
