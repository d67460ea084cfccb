"""The extractor on articles written for these tests (tests/articles), in phrasings the dev corpus
does not use, and on its parts: the tokenizer, names, organisation short forms, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import dates, extract
from kg.extract.lexicon import lexicon
from kg.extract.people import Names
from kg.extract.sentences import split
from kg.ingest import ingest_text, read_inputs
from kg.model import DateValue

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


def related(facts, relation: str) -> set[tuple[str, str]]:
    """The (subject, object) pairs of one relation among `read`'s facts."""
    return {(s, o) for r, s, o, _ in facts if r == relation}


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
    assert ("located_in", "北山街道", "杭州市西湖区", None) in facts
    assert ("located_in", "杭州市西湖区", "杭州市", None) in facts  # 西湖区 of 杭州, not of 南昌


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


def _sentence_dates(text: str, published: str) -> list[list[tuple[str, int, int]]]:
    """(iso, start, end) of the dates of each sentence of `text`, as the extractor reads them."""
    doc = ingest_text(text, "t", "t")
    doc.date = DateValue(published)
    sents = list(split(doc.text))
    return [[(d.iso, d.start, d.end) for d in found] for found in dates.by_sentence(doc, sents)]


def test_dates_of_sentences_resolve_against_the_publication():
    found = _sentence_dates(
        "同日召开推进会\n上周，观摩活动在社区举行。12月26日下午，签约。同日下午，座谈。", "2025-01-03"
    )
    assert found[0] == []  # 同日 before any day is stated dates nothing
    assert found[1] == [("2024-12", 0, 2)]
    assert found[2] == [("2024-12-26", 0, 8)]  # offsets relative to the sentence
    assert found[3] == [("2024-12-26", 0, 4)]  # the day mentioned last


def test_pair_joined_by_xieshou_and_a_witness_before_the_signing():
    _, facts = read("lujiazui_xieshou.txt")
    street = "中共上海市浦东新区陆家嘴街道工作委员会"
    branch = "上海汇澜金融信息服务有限公司党支部"
    assert ("co_builds_with", street, branch, None) in facts
    assert ("witnessed", "何清远", "|".join(sorted((street, branch))), None) in facts


@pytest.fixture(scope="module")
def xining():
    return read("xining_tongxin_people.txt")


def test_name_with_tongzhi_and_titles_in_brackets_after_names(xining):
    _, facts = xining
    assert ("holds_post", "马建国", "中共西宁市城西区委员会", "副书记") in facts  # …马建国同志出席
    assert ("holds_post", "李德胜", "西宁市城西区政协", "副主席") in facts  # 李德胜（区政协副主席）
    assert ("holds_post", "多杰才让", "中共西宁市城西区委员会统战部", "副部长") in facts
    assert ("holds_post", "冶学文", "西宁市城西区民族宗教事务局", "局长") in facts  # …和冶学文（…）


def test_quoted_short_name_of_the_alliance_in_a_title_chain(xining):
    _, facts = xining
    assert ("holds_post", "韩淑芳", "中共西宁市城西区胜利路街道工作委员会", "书记") in facts
    assert ("holds_post", "韩淑芳", "胜利路街道河湟同心党建联盟", "主席") in facts  # “河湟同心”主席


def test_former_and_current_posts_in_one_chain(xining):
    _, facts = xining
    assert ("holds_post", "索南措", "西宁市城西区民政局", "副局长") in facts  # 现任
    street_committee = "中共西宁市城西区胜利路街道工作委员会"
    assert ("holds_post", "索南措", street_committee, "副书记") not in facts  # 原副书记


def test_names_of_other_traditions_and_a_name_before_deng(xining):
    _, facts = xining
    assert ("holds_post", "马木提·艾山", "胜利路街道", "主任") in facts
    assert ("holds_post", "杨海", "青海昆仑律师事务所", "主任") in facts  # 杨海等 is 杨海


def test_anaphors_name_the_unit_of_their_kind_named_last(xining):
    _, facts = xining
    company = "青海雪域阳光乳业有限公司"
    assert ("holds_post", "祁永德", company, "党委书记") in facts  # 该公司党委书记兼董事长
    assert ("holds_post", "祁永德", company, "董事长") in facts
    assert (
        "holds_post",
        "卓玛吉",
        "西宁湟水医院",
        "院长",
    ) in facts  # 该院院长: the hospital, not the law firm


@pytest.mark.parametrize(
    "sentence,at,name",
    [
        ("书记次旦央宗出席", 2, "次旦央宗"),  # no known surname: transliteration characters
        ("董事长巴图孟和表示", 3, "巴图孟和"),  # a surname, then a longer name the article keeps whole
        ("主任阿依努尔·吐尔逊主持会议", 2, "阿依努尔·吐尔逊"),
        ("书记张晓等12家", 2, "张晓"),
        ("书记因公出差，", 2, ""),
        ("主席聘书。", 2, ""),
    ],
)
def test_names_after_a_title(sentence, at, name):
    assert Names(sentence).at(sentence, at, strict=False) == name


@pytest.fixture(scope="module")
def rongfang():
    return read("chengdu_gaoxin_rongfang.txt")


def test_development_zone_bodies_resolve_to_the_zone_the_article_names(rongfang):
    _, facts = rongfang
    assert ("holds_post", "严立群", "中共成都高新区工作委员会", "副书记") in facts  # 高新区党工委
    assert ("holds_post", "吴昊", "成都高新区管理委员会", "副主任") in facts  # 高新区管委会


def test_working_committees_of_a_city_committee(rongfang):
    x, facts = rongfang
    assert ("holds_post", "孔德明", "中共成都市委市直属机关工作委员会", "二级巡视员") in facts
    two_new = next(e for e in x.entities.values() if e.name == "中共成都市委员会两新工委")
    assert "成都市委两新组织工作委员会" in two_new.aliases
    assert ("holds_post", "何婉清", two_new.name, "副书记") in facts


def test_posts_given_by_verbs(rongfang):
    _, facts = rongfang
    jm = "芳草街道蓉芳汇区域化党建联盟"
    assert ("holds_post", "罗一鸣", jm, "轮值主席") in facts  # 当选首届轮值主席
    assert ("holds_post", "严立群", jm, "名誉主席") in facts  # 蓉芳盟由严立群任名誉主席
    assert ("holds_post", "刘明远", jm, "副秘书长") in facts  # 聘请A、B为蓉芳盟副秘书长
    assert ("holds_post", "谢婷", jm, "副秘书长") in facts
    assert ("rotating_chair", "四川蜀锦文创有限公司", jm, None) in facts


def test_one_alliance_however_the_article_writes_it(rongfang):
    x, _ = rongfang
    jms = [e for e in x.entities.values() if e.type == "JointMeeting"]
    assert len(jms) == 1  # headline “蓉芳汇”联盟, body “蓉芳汇”区域化党建联盟, short name 蓉芳盟
    assert {"芳草街道蓉芳汇联盟", "蓉芳盟"} <= jms[0].aliases
    events = [e for e in x.entities.values() if e.type == "Event"]
    assert all("以下简称" not in e.name for e in events)


def _pair(a: str, b: str) -> set:
    return {("co_builds_with", a, b, None), ("co_builds_with", b, a, None)}


@pytest.fixture(scope="module")
def sanlian():
    return read("hefei_sanlian_pairs.txt")


