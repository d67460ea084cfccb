"""Ingestion: article files (txt/html, any common Chinese encoding, Traditional or Simplified) → `Document`.

`read_inputs(paths)` expands files, folders, globs, `-` (stdin) and JSON Lines batches, and yields
a `Document` or an `IngestError` per article, so one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import DateValue, Document
from . import html as htmlmod
from .clean import clean
from .decode import CJK, decode
from .errors import IngestError
from .meta import bylines, header_date, parse_date
from .tracked import Tracked

__all__ = ["IngestError", "ingest_bytes", "ingest_text", "read_inputs", "expand_paths"]

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".md", ".text"}
BATCH_SUFFIXES = {".jsonl", ".ndjson"}


def ingest_bytes(data: bytes, doc_id: str, source: str, *, url: str = "", date: str = "") -> Document:
    """Decode, clean and describe one article's bytes."""
    text, encoding = decode(data, source)
    doc = ingest_text(text, doc_id, source, url=url, date=date)
    doc.encoding = encoding
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def ingest_text(
    text: str, doc_id: str, source: str, *, url: str = "", date: str = "", is_html: bool | None = None
) -> Document:
    """Clean already-decoded text (or HTML) into a Document whose offsets refer to `text`."""
    meta: dict = {}
    if is_html is None:
        is_html = htmlmod.looks_like_html(text)
    if is_html:
        body, meta = htmlmod.extract(text)
    else:
        body = Tracked.identity(text)
    cleaned, damage = clean(body)
    if not CJK.search(cleaned.text):
        raise IngestError(source, "no Chinese text found")
    lines = [ln.strip() for ln in cleaned.text.split("\n") if ln.strip()]
    doc = Document(
        id=doc_id,
        source=source,
        original=text,
        text=cleaned.text,
        starts=cleaned.starts,
        ends=cleaned.ends,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type="text/html" if is_html else "text/plain",
        url=url,
        damage=damage,
    )
    from .clean import _t2s

    doc.title = _t2s()(meta.get("title", "")) if meta.get("title") else (lines[0] if lines else "")
    doc.date = _first_date(date, meta.get("date", ""), lines)
    doc.bylines = bylines(lines)
    return doc


def _first_date(given: str, meta_date: str, lines: list[str]) -> DateValue | None:
    for value, source in ((given, "given"), (meta_date, "meta")):
        d = parse_date(value) if value else None
        if d:
            d.source = source
            return d
    return header_date(lines)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str | IngestError]:
    """Files, folders (recursive), glob patterns and `-`, in a stable order."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in ARTICLE_SUFFIXES | BATCH_SUFFIXES
                and not f.name.lower().startswith("readme")
            )
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


def read_inputs(paths: Iterable[str]) -> Iterator[Document | IngestError]:
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == "-":
            yield from _read_stream(sys.stdin.buffer.read(), "<stdin>")
        elif item.suffix.lower() in BATCH_SUFFIXES:
            yield from _read_batch(item)
        else:
            try:
                data = item.read_bytes()
                yield ingest_bytes(data, item.name, str(item))
            except IngestError as e:
                yield e
            except OSError as e:
                yield IngestError(str(item), f"cannot read: {e.strerror or e}")


def _read_stream(data: bytes, source: str) -> Iterator[Document | IngestError]:
    if data.lstrip().startswith(b"{"):
        yield from _read_batch_bytes(data, source)
        return
    try:
        yield ingest_bytes(data, "stdin.txt", source)
    except IngestError as e:
        yield e


def _read_batch(path: Path) -> Iterator[Document | IngestError]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(str(path), f"cannot read: {e.strerror or e}")
        return
    yield from _read_batch_bytes(data, str(path))


def _read_batch_bytes(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """JSON Lines: {"id", "text" or "html", "url", "date"} per line."""
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
            yield IngestError(where, f"not JSON ({e.msg})")
            continue
        if not isinstance(rec, dict) or not (rec.get("text") or rec.get("html")):
            yield IngestError(where, 'a batch record needs "text" or "html"')
            continue
        doc_id = str(rec.get("id") or f"{Path(source).stem}-{n}")
        body = rec.get("html") or rec.get("text")
        try:
            doc = ingest_text(
                str(body),
                doc_id,
                where,
                url=str(rec.get("url", "")),
                date=str(rec.get("date", "")),
                is_html=bool(rec.get("html")),
            )
            doc.encoding = "utf-8"
            yield doc
        except IngestError as e:
            yield e
