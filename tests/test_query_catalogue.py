"""Every catalogue query, with its expected answer, on the small hand-made corpus tests/data/catalogue.trig.

The corpus is loaded into a real embedded Oxigraph store and the real reasoner runs over it, so the
queries that rely on inferred statements (symmetric co-building, chairs as members, transitive
places, subclass typing) are tested with them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import catalogue, find, run
from kg.store import open_store

from .remote_checks import build_catalogue_store

JG, YY, ZX = "溪岚建工集团有限公司", "环江医院", "溪岚第一中学"
HJ = "环江街道区域化党建联席会议"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("catalogue") / "store"
    build_catalogue_store(path)
    st = open_store(path, read_only=True)
    yield st
    st.close()


def answer(store, name: str, *cols: str, **params) -> list[tuple]:
    """The rows of a catalogue query as tuples of the named columns' values ('' when unbound)."""
    result = run(store, find(name), {k: str(v) for k, v in params.items()})
    return [tuple(row[c].value if c in row else "" for c in cols) for row in result.rows]


def test_the_catalogue_has_at_least_15_documented_queries():
    queries = catalogue()
    assert len(queries) >= 15
    for q in queries.values():
        assert q.summary and q.description and q.tags, q.name


def test_every_catalogue_query_is_tested_here():
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [name for name in catalogue() if f'"{name}"' not in source]
    assert not untested


def test_person_posts(store):
    rows = answer(store, "person_posts", "organisationName", "role", "firstSeen", "articles", person="李明")
    assert rows == [
        ("中共溪岚市溪岚区环江街道工作委员会", "书记", "2024-12-26", "1"),
        ("溪岚市溪岚区环江街道办事处", "主任", "2025-06", "1"),
    ]


def test_post_holders_include_the_organisations_party_body(store):
    rows = answer(store, "post_holders", "personName", "role", "unitName", organisation="环江街道办事处")
    assert rows == [
        ("李明", "书记", "中共溪岚市溪岚区环江街道工作委员会"),
        ("李明", "主任", "溪岚市溪岚区环江街道办事处"),
    ]


def test_co_building_partners_in_both_directions(store):
    rows = answer(store, "co_building_partners", "partnerName", "dates", "articles", organisation=YY)
    assert rows == [(JG, "2025-03-15", "1"), (ZX, "2025-03", "1")]
    # the agreement was written 溪岚建工 → 环江医院: the reverse comes from the symmetric property
    assert answer(store, "co_building_partners", "partnerName", organisation="溪岚建工") == [(YY,)]


def test_co_building_within_two_steps(store):
    rows = answer(store, "co_building_within_two_steps", "partnerName", "steps", "viaName", organisation=JG)
    assert rows == [(YY, "1", ""), (ZX, "2", YY)]


def test_joint_meeting_members_include_the_chair_as_inferred(store):
    rows = answer(store, "joint_meeting_members", "memberName", "basis", meeting="环江联席会议")
    assert sorted(rows) == sorted(
        [
            ("中共溪岚市溪岚区环江街道工作委员会", "asserted"),
            ("溪岚银行环江支行", "asserted"),
            (YY, "asserted"),
            (JG, "inferred"),
        ]
    )


def test_joint_meeting_committees_with_their_projects(store):
    rows = answer(store, "joint_meeting_committees", "committeeName", "projects", meeting=HJ)
    assert rows == [("民生服务专委会", ""), ("经济发展专委会", "楼宇红色驿站")]


def test_rotating_chair_history_in_order(store):
    rows = answer(store, "rotating_chair_history", "term", "chairName", "file", meeting=HJ)
    assert rows == [
        ("2024", JG, "a01_huanjiang_lianxihuiyi.txt"),
        ("2025", YY, "a03_binhe_lianmeng.txt"),
    ]


def test_projects_with_launchers_and_claimants(store):
    rows = answer(store, "projects", "projectName", "launchedBy", "claimedBy")
    by_name = {name: (launched, set(claimed.split(", "))) for name, launched, claimed in rows}
    assert by_name == {
        "商圈党群服务站": ("滨河商圈党建联盟", {JG, "滨河购物中心"}),
        "楼宇红色驿站": ("经济发展专委会", {"溪岚银行环江支行"}),
    }


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-01-01", "2025-12-31", {"环江医院党建共建签约仪式": 2, "滨河商圈党建联盟成立大会": 3}),
        ("2025-06-15", "2025-06-20", {"滨河商圈党建联盟成立大会": 3}),  # dated by month only
        ("2024-12-26", "2024-12-26", {"2024年环江街道区域化党建联席会议": 2}),
        ("2025-07-01", "2025-12-31", {}),
    ],
)
def test_events_in_range_with_attendee_counts(store, start, end, expected):
    rows = answer(store, "events_in_range", "eventName", "attendeeCount", start=start, end=end)
    assert {name: int(n) for name, n in rows} == expected


def test_events_in_range_lists_attendees_place_and_body(store):
    rows = answer(store, "events_in_range", "place", "of", "attendees", start="2024-12-01", end="2024-12-31")
    place, of, attendees = rows[0]
    assert (place, of, set(attendees.split(", "))) == ("环江大厦", HJ, {"李明", "王芳"})


def test_most_connected_organisations(store):
    rows = answer(store, "most_connected_organisations", "organisationName", "degree", "jointMeetings")
    assert rows[0] == (HJ, "6", "0")
    assert set(rows[1:3]) == {(JG, "3", "2"), (YY, "3", "1")}