def test_pairs_listed_after_a_signing_with_unnamed_sides_keep_its_witnesses(sanlian):
    _, facts = sanlian
    pairs = [
        ("稻香社区党委", "安徽徽澜科技有限公司党支部"),
        ("南七社区党委", "合肥庐州口腔医院党支部"),
        ("琥珀社区党委", "安徽皖信律师事务所党支部"),  # numbered （3）
    ]
    for a, b in pairs:
        assert _pair(a, b) & facts
        for witness in ("梅思远", "卢建华"):  # 在A和B的见证下
            assert ("witnessed", witness, "|".join(sorted((a, b))), None) in facts
    counted = [f for f in facts if f[0] == "co_builds_with" and "社区党委" == f[1]]
    assert not counted  # 4个社区党委 names no one body


def test_three_parties_sign_with_each_other(sanlian):
    _, facts = sanlian
    parties = (
        "中共合肥市蜀山区三里庵街道工作委员会",
        "中共安徽江淮云数据有限公司委员会",
        "合肥市蜀山区西园实验小学党支部",
    )
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            assert _pair(a, b) & facts
            assert ("witnessed", "梅思远", "|".join(sorted((a, b))), None) in facts  # 共同见证签约


def test_respective_pairs_and_a_subject_from_an_earlier_clause(sanlian):
    _, facts = sanlian
    assert _pair("飞凤社区党委", "合肥天鹅湖酒店有限公司党支部") & facts  # A、B分别同C、D签订
    assert _pair("井岗社区党委", "安徽蜀韵书店有限公司党支部") & facts
    assert not _pair("飞凤社区党委", "安徽蜀韵书店有限公司党支部") & facts
    company = "中共安徽徽澜科技有限公司委员会"  # …党委积极融入…，先后与A、B开展结对共建
    assert _pair(company, "稻香社区党委") & facts and _pair(company, "南七社区党委") & facts


def test_a_day_written_alone_takes_month_and_year_from_the_publication(sanlian):
    x, facts = sanlian
    assert any(f[0] == "event_date" and f[2] == "2025-11-20" for f in facts)  # 20日上午


@pytest.fixture(scope="module")
def tengwang():
    return read("nanchang_tengwang_members.txt")


def test_members_as_heads_units_and_as_a_list_after_the_member_word(tengwang):
    x, facts = tengwang
    jm = next(e.name for e in x.entities.values() if e.type == "JointMeeting")
    assert jm == "滕王阁街道赣水同心区域化党建联盟"  # not “…联盟第三次联席会议”
    for unit in ("江西豫章文旅集团有限公司", "南昌洪都口腔医院"):  # …等11家成员单位负责人参加会议
        assert ("member_of", unit, jm, None) in facts
    assert ("member_of", "中共南昌市东湖区委员会", jm, None) not in facts  # 区委常委 only attended
    listed = (
        "江西赣江航运有限公司",
        "江西洪城律师事务所",
        "南昌豫章书院有限公司",
        "东湖区税务局滕王阁税务所",
    )
    for unit in listed:  # 新入盟的单位共6家，分别为：…和…
        assert ("member_of", unit, jm, None) in facts
        assert ("presented_to", "熊志坚", unit, None) in facts  # 为6家新成员单位逐一授牌


def test_an_event_named_after_chu_xi_on_the_same_day(tengwang):
    _, facts = tengwang
    signing = "江西赣江航运有限公司党支部与滕王阁社区党委结对共建签约仪式"
    assert ("event_date", signing, "2025-08-28", None) in facts
    assert any(f[:3] == ("attended", "吴雅婷", signing) for f in facts)


def test_date_ranges_days_alone_and_years():
    found = _sentence_dates(
        "6月5日至6日，柳巷街道举办培训班。本网讯 28日下午，开会。2025年度项目清单发布。", "2025-08-03"
    )
    assert found[0][0][0] == "2025-06-05"  # a range is dated by its first day
    assert found[1][0][0] == "2025-07-28"  # a day alone: the month before when still to come
    assert found[2] == []  # a year alone names a period, not an event's date


@pytest.fixture(scope="module")
def daxuecheng():
    return read("chongqing_daxuecheng_jointmeeting.txt")


def test_joint_meeting_named_without_slogan_or_year(daxuecheng):
    x, facts = daxuecheng
    jms = [e for e in x.entities.values() if e.type == "JointMeeting"]
    assert [e.name for e in jms] == ["大学城街道区域化党建联席会议"]  # “同心聚力 共建家园”…, …2025年度…
    assert any(f[0] == "event_of" and f[2] == jms[0].name for f in facts)


def test_committees_counted_and_each_launching_its_own_project(daxuecheng):
    _, facts = daxuecheng
    jm = "大学城街道区域化党建联席会议"
    committees = {f[2] for f in facts if f[0] == "has_committee"}
    assert committees == {"校地融合专委会", "平安建设专委会", "商圈服务专委会"}  # …三个专委会
    assert ("launched", "校地融合专委会", "书香校地共读计划", None) in facts
    assert ("launched", "平安建设专委会", "夜巡护学志愿服务项目", None) in facts
    assert not any(f[0] == "launched" and f[1] == jm for f in facts)


def test_people_counted_after_their_names_take_the_post(daxuecheng):
    _, facts = daxuecheng
    jm = "大学城街道区域化党建联席会议"
    for person in ("郑远帆", "邓明月"):  # A、B2人当选联席会议副召集人
        assert ("holds_post", person, jm, "副召集人") in facts


def test_joining_something_the_sentence_does_not_name_is_no_membership(daxuecheng):
    _, facts = daxuecheng
    assert not [f for f in facts if f[0] == "member_of"]  # 将把大学城商圈纳入全区重点培育名单


def test_leaders_listed_after_a_cue_attend_without_a_post():
    _, facts = read("yinchuan_leaders_jiedui.txt")
    attended = {f[1] for f in facts if f[0] == "attended"}
    assert {"马玉兰", "丁建国", "闫红霞", "虎文杰"} <= attended  # 区领导甲、乙、丙出席
    assert not [f for f in facts if f[0] == "holds_post" and f[1] in ("马玉兰", "丁建国")]
    pair = ("红花渠社区党委", "宁夏贺兰山旅游发展有限公司党支部")  # A与B结对共建 (no signing verb)
    assert _pair(*pair) & facts


def test_branch_written_zhibu_and_a_chair_named_in_the_next_clause():
    _, facts = read("fuzhou_huada_jointmeeting.txt")
    assert ("holds_post", "郑明远", "福建华屏科技有限公司", "支部书记") in facts
    jm = "华大街道区域化党建联席会议"
    assert ("rotating_chair", "福建华屏科技有限公司", jm, None) in facts  # 产生了…轮值主席单位，由A担任
    assert ("holds_post", "林志强", "福州市鼓楼区人民政府", "副区长") in facts


def test_street_office_posts_chairs_appointed_and_witnesses_of_a_later_signing():
    _, facts = read("chengdu_hehuachi_alliance.txt")
    jm = "荷花池街道荷花池商圈党建联盟"
    assert ("holds_post", "唐静", "荷花池街道", "主任") in facts  # 街道办事处主任: the street
    assert ("holds_post", "何建军", jm, "轮值主席") in facts  # 担任联盟首届轮值主席
    pair = "|".join(sorted(("荷花池社区党委", "四川蜀都服饰有限公司党支部")))
    assert ("witnessed", "王志勇", pair, None) in facts  # …一同参加了签约仪式，见证A与B签订
    assert ("member_of", "成都金牛区荷花池小学", jm, None) in facts
    assert ("claims_project", "四川蜀都服饰有限公司", "服饰义剪便民服务项目", None) in facts


