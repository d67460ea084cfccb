"""`kg serve`: the real Oxigraph server over a built store, read-only and on loopback, for any SPARQL client."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper

from .conftest import ROOT, run_kg
from .remote_checks import build_catalogue_store
from .servers import free_port, stop, wait_for_http


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`kg serve` over the catalogue corpus; yields (base URL, what it printed so far)."""
    store = tmp_path_factory.mktemp("serve") / "store"
    build_catalogue_store(store)
    port = free_port()
    log = store.parent / "serve.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/query?query=ASK%7B%7D", proc, log)
        yield base, log.read_text(encoding="utf-8")
    finally:
        stop(proc)
    assert proc.returncode == 0  # a clean shutdown on SIGTERM, the oxigraph child with it


def test_any_sparql_client_can_query_it(served):
    base, _ = served
    client = SPARQLWrapper(base + "/query")
    client.setQuery(
        """PREFIX pbkg: <https://w3id.org/pbkg/ont#>
           SELECT ?member WHERE { GRAPH ?g { ?member pbkg:memberOf <https://w3id.org/pbkg/id/org/滨河商圈党建联盟> } }"""
    )
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert {r["member"]["value"].rsplit("/", 1)[1] for r in rows} == {"溪岚建工集团有限公司", "滨河购物中心"}


def test_the_default_graph_is_the_union_of_all_graphs(served):
    base, _ = served
    client = SPARQLWrapper(base + "/query")
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    n = int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])
    assert n > 1000  # articles + meta + entities + inferred


def test_it_is_read_only(served):
    base, _ = served
    req = urllib.request.Request(
        base + "/update",
        data=b"update=DROP ALL",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req)
    with urllib.request.urlopen(base + "/query?query=ASK%7BGRAPH%3Fg%7B%3Fs%3Fp%3Fo%7D%7D") as r:
        assert b"true" in r.read()


def test_the_printed_catalogue_links_run(served):
    base, printed = served
    assert f"query UI (YASGUI)   http://localhost:{base.rsplit(':', 1)[1]}/" in printed
    links = dict(re.findall(r"^    (\w+): .*\n      (\S+)$", printed, flags=re.M))
    assert set(links) >= {"joint_meeting_brokers", "events_in_range", "person_posts"}
    url = links["joint_meeting_brokers"].replace("localhost", "127.0.0.1")
    client = SPARQLWrapper(url.split("?", 1)[0])
    client.setQuery(urllib.parse.parse_qs(url.split("?", 1)[1])["query"][0])
    client.setReturnFormat(CSV)
    assert "溪岚建工集团有限公司" in client.queryAndConvert().decode("utf-8")


def test_serving_needs_a_store_and_a_sane_address(tmp_path):
    missing = run_kg("serve", "--store", tmp_path / "nothing", check=False)
    assert missing.returncode == 2 and "no store here" in missing.stderr
    bad = run_kg("serve", "--store", tmp_path, "--bind", "7878", check=False)
    assert bad.returncode == 2 and "HOST:PORT" in bad.stderr
