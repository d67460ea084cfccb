#!/usr/bin/env python3
"""Throughput of the ingest+extract stage on a large generated corpus (run on demand, not a test).

The corpus is made from the articles written for the tests (tests/articles) and the demo corpus:
each copy gets other people's names and other units' names, so the lexicons and caches see the
variety of a real corpus rather than one article again and again. Reports MB of clean text per
second on one core (the target is ≥ 1 MB/s): per CPU second of this process, which a busy shared
machine does not distort, with the wall-clock figure and the two stages' shares beside it.

    .venv/bin/python benchmarks/bench_extract.py [--mb 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from kg.extract import extract
from kg.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "tests" / "articles").glob("*.txt")),
    *sorted((ROOT / "examples" / "corpus").glob("*")),
]
GIVEN = "文明思远嘉宁清华晓书雨若一子安承知慕望砚北舒澄远志亦"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"


def variants(text: str, rng: random.Random, n: int) -> list[str]:
    """n copies of an article with the names of people and companies changed."""
    people = sorted({text[i : i + 3] for i in range(len(text) - 3) if text[i] in SURNAMES}, key=len)[:20]
    out = []
    for _ in range(n):
        t = text
        for p in people:
            t = t.replace(p, rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))
        t = t.replace("有限公司", rng.choice(["有限公司", "股份有限公司", "集团有限公司"]))
        out.append(t)
    return out


def _utf8(path: Path) -> str:
    """A source article's text; articles in other encodings (GB18030, Big5) are left out."""
    if path.suffix not in (".txt", ".html"):
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=3.0, help="MB of article text to generate")
    args = ap.parse_args()
    rng = random.Random(7)
    texts = [t for t in map(_utf8, SOURCES) if t]
    if not texts:
        print("no source articles found", file=sys.stderr)
        return 1
    target = int(args.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        paths, size, i = [], 0, 0
        while size < target:
            for t in variants(texts[i % len(texts)], rng, 5):
                p = Path(tmp) / f"a{i:06d}.txt"
                p.write_text(t, encoding="utf-8")
                paths.append(str(p))
                size += len(t.encode("utf-8"))
                i += 1
        clean = facts = docs = 0
        spent = {"ingest": 0.0, "extract": 0.0}  # CPU seconds of this process in each stage
        wall, cpu = time.perf_counter(), time.process_time()
        inputs = iter(read_inputs(paths))
        while True:
            t = time.process_time()
            doc = next(inputs, None)
            spent["ingest"] += time.process_time() - t
            if doc is None:
                break
            if hasattr(doc, "text"):
                clean += len(doc.text.encode("utf-8"))
                t = time.process_time()
                facts += len(extract(doc).facts)
                spent["extract"] += time.process_time() - t
                docs += 1
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mb = clean / 1e6
    print(f"{docs} articles, {mb:.2f} MB clean text, {facts} facts in {wall:.1f} s ({cpu:.1f} s of CPU)")
    print(f"throughput: {mb / cpu:.2f} MB/s of clean text per CPU second (ingest+extract; target ≥ 1 MB/s)")
    print(f"  wall clock {mb / wall:.2f} MB/s (lower when other processes share the core)")
    print(f"  ingest alone {mb / spent['ingest']:.2f} MB/s, extract alone {mb / spent['extract']:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