def test_community_joint_meeting_appointed_members_and_their_certificates():
    x, facts = read("chengdu_wenshufang_dadangwei.txt")
    jm = next(e for e in x.entities.values() if e.type == "JointMeeting")
    assert jm.name == "文殊坊社区大党委" and "草市街街道文殊坊社区大党委" in jm.aliases
    for person in ("罗小川", "宋佳", "何伟"):  # 聘请A、B、C为社区“大党委”兼职委员
        assert ("holds_post", person, jm.name, "兼职委员") in facts
        assert ("presented_to", "吴敏", person, None) in facts  # 为兼职委员颁发聘书
    assert ("holds_post", "宋佳", "成都市第三人民医院", "党委委员") in facts
    assert not [f for f in facts if f[0] == "co_builds_with"]  # 与辖区12家单位签订: unnamed


def test_a_city_written_short_before_one_of_its_districts():
    toks = lexicon().tokens("青岛市北区台东街道")  # 青岛|市北区, not 青岛市|北区
    assert [(t.text, t.kind) for t in toks[:2]] == [("青岛", "place"), ("市北区", "place")]
    assert [t.text for t in lexicon().tokens("上海市黄浦区")] == ["上海市", "黄浦区"]


def test_claims_in_a_project_table_and_respective_claims():
    _, facts = read("wuhan_claims_table.txt")
    claims = {(f[1], f[2]) for f in facts if f[0] == "claims_project"}
    assert ("湖北汉水律师事务所", "书香民意全民阅读项目") in claims  # 认领单位为A、B
    assert ("武汉江城餐饮管理有限公司", "银龄助餐社区食堂项目") in claims  # 由A牵头并认领
    assert ("武汉楚韵文化传媒有限公司", "楚韵课堂") in claims  # A和B分别认领了“X”和“Y”
    assert ("湖北汉水律师事务所", "法律诊所") in claims
    assert ("湖北汉水律师事务所", "楚韵课堂") not in claims
    attended = {f[1] for f in facts if f[0] == "attended"}
    assert "陈思远" in attended  # also the reviewer of the byline: present where the text names him


def test_enterprise_site_named_once_in_its_footer_and_a_pair_signed_by_representatives():
    _, facts = read("chongqing_company_site_liulin.txt")
    company = "重庆山城建设工程集团有限公司"  # only in the copyright line; the text says 公司, 我公司
    assert ("holds_post", "陈国华", company, "党委书记") in facts
    assert ("holds_post", "刘勇", company, "总经理") in facts
    committee = f"中共{company}委员会"
    assert _pair(committee, "柳林社区党委") & facts
    pair = "|".join(sorted((committee, "柳林社区党委")))
    assert ("witnessed", "张敏", pair, None) in facts  # 在张敏的见证下，甲与乙代表双方签订
    assert not [f for f in facts if "我公司" in (f[1], f[2])]


def test_towns_and_villages():
    _, facts = read("anji_tianhuangping_villages.txt")
    assert ("holds_post", "李文博", "天荒坪镇人民政府", "镇长") in facts
    assert ("holds_post", "陈丽", "中共天荒坪镇委员会", "副书记") in facts  # 镇党委: the town's
    assert ("holds_post", "王建华", "中共天荒坪镇委员会", "书记") in facts
    assert _pair("余村党支部", "浙江竹海旅游发展有限公司党支部") & facts
    assert _pair("大溪村党支部", "中共安吉白茶产业集团有限公司委员会") & facts
    assert ("holds_post", "潘国强", "余村党支部", "书记") in facts
    # 余村党支部书记、村委会主任: the village is named by its Party body (余|村|党支部), its 村委会 too
    assert ("holds_post", "潘国强", "余村村委会", "主任") in facts
    assert not [f for f in facts if "企业资源发展乡" in str(f)]  # 乡村 is no township


def test_units_named_without_facts_are_typed_entities_and_verbs_are_no_names(daxuecheng):
    x, _ = daxuecheng
    by_name = {e.name: e.type for e in x.entities.values()}
    assert by_name.get("重庆市沙坪坝区商务局") == "GovernmentBody"  # named, no fact read about it
    jms = [e.name for e in x.entities.values() if e.type == "JointMeeting"]
    assert jms == ["大学城街道区域化党建联席会议"]  # 大学城街道坚持以联席会议为平台: no other one


def test_an_event_named_after_a_visit_and_a_meeting_of_the_joint_meeting_the_street_holds():
    _, facts = read("guiyang_yunyan_visit.txt")
    signing = "中华北路社区签约仪式"  # 走访…社区。随后，签约仪式在…举行
    assert ("event_date", signing, "2025-09-19", None) in facts
    assert ("event_place", signing, "中华北路社区党群服务中心", None) in facts
    assert any(f[:3] == ("attended", "罗天明", signing) for f in facts)
    meeting = "中华北路街道区域化党建联席会议暨共建项目推进会"  # 中华北路街道召开…联席会议暨…
    assert ("event_of", meeting, "中华北路街道区域化党建联席会议", None) in facts


def test_units_counted_after_the_signings_are_the_members_and_witnesses_span_a_semicolon():
    _, facts = read("nanjing_xinjiekou_dagongwei.txt")
    jm = "新街口街道大工委"
    signed = (
        "金陵大厦联合党委",
        "南京鼎华信息科技有限公司党支部",
        "洪武路社区党委",
        "江苏金石律师事务所党支部",
    )
    for unit in signed:  # …；…，4家单位党组织同步成为街道“大工委”成员单位
        assert ("member_of", unit, jm, None) in facts
        assert ("presented_to", "孙立言", unit, None) in facts  # 为4家新成员单位授牌
    second = "|".join(sorted(signed[2:]))  # the signing after the semicolon keeps the witnesses
    assert ("witnessed", "周佩玲", second, None) in facts


def test_institution_site_county_level_city_villages_and_townships():
    """A hospital's own page (院党委, 党委副书记、院长), a county-level city (仁怀市委, 副市长, 市委
    in an article that names 遵义 nowhere), village bodies (中华村党总支, 村委会), a township whose
    name ends in a word of the lexicon (长|城乡), 乡长 of the chain's own township, 和 before 市委."""
    _, facts = read("renhuai_hospital_villages.txt")
    hospital, party = "仁怀市人民医院", "中共仁怀市人民医院委员会"
    assert ("holds_post", "严泽民", hospital, "党委书记") in facts
    assert ("holds_post", "吕安琪", hospital, "院长") in facts
    assert ("holds_post", "吕安琪", hospital, "党委副书记") in facts
    assert _pair(party, "中华村党总支") & facts
    city = "中共仁怀市委员会"
    assert ("holds_post", "龙晓岚", city, "常委") in facts
    assert ("holds_post", "龙晓岚", city + "组织部", "部长") in facts
    assert ("holds_post", "向文涛", "仁怀市人民政府", "副市长") in facts
    assert ("holds_post", "罗启航", city, "副书记") in facts  # 田振华和市委副书记、市长罗启航
    assert ("holds_post", "罗启航", "仁怀市人民政府", "市长") in facts
    assert ("holds_post", "文嘉禾", city, "办公室主任") in facts  # 办公室: a role in its committee
    assert ("holds_post", "邓思远", "中共茅台镇委员会", "组织委员") in facts
    assert ("holds_post", "申卫国", "中华村党总支", "书记") in facts
    assert ("holds_post", "申卫国", "中华村村委会", "主任") in facts
    assert ("holds_post", "谯雪梅", "中共长城乡委员会", "副书记") in facts
    assert ("holds_post", "谯雪梅", "长城乡人民政府", "乡长") in facts  # not 鲁班乡's, named before
    assert not [f for f in facts if f[0] == "holds_post" and "遵义" in str(f[2])]


