"""The gold files we write (demo corpus, held-out sets) are well-formed, and the demo corpus builds.

A malformed gold file scores nonsense without failing anywhere, so the vocabulary is checked against
../shared/eval/GUIDELINES.md itself: entity types and relation names are parsed from its tables.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg import vocab
from kg.ingest import ARTICLE_SUFFIXES
from kg.store import open_store

from .conftest import EXAMPLES, ROOT, SHARED, run_kg

GUIDELINES = SHARED / "eval" / "GUIDELINES.md"
HELDOUT = ROOT / "tests" / "heldout"
HELDOUT2 = ROOT / "tests" / "heldout2"  # the second, sealed held-out set
HELDOUT3 = ROOT / "tests" / "heldout3"  # the third, sealed held-out set
HELDOUT4 = ROOT / "tests" / "heldout4"  # the fourth: joining, launching, presenting, pairing
# gold folder -> the folder its articles live in
GOLD_DIRS = {
    ROOT / "examples" / "gold": EXAMPLES,
    HELDOUT / "gold": HELDOUT,
    HELDOUT2 / "gold": HELDOUT2,
    HELDOUT3 / "gold": HELDOUT3,
    HELDOUT4 / "gold": HELDOUT4,
}
GOLD_FILES = sorted(f for d in GOLD_DIRS for f in d.glob("*.json"))
ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
QUOTE_MARKS = '“”‘’"《》「」『』'


def articles_in(folder: Path) -> list[str]:
    """Article file names as `kg build` finds them in a folder (README files are not articles)."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.lower().startswith("readme")
    )


def guideline_section(title: str) -> str:
    text = GUIDELINES.read_text(encoding="utf-8")
    assert f"## {title}\n" in text, f"{GUIDELINES} has no section '{title}'"
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def first_column(title: str) -> set[str]:
    """The first cells of the table in a GUIDELINES section, without the header row."""
    rows = [line.strip().strip("|").split("|") for line in guideline_section(title).splitlines()]
    cells = [r[0].strip() for r in rows if len(r) > 1]
    return {c for c in cells[1:] if c and not set(c) <= set("-: ")}


def generic_short_forms() -> set[str]:
    """'A generic short form that names no particular body on its own (区委, 街道党工委, …)'."""
    m = re.search(r"names no particular body on its own\s*\(([^)]*)\)", guideline_section("Names"), re.S)
    assert m, "GUIDELINES no longer lists the generic short forms"
    return {s.strip() for s in m.group(1).split(",") if s.strip()}


@pytest.fixture(scope="module")
def vocabulary(shared) -> dict:
    types = first_column("Entity types")
    relations = first_column("Relations") - {"type"}  # types live in `entities`, not in facts
    assert {"Person", "Event", "JointMeeting"} <= types and {"holds_post", "authored"} <= relations
    return {"types": types, "relations": relations, "generic": generic_short_forms()}


def entity_problems(doc: dict, vocab_: dict) -> tuple[list[str], dict[str, str]]:
    """Problems with the entity table, and the name-or-alias -> entity map."""
    out, names = [], {}
    for name, ent in doc["entities"].items():
        if ent.get("type") not in vocab_["types"]:
            out.append(f"entity {name}: type {ent.get('type')!r} is not a GUIDELINES type")
        if ent.get("type") == "Event" and not ISO_DATE.fullmatch(str(ent.get("date", ""))):
            out.append(f"event {name}: needs an ISO date, has {ent.get('date')!r}")
        for label in [name, *ent.get("aliases", [])]:
            if not isinstance(label, str) or not label.strip():
                out.append(f"entity {name}: empty or non-string label {label!r}")
                continue
            if names.get(label, name) != name:
                out.append(f"label {label} names both {names[label]} and {name}")
            names[label] = name
            if label in vocab_["generic"]:
                out.append(f"entity {name}: generic short form {label} used as a name")
        if any(q in name for q in QUOTE_MARKS):
            out.append(f"entity {name}: quotation marks belong stripped from names")
    return out, names


