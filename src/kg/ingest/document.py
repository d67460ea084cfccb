"""The ingestion stage for one article: bytes or text → `Document`."""

from __future__ import annotations

import hashlib

from ..model import Document
from . import boilerplate
from . import html as htmlmod
from .clean import clean, simplified
from .decode import CJK, decode
from .errors import IngestError
from .meta import bylines, headline, lines_of, publication_date, publisher, site_from_title
from .rules import data
from .tracked import Tracked


def ingest_bytes(data: bytes, doc_id: str, source: str, *, url: str = "", date: str = "") -> Document:
    """Decode, clean and describe one article file's bytes; the hash is of the bytes as stored."""
    text, encoding = decode(data, source)
    doc = _ingest(text, doc_id, source, hashlib.sha256(data).hexdigest(), url=url, date=date)
    doc.encoding = encoding
    return doc


def ingest_text(
    text: str, doc_id: str, source: str, *, url: str = "", date: str = "", is_html: bool | None = None
) -> Document:
    """Clean already-decoded text (or an HTML page) into a Document whose offsets refer to `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _ingest(text, doc_id, source, digest, url=url, date=date, is_html=is_html)


def _ingest(
    text: str, doc_id: str, source: str, sha256: str, *, url: str, date: str, is_html: bool | None = None
) -> Document:
    """The Document of decoded text or an HTML page; `sha256` is the hash of what was read."""
    if is_html is None:
        is_html = htmlmod.looks_like_html(text)
    body, page = htmlmod.extract(text) if is_html else (Tracked.identity(text), {"meta": {}})
    cleaned = clean(body)
    if not CJK.search(cleaned.text.text):
        raise IngestError(source, "no Chinese text found" + (" in the page's main text" if is_html else ""))
    lines = lines_of(cleaned.text.text)
    page_meta = page["meta"]
    doc = Document(
        id=doc_id,
        source=source,
        original=text,
        text=cleaned.text.text,
        starts=cleaned.text.starts,
        ends=cleaned.text.ends,
        sha256=sha256,
        media_type="text/html" if is_html else "text/plain",
        url=url or page_meta.get("og:url", ""),
        damage=cleaned.damage,
        printed_text=cleaned.printed,
        removed=cleaned.removed,
    )
    doc.site = (
        cleaned.site
        or simplified(next(iter(_meta_values(page_meta, "html_site_meta")), ""))
        or site_from_title(simplified(page.get("title", "")))
    )
    page_title = boilerplate.strip_headline(simplified(page.get("h1") or page.get("title", "")))
    doc.title = headline(lines, page_title, cleaned.site)
    doc.date = publication_date(lines, doc.text, date, _meta_values(page_meta, "html_date_meta"))
    authors = [simplified(a) for a in _meta_values(page_meta, "html_author_meta")]
    doc.bylines = bylines(lines, authors)
    doc.publisher = publisher(lines, doc.site)
    doc.warnings = _warnings(doc)
    return doc


def _meta_values(page_meta: dict, key: str) -> tuple[str, ...]:
    """The page's <meta> values for the names listed under `key` in metadata.yaml, in that order."""
    return tuple(page_meta[name] for name in data("metadata.yaml")[key] if page_meta.get(name))


def _warnings(doc: Document) -> list[str]:
    out = []
    lost = [d for d in doc.damage if d.kind == "lost"]
    if lost:
        out.append(f"{len(lost)} damaged spot(s) where characters were lost in a re-encoding were removed")
    if any(d.kind == "mojibake" for d in doc.damage):
        out.append("a garbled (mojibake) copy of a line was removed")
    if doc.date is None:
        out.append("no publication date found")
    return out