def test_members_made_of_founding_and_listed_after_the_member_word():
    """联盟由X牵头，A、B、C等10家单位共同组成 (the lead unit is no member by these words); D、E共同签署
    《章程》，成为…成员单位 (the units of the clause before); 为首批成员单位F、G授牌 (the list right
    after the member word, which is no part of F's name); 揭牌暨…联盟成立仪式 (暨 ends a name)."""
    _, facts = read("yueyang_nanhu_alliance_members.txt")
    jm = "南湖商圈党建联盟"
    members = {f[1] for f in facts if f[0] == "member_of" and f[2] == jm}
    assert members == {
        "湖南湘澄商贸有限公司",
        "岳阳南湖律师事务所",
        "岳阳巴陵云图科技有限公司",
        "湖南岳澜物流有限公司",
        "岳阳楼区南湖社区卫生服务中心",
        "湖南洞庭鲜食品有限公司",
        "岳阳君山茶业有限公司",
    }
    assert ("presented_to", "易晓川", "湖南洞庭鲜食品有限公司", None) in facts
    assert not [f for f in facts if "暨" in str(f) or "成员单位湖南" in str(f)]


def test_projects_of_a_published_list_claimed_in_the_clauses_after():
    """联盟发布项目清单，“X”由A认领，“Y”由B认领: the list's publisher launched the claimed projects
    named after it; A揭榜“Z”项目 claims Z (揭榜 ends a name)."""
    _, facts = read("yueyang_nanhu_alliance_members.txt")
    jm = "南湖商圈党建联盟"
    assert ("launched", jm, "湖畔书香驿站", None) in facts
    assert ("launched", jm, "银发数字课堂", None) in facts
    assert ("claims_project", "岳阳南湖律师事务所", "湖畔书香驿站", None) in facts
    assert ("claims_project", "湖南湘澄商贸有限公司", "社区便民集市项目", None) in facts


def test_members_in_the_phrasings_of_joining_news():
    _, facts = read("wuxi_liangxi_members.txt")
    jm = "崇安寺街道崇安同心区域化党建联盟"
    members = {
        "无锡澄溪文化传媒有限公司",  # 吸纳A、B为成员单位
        "无锡市梁溪区崇安寺小学",
        "江苏瑞澄律师事务所",  # A、B等2家单位正式加入
        "无锡惠泉医药连锁有限公司",  # 新增成员单位为A、B
        "无锡市第二人民医院崇安分院",
        "无锡市梁溪区崇安寺社区卫生服务中心",  # 首批成员单位有A、B (有 is no part of the name)
        "无锡泓川科技有限公司",  # A、B成为成员单位
        "无锡梁溪城市发展集团有限公司",  # named by the short form the article defined
        "无锡清扬书院文化发展有限公司",  # the numbered lines under 名单如下：
        "无锡市梁溪区南禅寺商会",
        "江苏梁溪建工集团有限公司",  # A、B等成员单位负责人参加会议
        "无锡运河文旅发展有限公司",  # 成员单位A党支部书记甲，B总经理乙
        "无锡大成巷商业管理有限公司",
        "无锡南长街文化发展有限公司",  # A是联盟首批成员单位
        "无锡崇宁路小学",  # A、B等共同发起成立联盟
        "无锡荣巷社区卫生服务中心",
    }
    assert {(r, s) for r, s, o, _ in facts if r == "member_of" and o == jm} >= {
        ("member_of", m) for m in members
    }
    assert ("presented_to", "杭书岩", "无锡澄溪文化传媒有限公司", None) in facts
    # a representative who speaks is no member by that
    assert not any(r == "member_of" and "光庭" in s for r, s, _, _ in facts)


def test_members_of_a_party_building_community():
    _, facts = read("hefei_luyang_gongtongti.txt")
    for unit in ("合肥庐州文旅发展有限公司", "安徽庐阳律师事务所"):
        assert ("member_of", unit, "双岗街道双岗同心党建共同体", None) in facts


def test_projects_launched_by_subjects_meetings_committees_and_lists():
    _, facts = read("jinhua_wucheng_projects.txt")
    jm, street = "城东街道联席会议", "中共金华市婺城区城东街道工作委员会"
    launched = related(facts, "launched")
    assert {
        (jm, "红色物业服务清单"),  # 联席会议发布了“X”
        (street, "邻里守望志愿服务行动"),  # 街道党工委现场启动“X”
        (jm, "楼宇红管家服务品牌"),  # 推出“X”和“Y”
        (jm, "园区e站服务平台"),
        (jm, "青春工坊项目"),  # 会议现场发布了“X”: the meeting's joint meeting
        ("中共金华澄江控股集团有限公司委员会", "暖蜂驿站关爱计划"),
        ("城市管理专委会", "街巷美颜行动"),  # 由专委会牵头的“X”行动同步启动
        (street, "文明城东志愿服务行动"),  # 举行“X”启动仪式
        (street, "银龄课堂"),  # …，先后推出“X”“Y”: the subject of the clause before
        (street, "城东夜学"),
        (jm, "老街焕新改造项目"),  # 发布了…清单，包括“X”、“Y”
        (jm, "社区食堂助餐项目"),
        (street, "助老理发服务项目"),  # 发布…项目： and the numbered lines below
        (street, "四点半课堂托管项目"),
    } <= launched


def test_presenters_and_their_recipients():
    _, facts = read("xuzhou_yunlong_plaques.txt")
    given = related(facts, "presented_to")
    assert {
        ("韦叙白", "徐州汉风文化传媒有限公司"),
        ("韦叙白", "徐州市云龙区彭城社区卫生服务中心"),
        ("甘澜清", "徐州淮海律师事务所"),  # 向A授牌
        ("韦叙白", "徐州彭祖园林绿化有限公司"),  # 甲、乙分别为A、B授牌: pair by pair
        ("甘澜清", "徐州苏澜商贸有限公司"),
        ("岑望舒", "徐州云帆物流有限公司"),
        ("岑望舒", "徐州市第三十七中学"),
        ("甘澜清", "徐州鼎盛建设工程有限公司"),
        ("韦叙白", "宗慕远"),  # a person
        ("甘澜清", "徐州淮海食品有限公司"),  # 甲宣读…，并为A颁发
    } <= given
    assert ("韦叙白", "徐州苏澜商贸有限公司") not in given
    assert ("甘澜清", "徐州彭祖园林绿化有限公司") not in given
    # a member's plaque makes a member; the street that gives plaques (headline) is none
    members = {s for r, s, o, _ in facts if r == "member_of"}
    assert members == {"徐州云水餐饮管理有限公司"}


def test_cobuilding_in_tables_lists_three_sides_and_representatives():
    _, facts = read("taizhou_jiaojiang_cobuild.txt")
    pairs = {frozenset((s, o)) for r, s, o, _ in facts if r == "co_builds_with"}
    expected = [
        ("中共台州市椒江区海门街道工作委员会", "中共台州港务集团有限公司委员会"),
        ("台州学院机关党委", "东山社区党委"),  # a school's 机关党委
        ("台州市中心医院心内科党支部", "枫山社区党委"),  # a department's branch
        ("白云社区党委", "台州椒江区实验小学党支部"),  # 三方: every pair
        ("中共台州市椒江区海门街道工作委员会", "中共台州澄海建设集团有限公司委员会"),  # 甲代表A与B签署
        ("西山社区党委", "台州海运物流有限公司党支部"),  # numbered list after the signing
        ("中山社区党委", "台州市椒江区图书馆党支部"),  # 此前已与A签订 (a district library: full name)
        ("葛家社区党委", "中共台州椒江区人民医院委员会"),  # …签订…三方协议
        ("红旗社区党委", "台州椒江供电有限公司党支部"),  # the rows of a table
        ("岩头社区党委", "台州市椒江区税务局机关党支部"),
        ("海城社区党委", "台州椒江海关党支部"),  # A、B与C签订: each with C
        ("新河社区党委", "台州椒江海关党支部"),
        ("中共台州澄海建设集团有限公司委员会", "台州椒江区实验小学党支部"),  # 甲、乙代表双方签订
    ]
    assert {frozenset(p) for p in expected} <= pairs