def test_joint_meeting_brokers(store):
    rows = answer(store, "joint_meeting_brokers", "organisationName", "meetings", "jointMeetings")
    assert rows == [(JG, "2", f"{HJ}, 滨河商圈党建联盟")] or rows == [(JG, "2", f"滨河商圈党建联盟, {HJ}")]


def test_fact_evidence_narrowed_by_property(store):
    rows = answer(
        store,
        "fact_evidence",
        "objectName",
        "role",
        "file",
        "evidence",
        subject="李明",
        property="pbkg:holdsPostIn",
    )
    assert rows == [
        (
            "中共溪岚市溪岚区环江街道工作委员会",
            "书记",
            "a01_huanjiang_lianxihuiyi.txt",
            "环江街道党工委书记李明出席会议并讲话。",
        ),
        (
            "溪岚市溪岚区环江街道办事处",
            "主任",
            "a03_binhe_lianmeng.txt",
            "环江街道办事处主任李明为首批成员单位授牌。",
        ),
    ]


def test_fact_evidence_narrowed_by_object_and_cites_offsets(store):
    rows = answer(
        store, "fact_evidence", "property", "startOffset", "endOffset", subject="李明", object="滨河购物中心"
    )
    assert rows == [("https://w3id.org/pbkg/ont#presentedTo", "141", "162")]


def test_fact_evidence_without_filters_lists_every_statement(store):
    rows = answer(store, "fact_evidence", "property", subject="李明")
    assert len(rows) == 7  # 2 posts, 3 attendances, 1 witnessing, 1 presentation
    assert {p.rsplit("#", 1)[1] for (p,) in rows} == {"holdsPostIn", "attended", "witnessed", "presentedTo"}


def test_article_facts_in_reading_order(store):
    rows = answer(
        store, "article_facts", "relation", "subjectName", "objectName", file="a02_gongjian_qianyue.txt"
    )
    assert rows[0] == ("eventDate", "环江医院党建共建签约仪式", "2025-03-15")
    assert ("coBuildsWith", JG, YY) in rows and ("holdsPostIn", "张强", YY) in rows
    assert len(rows) == 8


def test_entities_in_district_follow_transitive_places(store):
    orgs = answer(store, "entities_in_district", "entityName", "basis", district="溪岚区")
    assert orgs == [(ZX, "asserted"), ("溪岚银行环江支行", "inferred")]
    places = answer(
        store, "entities_in_district", "entityName", "basis", district="溪岚市", type="pbkg:Place"
    )
    assert places == [("溪岚区", "asserted"), ("环江街道", "inferred")]
    assert answer(store, "entities_in_district", "entityName", district="溪岚区", type="pbkg:Enterprise") == [
        ("溪岚银行环江支行",)
    ]


def test_person_co_attendance(store):
    rows = answer(store, "person_co_attendance", "otherName", "sharedEvents", person="李明")
    assert rows == [("王芳", "2"), ("张强", "1"), ("赵六", "1")]


def test_co_building_agreements(store):
    rows = answer(store, "co_building_agreements", "date", "parties", "witnesses")
    got = [(date, set(parties.split(" | ")), witnesses) for date, parties, witnesses in rows]
    assert got == [("2025-03-15", {JG, YY}, "李明"), ("2025-03", {YY, ZX}, "")]


def test_articles_overview(store):
    rows = answer(store, "articles", "file", "published", "statements")
    assert rows == [
        ("a03_binhe_lianmeng.txt", "2025-06", "15"),
        ("a02_gongjian_qianyue.txt", "2025-03-15", "8"),
        ("a01_huanjiang_lianxihuiyi.txt", "2024-12-26", "21"),
    ]


def test_low_confidence_facts_with_default_and_given_threshold(store):
    assert answer(store, "low_confidence_facts", "subjectName", "relation", "confidence") == [
        ("赵六", "holdsPostIn", "0.6")
    ]
    assert answer(store, "low_confidence_facts", "subjectName", threshold="0.5") == []
    assert len(answer(store, "low_confidence_facts", "subjectName", threshold="0.95")) == 44


def test_inferred_summary_counts_what_reasoning_added(store):
    rows = {
        (p, c): int(n) for p, c, n in answer(store, "inferred_summary", "property", "class", "statements")
    }
    ont = "https://w3id.org/pbkg/ont#"
    assert rows[(ont + "memberOf", "")] == 1  # 溪岚建工 chairs 环江 without being listed as a member
    assert rows[(ont + "coBuildsWith", "")] == 2  # the reverse of both agreements
    assert rows[(ont + "locatedIn", "")] == 4  # bank→区, bank→市, 街道→市, 中学→市
    assert rows[("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ont + "Organization")] == 11


def test_career_from_the_resolved_timelines(store):
    rows = answer(
        store,
        "career",
        "orgName",
        "role",
        "firstSeen",
        "lastSeen",
        person="https://w3id.org/pbkg/id/person/李明",
    )
    assert rows == [
        ("中共溪岚市溪岚区环江街道工作委员会", "书记", "2024-12-26", "2024-12-26"),
        ("溪岚市溪岚区环江街道办事处", "主任", "2025-06", "2025-06"),
    ]


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2025-07-01", [("李明", "false")]), ("2025-06-15", [("李明", "true")]), ("2025-01-01", [])],
)
def test_post_holders_on_date(store, date, expected):
    org = "https://w3id.org/pbkg/id/org/溪岚市溪岚区环江街道办事处"
    assert (
        answer(store, "post_holders_on_date", "name", "attested", org=org, role="主任", date=date) == expected
    )
