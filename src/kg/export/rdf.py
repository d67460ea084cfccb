"""The RDF dataset as it is in the store: N-Quads, TriG and JSON-LD keep the named graphs (one
per article, metadata, entities); Turtle has no graphs, so it gets their union."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .. import vocab as V
from ..store import Store
from .files import replacing

RDF_FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export_rdf(store: Store, fmt: str, path: Path) -> int:
    """Write the whole dataset; returns the number of statements."""
    quads = list(store.quads())
    if fmt == "ttl":
        statements = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    else:
        statements = quads
    prefixes = _prefixes() if fmt in ("ttl", "trig") else None
    with replacing(path) as tmp, tmp.open("wb") as fh:
        ox.serialize(statements, fh, RDF_FORMATS[fmt], prefixes=prefixes)
    return len(statements)


def _prefixes() -> dict[str, str]:
    return {**V.PREFIXES, "id": V.BASE + "id/"}