def test_members_in_a_table_and_in_numbered_items():
    _, facts = read("nantong_chongchuan_members_table.html")
    members = {s for r, s, o, _ in facts if r == "member_of" and o == "文峰街道文峰同行党建联盟"}
    assert members == {
        "南通濠河文旅发展有限公司",  # the rows of the table under 首批成员单位名单 (a cell a line)
        "南通崇川区文峰小学",
        "江苏通明律师事务所",
        "南通星湖商业管理有限公司",  # 1.A：负责…
        "南通市第一人民医院文峰分院",
    }


def test_members_taken_in_chairs_handed_on_and_applicants_left_out():
    """接收A、B为新成员单位 and A、B经审议后加入 make members; a unit that only applies (申请入盟,
    表达了加入…的意向, and nothing after makes it join) is none; 接收/接替 end a name; 为新加入的4家
    成员单位授牌 gives to the four units that joined, however many sentences named them."""
    _, facts = read("luoyang_jianxi_alliance_grows.txt")
    jm = "天津路街道牡丹同心党建联盟"
    joined = {
        "洛阳中洛重工机械有限公司",
        "洛阳涧西百货商场有限公司",
        "河南洛溪律师事务所",
        "洛阳市涧西区天津路小学",
    }
    assert {s for r, s, o, _ in facts if r == "member_of" and o == jm} == joined
    assert {o for r, s, o, _ in facts if r == "presented_to" and s == "柯映荷"} == joined
    # A接替B担任新一届轮值主席单位: B was the chair before (a chair too, as in the gold of dev)
    chairs = {s for r, s, o, _ in facts if r == "rotating_chair"}
    assert chairs == {"洛阳市第三人民医院", "洛阳中洛重工机械有限公司"}
    _, facts = read("dalian_zhongshan_louyu.txt")
    members = {s for r, s, o, _ in facts if r == "member_of"}
    assert "大连东港物流集团有限公司" in members
    assert "大连星海湾酒店管理有限公司" not in members


def test_committees_listed_as_quoted_names_side_by_side():
    """下设“X”“Y”两个专委会: one committee per quoted name."""
    _, facts = read("luoyang_jianxi_alliance_grows.txt")
    committees = {o for r, s, o, _ in facts if r == "has_committee"}
    assert committees == {"产业协同专委会", "文明实践专委会"}


def test_pairs_in_the_forms_of_signing_news():
    """建立结对共建关系, A同B、C同D分别结对, A、B两家单位分别与C、D签署, “手拉手”结成共建对子."""
    _, facts = read("mianyang_fucheng_pairs.txt")
    pairs = {frozenset((s, o)) for r, s, o, _ in facts if r == "co_builds_with"}
    assert pairs == {
        frozenset(p)
        for p in [
            ("四川涪江建设工程有限公司党支部", "金家林社区党委"),
            ("绵阳市涪城区中医医院党总支", "石塘社区党委"),
            ("绵阳科创园区管理有限公司党支部", "高水社区党委"),
            ("四川科澜律师事务所党支部", "青龙社区党委"),
            ("中共绵阳九洲电讯有限公司委员会", "园艺社区党委"),
            ("绵阳市涪城区实验中学党总支", "沈家坝社区党委"),
        ]
    }


def test_brands_platforms_and_services_launched_and_certificates_given():
    """发布“X”品牌, 正式上线“X”平台, 同步推出“X”“Y”两项服务, 发起“X”项目; 为A、B颁发证书 and
    向A党支部书记甲颁发聘书 (the person)."""
    _, facts = read("ganzhou_zhanggong_launches.txt")
    street = "中共赣州市章贡区赣江街道工作委员会"
    launched = related(facts, "launched")
    assert {
        (street, "江畔红区域化党建品牌"),
        (street, "江畔e家线上服务平台"),
        ("赣江街道", "宋城夜读"),
        ("赣江街道", "郁孤台志愿岗"),
        ("赣州章贡文化传媒有限公司", "古城记忆公益摄影项目"),
    } <= launched
    given = related(facts, "presented_to")
    assert given == {
        ("闵照川", "赣州章贡文化传媒有限公司"),
        ("闵照川", "江西赣南律师事务所"),
        ("甘凝霜", "钟叙白"),
    }


def test_members_added_by_xinzeng_and_pairs_made_by_jiewei():
    """联盟新增A、B、C等3家成员单位 (新增 ends a name), A也成为联盟新成员; A同B结为共建对子."""
    _, facts = read("changsha_yuelu_mixed_forms.txt")
    members = {s for r, s, o, _ in facts if r == "member_of" and o == "橘子洲街道洲上红党建联盟"}
    assert members == {
        "湖南湘麓文化传播有限公司",
        "长沙橘洲物业管理有限公司",
        "湖南麓山律师事务所",
        "长沙市岳麓区橘洲社区卫生服务中心",
    }
    pairs = {frozenset((s, o)) for r, s, o, _ in facts if r == "co_builds_with"}
    assert frozenset(("橘洲社区党委", "湖南湘麓文化传播有限公司党支部")) in pairs


def test_two_presentations_in_one_sentence():
    """甲为A、B颁发牌匾，乙向C授予“X”称号: each giver with the recipients of their own clause."""
    _, facts = read("changsha_yuelu_mixed_forms.txt")
    given = related(facts, "presented_to")
    assert given == {
        ("文照影", "湖南湘麓文化传播有限公司"),
        ("文照影", "长沙橘洲物业管理有限公司"),
        ("蓝望春", "长沙市岳麓区橘洲社区卫生服务中心"),
    }


def test_a_project_launched_in_the_clause_after_by_the_same_launcher():
    """会议正式启动“X”工程，“Y”服务品牌同步发布: Y, named without its launcher, is launched by X's."""
    _, facts = read("changsha_yuelu_mixed_forms.txt")
    launched = related(facts, "launched")
    jm = "橘子洲街道洲上红党建联盟"
    assert launched == {(jm, "洲头微心愿圆梦工程"), (jm, "橘洲志愿汇服务品牌")}


def test_members_covered_by_a_list_and_taken_in_passively():
    """成员单位涵盖A、B、C等22家单位; 正式接纳A为第二十三家成员单位; A、B被吸纳为联合体成员."""
    _, facts = read("yantai_zhifu_lists.txt")
    members = {s for r, s, o, _ in facts if r == "member_of"}
    assert members == {
        "烟台港城置业有限公司",
        "烟台毓璜顶医院",
        "山东芝罘律师事务所",
        "烟台海岸线文化传媒有限公司",
        "烟台市芝罘区向阳小学",
        "烟台渤海湾物流有限公司",
    }
    given = related(facts, "presented_to")
    assert ("尹溯川", "烟台渤海湾物流有限公司") in given  # 甲、乙共同为A、B授牌
    pairs = {frozenset((s, o)) for r, s, o, _ in facts if r == "co_builds_with"}
    assert frozenset(("烟台渤海湾物流有限公司党支部", "朝阳社区党委")) in pairs  # A、B分别与C、D
    assert frozenset(("烟台渤海湾物流有限公司党支部", "奇山社区党委")) not in pairs


