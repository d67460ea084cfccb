"""Shared fixtures: the repository, ../shared, and a runner for the real `kg` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "eval" / "gold"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = ROOT / "examples" / "corpus"


def run_kg(
    *args, input: bytes | None = None, check: bool = True, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `python -m kg …` as a user would (`env` adds variables); returns the completed process (text output)."""
    proc = subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=cwd or ROOT,
        env={**os.environ, **env} if env else None,
        timeout=600,
    )
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not DEV.is_dir():
        pytest.fail(f"{SHARED} is missing: tests read the dev corpus and gold from ../shared")
    return SHARED


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory, shared) -> Path:
    """The dev corpus built once into an embedded store."""
    store = tmp_path_factory.mktemp("dev") / "store"
    run_kg("build", DEV, "--store", store, "--quiet")
    return store


@pytest.fixture(scope="session")
def dev_facts(dev_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("facts") / "facts.jsonl"
    run_kg("facts", "--store", dev_store, "--format", "jsonl", "-o", out)
    return out
