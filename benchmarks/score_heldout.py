#!/usr/bin/env python3
"""Score extraction on the held-out set in one command: build, `kg facts`, the shared scorer.

    python benchmarks/score_heldout.py                 # the table for tests/heldout
    python benchmarks/score_heldout.py --json          # the scorer's whole result as JSON
    python benchmarks/score_heldout.py --corpus examples/corpus --gold examples/gold

The articles are built with the real `kg build` into a temporary store (or into --keep DIR, which
then also holds facts.jsonl), so the score is what a user of the command line would get. The
scorer is ../shared/eval/score.py, the same one that scores the dev corpus.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def shown(path: Path) -> str:
    """A path as short as it can be said: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def kg(*args) -> None:
    """Run `python -m kg …`; a failure stops the script with kg's own message."""
    proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"score_heldout: kg {args[0]} failed:\n{proc.stderr.strip()}")
    for line in proc.stderr.splitlines():  # skipped files and warnings are worth seeing
        print(line, file=sys.stderr)


def score(corpus: Path, gold: Path, work: Path, scorer_args: list[str]) -> int:
    store, facts = work / "store", work / "facts.jsonl"
    started = time.perf_counter()
    kg("build", corpus, "--store", store, "--quiet")
    kg("facts", "--store", store, "--format", "jsonl", "-o", facts)
    elapsed = time.perf_counter() - started
    if "--json" not in scorer_args:
        n = len(list(gold.glob("*.json")))
        print(f"{shown(corpus)} ({n} gold files in {shown(gold)}), built and read back in {elapsed:.1f} s")
    return subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(facts), *scorer_args]
    ).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "heldout", help="articles to build")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "heldout" / "gold", help="their gold files")
    ap.add_argument("--keep", type=Path, help="build into this new folder and keep the store and facts.jsonl")
    ap.add_argument("--json", action="store_true", help="print the scorer's whole result as JSON")
    ap.add_argument("--min-f1", type=float, help="exit 1 when the micro F1 falls below this")
    args = ap.parse_args()
    for path, what in (
        (SCORER, "the shared scorer"),
        (args.corpus, "the corpus"),
        (args.gold, "the gold folder"),
    ):
        if not path.exists():
            sys.exit(f"score_heldout: {what} is missing: {path}")
    scorer_args = (["--json"] if args.json else []) + (
        [f"--min-f1={args.min_f1}"] if args.min_f1 is not None else []
    )
    if args.keep:
        if (args.keep / "store").exists():
            sys.exit(f"score_heldout: {args.keep} already holds a store; give a new folder to --keep")
        args.keep.mkdir(parents=True, exist_ok=True)
        return score(args.corpus, args.gold, args.keep, scorer_args)
    with tempfile.TemporaryDirectory(prefix="pbkg-heldout-") as tmp:
        return score(args.corpus, args.gold, Path(tmp), scorer_args)


if __name__ == "__main__":
    sys.exit(main())