def test_projects_before_a_counted_head_and_launched_that_day():
    """发布了“X”“Y”“Z”三大共建品牌 (the quoted names; 三大 ends them); “W”项目当天正式启动."""
    _, facts = read("yantai_zhifu_lists.txt")
    launched = {o for r, s, o, _ in facts if r == "launched"}
    assert launched == {"向阳码头", "海风课堂", "银发驿站", "朝阳街夜市护航项目"}


def test_committees_pointed_back_at_are_not_new_committees():
    """成立“X”专委会、“Y”专委会、“Z”专委会 gives three; 甲、乙分别为三个专委会的召集人单位… names
    none (a head followed by 的 points back)."""
    _, facts = read("wenzhou_lucheng_chairs_committees.html")
    committees = {o for r, s, o, _ in facts if r == "has_committee"}
    assert committees == {"商圈共治专委会", "文明共创专委会", "民生共享专委会"}


def test_chair_named_by_the_title_chain_after_the_chair_word():
    """本届轮值主席单位由A担任; 上一届轮值主席单位B医院党总支书记甲…: B was a chair too."""
    _, facts = read("wenzhou_lucheng_chairs_committees.html")
    chairs = {s for r, s, o, _ in facts if r == "rotating_chair"}
    assert chairs == {"温州瓯越文化旅游发展有限公司", "温州市鹿城区妇幼保健院"}
    assert ("holds_post", "鲍映溪", "温州市鹿城区妇幼保健院", "党总支书记") in facts


def test_posts_of_a_chair_put_forward_by_tuiju():
    """推举该公司党委书记甲担任联盟首任轮值主席: 推举 ends the words before the chain, so 甲 is read
    with both posts."""
    _, facts = read("dalian_zhongshan_louyu.txt")
    assert ("holds_post", "郝临川", "大连东港物流集团有限公司", "党委书记") in facts
    assert ("holds_post", "郝临川", "人民路街道楼宇党建联盟", "轮值主席") in facts


def test_documents_issued_by_a_subject_the_clause_leaves_out():
    """会议现场启动“X”行动，发布了《…章程》: the launcher of the clause before issues it; 街道还…推出…，
    并首发《…清单》: the subject of the earlier clause."""
    _, facts = read("dalian_zhongshan_louyu.txt")
    assert ("issued", "人民路街道楼宇党建联盟", "人民路街道楼宇党建联盟章程", None) in facts
    _, facts = read("ganzhou_zhanggong_launches.txt")
    assert ("issued", "赣江街道", "赣江街道共建资源清单", None) in facts


def test_people_with_no_title_who_receive_a_certificate():
    """甲为乙、丙颁发…聘书 and 为新任兼职委员乙、丙颁发聘书: 乙 and 丙 are people (every item a
    whole name with a known surname); 为社区颁发证书, 为辖区企业颁发奖杯 name no one."""
    _, facts = read("yantai_zhifu_lists.txt")
    given = related(facts, "presented_to")
    assert {("卜暖阳", "栾晓川"), ("卜暖阳", "邵听雨")} <= given
    assert {("尹溯川", "苗望帆"), ("尹溯川", "包听澜")} <= given  # 为新任兼职委员甲、乙颁发聘书
    text = "向阳街道党工委书记卜暖阳为社区颁发证书，为辖区企业颁发奖杯，为袁晓川颁发聘书。"
    x = extract(ingest_text(text, "t", "t.txt"))
    people = {e.name for e in x.entities.values() if e.type == "Person"}
    assert people == {"卜暖阳", "袁晓川"}


def test_attendance_verbs_and_a_launch_after_a_clause_about_the_meeting():
    """应邀出席并讲话, 到场指导, 主持, 通报, 作交流发言: each attends; 会议听取了…汇报，并现场启动
    “X”活动季: the meeting's joint meeting launches X."""
    _, facts = read("zhuzhou_hetang_attendance.txt")
    event = "荷塘区月塘街道荷韵同心党建联盟推进会"
    present = {s for r, s, o, _ in facts if r == "attended" and o == event}
    assert present == {"常照临", "詹向晚", "聂知微", "巫清和", "阙明远", "柴暮云"}
    assert ("launched", "月塘街道荷韵同心党建联盟", "月塘邻里节活动季", None) in facts
    assert ("witnessed", "常照临", "株洲市中心医院|株洲荷塘建设集团有限公司", None) in facts


def test_members_listed_after_the_joining_verb_and_certified_without_a_giver():
    """新加入的单位有A、B和C; 会上还为A颁发了成员单位证书 (no one named who gives: a member still);
    新入盟单位为A和B."""
    _, facts = read("shaoxing_yuecheng_joiners.txt")
    members = {s for r, s, o, _ in facts if r == "member_of" and o == "府山街道古城红党建联盟"}
    assert members == {
        "绍兴古越龙山文旅发展有限公司",
        "浙江越州律师事务所",
        "绍兴市越城区府山小学",
        "绍兴鉴湖物流有限公司",
        "绍兴黄酒小镇运营有限公司",
        "绍兴市越城区塔山社区卫生服务中心",
    }


def test_committees_listed_by_their_full_names():
    """下设A专委会、B专委会和C专委会: three committees, none named twice (A专委会专委会)."""
    _, facts = read("shaoxing_yuecheng_joiners.txt")
    committees = {o for r, s, o, _ in facts if r == "has_committee"}
    assert committees == {"党建引领专委会", "古城保护专委会", "民生服务专委会"}


def test_a_project_that_starts_at_the_meeting():
    """会上，“X”共建项目正式启动: the meeting's joint meeting launched it (正式 ends the name)."""
    _, facts = read("shaoxing_yuecheng_joiners.txt")
    launched = related(facts, "launched")
    assert launched == {("府山街道古城红党建联盟", "府山古城夜巡共建项目")}


def test_pairs_in_clauses_of_their_own_before_one_signing_and_pairs_made_as_duizi():
    """A同B，C同D，分别签订了共建协议: a pair per clause; A、B分别同C、D结成对子: pair by pair;
    A—B、C—D现场签约结对: a dash joins the two sides of a pair."""
    _, facts = read("tangshan_lubei_pair_clauses.txt")
    pairs = {frozenset((s, o)) for r, s, o, _ in facts if r == "co_builds_with"}
    assert pairs == {
        frozenset(p)
        for p in [
            ("唐山冀东水泥装备有限公司党支部", "龙泉社区党委"),
            ("唐山市路北区龙东小学党支部", "东新社区党委"),
            ("唐山陶瓷文化产业园管理有限公司党支部", "西山道社区党委"),
            ("河北唐澜律师事务所党支部", "缸窑社区党委"),
            ("唐山市路北区文化馆党支部", "果园社区党委"),  # A—B、C—D现场签约结对
            ("唐山凤凰山宾馆党支部", "乔屯社区党委"),
        ]
    }
    # a side that is no unit the extractor knows (东岗文化站): the dash still pairs only its own two
    text = "此外，东岗文化站党支部—果园社区党委、唐山凤凰山宾馆党支部—乔屯社区党委现场签约结对。"
    x = extract(ingest_text(text, "t", "t.txt"))
    names = {k: e.name for k, e in x.entities.items()}
    pairs = {
        frozenset((names[f.subject], names[f.object])) for f in x.facts if f.relation == "co_builds_with"
    }
    assert frozenset(("果园社区党委", "乔屯社区党委")) not in pairs


