"""Real SPARQL servers for tests: Oxigraph (`oxigraph serve`) and OpenLink Virtuoso, on loopback.

Each starts on a free port with its own temporary database, waits until the port answers, and
is shut down cleanly (terminate, then kill if it will not stop) whatever the test did.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_VAD = Path("/usr/share/virtuoso-opensource-7/vad")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, log: Path | None = None, timeout: float = 90.0) -> None:
    """Poll `url` until it answers (any HTTP status), the process dies, or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}\n{text}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no answer from {url} after {timeout:.0f}s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def oxigraph_binary() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    return str(exe) if exe.exists() else (shutil.which("oxigraph") or "oxigraph")


@contextlib.contextmanager
def oxigraph_server(location: Path, *, read_only: bool = False, extra: tuple[str, ...] = ()):
    """`oxigraph serve` (or serve-read-only) over `location`; yields the base URL."""
    port = free_port()
    cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location)]
    cmd += ["--bind", f"127.0.0.1:{port}", *extra]
    log = location.parent / f"oxigraph-{port}.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/query?query=ASK%7B%7D", proc, log)
        yield base
    finally:
        stop(proc)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 8
CheckpointInterval = 60
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
DirsAllowed = ., {vad}
VADInstallDir = {vad}/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
DefaultQuery = SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}
"""


@contextlib.contextmanager
def virtuoso_server(directory: Path, *, max_rows: int = 1_000_000):
    """Virtuoso on loopback with a fresh database in `directory`; yields the HTTP base URL.

    The fresh database has the default administrator dba/dba, which the digest-protected
    endpoints (/sparql-auth, /sparql-graph-crud-auth) accept.
    """
    if not VIRTUOSO:
        raise RuntimeError("virtuoso-t not found: scripts/system-deps.sh installs virtuoso-opensource")
    directory.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            d=directory, sql_port=sql_port, http_port=http_port, vad=VIRTUOSO_VAD, max_rows=max_rows
        ),
        encoding="utf-8",
    )
    log = directory / "stdout.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(ini)],
            cwd=directory,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for_http(base + "/sparql?query=ASK%7B%7D", proc, directory / "virtuoso.log", timeout=180)
        yield base
    finally:
        stop(proc)
