"""Resolution across articles on a real store: merges, non-merges, IRIs, labels, order independence."""

from __future__ import annotations

import itertools

import pytest

from kg import vocab as V
from kg.facts import fact_rows
from kg.resolve.decisions import DECISIONS_GRAPH

from .resolving import Article, add, build, dump, entities, iri, labels, open_new, same_as

BUILDING = "上海建工集团股份有限公司"


@pytest.fixture
def store(tmp_path):
    st = open_new(tmp_path / "store")
    yield st
    st.close()


def full_and_short():
    a = Article("a.txt", "2024-03-01", text=f"{BUILDING}（以下简称“上海建工”）与南京东路街道签约。")
    a.entity("Enterprise", BUILDING)
    b = Article("b.txt", "2024-06-01")
    firm = b.entity("Enterprise", "上海建工")
    p = b.entity("Person", "张申羽")
    b.post(p, firm, "董事长")
    return a, b


def test_a_short_form_and_the_full_name_are_one_entity_and_the_retired_iri_resolves(store):
    build(store, *full_and_short())
    full = iri(f"org/{BUILDING}")
    assert entities(store, "org/") == {full}
    assert same_as(store)[iri("org/上海建工")] == full
    pref, alts = labels(store, full)
    assert pref == BUILDING and ("上海建工", "zh") in alts


def test_a_short_form_declared_in_one_article_merges_a_name_another_article_uses(store):
    a = Article("a.txt", "2024-03-01", text="上海澄川数智科技有限公司（以下简称“澄川数智”）党支部")
    a.entity("Enterprise", "上海澄川数智科技有限公司")
    b = Article("b.txt", "2024-05-01")
    b.entity("Enterprise", "澄川数智")
    build(store, a, b)
    assert entities(store, "org/") == {iri("org/上海澄川数智科技有限公司")}


def test_a_party_body_written_two_ways_is_one_body_linked_to_the_unit_it_leads(store):
    a = Article("a.txt", "2024-03-01")
    a.entity("PartyOrganization", "中共上海建工房产有限公司委员会")
    a.entity("Enterprise", "上海建工房产有限公司")
    b = Article("b.txt", "2024-04-01")
    b.entity("PartyOrganization", "上海建工房产有限公司党委")
    build(store, a, b)
    body = iri("org/中共上海建工房产有限公司委员会")
    assert entities(store, "org/") == {body, iri("org/上海建工房产有限公司")}
    rows = store.select(
        "SELECT ?b ?u WHERE { GRAPH <https://w3id.org/pbkg/graph/entities> { ?b <https://w3id.org/pbkg/ont#partyOrganizationOf> ?u } }",
        {"b": __import__("pyoxigraph").NamedNode(body)},
    )
    assert [r["u"].value for r in rows] == [iri("org/上海建工房产有限公司")]


def test_a_subsidiary_is_not_the_short_form_of_its_group(store):
    a = Article("a.txt", "2024-03-01")
    a.entity("Enterprise", BUILDING)
    b = Article("b.txt", "2024-04-01")
    b.entity("Enterprise", "上海建工房产有限公司")
    build(store, a, b)
    assert len(entities(store, "org/")) == 2


def test_namesakes_in_two_provinces_stay_two_people_and_one_in_two_articles_is_one(store):
    gz1 = Article("gz1.txt", "2024-03-01")
    gz1.post(
        gz1.entity("Person", "王伟"),
        gz1.entity("PartyOrganization", "中共广州市天河区猎德街道工作委员会"),
        "书记",
    )
    gz2 = Article("gz2.txt", "2024-09-01")
    gz2.post(
        gz2.entity("Person", "王伟"),
        gz2.entity("PartyOrganization", "猎德街道党工委", district="天河区", city="广州市"),
        "书记",
    )
    cd = Article("cd.txt", "2024-05-01")
    cd.post(cd.entity("Person", "王伟"), cd.entity("Enterprise", "成都蓉禾餐饮管理有限公司"), "董事长")
    build(store, gz1, gz2, cd)
    people = entities(store, "person/")
    assert len(people) == 2
    assert all(p.startswith(iri("person/王伟/")) for p in people)