def test_applications_granted_in_the_clause_and_members_added_after_the_member_noun():
    """Traditional: A、B現場遞交入盟申請書並獲批准 (granted: members); 成員單位新增A和B; C也提交了
    入盟申請，待下次會議審議 (asked only: no member)."""
    _, facts = read("baotou_kundulun_trad.txt")
    members = {s for r, s, o, _ in facts if r == "member_of" and o == "友谊街道钢城同心党建联盟"}
    assert members == {
        "包头钢城物流有限公司",
        "内蒙古北疆律师事务所",
        "包头市昆都仑区友谊小学",
        "包头青山医药连锁有限公司",
    }


def test_projects_launched_by_partners():
    """A联合B推出“X”; A与B共同发起“Y”; A携手B、C启动“Z”: every unit named launches it."""
    _, facts = read("yichang_xiling_colaunch.txt")
    launched = related(facts, "launched")
    assert launched == {
        ("云集街道峡江红党建联盟", "江岸红色课堂研学项目"),
        ("宜昌峡江文化旅游发展有限公司", "江岸红色课堂研学项目"),
        ("湖北三峡律师事务所", "法护健康志愿服务行动"),
        ("宜昌市西陵区云集社区卫生服务中心", "法护健康志愿服务行动"),
        ("中共宜昌市西陵区云集街道工作委员会", "峡江之夜商圈服务计划"),
        ("宜昌长江航运有限公司", "峡江之夜商圈服务计划"),
        ("宜昌夷陵百货有限公司", "峡江之夜商圈服务计划"),
    }


def test_chair_taken_over_from_a_hand():
    """A公司总经理甲从乙手中接过轮值主席单位牌匾: A is the chair (and 标志着 ends the alliance's name
    after it)."""
    _, facts = read("liuzhou_chengzhong_handover.txt")
    jm = "公园街道柳江红党建联盟"
    assert related(facts, "rotating_chair") == {("广西柳岸文化传媒有限公司", jm)}


def test_a_second_award_in_the_clause_after():
    """乙为A颁发…奖牌，为B颁发…证书: 乙 gives to both."""
    _, facts = read("liuzhou_chengzhong_handover.txt")
    given = related(facts, "presented_to")
    assert {("龙照溪", "柳州龙城物流有限公司"), ("龙照溪", "广西柳江律师事务所")} <= given


def test_committees_listed_after_a_generic_name_and_one_named_in_full():
    """联盟专委会分别为：A专委会、B专委会、C专委会 (three; 联盟专委会 is none); 增设“X”专门委员会
    (one committee, not also X专委会)."""
    _, facts = read("quanzhou_licheng_committees.txt")
    committees = {o for r, s, o, _ in facts if r == "has_committee"}
    assert committees == {"文旅融合专委会", "古城治理专委会", "民生服务专委会", "青年先锋专门委员会"}


def test_projects_of_a_list_the_meeting_published():
    """会议还发布了…项目清单，涵盖“X”“Y”等8个项目: the joint meeting launched X and Y."""
    _, facts = read("zhuzhou_hetang_attendance.txt")
    launched = {o for r, s, o, _ in facts if r == "launched" and s == "月塘街道荷韵同心党建联盟"}
    assert {"荷塘书香", "银龄食堂"} <= launched


def test_people_appointed_by_a_list_verb_and_given_their_letters_by_count():
    """联盟聘请甲、乙为联盟兼职委员 (untitled names: people by the frame), 丙为2名兼职委员颁发聘书
    (the two who hold that post, read in the same sentence)."""
    _, facts = read("liuzhou_chengzhong_handover.txt")
    jm = "公园街道柳江红党建联盟"
    assert ("holds_post", "覃晓岚", jm, "兼职委员") in facts
    assert ("holds_post", "莫听松", jm, "兼职委员") in facts
    assert ("presented_to", "龙照溪", "覃晓岚", None) in facts
    assert ("presented_to", "龙照溪", "莫听松", None) in facts


def test_chair_named_after_a_colon():
    """联盟本年度轮值主席单位：A。"""
    _, facts = read("quanzhou_licheng_committees.txt")
    chairs = related(facts, "rotating_chair")
    assert chairs == {("泉州刺桐文旅集团有限公司", "开元街道刺桐红党建联盟")}


def test_a_pairing_partner_named_by_the_noun_is_no_member():
    """A的结对共建单位为B: A and B co-build; B is no member of the alliance by that."""
    _, facts = read("shaoxing_yuecheng_joiners.txt")
    assert ("co_builds_with", "塔山社区党委", "浙江越州律师事务所党支部", None) in facts
    members = {s for r, s, o, _ in facts if r == "member_of"}
    assert "浙江越州律师事务所党支部" not in members


def test_projects_launched_by_the_assembly_at_a_ceremony_and_by_who_built_them():
    """大会启动“X”行动; 会议期间还举行了“Y”项目启动仪式 (the joint meeting); A打造的“Z”品牌当天正式
    发布 (A)."""
    _, facts = read("jiaxing_nanhu_launch_ceremony.txt")
    launched = related(facts, "launched")
    jm = "建设街道红船旁党建联盟"
    assert launched == {
        (jm, "百企联百户帮扶行动"),
        (jm, "红船夜校项目"),
        ("中共嘉兴市南湖区建设街道工作委员会", "船说理论宣讲品牌"),
    }


def _types(x) -> dict[str, set[str]]:
    """Every name and alias of the extracted entities, with the types of the entities it names."""
    out: dict[str, set[str]] = {}
    for e in x.entities.values():
        for name in {e.name, *e.aliases}:
            out.setdefault(name, set()).add(e.type)
    return out


def _assert_typed(x, expected: dict[str, str]) -> None:
    """Each name is extracted and names entities of exactly the one expected type."""
    got = _types(x)
    wrong = {n: (t, sorted(got.get(n, ()))) for n, t in expected.items() if got.get(n) != {t}}
    assert not wrong


def test_units_without_a_company_suffix_and_mass_organisations_are_typed_by_what_they_are():
    """国网…供电公司, 中国移动…分公司, …银行…支行 are businesses; 烟草专卖局, 法院, 检察院 state
    organs; 总工会, 妇联, 科协, 文联, 侨联, 残联, 工商联, 新联会, 团区委 mass organisations
    (associations), not state or Party bodies, whether written in full or short, with a level or not."""
    x, _ = read("huzhou_aishan_units.txt")
    _assert_typed(
        x,
        {
            "国网湖州供电公司": "Enterprise",
            "中国移动湖州分公司": "Enterprise",
            "中国电信湖州吴兴分公司": "Enterprise",
            "湖州银行爱山支行": "Enterprise",
            "中国农业银行湖州分行": "Enterprise",
            "湖州市邮政分公司": "Enterprise",
            "湖州市烟草专卖局": "GovernmentBody",  # 局: a state organ (GUIDELINES)
            "吴兴区人民法院": "GovernmentBody",
            "吴兴区人民检察院": "GovernmentBody",
            "湖州市第一人民医院": "SocialOrganization",
            "湖州市爱山小学": "SocialOrganization",
            "湖州师范学院": "SocialOrganization",
            "吴兴区图书馆": "SocialOrganization",
            "吴兴区文化馆": "SocialOrganization",
            "吴兴区总工会": "SocialOrganization",
            "吴兴区妇女联合会": "SocialOrganization",
            "吴兴区妇联": "SocialOrganization",
            "吴兴区科学技术协会": "SocialOrganization",
            "吴兴区文学艺术界联合会": "SocialOrganization",
            "吴兴区新的社会阶层人士联合会": "SocialOrganization",
            "吴兴区侨联": "SocialOrganization",
            "吴兴区残联": "SocialOrganization",
            "吴兴区工商联": "SocialOrganization",
            "团吴兴区委": "SocialOrganization",  # the Youth League's, not the Party's 区委
            "国网湖州供电公司党委": "PartyOrganization",
            "吴兴区总工会党组": "PartyOrganization",
            "吴兴区人民法院党组": "PartyOrganization",
            "湖州银行爱山支行党支部": "PartyOrganization",
            "爱山街道": "GovernmentBody",
            "爱山街道党群服务中心": "Place",
        },
    )


