"""Checks shared by the tests against real SPARQL servers (Oxigraph server, Virtuoso)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.query import catalogue, run
from kg.reason import materialise
from kg.store import Store, open_store

CATALOGUE_DATA = Path(__file__).parent / "data" / "catalogue.trig"
# one value for every required parameter of the catalogue, on the catalogue corpus
EXAMPLE_PARAMS = {
    "person": "李明",
    "organisation": "溪岚建工",
    "meeting": "环江联席会议",
    "subject": "李明",
    "file": "a02_gongjian_qianyue.txt",
    "district": "溪岚区",
}
# queries whose parameters of the same name are IRIs or need other values
EXAMPLE_OVERRIDES = {
    "career": {"person": "https://w3id.org/pbkg/id/person/李明"},
    "post_holders_on_date": {
        "org": "https://w3id.org/pbkg/id/org/溪岚市溪岚区环江街道办事处",
        "role": "主任",
        "date": "2025-07-01",
    },
}


def build_catalogue_store(path: Path) -> None:
    """An embedded store at `path` holding the catalogue corpus and what the ontology infers from it."""
    with open_store(path) as st:
        st._s.bulk_load(path=str(CATALOGUE_DATA), format=ox.RdfFormat.TRIG)
        materialise(st)


def example_params(q) -> dict[str, str]:
    """Values for the required parameters of a catalogue query, on the catalogue corpus."""
    values = {**EXAMPLE_PARAMS, **EXAMPLE_OVERRIDES.get(q.name, {})}
    return {p.name: values[p.name] for p in q.params if p.required and p.default is None}


def load_catalogue(store: Store) -> None:
    """The catalogue corpus into any store, graph by graph, then reasoning."""
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in ox.parse(path=str(CATALOGUE_DATA), format=ox.RdfFormat.TRIG):
        by_graph[q.graph_name.value].append(q)
    for g, quads in by_graph.items():
        store.replace_graph(g, quads)
    materialise(store)


def answers(store: Store) -> dict[str, list[tuple]]:
    """Every catalogue query's rows, normalised: servers may order GROUP_CONCAT parts differently,
    and give an empty GROUP_CONCAT as "" or leave it unbound; node IRIs minted per article vary."""

    def value(term) -> tuple:
        return tuple(sorted(re.split(r", | \| ", term.value)))

    out = {}
    for name, q in catalogue().items():
        rows = run(store, q, example_params(q)).rows
        out[name] = sorted(
            tuple(
                sorted(
                    (k, value(v))
                    for k, v in r.items()
                    if v.value != "" and k not in {"assertion", "agreement"}
                )
            )
            for r in rows
        )
    return out
