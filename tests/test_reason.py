"""Reasoning: explicit rules from the ontology's axioms, materialised in graph/inferred, apart from the facts."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg import vocab as V
from kg.facts import fact_rows
from kg.reason import INFERRED_GRAPH, infer, materialise, rules
from kg.store import open_store

from .conftest import DEV, run_kg

DATA = Path(__file__).parent / "data" / "catalogue.trig"
ONT = V.ONT
ID = V.BASE + "id/"


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "store")
    st._s.bulk_load(path=str(DATA), format=ox.RdfFormat.TRIG)
    yield st
    st.close()


def inferred(st) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, q.object.value) for q in st.quads(INFERRED_GRAPH)}


def test_rules_come_from_the_ontology_axioms():
    r = rules()
    assert ONT + "coBuildsWith" in r.symmetric
    assert ONT + "locatedIn" in r.transitive
    assert ONT + "memberOf" in r.superproperties[ONT + "rotatingChairOf"]
    assert V.ORG + "memberOf" in r.superproperties[ONT + "rotatingChairOf"]  # through pbkg:memberOf
    assert ONT + "hasMember" in r.inverses[ONT + "memberOf"]
    assert {ONT + "Organization", V.ORG + "Organization"} <= r.superclasses[ONT + "Enterprise"]


def test_materialise_writes_what_the_ontology_implies_in_its_own_graph(store):
    report = materialise(store)
    got = inferred(store)
    assert report.inferred == len(got) > 0
    jg, yy, zx = ID + "org/溪岚建工集团有限公司", ID + "org/环江医院", ID + "org/溪岚第一中学"
    hj = ID + "org/环江街道区域化党建联席会议"
    assert (yy, ONT + "coBuildsWith", jg) in got  # symmetric
    assert (jg, ONT + "memberOf", hj) in got  # a rotating chair is a member
    assert (hj, ONT + "hasMember", jg) in got  # and the inverse of that
    assert (jg, V.RDF + "type", ONT + "Organization") in got  # subclass typing
    bank, city = ID + "org/溪岚银行环江支行", ID + "place/溪岚市"
    assert (bank, ONT + "locatedIn", city) in got  # transitive: bank → 街道 → 区 → 市
    assert (zx, ONT + "coBuildsWith", jg) not in got  # co-building is not transitive


def test_nothing_inferred_is_also_asserted(store):
    materialise(store)
    asserted = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store.quads()
        if q.graph_name.value != INFERRED_GRAPH
    }
    assert not inferred(store) & asserted


def test_reasoning_again_replaces_the_graph_and_forgets_what_no_longer_follows(store):
    first = materialise(store).inferred
    assert materialise(store).inferred == first
    store.update(f"DROP GRAPH <{V.BASE}graph/article/a01_huanjiang_lianxihuiyi.txt>")
    materialise(store)
    hj = ID + "org/环江街道区域化党建联席会议"
    assert (ID + "org/溪岚建工集团有限公司", ONT + "memberOf", hj) not in inferred(store)


def test_facts_read_asserted_statements_only(store):
    before = fact_rows(store)
    materialise(store)
    assert fact_rows(store) == before


def test_every_inference_is_sound_under_owl_rl(store):
    """A general OWL-RL engine (owlrl) over the same data and ontology derives all that we do."""
    import owlrl

    g = rdflib.Graph()
    for q in store.quads():
        g.add((rdflib.URIRef(q.subject.value), rdflib.URIRef(q.predicate.value), _rdflib(q.object)))
    g.parse(V.ontology_path(), format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    closure = {(str(s), str(p), str(o)) for s, p, o in g if isinstance(o, rdflib.URIRef)}
    ours, _ = infer(store)
    assert ours <= closure
    # and we are complete for the property rules we implement: whatever owlrl derives with a
    # property some rule produces, between the data's own resources, we derive too
    produced = {p for _, p, _ in ours if p != V.RDF + "type"}
    data_nodes = {s for s, _, _ in ours} | {o for _, _, o in ours}
    theirs = {
        t for t in closure if t[1] in produced and t[0] in data_nodes and t[2] in data_nodes and t[0] != t[2]
    }
    asserted = {(q.subject.value, q.predicate.value, q.object.value) for q in store.quads()}
    assert theirs - asserted <= ours


def _rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def test_the_build_reasons_and_validates_and_says_so(tmp_path):
    out = run_kg("build", DEV / "101_caojiadu_lianxihuiyi.txt", "--store", tmp_path / "st").stdout
    assert "reasoning:" in out and "statement(s) inferred" in out
    assert "validation: " in out
    with open_store(tmp_path / "st", read_only=True) as st:
        assert INFERRED_GRAPH in st.graphs()


def test_the_shacl_check_can_be_skipped_for_huge_batches(tmp_path):
    out = run_kg(
        "build", DEV / "101_caojiadu_lianxihuiyi.txt", "--store", tmp_path / "st", "--no-validate"
    ).stdout
    assert "reasoning:" in out and "validation:" not in out
