"""What users hand to `kg build` and `kg clean`: files, folders, globs, `-` and JSON Lines batches.

Every input becomes a `Document` or an `IngestError` (one line naming the file and the reason),
in a stable order, so one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Document
from .decode import MAX_BYTES, too_big
from .document import ingest_bytes, ingest_text
from .errors import IngestError

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".shtml", ".md", ".text"}
BATCH_SUFFIXES = {".jsonl", ".ndjson"}
STDIN = "-"
PEEK = 64 * 1024  # bytes of standard input read to tell a batch from an article


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str | IngestError]:
    """Files, folders (recursive: article and batch files, not READMEs), glob patterns and `-`."""
    for raw in paths:
        raw = str(raw)
        if raw == STDIN:
            yield STDIN
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and _wanted(f))
            if not found:
                yield IngestError(raw, "folder holds no article files (.txt, .html, .jsonl)")
            yield from found
        elif p.is_file():
            yield p
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                yield IngestError(raw, "pattern matches no files")
            yield from matches
        else:
            yield IngestError(raw, "no such file or folder")


def _wanted(f: Path) -> bool:
    return f.suffix.lower() in ARTICLE_SUFFIXES | BATCH_SUFFIXES and not f.name.lower().startswith("readme")


def read_inputs(paths: Iterable[str]) -> Iterator[Document | IngestError]:
    """A `Document` or an `IngestError` for every article the paths name."""
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == STDIN:
            yield from _read_stream(sys.stdin.buffer, "<stdin>")
        elif item.suffix.lower() in BATCH_SUFFIXES:
            yield from _read_batch_file(item)
        else:
            yield _read_article(item)


def _read_article(path: Path) -> Document | IngestError:
    """One article file; its size is checked before it is read, so a huge file costs nothing."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return IngestError(str(path), too_big(size))
        data = path.read_bytes()
    except OSError as e:
        return IngestError(str(path), f"cannot read: {e.strerror or e}")
    return _guard(lambda: ingest_bytes(data, path.name, str(path)), str(path))


def _read_batch_file(path: Path) -> Iterator[Document | IngestError]:
    try:
        with path.open("rb") as f:
            yield from _read_batch(f, str(path))
    except OSError as e:
        yield IngestError(str(path), f"cannot read: {e.strerror or e}")


def _guard(make: Callable[[], Document], source: str) -> Document | IngestError:
    """The document, or the one line that says why not. An unexpected failure on one odd file
    is reported like a bad file, so that a batch of thousands still goes on."""
    try:
        return make()
    except IngestError as e:
        return e
    except Exception as e:  # a bug met on one file must not stop the batch
        return IngestError(source, f"could not be read ({type(e).__name__}: {e}); please report this file")


def _read_stream(stream: BinaryIO, source: str) -> Iterator[Document | IngestError]:
    """Standard input: a JSON Lines batch when it starts with `{` (read line by line), else one
    article (read up to just over the size limit, so that the limit can be named)."""
    first = stream.read(PEEK)
    if first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_batch(_lines_after(first, stream), source)
    else:
        data = first + stream.read(MAX_BYTES + 1 - len(first))
        yield _guard(lambda: ingest_bytes(data, "stdin.txt", source), source)


def _lines_after(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of `first` and then of the rest of `stream`."""
    *lines, partial = first.split(b"\n")
    yield from (line + b"\n" for line in lines)
    yield partial + stream.readline()
    yield from stream


def _read_batch(lines: Iterable[bytes], source: str) -> Iterator[Document | IngestError]:
    """JSON Lines: {"id", "text" or "html", "url", "date"} per line, read one line at a time; a
    bad line is skipped alone."""
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield IngestError(where, f"not UTF-8 (byte {e.start}); a JSON Lines batch is UTF-8")
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"not JSON ({e.msg} at column {e.colno})")
            continue
        body = rec.get("html") or rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield IngestError(where, 'a batch record needs a "text" or "html" string')
            continue
        if len(body) > MAX_BYTES // 3:  # characters: a UTF-8 Chinese character takes three bytes
            yield IngestError(where, too_big(len(body.encode("utf-8"))))
            continue
        doc_id = str(rec.get("id") or f"{Path(source).stem}-{n}")
        yield _guard(
            lambda rec=rec, body=body, doc_id=doc_id, where=where: ingest_text(
                body,
                doc_id,
                where,
                url=str(rec.get("url") or ""),
                date=str(rec.get("date") or ""),
                is_html=bool(rec.get("html")),
            ),
            where,
        )
