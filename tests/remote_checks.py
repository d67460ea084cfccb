"""Checks shared by the tests against real SPARQL servers (Oxigraph server, Virtuoso)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.query import catalogue, run
from kg.reason import materialise
from kg.store import Store

CATALOGUE_DATA = Path(__file__).parent / "data" / "catalogue.trig"
# one value for every required parameter of the catalogue, on the catalogue corpus
EXAMPLE_PARAMS = {
    "person": "李明",
    "organisation": "江城建工",
    "meeting": "环江联席会议",
    "subject": "李明",
    "file": "a02_gongjian_qianyue.txt",
    "district": "江城区",
}


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
        params = {p.name: EXAMPLE_PARAMS[p.name] for p in q.params if p.required and p.default is None}
        rows = run(store, q, params).rows
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
