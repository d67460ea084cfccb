"""Does ingestion still give the same output? Record it once, compare after every change.

    .venv/bin/python benchmarks/ingest_regress.py record /tmp/ingest-before
    .venv/bin/python benchmarks/ingest_regress.py compare /tmp/ingest-before

For every article of ../shared/corpus/dev, tests/heldout, tests/heldout2, tests/articles,
examples/corpus, tests/ingest_samples and a small generated corpus (the files
`bench_ingest.py` makes, in all their encodings and shapes), it writes what `kg clean --json`
prints (text, printed text, offsets, damage, removed boilerplate, metadata) or the refusal line,
one JSON Lines file per corpus. `compare` reads the same articles with the current code and names
every article whose output differs, with the fields that differ and where the text first parts.
A speed-up must leave the comparison empty; a change meant to alter the output shows up here
article by article.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench_ingest import generate

from kg.cli.clean import document_json
from kg.ingest import IngestError, read_inputs

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "dev": ROOT.parent / "shared" / "corpus" / "dev",
    "heldout": ROOT / "tests" / "heldout",
    "heldout2": ROOT / "tests" / "heldout2",
    "articles": ROOT / "tests" / "articles",
    "examples": ROOT / "examples" / "corpus",
    "ingest_samples": ROOT / "tests" / "ingest_samples",
}
GENERATED_MB = 1.5  # enough for every kind of generated file many times over


def outputs(folder: Path) -> dict[str, dict]:
    """Each article's `kg clean --json` object (or its refusal), keyed by its source relative to `folder`."""
    out = {}
    for item in read_inputs([str(folder)]):
        if isinstance(item, IngestError):
            key = _key(item.source, folder)
            out[key] = {"source": key, "refused": item.reason}
        else:
            record = document_json(item)
            record["source"] = _key(record["source"], folder)
            out[record["source"]] = record
    return out


def _key(source: str, folder: Path) -> str:
    """A source path relative to its corpus folder, so temporary folders compare equal."""
    path, sep, line = source.partition(":")
    try:
        return Path(path).relative_to(folder).as_posix() + sep + line
    except ValueError:
        return source


def corpora(tmp: Path) -> dict[str, Path]:
    generated = tmp / "generated"
    generated.mkdir()
    generate(generated, GENERATED_MB)
    return {**CORPORA, "generated": generated}


def record(into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in corpora(Path(tmp)).items():
            found = outputs(folder)
            with (into / f"{name}.jsonl").open("w", encoding="utf-8") as f:
                for record in found.values():
                    f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            print(f"{name}: {len(found)} articles recorded")


def compare(recorded: Path) -> int:
    """Print every difference; the number of articles that differ."""
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in corpora(Path(tmp)).items():
            lines = (recorded / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            before = {(r := json.loads(line))["source"]: r for line in lines}
            now = outputs(folder)
            for source in sorted(before.keys() | now.keys()):
                why = _difference(before.get(source), now.get(source))
                if why:
                    differ += 1
                    print(f"{name}/{source}: {why}")
            print(f"{name}: {len(now)} articles compared", file=sys.stderr)
    return differ


def _difference(a: dict | None, b: dict | None) -> str:
    if a is None or b is None:
        return "new article" if a is None else "article missing"
    fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    if not fields:
        return ""
    where = ""
    for field in ("text", "offsets"):
        x, y = a.get(field) or [], b.get(field) or []
        if x != y:
            at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            where += f"; {field} parts at {at}: {x[at : at + 3]!r} → {y[at : at + 3]!r}"
    return "differs in " + ", ".join(fields) + where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=["record", "compare"])
    ap.add_argument("folder", type=Path, help="where the recorded outputs are (one .jsonl per corpus)")
    args = ap.parse_args()
    if args.action == "record":
        record(args.folder)
        return
    differ = compare(args.folder)
    print(f"{differ} article(s) differ" if differ else "identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
