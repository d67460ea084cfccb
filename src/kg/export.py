"""Exports: the RDF dataset (N-Quads, TriG, Turtle) and the network for Gephi (GEXF)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .network import network
from .store import Store

RDF_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE}


def export_rdf(store: Store, fmt: str, path: Path) -> int:
    """Write the whole dataset; Turtle has no graphs, so it gets the union of all graphs."""
    quads = list(store.quads())
    with path.open("wb") as fh:
        if fmt == "ttl":
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
            ox.serialize(sorted(triples, key=str), fh, RDF_FORMATS[fmt])
            return len(triples)
        ox.serialize(quads, fh, RDF_FORMATS[fmt])
    return len(quads)


def export_gexf(store: Store, path: Path) -> tuple[int, int]:
    g = network(store)
    flat = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        flat.add_node(n, label=d["label"], type=d["type"])
    for s, o, k, d in g.edges(keys=True, data=True):
        flat.add_edge(s, o, key=k, label=d["label"], relation=d["relation"], date=d["date"])
    nx.write_gexf(flat, path, encoding="utf-8")
    return flat.number_of_nodes(), flat.number_of_edges()