def test_two_new_organisations_zones_and_grassroots_stations_are_typed_by_what_they_are():
    """Law and accounting firms and property companies are businesses; a 社会工作服务中心 (full or
    as 社工服务中心) and trade associations are civil society; a zone's 管理委员会, a 市场监管所,
    派出所 and 司法所 are state bodies; a 社区卫生服务中心 is a clinic; an 产业园 is a place."""
    x, _ = read("foshan_zumiao_liangxin.txt")
    _assert_typed(
        x,
        {
            "佛山禅诚律师事务所": "Enterprise",
            "佛山正衡会计师事务所": "Enterprise",
            "佛山祖庙物业服务有限公司": "Enterprise",
            "佛山禅诚律师事务所党支部": "PartyOrganization",
            "佛山泛家居创意产业园党委": "PartyOrganization",
            "佛山泛家居创意产业园": "Place",
            "佛山高新技术产业开发区管理委员会": "GovernmentBody",
            "佛山高新技术产业开发区": "Place",
            "禅城区市场监督管理局祖庙市场监管所": "GovernmentBody",
            "祖庙派出所": "GovernmentBody",
            "祖庙司法所": "GovernmentBody",
            "祖庙街道社区卫生服务中心": "SocialOrganization",
            "佛山禅心社会工作服务中心": "SocialOrganization",
            "禅心社工服务中心": "SocialOrganization",
            "禅城区物业管理行业协会": "SocialOrganization",
            "禅城区个体劳动者协会": "SocialOrganization",
            "禅城区委两新工委": "PartyOrganization",
        },
    )


def test_village_bodies_and_the_grassroots_units_of_utilities_are_typed_by_what_they_are():
    """A 供电所 is the power company's and a 邮政支局 the post company's (businesses, not state
    bodies, even after a county-level city's name); a 股份经济合作社, 信用社 and 农商银行支行 are
    businesses; a 村民委员会 and 居委会 state bodies at the grassroots; a 业主委员会 civil society
    (not a 委员会 of the state); 卫生院, 中心小学 and 商会 social organisations."""
    x, _ = read("liyang_tianmu_villages.txt")
    _assert_typed(
        x,
        {
            "国网溧阳市供电公司天目湖供电所": "Enterprise",
            "国网溧阳市供电公司天目湖供电所党支部": "PartyOrganization",
            "溧阳市邮政分公司天目湖邮政支局": "Enterprise",
            "溧阳天目湖旅游有限公司": "Enterprise",
            "桂林村股份经济合作社": "Enterprise",
            "天目湖农村信用社": "Enterprise",
            "溧阳农村商业银行天目湖支行": "Enterprise",
            "桂林村村民委员会": "GovernmentBody",
            "湖滨社区居民委员会": "GovernmentBody",
            "天目湖派出所": "GovernmentBody",
            "天目湖镇": "GovernmentBody",
            "湖滨花园小区业主委员会": "SocialOrganization",
            "天目湖镇卫生院": "SocialOrganization",
            "天目湖中心小学": "SocialOrganization",
            "天目湖镇商会": "SocialOrganization",
            "桂林村党委": "PartyOrganization",
            "平桥村党总支": "PartyOrganization",
            "湖滨社区党委": "PartyOrganization",
            "平桥村": "Place",
            "湖滨社区": "Place",
            "桂林村党群服务中心": "Place",
        },
    )
    assert "红色物业" not in _types(x)  # a kind of service in quotes, not a property company


def test_units_of_a_traditional_article_are_typed_as_in_simplified():
    """The same kinds written in Traditional characters: 國網…供電公司, 中國聯通…分公司, 銀行…支行
    are businesses; 共青團…區委員會 is the Youth League's (an association), not a state committee."""
    x, _ = read("hangzhou_binjiang_trad.txt")
    _assert_typed(
        x,
        {
            "中国建设银行杭州滨江支行": "Enterprise",
            "国网杭州市滨江区供电公司": "Enterprise",
            "中国联通杭州滨江分公司": "Enterprise",
            "杭州市滨江区人民医院": "SocialOrganization",
            "杭州滨江实验小学": "SocialOrganization",
            "滨江区妇联": "SocialOrganization",
            "滨江区总工会": "SocialOrganization",
            "共青团杭州市滨江区委员会": "SocialOrganization",
            "滨江区科协": "SocialOrganization",
            "中国建设银行杭州滨江支行党支部": "PartyOrganization",
            "杭州市滨江区人民医院党委": "PartyOrganization",
            "滨江街道大党委": "JointMeeting",
        },
    )


@pytest.mark.parametrize(
    "name, type_",
    [
        ("福州市委党校", "Place"),  # the gold writes a Party school as the venue of a training
        ("吴中区委党校", "Place"),
        ("苏州市图书馆", "SocialOrganization"),  # a city's own library: one per city
        ("吴中区慈善总会", "SocialOrganization"),
        ("吴中区疾病预防控制中心", "GovernmentBody"),
        ("吴中区退役军人服务中心", "GovernmentBody"),
        ("吴中区档案馆", "GovernmentBody"),
        ("长江村村委会", "GovernmentBody"),
        ("光明花园业委会", "SocialOrganization"),
        ("吴中区卫健委", "GovernmentBody"),  # a state commission: its 委 is no Party committee
        ("吴中区人民武装部", "GovernmentBody"),
        ("光明敬老院", "SocialOrganization"),
        ("光明社区卫生服务站", "SocialOrganization"),
        ("吴中区历史文化研究会", "SocialOrganization"),
        ("光明机械厂", "Enterprise"),
        ("光明煤矿", "Enterprise"),
        ("吴中区委老干部局", "PartyOrganization"),  # a department of the district's Party committee
        ("吴中区律师行业党委", "PartyOrganization"),
        ("吴中区社会组织综合党委", "PartyOrganization"),
        ("光明花园小区党支部", "PartyOrganization"),
    ],
)
def test_institutions_named_in_a_signing_take_their_class(name, type_):
    text = f"长江街道党工委与{name}签订结对共建协议。"
    x = extract(ingest_text(text, "t", "t.txt"))
    assert _types(x).get(name) == {type_}


def test_a_quoted_name_before_a_joint_meetings_word_is_no_project():
    """长虹路街道“楼宇星火”党建联盟授牌仪式暨服务项目认领会: an alliance, not also a project called
    楼宇星火党建联盟 (the one name would get two classes); a quoted 行动 is still a project."""
    text = "6月3日，长虹路街道“楼宇星火”党建联盟授牌仪式暨服务项目认领会在金虹大厦举行。"
    x = extract(ingest_text(text, "t", "t.txt"))
    by_type = {(e.type, e.name) for e in x.entities.values()}
    assert ("JointMeeting", "长虹路街道楼宇星火党建联盟") in by_type
    assert not {n for t, n in by_type if t == "Project"}
    text = "5月8日，长虹路街道现场启动“星火领航”服务行动。"
    x = extract(ingest_text(text, "t", "t.txt"))
    assert {e.name for e in x.entities.values() if e.type == "Project"} == {"星火领航服务行动"}
