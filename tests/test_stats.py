"""`kg stats`: degree, betweenness, communities and brokers, as a table with Chinese aligned and
as JSON Lines; the same numbers the exports carry."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rich.cells import cell_len

from .conftest import read_jsonl, run_kg
from .viz_support import BROKER, build_partnership_store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_partnership_store(tmp_path_factory.mktemp("stats") / "store")


def test_jsonl_ranks_by_betweenness_and_marks_the_broker(store):
    rows = read_jsonl(run_kg("stats", "--store", store, "--view", "partnerships", "--format", "jsonl").stdout)
    # the joint meeting holds two leaves and half the cycle; the broker is on the other half
    assert [r["label"] for r in rows[:2]] == ["东湖街道区域化党建联席会议", BROKER]
    assert [r["label"] for r in rows if r["broker"]] == [BROKER]
    broker = rows[1]
    assert broker["bridges"] == 2 and broker["degree"] == 4 and 0 < broker["betweenness"] <= 1
    assert all(isinstance(r["community"], int) for r in rows)
    betweenness = [r["betweenness"] for r in rows]
    assert betweenness == sorted(betweenness, reverse=True)


def test_table_aligns_chinese_names(store):
    out = run_kg("stats", "--store", store, "--top", "5").stdout
    lines = out.splitlines()
    rows = [line for line in lines if "│" in line]
    assert len(rows) == 5 and any(BROKER in line for line in rows)
    # every row has its column separators at the same display columns, whatever the name's width
    positions = {tuple(cell_len(line[:i]) for i, ch in enumerate(line) if ch == "│") for line in rows}
    assert len(positions) == 1
    assert "brokers" in out and BROKER in out.split("brokers")[1]


def test_stats_match_the_export_attributes(store, tmp_path):
    rows = {
        r["iri"]: r
        for r in read_jsonl(run_kg("stats", "--store", store, "--format", "jsonl", "--top", "99").stdout)
    }
    run_kg("export", "--store", store, "--format", "csv", "-o", tmp_path)
    with (tmp_path / "nodes.csv").open(encoding="utf-8-sig", newline="") as fh:
        exported = {n["Id"]: n for n in csv.DictReader(fh)}
    assert set(rows) == set(exported)
    for iri, r in rows.items():
        assert float(exported[iri]["betweenness"]) == pytest.approx(r["betweenness"])
        assert int(exported[iri]["community"]) == r["community"]
