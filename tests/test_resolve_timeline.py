"""Post timelines, the two catalogue queries (through the store API) and the conflict report."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.resolve.across import resolve
from kg.resolve.conflicts import conflicts

from .conftest import ROOT
from .resolving import Article, build, iri, open_new

COMMITTEE = "中共上海市黄浦区委员会"
QUERIES = ROOT / "queries"


def article(doc_id: str, date: str, posts: list[tuple[str, str, str]]) -> Article:
    a = Article(doc_id, date)
    for person, org, role in posts:
        a.post(a.entity("Person", person), a.entity("PartyOrganization", org), role)
    return a


def career_articles() -> list[Article]:
    return [
        article("2019.txt", "2019-06-10", [("杲云", f"{COMMITTEE}组织部", "部长")]),
        article("2021.txt", "2021-03-01", [("甲敏", COMMITTEE, "书记")]),
        article("2022.txt", "2022-05-01", [("甲敏", COMMITTEE, "书记")]),
        article("2024.txt", "2024-12-26", [("杲云", COMMITTEE, "书记")]),
    ]


@pytest.fixture
def store(tmp_path):
    st = open_new(tmp_path / "store")
    build(st, *career_articles())
    yield st
    st.close()


def query(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")


def holders(store, date: str) -> list[tuple[str, bool]]:
    rows = store.select(
        query("post_holders_on_date.rq"),
        {
            "_org_iri": ox.NamedNode(iri(f"org/{COMMITTEE}")),
            "_role": ox.Literal("书记"),
            "_date_xsd_date": ox.Literal(
                date, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
            ),
        },
    )
    return [(r["name"].value, r["attested"].value == "true") for r in rows]


def test_who_held_the_post_on_a_date(store):
    assert holders(store, "2021-06-01") == [("甲敏", True)]
    assert holders(store, "2023-06-01") == [("甲敏", False)]  # not attested, no successor yet
    assert holders(store, "2025-01-01") == [("杲云", False)]
    assert holders(store, "2024-12-26") == [("杲云", True)]
    assert holders(store, "2018-01-01") == []


def test_the_earlier_holding_ends_no_later_than_the_successor_is_first_seen(store):
    rows = store.select(
        """PREFIX pbkg: <https://w3id.org/pbkg/ont#> PREFIX org: <http://www.w3.org/ns/org#>
           SELECT ?name ?first ?last ?end WHERE { GRAPH <https://w3id.org/pbkg/graph/entities> {
             ?h org:member ?p ; pbkg:firstSeen ?first ; pbkg:lastSeen ?last ; pbkg:endedNoLaterThan ?end ; pbkg:endedBy ?next .
             ?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } }"""
    )
    assert [(r["name"].value, r["first"].value, r["last"].value, r["end"].value) for r in rows] == [
        ("甲敏", "2021-03-01", "2022-05-01", "2024-12-26")
    ]


@pytest.mark.parametrize(
    "mention", ["person/杲云/中共上海市黄浦区委员会组织部", "person/杲云/中共上海市黄浦区委员会"]
)
def test_the_career_of_a_person_in_date_order_also_from_a_retired_iri(store, mention):
    rows = store.select(query("career.rq"), {"_person_iri": ox.NamedNode(iri(mention))})
    got = [
        (r["orgName"].value, r["role"].value, r["firstSeen"].value, int(r["articles"].value)) for r in rows
    ]
    assert got == [(f"{COMMITTEE}组织部", "部长", "2019-06-10", 1), (COMMITTEE, "书记", "2024-12-26", 1)]


def test_every_catalogue_query_of_this_component_has_a_grlc_header():
    for name in ("post_holders_on_date.rq", "career.rq"):
        text = query(name)
        assert text.startswith("#+ summary:") and "#+ description:" in text and "#+ tags:" in text
        assert "?_" in text


def conflicting_articles() -> list[Article]:
    arts = career_articles() + [article("2022b.txt", "2022-05-01", [("乙涛", COMMITTEE, "书记")])]
    for doc_id, date, name in (
        ("x.txt", "2025-01-16", "曹家渡街道2025年区域化党建联席会议"),
        ("y.txt", "2025-01-17", "2025年曹家渡街道区域化党建联席会议"),
    ):
        a = Article(doc_id, date)
        ev = a.entity("Event", name, date=date)
        a.fact("event_date", ev, date, sentence=f"{date[5:7]}月{date[8:]}日，{name}召开。")
        jm = a.entity("JointMeeting", "曹家渡街道区域化党建联席会议")
        a.fact("event_of", ev, jm)
        for person in ("顾文澜", "陆屿川"):
            p = a.entity("Person", person)
            a.post(
                p,
                a.entity("PartyOrganization", "中共上海市静安区曹家渡街道工作委员会"),
                "书记" if person == "顾文澜" else "委员",
            )
            a.fact("attended", p, ev, date=date)
        chair = "上海数衡信息科技有限公司" if doc_id == "x.txt" else "上海观澜口腔医院"
        a.fact(
            "rotating_chair",
            a.entity("Enterprise", chair),
            jm,
            date="2025",
            sentence=f"{chair}担任2025年度轮值主席单位。",
        )
        arts.append(a)
    return arts


def test_the_conflict_report_shows_both_sides_with_their_evidence(tmp_path: Path):
    st = open_new(tmp_path / "store")
    build(st, *conflicting_articles())
    found = {c.kind: c for c in conflicts(resolve(st))}
    st.close()
    assert set(found) == {"single_seat", "event_date", "rotating_chair"}
    seat = found["single_seat"]
    assert {s.value for s in seat.sides} == {"甲敏", "乙涛"} and all(s.evidence for s in seat.sides)
    dates = found["event_date"]
    assert [(s.value, s.article) for s in dates.sides] == [("2025-01-16", "x.txt"), ("2025-01-17", "y.txt")]
    assert all("曹家渡" in s.evidence for s in dates.sides)
    chairs = found["rotating_chair"]
    assert {s.value for s in chairs.sides} == {"上海数衡信息科技有限公司", "上海观澜口腔医院"}
    assert {s.article for s in chairs.sides} == {"x.txt", "y.txt"}