def test_an_official_who_changes_posts_in_one_district_is_one_person(store):
    a = Article("2019.txt", "2019-06-10")
    a.post(a.entity("Person", "杲云"), a.entity("PartyOrganization", "中共上海市黄浦区委员会组织部"), "部长")
    b = Article("2024.txt", "2024-12-26")
    b.post(b.entity("Person", "杲云"), b.entity("PartyOrganization", "中共上海市黄浦区委员会"), "书记")
    build(store, a, b)
    assert len(entities(store, "person/")) == 1


def test_generic_short_names_never_merge_across_articles_without_a_place(store):
    a = Article("a.txt", "2024-03-01", title="静安区召开会议")
    a.entity("PartyOrganization", "区委")
    b = Article("b.txt", "2024-03-02", title="天心区召开会议")
    b.entity("PartyOrganization", "区委")
    c = Article("c.txt", "2024-03-03", title="无关的标题")
    c.entity("PartyOrganization", "区委")
    d = Article("d.txt", "2024-03-04")
    d.entity("PartyOrganization", "中共上海市静安区委员会")
    build(store, a, b, c, d)
    orgs = entities(store, "org/")
    assert iri("org/中共上海市静安区委员会") in orgs  # 静安区's 区委 joined its full name
    assert iri("org/区委/@c.txt") in orgs  # no place: stays with its article
    assert len(orgs) == 3


def test_an_article_that_names_no_district_takes_the_one_its_street_is_known_to_be_in(store):
    known = Article("known.txt", "2024-03-01", title="虹口区北外滩街道召开会议")
    known.entity("GovernmentBody", "北外滩街道")
    known.entity("PartyOrganization", "中共上海市虹口区委员会")
    bare = Article("bare.txt", "2024-05-01", title="北外滩街道召开联席会议")
    bare.entity("GovernmentBody", "北外滩街道")
    bare.post(bare.entity("Person", "邬承泽"), bare.entity("PartyOrganization", "区委"), "书记")
    build(store, known, bare)
    assert iri("org/区委/@bare.txt") not in entities(store, "org/")
    assert entities(store, "person/") == {iri("person/邬承泽/中共上海市虹口区委员会")}


def test_traditional_forms_as_printed_become_alt_labels_tagged_zh_hant(store):
    a = Article("a.txt", "2024-03-01")
    a.entity("Person", "杭迎伟", printed={"杭迎偉"})
    build(store, a)
    pref, alts = labels(store, iri("person/杭迎伟"))
    assert pref == "杭迎伟" and ("杭迎偉", "zh-hant") in alts  # Oxigraph keeps language tags in lower case


def corpus():
    """Five articles with merges of every kind (orgs, short forms, persons, events)."""
    arts = list(full_and_short())
    c = Article("c.txt", "2024-12-26")
    ev = c.entity("Event", "环人民广场党建联席会议2024年年会", date="2024-12-26")
    c.fact("event_date", ev, "2024-12-26")
    for name in ("杲云", "孙德麟"):
        p = c.entity("Person", name)
        c.post(
            p, c.entity("PartyOrganization", "中共上海市黄浦区委员会"), "书记" if name == "杲云" else "副书记"
        )
        c.fact("attended", p, ev, date="2024-12-26")
    d = Article("d.txt", "2024-12-27")
    ev = d.entity("Event", "2024年环人民广场中央商务区党建联席会议年会", date="2024-12-26")
    d.fact("event_date", ev, "2024-12-26")
    for name in ("杲云", "孙德麟"):
        p = d.entity("Person", name)
        d.post(
            p,
            d.entity("PartyOrganization", "黄浦区委", city="上海市"),
            "书记" if name == "杲云" else "副书记",
        )
        d.fact("attended", p, ev, date="2024-12-26")
    e = Article("e.txt", "2023-01-05")
    e.post(e.entity("Person", "张申羽"), e.entity("Enterprise", "上海建工集团"), "董事长")
    return arts + [c, d, e]


