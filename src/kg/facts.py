"""The flat facts table, read back from the store with SPARQL (never from the extractor's memory).

One row per fact in the vocabulary of the annotation guidelines (relation, subject, object, role,
date, sources, evidence), plus a `type` row per entity. The same fact stated by several articles
is one row whose `sources` lists them all.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources

from . import vocab as V
from .model import ENTITY_TYPES
from .store import Store


@cache
def sparql(name: str) -> str:
    """A query of src/kg/sparql, with the standard prefixes."""
    return V.sparql_prefixes() + resources.files("kg.sparql").joinpath(name).read_text(encoding="utf-8")


class Labels:
    """Entity IRI → preferred label, all labels, class, articles."""

    def __init__(self, store: Store):
        self.pref: dict[str, str] = {}
        self.all: dict[str, set[str]] = defaultdict(set)
        self.types: dict[str, set[str]] = defaultdict(set)
        self.files: dict[str, set[str]] = defaultdict(set)
        for r in store.select(sparql("entities.rq")):
            e = r["e"].value
            self.all[e].add(r["label"].value)
            t = r["type"].value.removeprefix(V.ONT)
            if t in ENTITY_TYPES:
                self.types[e].add(t)
            if "pref" in r:
                self.pref[e] = r["pref"].value
            if "file" in r:
                self.files[e].add(r["file"].value)

    def label(self, iri: str) -> str:
        if iri in self.pref:
            return self.pref[iri]
        labels = self.all.get(iri)
        return max(labels, key=len) if labels else iri.rsplit("/", 1)[-1]

    def aliases(self, iri: str) -> list[str]:
        return sorted(self.all.get(iri, set()) - {self.label(iri)})


def fact_rows(store: Store) -> list[dict]:
    labels = Labels(store)
    parties: dict[str, list[str]] = defaultdict(list)
    for r in store.select(sparql("parties.rq")):
        parties[r["ag"].value].append(r["party"].value)
    grouped: dict[tuple, dict] = {}
    for r in store.select(sparql("assertions.rq")):
        rel = V.relation_of(r["p"].value)
        if rel is None:
            continue
        s, o = r["s"].value, r["o"].value
        role = r["role"].value if "role" in r else None
        date = r["date"].value if "date" in r else None
        file = r["file"].value
        if rel == "witnessed":
            key = (rel, s, tuple(sorted(parties.get(o, []))), role, None)
        elif rel == "authored":
            key = (rel, s, file, role, None)
        else:
            key = (rel, s, o, role, date if rel != "event_date" else None)
        row = grouped.get(key)
        if row is None:
            row = grouped[key] = _row(rel, s, o, role, date, file, labels, parties)
            row["evidence"] = r["text"].value if "text" in r else ""
            row["confidence"] = float(r["conf"].value) if "conf" in r else None
            row["rule"] = r["rule"].value if "rule" in r else ""
            if "start" in r:
                row["offsets"] = [int(r["start"].value), int(r["end"].value)]
        if file not in row["sources"]:
            row["sources"].append(file)
    rows = sorted(
        grouped.values(),
        key=lambda d: (d["relation"], d["subject"], str(d.get("object")), d.get("role") or ""),
    )
    for row in rows:
        row["sources"].sort()
    return rows + type_rows(labels)


def _row(rel, s, o, role, date, file, labels: Labels, parties) -> dict:
    row: dict = {"relation": rel, "subject": labels.label(s)}
    if rel == "event_date":
        row["object"] = o
    elif rel == "authored":
        row["object"] = file
    elif rel == "witnessed":
        members = sorted(parties.get(o, []))
        row["object"] = "|".join(labels.label(p) for p in members)
        row["parties"] = [labels.label(p) for p in members]
        row["parties_aliases"] = [labels.aliases(p) for p in members]
    else:
        row["object"] = labels.label(o)
        row["object_aliases"] = labels.aliases(o)
        row["object_iri"] = o
    if role:
        row["role"] = role
    if date:
        row["date"] = date
    row["subject_aliases"] = labels.aliases(s)
    row["subject_iri"] = s
    row["sources"] = []
    return row


def type_rows(labels: Labels) -> list[dict]:
    out = []
    for iri in sorted(labels.types):
        for t in sorted(labels.types[iri]):
            out.append(
                {
                    "relation": "type",
                    "subject": labels.label(iri),
                    "object": t,
                    "subject_aliases": labels.aliases(iri),
                    "subject_iri": iri,
                    "sources": sorted(labels.files.get(iri, ())),
                }
            )
    return out


CSV_COLUMNS = [
    "relation",
    "subject",
    "object",
    "role",
    "date",
    "sources",
    "evidence",
    "confidence",
    "rule",
    "subject_iri",
    "object_iri",
]


def write_jsonl(rows: Iterable[dict], out: io.TextIOBase) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict], out: io.TextIOBase) -> None:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for row in rows:
        flat = dict(row)
        flat["sources"] = ";".join(row.get("sources", []))
        w.writerow(flat)