def fact_problems(fact: dict, doc: dict, names: dict[str, str], vocab_: dict) -> list[str]:
    rel, where = fact.get("relation"), json.dumps(fact, ensure_ascii=False)[:120]
    if rel not in vocab_["relations"]:
        return [f"relation {rel!r} is not a GUIDELINES relation: {where}"]
    out = []
    ent_type = {label: doc["entities"][n]["type"] for label, n in names.items()}
    for v in [fact, *[{**fact, **alt} for alt in fact.get("alt", [])]]:
        subj, obj = v.get("subject"), v.get("object")
        if subj not in names:
            out.append(f"undeclared subject {subj!r}: {where}")
        if rel == "authored":
            ok = obj == doc["article"]
        elif rel == "event_date":
            ok = ISO_DATE.fullmatch(str(obj)) is not None
        elif rel == "witnessed":
            parties = v.get("parties") or str(obj).split("|")
            ok = len(parties) >= 2 and all(p in names for p in parties)
        else:
            ok = obj in names
        if not ok:
            out.append(f"bad object {obj!r} for {rel}: {where}")
        if rel in ("holds_post", "authored") and not v.get("role"):
            out.append(f"{rel} without a role: {where}")
        if "date" in v and not ISO_DATE.fullmatch(str(v["date"])):
            out.append(f"date {v['date']!r} is not ISO: {where}")
        if rel == "holds_post" and ent_type.get(subj) != "Person":
            out.append(f"holds_post subject is not a Person: {where}")
        if rel in ("event_date", "event_place", "event_of") and ent_type.get(subj) != "Event":
            out.append(f"{rel} subject is not an Event: {where}")
        if rel == "attended" and ent_type.get(obj) != "Event":
            out.append(f"attended object is not an Event: {where}")
    return out


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_gold_file_is_well_formed(path: Path, vocabulary):
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        pytest.fail(f"{path}: not JSON: {e}")
    assert isinstance(doc.get("entities"), dict) and isinstance(doc.get("facts"), list) and doc["facts"]
    article = GOLD_DIRS[path.parent] / str(doc.get("article"))
    problems = [] if article.is_file() else [f"article {doc.get('article')!r} is not in {article.parent}"]
    more, names = entity_problems(doc, vocabulary)
    problems += more
    for fact in doc["facts"] + doc.get("optional", []):
        problems += fact_problems(fact, doc, names, vocabulary)
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("gold_dir", list(GOLD_DIRS), ids=lambda d: d.parent.name)
def test_every_article_has_exactly_one_gold_file(gold_dir: Path):
    articles = articles_in(GOLD_DIRS[gold_dir])
    annotated = sorted(json.loads(f.read_text(encoding="utf-8"))["article"] for f in gold_dir.glob("*.json"))
    assert annotated == articles


def test_the_demo_corpus_builds_every_article(tmp_path):
    store = tmp_path / "store"
    proc = run_kg("build", EXAMPLES, "--store", store)
    assert "skipped" not in proc.stderr, proc.stderr
    with open_store(store, read_only=True) as st:
        rows = st.select(
            vocab.sparql_prefixes()
            + "SELECT ?file WHERE { GRAPH <%s> { ?a a pbkg:Article ; pbkg:fileName ?file } }"
            % vocab.META_GRAPH
        )
    built = sorted(r["file"].value for r in rows)
    expected = articles_in(EXAMPLES)
    assert built == expected
    assert f"Built {len(expected)} article(s)" in proc.stdout


def test_the_heldout_script_builds_every_article_and_scores_against_all_gold():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "score_heldout.py"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0 and "skipped" not in proc.stderr, proc.stderr
    result = json.loads(proc.stdout)
    gold_entities = sum(
        len(json.loads(f.read_text(encoding="utf-8"))["entities"]) for f in HELDOUT.glob("gold/*.json")
    )
    assert result["typing"]["total"] == gold_entities
