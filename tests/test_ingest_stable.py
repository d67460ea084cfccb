"""What cleaning makes of the dev corpus and the ingestion samples is pinned, article by article.

Each article's cleaning output (clean and printed text, the offset of every character, damage,
removed boilerplate, site, encoding) is hashed; tests/data/ingest_hashes.json holds the hashes.
A speed-up must leave them all as they are. A change meant to alter cleaning shows here article
by article: see what changed with `benchmarks/ingest_regress.py` (record before the change,
compare after), then refresh the hashes:

    KG_UPDATE_INGEST_HASHES=1 .venv/bin/python -m pytest tests/test_ingest_stable.py

Metadata (headline, date, bylines, publisher) is left out: it is read by `meta.py`, whose own
tests pin it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from kg.cli.clean import document_json
from kg.ingest import IngestError, read_inputs

from .conftest import DEV, ROOT

HASHES = Path(__file__).parent / "data" / "ingest_hashes.json"
CORPORA = {"dev": DEV, "ingest_samples": ROOT / "tests" / "ingest_samples"}
FIELDS = ("encoding", "media_type", "text", "printed_text", "offsets", "damage", "removed", "site")


def cleaning_hashes() -> dict[str, str]:
    """`corpus/article` → hash of its cleaning output (or of the reason it was refused)."""
    out = {}
    for name, folder in CORPORA.items():
        for item in read_inputs([str(folder)]):
            if isinstance(item, IngestError):
                key, output = Path(item.source).name, {"refused": item.reason}
            else:
                record = document_json(item)
                key, output = item.id, {field: record[field] for field in FIELDS}
            canonical = json.dumps(output, ensure_ascii=False, sort_keys=True).encode("utf-8")
            out[f"{name}/{key}"] = hashlib.sha256(canonical).hexdigest()
    return out


def test_cleaning_output_is_unchanged(shared):
    found = cleaning_hashes()
    if os.environ.get("KG_UPDATE_INGEST_HASHES"):
        HASHES.parent.mkdir(exist_ok=True)
        HASHES.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(HASHES.read_text(encoding="utf-8"))
    changed = sorted(key for key in expected.keys() | found.keys() if expected.get(key) != found.get(key))
    assert not changed, (
        f"cleaning output changed for {len(changed)} article(s): {', '.join(changed)}. If that is meant, "
        "check the changes with benchmarks/ingest_regress.py and refresh the hashes (see this file's docstring)."
    )
