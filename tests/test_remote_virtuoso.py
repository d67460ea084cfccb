"""Integration with OpenLink Virtuoso (Debian's virtuoso-opensource), started on loopback with a fresh database.

Virtuoso has its own dialect; remote.py handles it (see its docstring), so these tests ask exactly
what the Oxigraph server tests ask: the same facts, the same catalogue answers.
"""

from __future__ import annotations

import pytest

from kg.store import StoreError, open_store

from .conftest import DEV, run_kg
from .remote_checks import answers, load_catalogue
from .servers import VIRTUOSO, virtuoso_server

CREDENTIALS = {"PBKG_SPARQL_USER": "dba", "PBKG_SPARQL_PASSWORD": "dba"}

if not VIRTUOSO:
    pytest.fail("virtuoso-t is missing: `make test` installs it (scripts/system-deps.sh)", pytrace=False)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base + "/sparql-auth"  # the digest-protected endpoint that accepts updates


@pytest.fixture
def credentials(monkeypatch):
    for k, v in CREDENTIALS.items():
        monkeypatch.setenv(k, v)


def test_building_into_virtuoso_gives_the_same_facts(virtuoso, dev_facts):
    proc = run_kg("build", DEV, "--store", virtuoso, env=CREDENTIALS)
    assert "validation: " in proc.stdout  # the SHACL verdict on the real extractor's output is reported
    remote = run_kg("facts", "--store", virtuoso, env=CREDENTIALS).stdout
    assert remote == dev_facts.read_text(encoding="utf-8")


def test_catalogue_answers_match_the_embedded_store(virtuoso, credentials, tmp_path):
    with open_store(virtuoso) as remote:
        for g in remote.graphs():
            remote.update(f"DROP SILENT GRAPH <{g}>")
        load_catalogue(remote)
        got = answers(remote)
    with open_store(tmp_path / "st") as local:
        load_catalogue(local)
        expected = answers(local)
    assert got["post_holders_on_date"]  # it once answered nothing there (STR() of a VALUES-bound role)
    assert got == expected


def test_a_large_article_goes_in_one_request(virtuoso, credentials):
    """Virtuoso's parser gives up on one INSERT DATA of ~5,000 triples; the store splits it, still atomically."""
    import pyoxigraph as ox

    g = ox.NamedNode("https://w3id.org/pbkg/graph/article/large.txt")
    quads = [
        ox.Quad(
            ox.NamedNode(f"https://w3id.org/pbkg/id/person/人{i}"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal(f"人{i}", language="zh"),
            g,
        )
        for i in range(12_000)
    ]
    with open_store(virtuoso) as st:
        st.replace_article(g, quads, [], [])
        assert sum(1 for _ in st.quads(g.value)) == 12_000
        st.replace_article(g, quads[:10], [], [])
        assert sum(1 for _ in st.quads(g.value)) == 10


def test_wrong_credentials_are_one_line_and_never_printed(virtuoso):
    proc = run_kg(
        "build",
        DEV / "101_caojiadu_lianxihuiyi.txt",
        "--store",
        virtuoso,
        check=False,
        env={"PBKG_SPARQL_USER": "dba", "PBKG_SPARQL_PASSWORD": "s3cret-word"},
    )
    assert proc.returncode == 2
    assert "not allowed" in proc.stderr and "s3cret-word" not in proc.stderr + proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_result_cut_by_result_set_max_rows_is_an_error(tmp_path, credentials):
    with virtuoso_server(tmp_path / "small", max_rows=20) as base:
        with open_store(base + "/sparql-auth") as st:
            with pytest.raises(StoreError, match="cut the answer at 20 rows"):
                load_catalogue(st)  # reasoning reads more than 20 rows
            assert (
                len(st.select("SELECT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/pbkg/ont#Article> } }"))
                == 3
            )
