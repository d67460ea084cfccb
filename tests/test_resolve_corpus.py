"""End to end on tests/resolution (articles written for these tests) with the real extractor and CLI.

Only what the current extractor reads is relied on (officials in attendance lists, bylines, the
dated meeting), and mentions it may stop reading count as missing rather than as failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.resolve.evaluate import merge_quality
from kg.store import open_store

from .conftest import ROOT, read_jsonl, run_kg
from .resolving import iri

CORPUS = ROOT / "tests" / "resolution"
COMMITTEE = iri("org/中共上海市虹口区委员会")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("resolution") / "store"
    run_kg("build", CORPUS, "--store", path, "-q")
    return path


def test_merge_precision_and_recall_on_the_test_corpus(store):
    with open_store(store, read_only=True) as st:
        q = merge_quality(st, CORPUS / "truth.yaml")
    print(json.dumps(q, ensure_ascii=False))
    assert len(q["missing"]) <= 5
    assert q["precision"] >= 0.95 and q["recall"] >= 0.9


def test_kg_entities_lists_labels_articles_retired_iris_and_merge_history(store):
    rows = {r["iri"]: r for r in read_jsonl(run_kg("entities", "--store", store).stdout)}
    firm = rows[iri("org/上海瀚川建设集团股份有限公司")]
    assert firm["type"] == "Enterprise" and firm["label"] == "上海瀚川建设集团股份有限公司"
    assert {"瀚川建设", "上海瀚川建设集团"} <= set(firm["labels"])
    assert iri("org/上海瀚川建设集团") in firm["same_as"]
    assert len(firm["articles"]) >= 3
    assert firm["merges"] and all(
        m["rule"] and len(m["of"]) == 2 and 0 < m["confidence"] <= 1 for m in firm["merges"]
    )
    wang = [r for r in rows.values() if r["type"] == "Person" and r["label"] == "王伟"]
    assert len(wang) == 2  # the 广州 official and the 成都 chairman


def test_the_district_committee_short_form_resolves_and_its_secretaries_succeed_each_other(store):
    query = (ROOT / "queries" / "post_holders_on_date.rq").read_text(encoding="utf-8")
    xsd_date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")

    def holders(day: str) -> list[str]:
        with open_store(store, read_only=True) as st:
            rows = st.select(
                query,
                {
                    "_org_iri": ox.NamedNode(COMMITTEE),
                    "_role": ox.Literal("书记"),
                    "_date_xsd_date": ox.Literal(day, datatype=xsd_date),
                },
            )
        return [r["name"].value for r in rows]

    assert holders("2022-01-01") == ["邬承泽"]
    assert holders("2025-01-01") == ["凌思远"]


def test_the_career_of_an_official_spans_the_articles(store):
    query = (ROOT / "queries" / "career.rq").read_text(encoding="utf-8")
    with open_store(store, read_only=True) as st:
        rows = st.select(query, {"_person_iri": ox.NamedNode(iri("person/凌思远/中共上海市虹口区委员会"))})
    got = [(r["orgName"].value, r["role"].value, r["firstSeen"].value[:4]) for r in rows]
    early, late = ("中共上海市虹口区委员会组织部", "部长", "2019"), ("中共上海市虹口区委员会", "书记", "2024")
    assert early in got and late in got and got.index(early) < got.index(late)


def test_a_party_body_is_linked_to_the_company_it_leads(store):
    with open_store(store, read_only=True) as st:
        assert st.ask(
            "ASK { GRAPH <https://w3id.org/pbkg/graph/entities> { ?b <https://w3id.org/pbkg/ont#partyOrganizationOf> ?u } }".replace(
                "?b", f"<{iri('org/中共上海瀚川建设集团股份有限公司委员会')}>"
            ).replace("?u", f"<{iri('org/上海瀚川建设集团股份有限公司')}>")
        )


def test_review_and_conflict_report_run_on_the_store(store):
    assert run_kg("review", "--store", store).stdout.strip()
    assert run_kg("report", "conflicts", "--store", store, "--format", "jsonl").stdout == ""
    assert run_kg("report", "conflicts", "--store", store).stdout.strip() == "no conflicts"


def test_review_lists_the_uncertain_merges_with_a_decision_to_paste(tmp_path):
    """Two articles about one city, one 王伟 with a post and one without: merged, but worth a look."""
    a = tmp_path / "a.txt"
    a.write_text(
        "会议\n发布时间：2024-06-03\n\n6月3日下午，猎德街道联席会议在猎德街道党群服务中心召开。中共广州市天河区猎德街道工作委员会书记王伟出席会议。\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.txt"
    b.write_text(
        "简讯\n发布时间：2024-07-01\n\n本报讯 广州市的活动办得很好。\n\n记者 王伟\n", encoding="utf-8"
    )
    store = tmp_path / "store"
    run_kg("build", a, b, "--store", store, "-q")
    rows = read_jsonl(run_kg("review", "--store", store, "--format", "jsonl").stdout)
    assert rows and rows[0]["a_label"] == rows[0]["b_label"] == "王伟"
    text = run_kg("review", "--store", store).stdout
    assert "王伟 ~ 王伟" in text and ("same: [" in text or "different: [" in text)
