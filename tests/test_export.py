"""`kg export`: GEXF 1.3 that validates against the schema in ../shared and carries what Gephi
needs, GraphML and CSV with the same attributes, and the RDF dataset in four syntaxes."""

from __future__ import annotations

import csv
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.store import open_store

from .conftest import SHARED, run_kg
from .viz_support import (
    BROKER,
    FULL_EDGES,
    FULL_NODES,
    PARTNERSHIP_EDGES,
    PARTNERSHIP_NODES,
    build_partnership_store,
)

NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
SCHEMA = SHARED / "schemas" / "gexf-1.3" / "gexf.rng"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_partnership_store(tmp_path_factory.mktemp("export") / "store")


@pytest.fixture(scope="module")
def gexf(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gexf") / "graph.gexf"
    run_kg("export", "--store", store, "--format", "gexf", "-o", out)
    return out


def test_gexf_validates_against_the_gexf_1_3_schema(gexf):
    proc = subprocess.run(
        ["xmllint", "--noout", "--relaxng", str(SCHEMA), str(gexf)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"{gexf} validates"


def test_gexf_has_typed_attributes_viz_and_a_timeline(gexf):
    root = ET.parse(gexf).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    declared = {
        (cls.get("class"), a.get("id")): a.get("type")
        for cls in graph.findall("g:attributes", NS)
        for a in cls.findall("g:attribute", NS)
    }
    for name, type_ in [("class", "string"), ("label_zh", "string"), ("label_en", "string"), ("district", "string"),
                        ("degree", "integer"), ("betweenness", "double"), ("first_seen", "string"),
                        ("last_seen", "string"), ("article_count", "integer"), ("broker", "boolean")]:  # fmt: skip
        assert declared[("node", name)] == type_, name
    for name in ("relation", "date", "evidence"):
        assert declared[("edge", name)] == "string"
    nodes = graph.findall("g:nodes/g:node", NS)
    edges = graph.findall("g:edges/g:edge", NS)
    assert (len(nodes), len(edges)) == (FULL_NODES, FULL_EDGES)
    for node in nodes:
        color = node.find("viz:color", NS)
        assert color is not None and color.get("a") is None and all(color.get(c) for c in "rgb")
        assert node.find("viz:position", NS) is not None and node.find("viz:size", NS) is not None
    broker = next(n for n in nodes if n.get("label") == BROKER)
    values = {v.get("for"): v.get("value") for v in broker.findall("g:attvalues/g:attvalue", NS)}
    assert values["broker"] == "true" and values["class"] == "Enterprise" and values["bridges"] == "2"
    assert broker.find("g:spells/g:spell", NS).get("start") == "2024-03-05"
    co = [e for e in edges if e.get("kind", "").startswith("co_builds_with")]
    assert {e.find("g:spells/g:spell", NS).get("start") for e in co} == {"2024-03-05", "2025-06-18"}
    assert {e.get("type") for e in co} == {"undirected"}


def test_gexf_parallel_edges_have_distinct_kinds(gexf):
    edges = ET.parse(gexf).getroot().findall("g:graph/g:edges/g:edge", NS)
    pairs: dict[tuple, list[str]] = {}
    for e in edges:
        pairs.setdefault((e.get("source"), e.get("target")), []).append(e.get("kind"))
    parallel = [kinds for kinds in pairs.values() if len(kinds) > 1]
    assert parallel, "the store has a member that is also rotating chair"
    for kinds in parallel:
        assert len(set(kinds)) == len(kinds)


def test_graphml_has_the_same_network_and_attributes(store, tmp_path):
    out = tmp_path / "g.graphml"
    run_kg("export", "--store", store, "--format", "graphml", "--view", "partnerships", "-o", out)
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (PARTNERSHIP_NODES, PARTNERSHIP_EDGES)
    broker = next(d for _, d in g.nodes(data=True) if d["label"] == BROKER)
    assert broker["broker"] is True and broker["class"] == "Enterprise" and "x" in broker


def read_csv(path: Path, encoding: str) -> list[dict]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_nodes_and_edges_open_in_excel_and_gephi(store, tmp_path):
    run_kg("export", "--store", store, "--format", "csv", "-o", tmp_path / "csv")
    nodes_csv, edges_csv = tmp_path / "csv" / "nodes.csv", tmp_path / "csv" / "edges.csv"
    assert nodes_csv.read_bytes().startswith(b"\xef\xbb\xbfId,Label,")  # the BOM Excel needs for Chinese
    nodes, edges = read_csv(nodes_csv, "utf-8-sig"), read_csv(edges_csv, "utf-8-sig")
    assert (len(nodes), len(edges)) == (FULL_NODES, FULL_EDGES)
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    broker = next(n for n in nodes if n["Label"] == BROKER)
    assert (
        broker["broker"] == "True" and broker["degree"] == "4"
    )  # two member_of, rotating_chair, co-building
    evidence = {e["evidence"] for e in edges}
    assert any("签订共建协议" in e for e in evidence)
    run_kg("export", "--store", store, "--format", "csv", "--no-bom", "-o", tmp_path / "plain")
    assert (tmp_path / "plain" / "nodes.csv").read_bytes().startswith(b"Id,Label,")


def test_exports_are_reproducible(store, tmp_path):
    for name in ("a", "b"):
        run_kg("export", "--store", store, "--format", "csv", "-o", tmp_path / name)
    assert (tmp_path / "a" / "nodes.csv").read_bytes() == (tmp_path / "b" / "nodes.csv").read_bytes()


@pytest.mark.parametrize(
    "fmt,syntax",
    [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)],
)
def test_rdf_datasets_keep_every_quad_and_graph(store, tmp_path, fmt, syntax):
    out = tmp_path / f"d.{fmt}"
    run_kg("export", "--store", store, "--format", fmt, "-o", out)
    with open_store(store, read_only=True) as st:
        expected = set(st.quads())
    with out.open("rb") as fh:
        assert set(ox.parse(fh, format=syntax)) == expected


def test_turtle_is_the_union_of_the_graphs(store, tmp_path):
    out = tmp_path / "d.ttl"
    run_kg("export", "--store", store, "--format", "ttl", "-o", out)
    with open_store(store, read_only=True) as st:
        expected = {ox.Triple(q.subject, q.predicate, q.object) for q in st.quads()}
    with out.open("rb") as fh:
        assert {q.triple for q in ox.parse(fh, format=ox.RdfFormat.TURTLE)} == expected


def test_view_options_are_refused_for_rdf(store, tmp_path):
    proc = run_kg(
        "export", "--store", store, "--format", "ttl", "--view", "ego", "-o", tmp_path / "x.ttl", check=False
    )
    assert proc.returncode == 2 and "apply to gexf, graphml, csv only" in proc.stderr


def test_a_file_that_cannot_be_written_is_one_line_and_leaves_nothing_behind(store, tmp_path):
    target = tmp_path / "taken.gexf"
    target.mkdir()
    proc = run_kg("export", "--store", store, "--format", "gexf", "-o", target, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"kg: error: cannot write {target}: Is a directory"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.gexf"]  # no .part left