def test_same_event_reported_twice_in_different_wording_is_one_event(store):
    build(store, *corpus())
    assert len(entities(store, "event/")) == 1
    assert len(entities(store, "person/杲云")) == 1
    assert len(entities(store, "org/中共上海市黄浦区委员会")) == 1


def test_any_build_order_and_incremental_builds_give_the_same_graph(tmp_path):
    arts = corpus()
    results = []
    for n, order in enumerate([arts, arts[::-1], [arts[2], arts[0], arts[4], arts[1], arts[3]]]):
        st = open_new(tmp_path / f"s{n}")
        build(st, *order)
        results.append(dump(st))
        st.close()
    st = open_new(tmp_path / "incremental")
    for a in arts[::-1]:  # one article per build, newest resolution each time
        build(st, a)
    build(st)  # and a pass with nothing new changes nothing
    results.append(dump(st))
    st.close()
    for a, b in itertools.pairwise(results):
        assert a == b


def test_a_pass_with_nothing_new_writes_nothing(store):
    first = build(store, *corpus())
    assert first.rewritten and set(first.written) == {V.ENTITY_GRAPH, DECISIONS_GRAPH}
    again = build(store)
    assert again.rewritten == 0 and again.written == []


def test_rebuilding_an_article_keeps_the_resolved_iris(store):
    arts = corpus()
    build(store, *arts)
    before = dump(store)
    build(store, arts[1])
    assert dump(store) == before


def test_retired_iris_minted_by_an_article_stay_resolvable_after_more_articles_arrive(store):
    a, b = full_and_short()
    build(store, b)
    early = entities(store, "org/")
    assert early == {iri("org/上海建工")}
    add(store, a)
    build(store)
    assert same_as(store)[iri("org/上海建工")] == iri(f"org/{BUILDING}")


def test_kg_facts_gives_a_merged_entity_one_type_and_all_its_names(store):
    arts = []
    for i, (type_, name) in enumerate(
        [("Enterprise", BUILDING), ("Enterprise", "上海建工集团"), ("GovernmentBody", "上海建工")]
    ):
        a = Article(f"t{i}.txt", f"2024-0{i + 1}-01")
        a.entity(type_, name)
        arts.append(a)
    build(store, *arts)
    rows = [
        r for r in fact_rows(store) if r["relation"] == "type" and r["subject_iri"] == iri(f"org/{BUILDING}")
    ]
    assert [r["object"] for r in rows] == ["Enterprise"]
    assert rows[0]["subject"] == BUILDING and set(rows[0]["subject_aliases"]) == {"上海建工", "上海建工集团"}
    assert rows[0]["sources"] == ["t0.txt", "t1.txt", "t2.txt"]


def firm_articles(*names_and_titles: tuple[str, str]) -> list[Article]:
    arts = []
    for i, (name, title) in enumerate(names_and_titles):
        a = Article(f"f{i}.txt", f"2024-0{i + 1}-01", title=title)
        a.entity("Enterprise", name)
        arts.append(a)
    return arts


def test_the_one_contraction_of_a_full_name_in_the_same_city_merges_and_stays_on_the_review_list(store):
    from kg.resolve.across import resolve
    from kg.resolve.listing import review_rows

    build(
        store,
        *firm_articles(("南京宁泽医疗器械有限公司", "南京市玄武区签约"), ("宁泽医疗", "南京市玄武区推进会")),
    )
    assert entities(store, "org/") == {iri("org/南京宁泽医疗器械有限公司")}
    rows = review_rows(resolve(store))
    assert [(r["status"], r["rule"]) for r in rows] == [
        ("merged", "宁泽医疗 is a short form of 宁泽医疗器械, the only one in the same city")
    ]


