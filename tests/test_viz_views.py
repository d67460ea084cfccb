"""Views of the network (partnerships, full, ego, date windows) on a hand-built store, and the
`kg viz` command's answers to mistakes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.network import View, ViewError, load, span
from kg.store import open_store

from .conftest import ROOT, run_kg
from .viz_support import (
    BROKER,
    FULL_EDGES,
    FULL_NODES,
    PARTNERSHIP_EDGES,
    PARTNERSHIP_NODES,
    build_partnership_store,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_partnership_store(tmp_path_factory.mktemp("views") / "store")


def view(store: Path, **kw):
    with open_store(store, read_only=True) as st:
        return load(st, View(**kw))


def labels(g) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


def test_partnerships_keeps_organisations_and_their_partnership_edges(store):
    g = view(store)
    assert (g.number_of_nodes(), g.number_of_edges()) == (PARTNERSHIP_NODES, PARTNERSHIP_EDGES)
    assert {d["cls"] for _, d in g.nodes(data=True)} <= {
        "PartyOrganization",
        "GovernmentBody",
        "Enterprise",
        "SocialOrganization",
        "JointMeeting",
        "Committee",
    }
    assert {d["relation"] for *_, d in g.edges(data=True)} == {
        "member_of",
        "rotating_chair",
        "has_committee",
        "co_builds_with",
    }


def test_parallel_relations_between_two_nodes_are_all_kept(store):
    g = view(store)
    e1 = next(n for n, d in g.nodes(data=True) if d["label"] == BROKER)
    j1 = next(n for n, d in g.nodes(data=True) if d["label"] == "东湖街道区域化党建联席会议")
    assert sorted(d["relation"] for d in g.get_edge_data(e1, j1).values()) == ["member_of", "rotating_chair"]


def test_full_view_has_every_entity_and_relation(store):
    g = view(store, name="full")
    assert (g.number_of_nodes(), g.number_of_edges()) == (FULL_NODES, FULL_EDGES)
    witnessed = [(g.nodes[o]["label"]) for _, o, d in g.edges(data=True) if d["relation"] == "witnessed"]
    assert sorted(witnessed) == ["东湖实验小学", "西湖街道办事处"]
    co = [d for *_, d in g.edges(data=True) if d["relation"] == "co_builds_with"]
    assert co and not any(d["directed"] for d in co)  # symmetric in the ontology


def test_attestation_dates_come_from_facts_events_and_publication(store):
    g = view(store, name="full")
    by = {(g.nodes[s]["label"], d["relation"]): d for s, o, d in g.edges(data=True)}
    assert by[("中共东湖街道工作委员会", "co_builds_with")]["first_seen"] == "2024-03-05"  # fact date
    assert by[("2024年东湖街道区域化党建联席会议", "event_of")]["first_seen"] == "2024-03-05"  # event date
    assert by[("东湖街道办事处", "member_of")]["first_seen"] == "2024-03-10"  # publication date
    broker = next(d for _, d in g.nodes(data=True) if d["label"] == BROKER)
    assert (broker["first_seen"], broker["last_seen"]) == ("2024-03-05", "2025-06-20")


def test_date_window_keeps_what_was_attested_in_it(store):
    g = view(store, start="2025", end="2025-12")
    assert labels(g) == {"西湖商圈党建联盟", BROKER, "西湖街道办事处", "东湖实验小学"}
    assert g.number_of_edges() == 3
    early = view(store, name="full", end="2024-03-31")
    assert "西湖商圈党建联盟" not in labels(early) and "经济发展专委会" in labels(early)


def test_ego_view_reaches_depth_steps_from_the_focus(store):
    one = view(store, name="ego", focus=BROKER, depth=1)
    assert labels(one) == {BROKER, "东湖街道区域化党建联席会议", "西湖商圈党建联盟", "中共东湖街道工作委员会"}
    assert [d["label"] for _, d in one.nodes(data=True) if d.get("focus")] == [BROKER]
    two = view(store, name="ego", focus="置业", depth=2)  # a unique part of a name is enough
    assert labels(one) < labels(two)


def test_view_mistakes_are_explained(store):
    with pytest.raises(ViewError, match="no entity called"):
        view(store, name="ego", focus="不存在的单位")
    with pytest.raises(ViewError, match="matches 2 entities"):
        view(store, name="ego", focus="街道办事处")
    with pytest.raises(ViewError, match="not a date"):
        view(store, start="2024-13")
    with pytest.raises(ViewError, match="ends before it starts"):
        view(store, start="2025", end="2024")


def test_span_covers_partial_dates():
    assert span("2024-02") == ("2024-02-01", "2024-02-29")
    assert span("2024") == ("2024-01-01", "2024-12-31")
    assert span("2024-12-26") == ("2024-12-26", "2024-12-26")
    assert span("春节") is None


def test_kg_viz_reports_a_user_mistake_in_one_line(store, tmp_path):
    out = tmp_path / "x.html"
    proc = run_kg("viz", "--store", store, "--focus", "不存在的单位", "-o", out, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["kg: error: no entity called '不存在的单位' in this graph"]
    assert not out.exists()


def test_views_and_renderers_from_the_command_line(store, tmp_path):
    out = tmp_path / "ego.html"
    proc = run_kg("viz", "--store", store, "--focus", BROKER, "--depth", "1", "--from", "2024", "-o", out)
    assert "4 nodes, 5 edges (vis" in proc.stderr
    page = out.read_text(encoding="utf-8")
    assert BROKER in page and "ego network, depth 1" in page


def test_webgl_without_node_modules_says_how_to_install(store, tmp_path):
    viz = tmp_path / "viz"
    shutil.copytree(ROOT / "viz" / "templates", viz / "templates")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "viz",
            "--store",
            str(store),
            "--renderer",
            "webgl",
            "-o",
            str(tmp_path / "w.html"),
        ],
        capture_output=True,
        env={**os.environ, "PBKG_VIZ_DIR": str(viz)},
        cwd=ROOT,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert "npm ci" in err and "--renderer vis" in err
    assert len(err.strip().splitlines()) == 1
