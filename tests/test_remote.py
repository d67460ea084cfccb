"""Remote stores on a real `oxigraph serve`: the same facts, answers and exports as the embedded store."""

from __future__ import annotations

import http.server
import threading
import urllib.request

import pyoxigraph as ox
import pytest

from kg.query import find, run
from kg.store import EmbeddedStore, RemoteStore, StoreError, open_store
from kg.store.base import replace_article_update
from kg.store.remote import endpoints

from .conftest import DEV, run_kg
from .remote_checks import answers, load_catalogue
from .servers import free_port, oxigraph_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as base:
        yield base


@pytest.fixture(scope="module")
def catalogue_server(tmp_path_factory):
    """A second server holding the catalogue corpus only."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-catalogue") / "db") as base:
        with open_store(base) as st:
            load_catalogue(st)
        yield base


@pytest.fixture(scope="module")
def built(server, dev_store):
    """The dev corpus built into the server with `kg build --store URL`."""
    proc = run_kg("build", DEV, "--store", server)
    assert "validation: " in proc.stdout  # the SHACL verdict on the real extractor's output is reported
    return server


def test_open_store_dispatches_on_the_url(server):
    assert isinstance(open_store(server), RemoteStore)
    e = endpoints("http://127.0.0.1:8890/sparql-auth")
    assert (e.query, e.update, e.gsp) == (
        "http://127.0.0.1:8890/sparql-auth",
        "http://127.0.0.1:8890/sparql-auth",
        "http://127.0.0.1:8890/sparql-graph-crud-auth",
    )
    e = endpoints("http://h:7200/repositories/pbkg")
    assert e.update == "http://h:7200/repositories/pbkg/statements"
    assert endpoints(server).gsp == server + "/store"


def test_building_into_a_server_gives_the_same_facts(built, dev_facts):
    remote = run_kg("facts", "--store", built, "--format", "jsonl").stdout
    assert remote == dev_facts.read_text(encoding="utf-8")


def test_the_same_statements_as_the_embedded_store(built, dev_store):
    def statements(st):
        # the extraction time differs between two builds; everything else must be equal
        return {q for q in st.quads() if not q.predicate.value.endswith("endedAtTime")}

    with open_store(built, read_only=True) as remote, open_store(dev_store, read_only=True) as local:
        assert remote.graphs() == local.graphs()
        assert statements(remote) == statements(local)


def test_kg_export_reads_a_remote_store(built, tmp_path):
    out = tmp_path / "all.nq"
    run_kg("export", "--store", built, "--format", "nq", "-o", out)
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert len(quads) > 1000


def test_rebuilding_an_article_replaces_its_graph_only(built):
    with open_store(built, read_only=True) as st:
        before = {g: sum(1 for _ in st.quads(g)) for g in st.graphs()}
    run_kg("build", DEV / "101_caojiadu_lianxihuiyi.txt", "--store", built, "-q")
    with open_store(built, read_only=True) as st:
        after = {g: sum(1 for _ in st.quads(g)) for g in st.graphs()}
    assert after == before


def test_an_article_is_replaced_whole_or_not_at_all(built):
    with open_store(built) as st:
        graph = next(g for g in st.graphs() if "/graph/article/" in g)
        before = set(st.quads(graph))
        update = replace_article_update(ox.NamedNode(graph), [], [], [])
        with pytest.raises(StoreError, match="HTTP 400"):
            st.update(
                update + " ;\nINSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> } }"
            )  # the last part is broken
        assert set(st.quads(graph)) == before


def test_catalogue_answers_match_the_embedded_store(catalogue_server, tmp_path):
    with open_store(catalogue_server, read_only=True) as remote:
        got = answers(remote)
    with open_store(tmp_path / "st") as local:
        load_catalogue(local)
        assert got == answers(local)
    assert got["joint_meeting_members"]  # not vacuous


def test_a_parameter_cannot_change_the_query(catalogue_server):
    evil = '李明"@zh } } ; DROP ALL ; #'
    with open_store(catalogue_server) as remote:
        before = len(remote.graphs())
        assert run(remote, find("person_posts"), {"person": evil}).rows == []
        assert len(run(remote, find("person_posts"), {"person": "李明"}).rows) == 2
        assert len(remote.graphs()) == before


class FlakyProxy(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first `failures` requests, then forwards to the real server."""

    failures = 0
    target = ""

    def _forward(self):
        if FlakyProxy.failures > 0:
            FlakyProxy.failures -= 1
            self.send_response(503)
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)) or 0) or None
        headers = {k: v for k, v in self.headers.items() if k.lower() in {"content-type", "accept"}}
        req = urllib.request.Request(self.target + self.path, data=body, method=self.command, headers=headers)
        with urllib.request.urlopen(req) as resp:
            data = resp.read()
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.headers.get("Content-Type", ""))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = _forward

    def log_message(self, *args):
        pass


def test_transient_failures_are_retried(server, monkeypatch):
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FlakyProxy)
    FlakyProxy.target, FlakyProxy.failures = server, 3
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("PBKG_SPARQL_RETRIES", "4")
        st = open_store(f"http://127.0.0.1:{proxy.server_address[1]}")
        assert st.ask("ASK { }") is True
        assert FlakyProxy.failures == 0
        FlakyProxy.failures = 5
        monkeypatch.setenv("PBKG_SPARQL_RETRIES", "1")
        with pytest.raises(StoreError, match="HTTP 503"):
            open_store(f"http://127.0.0.1:{proxy.server_address[1]}").ask("ASK { }")
    finally:
        proxy.shutdown()


def test_an_unreachable_server_is_one_clear_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    proc = run_kg("facts", "--store", url, check=False, env={"PBKG_SPARQL_RETRIES": "1"})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"kg: error: {url}/query: cannot reach the server after 2 tries: [Errno 111] Connection refused"
    ]


def test_embedded_store_is_still_the_default(tmp_path):
    assert isinstance(open_store(tmp_path / "st"), EmbeddedStore)