def test_a_contraction_that_fits_two_full_names_is_left_for_review(store):
    from kg.resolve.across import resolve
    from kg.resolve.listing import review_rows

    build(
        store,
        *firm_articles(
            ("南京宁泽医疗器械有限公司", "南京市玄武区签约"),
            ("南京宁泽医疗科技有限公司", "南京市玄武区座谈"),
            ("宁泽医疗", "南京市玄武区推进会"),
        ),
    )
    assert len(entities(store, "org/")) == 3
    rows = review_rows(resolve(store))
    assert {r["status"] for r in rows} == {"not merged"} and len(rows) == 2


def test_committees_of_one_name_are_one_only_within_one_joint_meeting(store):
    arts = []
    for i, meeting in enumerate(
        ["曹家渡街道区域化党建联席会议", "曹家渡街道区域化党建联席会议", "湖滨街道区域化党建联盟"]
    ):
        a = Article(f"c{i}.txt", f"2024-0{i + 1}-01")
        jm = a.entity("JointMeeting", meeting)
        a.fact("has_committee", jm, a.entity("Committee", "经济发展专委会"))
        arts.append(a)
    build(store, *arts)
    assert entities(store, "committee/") == {
        iri("committee/曹家渡街道区域化党建联席会议/经济发展专委会"),
        iri("committee/湖滨街道区域化党建联盟/经济发展专委会"),
    }


def test_two_entities_one_article_keeps_apart_stay_apart_whatever_their_aliases(store):
    a = Article("a.txt", "2024-12-26")
    a.entity("Enterprise", BUILDING, aliases={"上海建工", "建工"})
    a.entity("Enterprise", "上海建工房产有限公司", aliases={"上海建工房产", "建工房产"})
    b = Article("b.txt", "2025-01-10")
    b.entity("Enterprise", "上海建工")
    build(store, a, b)
    assert entities(store, "org/") == {iri(f"org/{BUILDING}"), iri("org/上海建工房产有限公司")}


def test_a_department_is_not_the_long_form_of_its_company(store):
    build(
        store,
        *firm_articles(
            ("山东鲁瀚能源集团有限公司党委工作部", "济南市历下区签约"), ("鲁瀚能源集团", "济南市历下区推进会")
        ),
    )
    assert len(entities(store, "org/")) == 2


def test_a_group_chairman_met_in_two_cities_is_one_person_and_the_group_stays_where_its_name_says(store):
    group = "陕西秦岳文旅集团有限公司"
    xian = Article("xian.txt", "2024-04-18", title="西安市碑林区南院门街道召开联席会议")
    xian.post(xian.entity("Person", "戴景初"), xian.entity("Enterprise", group), "董事长")
    chengdu = Article("chengdu.txt", "2024-06-13", title="成都市青羊区少城街道开展共建")
    body = chengdu.entity(
        "PartyOrganization", f"中共{group}委员会", province="四川省", city="成都市", district="青羊区"
    )
    chengdu.post(
        chengdu.entity("Person", "戴景初"), chengdu.entity("Enterprise", group, city="成都市"), "党委书记"
    )
    chengdu.post(chengdu.entity("Person", "戴景初"), body, "书记")
    build(store, xian, chengdu)
    assert len(entities(store, "person/")) == 1
    assert entities(store, "org/") == {iri(f"org/{group}"), iri(f"org/中共{group}委员会")}


def test_a_company_named_with_its_street_in_front_is_the_company(store):
    a = Article("a.txt", "2024-03-01")
    a.post(
        a.entity("Person", "褚牧之"),
        a.entity("PartyOrganization", "中共上海瀚川建设集团股份有限公司委员会"),
        "书记",
    )
    b = Article("b.txt", "2024-05-01", title="虹口区北外滩街道联席会议")
    b.post(b.entity("Person", "褚牧之"), b.entity("PartyOrganization", "北外滩街道瀚川建设党委"), "书记")
    build(store, a, b)
    assert entities(store, "org/") == {iri("org/中共上海瀚川建设集团股份有限公司委员会")}
    assert len(entities(store, "person/")) == 1
