"""SHACL validation: the shapes accept what the pipeline writes and catch what breaks the model."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import vocab as V
from kg.store import open_store
from kg.validate import validate

from .conftest import run_kg

DATA = Path(__file__).parent / "data" / "catalogue.trig"
A02 = V.BASE + "graph/article/a02_gongjian_qianyue.txt"
A01 = V.BASE + "graph/article/a01_huanjiang_lianxihuiyi.txt"
PREFIXES = V.sparql_prefixes()


@pytest.fixture
def store_path(tmp_path) -> Path:
    path = tmp_path / "store"
    with open_store(path) as st:
        st._s.bulk_load(path=str(DATA), format=ox.RdfFormat.TRIG)
    return path


def break_(path: Path, update: str) -> None:
    with open_store(path) as st:
        st.update(PREFIXES + update)


def messages(path: Path) -> list[str]:
    with open_store(path, read_only=True) as st:
        return [str(v) for v in validate(st).violations]


def test_what_the_pipeline_writes_conforms(store_path):
    proc = run_kg("validate", "--store", store_path)
    assert proc.returncode == 0
    assert "conforms" in proc.stderr


def test_an_agreement_needs_two_parties(store_path):
    break_(
        store_path,
        f"""DELETE {{ GRAPH <{A02}> {{ ?ag pbkg:party ?p }} }} WHERE {{ GRAPH <{A02}> {{
              ?ag pbkg:party ?p FILTER(CONTAINS(STR(?p), "溪岚第一中学")) }} }}""",
    )
    found = messages(store_path)
    assert len(found) == 1
    assert "pbkg:party: a co-building agreement has at least two parties" in found[0]


def test_dates_must_be_dates(store_path):
    break_(
        store_path,
        f"""DELETE {{ GRAPH <{A01}> {{ ?e pbkg:eventDate ?d }} }}
            INSERT {{ GRAPH <{A01}> {{ ?e pbkg:eventDate "2024-12-26下午" }} }}
            WHERE {{ GRAPH <{A01}> {{ ?e pbkg:eventDate ?d }} }}""",
    )
    found = messages(store_path)
    assert any("pbkg:eventDate: an event date is an xsd:date" in m for m in found), found


def test_a_post_holding_needs_its_person_and_a_source(store_path):
    break_(
        store_path,
        """DELETE { GRAPH ?g { ?h ?p ?o } } WHERE {
             GRAPH ?g0 { ?h a pbkg:PostHolding ; org:member ?person FILTER(CONTAINS(STR(?person), "王芳")) }
             GRAPH ?g { ?h ?p ?o } FILTER(?p IN (org:member, pbkg:attestedBy)) }""",
    )
    found = messages(store_path)
    assert len(found) == 2
    assert any("org:member: a post holding has exactly one person" in m for m in found)
    assert any("pbkg:attestedBy: a post holding needs a source" in m for m in found)


def test_a_statement_must_cite_an_article_and_offsets_must_be_ordered(store_path):
    break_(
        store_path,
        f"""DELETE {{ GRAPH <{A02}> {{ ?a pbkg:sourceArticle ?art ; pbkg:endOffset ?e }} }}
            INSERT {{ GRAPH <{A02}> {{ ?a pbkg:endOffset -1 }} }}
            WHERE {{ GRAPH <{A02}> {{ ?a rdf:predicate pbkg:holdsPostIn ; pbkg:sourceArticle ?art ; pbkg:endOffset ?e }} }}""",
    )
    found = messages(store_path)
    assert any("cites exactly one source article" in m for m in found)
    assert any("offsets are integers ≥ 0" in m for m in found)
    assert any("end offset must not come before the start offset" in m for m in found)


def test_cli_exit_codes_and_readable_lines(store_path, tmp_path):
    break_(store_path, f"DELETE WHERE {{ GRAPH <{A02}> {{ ?ag pbkg:party ?p }} }}")
    proc = run_kg("validate", "--store", store_path, check=False)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith("Violation: ") for line in lines)
    assert "violation(s)" in proc.stderr and "Traceback" not in proc.stderr
    doc = json.loads(run_kg("validate", "--store", store_path, "--format", "json", check=False).stdout)
    assert doc["conforms"] is False and doc["violations"][0]["message"]
    missing = run_kg("validate", "--store", tmp_path / "nowhere", check=False)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
