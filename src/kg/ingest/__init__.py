"""Ingestion: article files (txt/html, any common Chinese encoding, Traditional or Simplified) → `Document`.

decode (bytes → text, encoding named) → html (main text, offsets kept) → clean (garbling, script,
punctuation, boilerplate, whitespace) → meta (headline, publication date, bylines, publisher).
`read_inputs(paths)` expands files, folders, globs, `-` (stdin) and JSON Lines batches and yields
a `Document` or an `IngestError` per article, so one bad file never stops a batch.
`kg.ingest.dates.find_dates` resolves the date expressions of a clean text for extraction.
"""

from __future__ import annotations

from .document import ingest_bytes, ingest_text
from .errors import IngestError
from .inputs import ARTICLE_SUFFIXES, BATCH_SUFFIXES, expand_paths, read_inputs

__all__ = [
    "ARTICLE_SUFFIXES",
    "BATCH_SUFFIXES",
    "IngestError",
    "expand_paths",
    "ingest_bytes",
    "ingest_text",
    "read_inputs",
]
