"""The extractor on articles written for these tests (tests/articles), in phrasings the dev corpus
does not use, and on its parts: the tokenizer, names, organisation short forms, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import dates, extract
from kg.extract.lexicon import lexicon
from kg.extract.people import Names
from kg.ingest import read_inputs

ARTICLES = Path(__file__).parent / "articles"


def read(name: str):
    """(entities by key, facts as tuples of names) of one test article."""
    doc = next(iter(read_inputs([str(ARTICLES / name)])))
    x = extract(doc)
    names = {k: e.name for k, e in x.entities.items()}
    facts = set()
    for f in x.facts:
        obj = names.get(f.object, f.object) if f.object else None
        if f.relation == "witnessed":
            obj = "|".join(sorted(names[p] for p in f.parties))
        facts.add((f.relation, names[f.subject], obj, f.role))
    return x, facts


@pytest.fixture(scope="module")
def beishan():
    return read("beishan_lianxi.txt")


@pytest.fixture(scope="module")
def ninghai():
    return read("ninghai_dagongwei.txt")


@pytest.fixture(scope="module")
def jingang():
    return read("jingang_qiye.txt")


def test_title_chain_carries_the_committee_to_its_department(beishan):
    _, facts = beishan
    assert ("holds_post", "陈立岩", "中共杭州市西湖区委员会", "常委") in facts
    assert ("holds_post", "陈立岩", "中共杭州市西湖区委员会宣传部", "部长") in facts


def test_street_short_forms_resolve_to_the_street_of_the_article(beishan):
    _, facts = beishan
    assert ("holds_post", "周慕白", "中共杭州市西湖区北山街道工作委员会", "书记") in facts
    assert ("holds_post", "吴清澄", "北山街道", "主任") in facts  # 办事处主任: the street itself
    assert ("launched", "中共杭州市西湖区北山街道工作委员会", "湖畔微光志愿服务行动", None) in facts


def test_company_posts_keep_the_party_body_in_the_role(beishan):
    _, facts = beishan
    assert ("holds_post", "郑远舟", "杭州湖岸数字科技有限公司", "党委书记") in facts
    assert ("holds_post", "郑远舟", "杭州湖岸数字科技有限公司", "董事长") in facts


def test_joint_meeting_members_chairs_and_plaques(beishan):
    _, facts = beishan
    jm = "北山街道区域化党建联席会议"
    for unit in ("杭州湖岸数字科技有限公司", "杭州西泠口腔医院"):
        assert ("member_of", unit, jm, None) in facts
        assert ("presented_to", "陈立岩", unit, None) in facts  # 为其授牌: 其 = the units just named
    assert ("rotating_chair", "杭州宝石山文旅发展有限公司", jm, None) in facts
    assert ("rotating_chair", "杭州湖岸数字科技有限公司", jm, None) in facts


def test_parallel_pairs_and_their_witnesses(beishan):
    _, facts = beishan
    pair1 = ("断桥社区党委", "杭州湖岸数字科技有限公司党支部")
    pair2 = ("葛岭社区党委", "杭州西泠口腔医院党支部")
    assert ("co_builds_with", *pair1, None) in facts
    assert ("co_builds_with", *pair2, None) in facts
    cross = {("co_builds_with", "断桥社区党委", "杭州西泠口腔医院党支部", None)}
    assert not cross & facts
    for who in ("陈立岩", "周慕白"):
        assert ("witnessed", who, "|".join(sorted(pair1)), None) in facts


def test_event_with_date_place_host_and_attendees(beishan):
    x, facts = beishan
    events = [e for e in x.entities.values() if e.type == "Event"]
    assert len(events) == 1 and events[0].attrs["date"] == "2025-05-19"
    name = events[0].name
    assert ("event_place", name, "北山街道党群服务中心", None) in facts
    assert ("event_of", name, "北山街道区域化党建联席会议", None) in facts
    attendees = {f[1] for f in facts if f[0] == "attended"}
    assert attendees == {"陈立岩", "周慕白", "吴清澄", "郑远舟"}  # not the byline, not 陈书记


def test_containment_the_names_spell(beishan):
    _, facts = beishan
    assert ("located_in", "北山街道", "西湖区", None) in facts
    assert ("located_in", "西湖区", "杭州市", None) in facts


def test_generic_short_forms_are_never_names(beishan, ninghai, jingang):
    generic = {
        "区委",
        "街道党工委",
        "集团",
        "集团党委",
        "社区党委",
        "大工委",
        "联席会议",
        "楼宇党委",
        "陈书记",
        "赵书记",
    }
    for x, _ in (beishan, ninghai, jingang):
        for e in x.entities.values():
            assert e.name not in generic
            assert not (e.aliases & generic), (e.name, e.aliases & generic)


def test_former_posts_and_joined_titles(ninghai):
    _, facts = ninghai
    assert (
        "holds_post",
        "许知远",
        "中共南京市鼓楼区委员会",
        "副书记",
    ) in facts  # 鼓楼区 of 南京市, not of 福州
    assert ("holds_post", "沈砚秋", "宁海路街道大工委", "书记") in facts  # 书记兼大工委书记
    assert not [f for f in facts if f[0] == "holds_post" and f[1] == "顾北辰"]  # 原…书记: not now


def test_elliptical_committees_documents_claims(ninghai):
    _, facts = ninghai
    for c in ("党建引领", "文明实践", "平安建设", "为民服务"):
        assert ("has_committee", "宁海路街道大工委", c + "专委会", None) in facts
    assert ("issued", "中共南京市鼓楼区宁海路街道工作委员会", "宁海路街道大工委工作规则", None) in facts
    assert ("claims_project", "南京颐和养老服务有限公司", "银发课堂", None) in facts
    assert ("claims_project", "江苏石城律师事务所", "法润宁海", None) in facts


def test_unveiling_is_not_presenting_and_boilerplate_yields_nothing(ninghai):
    x, facts = ninghai
    assert not [f for f in facts if f[0] == "presented_to"]  # 揭牌
    assert "习近平" not in {e.name for e in x.entities.values()}


def test_enterprise_site_generic_group_and_both_sides(jingang):
    _, facts = jingang
    group = "中共天津津港物流集团有限公司委员会"
    street = "中共天津市和平区劝业场街道工作委员会"
    assert ("holds_post", "赵承宇", "天津津港物流集团有限公司", "党委书记") in facts
    assert ("co_builds_with", group, street, None) in facts or (
        "co_builds_with",
        street,
        group,
        None,
    ) in facts
    for side in (group, street):  # 双方共同启动
        assert ("launched", side, "津彩同行党员志愿服务项目", None) in facts


def test_every_fact_keeps_its_evidence(beishan):
    x, _ = beishan
    doc = x.doc
    for f in x.facts:
        ev = f.evidence
        assert ev is not None and ev.rule and 0 < ev.confidence <= 1
        assert doc.text[ev.start : ev.end] == ev.sentence
        assert ev.original == doc.original[ev.orig_start : ev.orig_end]


def test_tokenizer_keeps_the_longest_word():
    toks = lexicon().tokens("区人大常委会副主任")
    assert [(t.text, t.kind) for t in toks if t.kind != "char"] == [
        ("人大常委会", "org"),
        ("副主任", "title"),
    ]


@pytest.mark.parametrize(
    "sentence,at,name",
    [
        ("陆屿川出席会议", 0, "陆屿川"),
        ("杲云，", 0, "杲云"),
        ("李铭为新加入", 0, "李铭"),
        ("欧阳澜表示", 0, "欧阳澜"),
    ],
)
def test_name_ends_where_the_next_word_begins(sentence, at, name):
    assert Names(sentence).at(sentence, at) == name


def test_relative_dates_resolve_against_the_publication():
    found = dates.find("上周，观摩活动在社区举行", 2025, "2025-10-17")
    assert found[0].iso == "2025-10" and found[0].inferred
    assert dates.find("12月26日下午", 2025, "2025-01-03")[0].iso == "2024-12-26"


def test_pair_joined_by_xieshou_and_a_witness_before_the_signing():
    _, facts = read("lujiazui_xieshou.txt")
    street = "中共上海市浦东新区陆家嘴街道工作委员会"
    branch = "上海汇澜金融信息服务有限公司党支部"
    assert ("co_builds_with", street, branch, None) in facts
    assert ("witnessed", "何清远", "|".join(sorted((street, branch))), None) in facts
