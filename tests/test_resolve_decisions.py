"""Review decisions: applied by every build, stored with who and when, and bad files refused clearly."""

from __future__ import annotations

import pytest

from kg import vocab as V
from kg.facts import fact_rows
from kg.resolve.decisions import DECISIONS_GRAPH, DecisionsError, load

from .conftest import ROOT, run_kg
from .resolving import Article, build, dump, entities, iri, open_new

HAIKOU = "中共海口市委市直属机关工作委员会"


def articles() -> list[Article]:
    a = Article("a.txt", "2025-08-14")
    p = a.entity("Person", "简若溪")
    a.post(p, a.entity("PartyOrganization", HAIKOU), "书记")
    b = Article("b.txt", "2025-09-01")
    q = b.entity("Person", "简若溪")
    b.post(q, b.entity("PartyOrganization", "海口市直机关工委"), "书记")
    return [a, b]


def write(tmp_path, text: str):
    path = tmp_path / "decisions.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_same_merges_what_the_rules_keep_apart_and_is_stored_with_who_and_when(tmp_path):
    st = open_new(tmp_path / "store")
    build(st, *articles())
    assert len(entities(st, "org/")) == 2
    decisions = write(
        tmp_path,
        f"decisions:\n  - same: [org/{HAIKOU}, org/海口市直机关工委]\n    by: 林研究员\n    date: 2025-10-01\n    note: 同一机关工委\n",
    )
    build(st, decisions=decisions)
    assert entities(st, "org/") == {iri(f"org/{HAIKOU}")}
    assert len(entities(st, "person/")) == 1  # the same name in the same organisation now
    rows = st.select(
        V.sparql_prefixes()
        + f"""SELECT ?d ?who ?when ?rule WHERE {{
            GRAPH <{DECISIONS_GRAPH}> {{ ?d a pbkg:ReviewDecision ; pbkg:verdict "same" ;
              prov:wasAssociatedWith/rdfs:label ?who ; prov:endedAtTime ?when }}
            GRAPH <{V.ENTITY_GRAPH}> {{ ?m pbkg:decidedBy ?d ; pbkg:rule ?rule }} }}"""
    )
    assert [(r["who"].value, r["when"].value[:10], r["rule"].value) for r in rows] == [
        ("林研究员", "2025-10-01", "review decision: same")
    ]
    st.close()


def test_different_keeps_apart_what_the_rules_merge(tmp_path):
    a = Article("a.txt", "2019-06-10")
    a.post(a.entity("Person", "杲云"), a.entity("PartyOrganization", "中共上海市黄浦区委员会组织部"), "部长")
    b = Article("b.txt", "2024-12-26")
    b.post(b.entity("Person", "杲云"), b.entity("PartyOrganization", "中共上海市黄浦区委员会"), "书记")
    st = open_new(tmp_path / "store")
    build(st, a, b)
    merged = entities(st, "person/")
    assert len(merged) == 1
    decisions = write(
        tmp_path,
        "decisions:\n  - different: [person/杲云/中共上海市黄浦区委员会组织部, person/杲云/中共上海市黄浦区委员会]\n    by: 林研究员\n    date: 2025-10-02\n",
    )
    build(st, decisions=decisions)
    assert len(entities(st, "person/")) == 2
    build(st)  # the decision withdrawn: the rules merge them again
    assert entities(st, "person/") == merged
    st.close()


def test_a_wrong_fact_is_rejected_and_kg_facts_leaves_it_out(tmp_path):
    st = open_new(tmp_path / "store")
    build(st, *articles())
    before = [r for r in fact_rows(st) if r["relation"] == "holds_post"]
    decisions = write(
        tmp_path,
        f"decisions:\n  - wrong:\n      subject: person/简若溪/{HAIKOU}\n      relation: holds_post\n      object: org/{HAIKOU}\n      role: 书记\n    by: 林研究员\n    date: 2025-10-03\n",
    )
    build(st, decisions=decisions)
    after = [r for r in fact_rows(st) if r["relation"] == "holds_post"]
    assert len(before) == 2 and len(after) == 1 and after[0]["sources"] == ["b.txt"]
    assert st.ask(V.sparql_prefixes() + f"ASK {{ GRAPH <{DECISIONS_GRAPH}> {{ ?d pbkg:rejects ?a }} }}")
    st.close()


@pytest.mark.parametrize(
    "text, message",
    [
        ("decisions:\n  - same: [org/甲]\n    by: 林\n", "decision 1: `same` needs a list of two entities"),
        ("decisions:\n  - same: [org/甲, org/乙]\n", "decision 1: `by` (who decided) is missing"),
        (
            "decisions:\n  - merge: [org/甲, org/乙]\n    by: 林\n",
            "decision 1: needs exactly one of same, different, wrong",
        ),
        ("decisions: [\n", "not valid YAML"),
        (
            "decisions:\n  - wrong: {subject: person/甲, relation: likes, object: org/乙}\n    by: 林\n",
            "unknown relation 'likes'",
        ),
        ("decisions:\n  - same: [org/甲, org/乙]\n    by: 林\n    date: yesterday\n", "`date` is not a date"),
    ],
)
def test_a_bad_decisions_file_is_named_with_its_problem(tmp_path, text, message):
    with pytest.raises(
        DecisionsError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ) as e:
        write(tmp_path, text)
    assert str(tmp_path / "decisions.yaml") in str(e.value)


def test_kg_build_refuses_a_bad_decisions_file_in_one_line_and_changes_nothing(tmp_path):
    store = tmp_path / "store"
    article = ROOT.parent / "shared" / "corpus" / "dev" / "101_caojiadu_lianxihuiyi.txt"
    run_kg("build", article, "--store", store, "-q")
    with open_new(store) as st:
        before = dump(st)
    bad = tmp_path / "bad.yaml"
    bad.write_text("decisions:\n  - same: [org/甲]\n    by: 林\n", encoding="utf-8")
    proc = run_kg("build", article, "--store", store, "-q", "--decisions", bad, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"kg: error: {bad}: decision 1: `same` needs a list of two entities"
    ]
    with open_new(store) as st:
        assert dump(st) == before


def test_the_shipped_decisions_file_is_a_valid_documented_example():
    path = ROOT / "graphs" / "decisions.yaml"
    text = path.read_text(encoding="utf-8")
    assert "same:" in text and "different:" in text and "wrong:" in text  # documented in comments
    assert load(path) == []
