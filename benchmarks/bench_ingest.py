"""Ingestion throughput in MB/s on a large generated corpus.

    .venv/bin/python benchmarks/bench_ingest.py [--mb 20] [--repeat 3] [--profile]

Generates article files from the ingestion samples (tests/ingest_samples) with varied names and
dates, in the shapes real files come in: Simplified UTF-8, Traditional with inline pinyin and
damage, GB18030, Big5, UTF-16, HTML pages, and one JSON Lines batch; then reads the folder with
`kg.ingest.read_inputs`, the same call `kg build` and `kg clean` make (decode, HTML, garbling,
script, punctuation, boilerplate, metadata), on one core, each kind's folder on its own (the
fastest of --repeat runs, as other processes on a shared machine only slow a run down). MB are
the input files' bytes; the throughput of the whole mix is its bytes over the kinds' summed times.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import re
import tempfile
import time
from pathlib import Path

import opencc

from kg.ingest import IngestError, read_inputs

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "ingest_samples"
S2T = opencc.OpenCC("s2twp").convert
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢"
)
GIVEN = "晓若清明思远书宁一舟知秋砚青禾望舒嘉言雨桐启航静姝文澜子衿亦航承远"
PINYIN = {
    "会": "huì",
    "区": "qū",
    "务": "wù",
    "联": "lián",
    "发": "fā",
    "关": "guān",
    "实": "shí",
    "领": "lǐng",
}


def simplified_article(rng: random.Random) -> str:
    """The master sample with other names and dates, and its body repeated to a typical length."""
    text = (SAMPLES / "simplified_utf8.txt").read_text(encoding="utf-8")
    for name in ("梅若川", "石砚秋", "岳承志", "沈知微", "顾青禾", "陶然"):
        text = text.replace(name, rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    text = re.sub(r"2025-05-16", f"2025-{month:02d}-{day:02d}", text)
    text = text.replace("5月15日", f"{month}月{max(1, day - 1)}日")
    head, _, rest = text.partition("\n\n")
    body, _, tail = rest.partition("（记者")
    return f"{head}\n\n{body * rng.randint(2, 4)}（记者{tail}"


def garbled(text: str, rng: random.Random) -> str:
    """Traditional with inline pinyin after some characters and a few lost characters."""
    trad = S2T(text)
    for simp, syllable in PINYIN.items():
        trad = trad.replace(S2T(simp), f"{S2T(simp)}({syllable})")
    lines = trad.split("\n")
    for i in rng.sample(range(3, len(lines)), k=min(2, max(0, len(lines) - 3))):
        if len(lines[i]) > 20:
            at = rng.randint(5, len(lines[i]) - 5)
            lines[i] = lines[i][:at] + "?xiǎng)" + lines[i][at + 1 :]
    return "\n".join(lines)


def html_page(text: str) -> str:
    page = (SAMPLES / "page_ruby.html").read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    paras = "\n".join(f"    <p>{ln}</p>" for ln in lines[2:-2])
    return re.sub(
        r'(<div class="content">\n).*?(\n  </div>)',
        lambda m: m.group(1) + paras + m.group(2),
        page,
        flags=re.S,
    )


def generate(folder: Path, megabytes: float, seed: int = 7) -> int:
    """Write article files (a folder per kind, and one batch) until `megabytes` are written;
    returns the byte count."""
    rng = random.Random(seed)
    kinds = [
        ("utf8.txt", lambda t: t.encode("utf-8")),
        ("garbled.txt", lambda t: garbled(t, rng).encode("utf-8")),
        ("gb18030.txt", lambda t: t.encode("gb18030")),
        ("big5.txt", lambda t: S2T(t).encode("big5", errors="ignore")),
        ("utf16.txt", lambda t: t.encode("utf-16")),
        ("page.html", lambda t: html_page(t).encode("utf-8")),
    ]
    total, n = 0, 0
    batch = []
    while total < megabytes * 1e6:
        suffix, encode = kinds[n % len(kinds)]
        data = encode(simplified_article(rng))
        kind = folder / suffix.replace(".", "_")
        kind.mkdir(exist_ok=True)
        (kind / f"{n:06d}_{suffix}").write_bytes(data)
        total += len(data)
        n += 1
        if n % 50 == 0:
            batch.append(
                json.dumps(
                    {"id": f"b{n}", "text": simplified_article(rng), "date": "2025-06-01"}, ensure_ascii=False
                )
            )
    data = ("\n".join(batch) + "\n").encode("utf-8")
    (folder / "batch_jsonl").mkdir()
    (folder / "batch_jsonl" / "batch.jsonl").write_bytes(data)
    return total + len(data)


def run(folder: Path) -> tuple[int, int, int, float]:
    """(articles, refusals, bytes of clean text, CPU seconds): CPU time is what one core spent,
    steadier than wall time on a shared machine."""
    cpu = time.process_time()
    docs, errors, clean = 0, 0, 0
    for item in read_inputs([str(folder)]):
        if isinstance(item, IngestError):
            errors += 1
        else:
            docs += 1
            clean += len(item.text)
    return docs, errors, clean, time.process_time() - cpu


def best_cpu(folder: Path, repeat: int) -> float:
    """The least CPU time of `repeat` runs: other processes only ever add to it."""
    return min(run(folder)[3] for _ in range(repeat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="size of the generated corpus (default 20 MB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per kind; the fastest counts (default 3)")
    ap.add_argument("--profile", action="store_true", help="print the 25 most expensive functions")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = generate(folder, args.mb)
        docs, errors, clean, _ = run(folder)  # also warms the caches (OpenCC, rules, regexes)
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            run(folder)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        kinds = {}
        for kind in sorted(p for p in folder.iterdir() if p.is_dir()):
            kinds[kind.name] = (
                sum(f.stat().st_size for f in kind.iterdir()) / 1e6,
                best_cpu(kind, args.repeat),
            )
    cpu = sum(t for _, t in kinds.values())
    mb = size / 1e6
    print(
        f"generated {mb:.1f} MB; read {docs} articles ({errors} refused), {clean / 1e6:.1f} M characters of clean text"
    )
    print("by kind (MB/s of CPU time): " + ", ".join(f"{k} {m / t:.2f}" for k, (m, t) in kinds.items()))
    print(
        f"ingestion throughput: {mb / cpu:.2f} MB/s of CPU time on one core ({docs / cpu:.0f} articles/s, "
        f"{clean / 1e6 / cpu:.2f} M clean characters/s; {cpu:.2f} s CPU, best of {args.repeat} per kind)"
    )


if __name__ == "__main__":
    main()
