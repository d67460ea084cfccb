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

from ..model import Document
from .document import ingest_bytes, ingest_text
from .errors import IngestError

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".shtml", ".md", ".text"}
BATCH_SUFFIXES = {".jsonl", ".ndjson"}
STDIN = "-"


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
            yield from _read_stream(sys.stdin.buffer.read(), "<stdin>")
        else:
            try:
                data = item.read_bytes()
            except OSError as e:
                yield IngestError(str(item), f"cannot read: {e.strerror or e}")
                continue
            if item.suffix.lower() in BATCH_SUFFIXES:
                yield from _read_batch(data, str(item))
            else:
                yield _guard(lambda data=data, item=item: ingest_bytes(data, item.name, str(item)), str(item))


def _guard(make: Callable[[], Document], source: str) -> Document | IngestError:
    """The document, or the one line that says why not. An unexpected failure on one odd file
    is reported like a bad file, so that a batch of thousands still goes on."""
    try:
        return make()
    except IngestError as e:
        return e
    except Exception as e:  # a bug met on one file must not stop the batch
        return IngestError(source, f"could not be read ({type(e).__name__}: {e}); please report this file")


def _read_stream(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """Standard input: a JSON Lines batch when it starts with `{`, else one article."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_batch(data, source)
    else:
        yield _guard(lambda: ingest_bytes(data, "stdin.txt", source), source)


def _read_batch(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """JSON Lines: {"id", "text" or "html", "url", "date"} per line; a bad line is skipped alone."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield IngestError(source, f"JSON Lines batch is not UTF-8 (byte {e.start})")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"not JSON ({e.msg} at column {e.colno})")
            continue
        body = rec.get("html") or rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield IngestError(where, 'a batch record needs a "text" or "html" string')
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
