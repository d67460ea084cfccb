"""Does ingestion still give the same output? Record it once, compare after every change.

    .venv/bin/python benchmarks/ingest_regress.py record /tmp/ingest-before
    .venv/bin/python benchmarks/ingest_regress.py compare /tmp/ingest-before

For every article of ../shared/corpus/dev, tests/heldout, tests/heldout2, tests/heldout3, tests/articles,
examples/corpus, tests/ingest_samples, a small generated corpus (the files `bench_ingest.py`
makes, in all their encodings and shapes) and a fuzz batch (texts and pages glued at random from
the fragments cleaning has to handle: odd spaces and line ends, pinyin and damage marks, ASCII
noise, boilerplate, entities and tags), it writes what `kg clean --json`
prints (text, printed text, offsets, damage, removed boilerplate, metadata) or the refusal line,
one JSON Lines file per corpus. `compare` reads the same articles with the current code and names
every article whose output differs, with the fields that differ and where the text first parts.
A speed-up must leave the comparison empty; a change meant to alter the output shows up here
article by article.
"""

from __future__ import annotations

import argparse
import json
import random
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
    "heldout3": ROOT / "tests" / "heldout3",
    "articles": ROOT / "tests" / "articles",
    "examples": ROOT / "examples" / "corpus",
    "ingest_samples": ROOT / "tests" / "ingest_samples",
}
GENERATED_MB = 1.5  # enough for every kind of generated file many times over
FUZZ_RECORDS = 800
FRAGMENTS = (  # what a fuzz text is glued from, besides lines of the ingestion samples
    [" ", "  ", "\t", "\u3000", "\xa0", "\u200b", "\r\n", "\r", "\n", "\n\n\n", " \n ", "\u2028"]
    + [",", ":", ";", "!", "?", "(", ")", "（", "）", "．", "。", "，", "“", "”", "3．5", "2025", "a1"]
    + [
        "(huì)",
        "（qū）",
        "?xiǎng)",
        "^(qū)",
        "\ufffd",
        "?\ufffd",
        "會(huì)議",
        "區",
        "環(huán)",
        "ＡＢ１２",
        "﹐",
    ]
    + ["% [ c8 m4 k9", "0 R) y% q8 ~ t3", "x1 y2", "& b7 ] q2 x9 ", "AI 赋能", "A B C D"]
    + ["阅读：1386", "5476 次浏览", "【打印】", "【字体：大 中 小】", "🎉🔥", "| 只看该作者", "[关闭]"]
    + ["相关阅读", "往期回顾：", "首页 | 新闻中心 | 党建", "当前位置：首页 > 党建", "责任编辑：王五"]
    + ["来源：某某网", "1. 数学大咖来了→", "本文转载自某网", "版权所有", "▲ 大会现场", "（记者 乔语嫣）"]
    + ["鈥滆仛鍚堝姏 “聚合力", "2025年5月19日", "12月28日电", "——", "【转帖】", " - 南湖网友论坛"]
)
TAGS = ["<p>", "</p>", "<br>", "<div class='share'>", "<div>", "</div>", "<a href='/x'>", "</a>", "&amp;",
        "&nbsp;", "&#x4e2d;", "&am", "<h1>", "</h1>", "<ruby>漢<rt>hàn</rt></ruby>", "<script>var a;</script>",
        "<!-- note -->", "<li>", "<span>", "</span>", "<meta name='author' content='王五'>", "&lt;"]  # fmt: skip


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
    fuzz = tmp / "fuzz"
    fuzz.mkdir()
    write_fuzz(fuzz / "fuzz.jsonl")
    return {**CORPORA, "generated": generated, "fuzz": fuzz}


def write_fuzz(path: Path, seed: int = 11) -> None:
    """A batch of texts and pages glued at random from sample lines and awkward fragments."""
    rng = random.Random(seed)
    samples = sorted((ROOT / "tests" / "ingest_samples").glob("*.txt"))
    lines = [ln for f in samples for ln in f.read_text(encoding="utf-8", errors="ignore").splitlines() if ln]
    with path.open("w", encoding="utf-8") as f:
        for n in range(FUZZ_RECORDS):
            page = n % 3 == 0
            pool = FRAGMENTS + TAGS if page else FRAGMENTS
            parts = [
                rng.choice(lines) if rng.random() < 0.3 else rng.choice(pool)
                for _ in range(rng.randint(5, 120))
            ]
            body = "".join(parts)
            record = (
                {"id": f"fuzz{n}", "html": f"<html><body>{body}</body></html>"} if page else {"text": body}
            )
            f.write(json.dumps({"id": f"fuzz{n}", **record}, ensure_ascii=False) + "\n")


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
