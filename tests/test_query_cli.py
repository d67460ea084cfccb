"""`kg query` as a user runs it: the catalogue, parameters as RDF terms, tables and machine formats."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rich.cells import cell_len

from kg.query import QueryError, bind, catalogue, parse, run
from kg.store import open_store

from .conftest import DEV, read_jsonl, run_kg
from .remote_checks import build_catalogue_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "store"
    build_catalogue_store(path)
    return path


def test_list_shows_every_query_with_its_parameters():
    out = run_kg("query", "--list").stdout
    for name in ("person_posts", "events_in_range", "joint_meeting_brokers"):
        assert name in out
    assert "start (xsd:date = 1949-10-01)" in out


def test_table_aligns_chinese_text(store):
    out = run_kg("query", "joint_meeting_members", "-p", "meeting=环江联席会议", "--store", store).stdout
    lines = [ln for ln in out.splitlines() if "│" in ln or "┃" in ln]
    assert len(lines) == 5  # header + 4 members
    # every separator sits in the same display column, although names are 4 to 17 wide characters
    columns = {tuple(cell_len(ln[:i]) for i, ch in enumerate(ln) if ch in "│┃") for ln in lines}
    assert len(columns) == 1
    assert "溪岚建工集团有限公司" in out and "4 row(s)" in out


def test_json_is_sparql_results_json(store):
    out = run_kg("query", "person_posts", "-p", "person=李明", "--format", "json", "--store", store).stdout
    doc = json.loads(out)
    assert doc["head"]["vars"][:3] == ["personName", "organisationName", "role"]
    first = doc["results"]["bindings"][0]
    assert first["role"] == {"type": "literal", "value": "书记", "xml:lang": "zh"}
    assert first["articles"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert first["person"]["type"] == "uri"


def test_csv_and_tsv(store):
    out = run_kg(
        "query", "person_co_attendance", "-p", "person=李明", "--format", "csv", "--store", store
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["otherName"], r["sharedEvents"]) for r in rows] == [
        ("王芳", "2"),
        ("张强", "1"),
        ("赵六", "1"),
    ]
    tsv = run_kg(
        "query", "person_co_attendance", "-p", "person=李明", "--format", "tsv", "--store", store
    ).stdout
    header, first = tsv.splitlines()[:2]
    assert header.split("\t")[0] == "?otherName"
    assert first.split("\t")[:2] == ['"王芳"@zh', '"2"^^<http://www.w3.org/2001/XMLSchema#integer>']


def test_sparql_text_ask_and_construct(store, tmp_path):
    ask = run_kg(
        "query", "--sparql", "ASK { ?s a <https://w3id.org/pbkg/ont#JointMeeting> }", "--store", store
    )
    assert ask.stdout.strip() == "true"
    construct = run_kg(
        "query",
        "--sparql",
        "CONSTRUCT { ?m <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { GRAPH ?g { ?m a <https://w3id.org/pbkg/ont#JointMeeting> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } }",
        "--format",
        "nt",
        "--store",
        store,
    ).stdout
    triples = list(ox.parse(construct.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert {t.object.value for t in triples} == {"环江街道区域化党建联席会议", "滨河商圈党建联盟"}


def test_a_query_file_with_its_own_parameters(store, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "#+ summary: members by name\n"
        "PREFIX pbkg: <https://w3id.org/pbkg/ont#>\n"
        "SELECT ?m WHERE { GRAPH ?g { ?m pbkg:memberOf ?j } GRAPH ?h { ?j <http://www.w3.org/2000/01/rdf-schema#label> ?_name_zh } }",
        encoding="utf-8",
    )
    out = run_kg("query", rq, "-p", "name=滨河商圈党建联盟", "--format", "csv", "--store", store).stdout
    assert sorted(out.split()[1:]) == [
        "https://w3id.org/pbkg/id/org/溪岚建工集团有限公司",
        "https://w3id.org/pbkg/id/org/滨河购物中心",
    ]


def test_values_never_change_the_query(store):
    evil = '李明"@zh } } ; DROP ALL ; #'
    text = run_kg("query", "person_posts", "-p", f"person={evil}", "--show").stdout
    assert 'VALUES ?_person_zh { "李明\\"@zh } } ; DROP ALL ; #"@zh }' in text
    out = run_kg("query", "person_posts", "-p", f"person={evil}", "--format", "csv", "--store", store).stdout
    assert out.splitlines()[1:] == []
    assert run_kg("query", "articles", "--format", "csv", "--store", store).stdout.count(".txt,") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["person_posts"], "person_posts: missing --param person=… (person (name (@zh)))"),
        (["person_posts", "-p", "who=x"], "person_posts: unknown parameter who (it takes person)"),
        (["events_in_range", "-p", "start=2024-13-01"], "parameter start: '2024-13-01' is not an xsd:date"),
        (
            ["low_confidence_facts", "-p", "threshold=high"],
            "parameter threshold: 'high' is not an xsd:decimal",
        ),
        (
            ["entities_in_district", "-p", "district=x", "-p", "type=not an iri"],
            "parameter type: 'not an iri' is not an IRI",
        ),
        (["no_such_query"], "no query named 'no_such_query'"),
        (["person_posts", "-p", "person"], "--param 'person': write it as name=value"),
        (["--sparql", "SELECT nonsense"], "invalid SPARQL query"),
    ],
)
def test_mistakes_are_one_line(store, args, message):
    proc = run_kg("query", *args, "--store", store, check=False)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr


def test_binding_goes_into_the_where_group_not_comments_strings_or_templates():
    q = parse(
        '#+ summary: x\n# WHERE { in a comment\nCONSTRUCT { ?s <urn:p> "WHERE {" } WHERE { ?s <urn:q#x> ?_o_iri }'
    )
    text = bind(q.text, {"_o_iri": ox.NamedNode("urn:o")}, [])
    assert text.endswith("WHERE { VALUES ?_o_iri { <urn:o> }\n ?s <urn:q#x> ?_o_iri }")
    with pytest.raises(QueryError, match="no WHERE group"):
        bind("DESCRIBE <urn:x>", {"_x": ox.Literal("1")}, [])


def test_grlc_parameter_types():
    q = parse(
        "SELECT * WHERE { ?s ?p ?_a . ?s ?p ?__b_iri . ?s ?p ?_c_xsd_gYear . ?s ?p ?_d_en . ?s ?p ?_e_integer }"
    )
    kinds = {p.name: (p.required, p.kind) for p in q.params}
    assert kinds == {
        "a": (True, "string"),
        "b": (False, "iri"),
        "c": (True, "datatype"),
        "d": (True, "lang"),
        "e": (True, "datatype"),
    }
    bound, unbound = q.bindings({"a": "x", "c": "2024", "d": "hi", "e": "7"})
    assert unbound == ["__b_iri"]
    assert str(bound["_c_xsd_gYear"]) == '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    assert str(bound["_d_en"]) == '"hi"@en'


def test_every_catalogue_query_runs_on_real_articles(dev_store, dev_facts):
    """Smoke test over the dev corpus: each query runs, and the catalogue agrees with kg facts."""
    facts = read_jsonl(dev_facts.read_text(encoding="utf-8"))
    post = next(r for r in facts if r["relation"] == "holds_post")
    iris = {"person": post["subject_iri"], "org": post["object_iri"]}
    values = {
        "role": post["role"],
        "date": "2025-06-30",
        "person": post["subject"],
        "subject": post["subject"],
        "organisation": post["object"],
        "meeting": post["object"],
        "district": post["object"],
        "file": post["sources"][0],
    }
    with open_store(dev_store, read_only=True) as st:
        for q in catalogue().values():
            needed = [p for p in q.params if p.required and p.default is None]
            given = {p.name: (iris if p.kind == "iri" else values)[p.name] for p in needed}
            run(st, q, given)
    out = run_kg(
        "query", "person_posts", "-p", f"person={post['subject']}", "--format", "json", "--store", dev_store
    )
    rows = json.loads(out.stdout)["results"]["bindings"]
    assert (post["object"], post["role"]) in {
        (r["organisationName"]["value"], r["role"]["value"]) for r in rows
    }
    articles = json.loads(run_kg("query", "articles", "--format", "json", "--store", dev_store).stdout)
    built = [p for p in DEV.iterdir() if p.suffix in {".txt", ".html"}]
    assert len(articles["results"]["bindings"]) == len(built)
