"""The default store: an on-disk Oxigraph database (pyoxigraph) in a folder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from .base import QueryResult, Row, Store, StoreError


class EmbeddedStore(Store):
    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True):
        self.location = str(path)
        self.read_only = read_only
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: is a file, not a store folder")
        if not p.exists() and (read_only or not create):
            raise StoreError(f"{p}: no store here (build one first with `kg build … --store {p}`)")
        try:
            self._s = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                msg = "the store is in use by another process (is `kg serve` running on it?)"
            raise StoreError(f"{p}: cannot open the store: {msg}") from None

    def update(self, sparql: str) -> None:
        try:
            self._s.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"invalid SPARQL update: {e}") from None

    def _query(self, sparql: str, bindings, *, union: bool = False):
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self._s.query(sparql, substitutions=subs or None, use_default_graph_as_union=union)
        except SyntaxError as e:
            raise StoreError(f"invalid SPARQL query: {e}") from None

    def query(self, sparql: str) -> QueryResult:
        res = self._query(sparql, None, union=True)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            return QueryResult("graph", triples=list(res))
        names = [v.value for v in res.variables]
        rows = [{n: sol[n] for n in names if sol[n] is not None} for sol in res]
        return QueryResult("select", variables=names, rows=rows)

    def select(self, sparql: str, bindings: Mapping | None = None) -> list[Row]:
        res = self._query(sparql, bindings)
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        names = [v.value for v in res.variables]
        out = []
        for sol in res:
            row = {}
            for n in names:
                t = sol[n]
                if t is not None:
                    row[n] = t
            out.append(row)
        return out

    def ask(self, sparql: str, bindings: Mapping | None = None) -> bool:
        res = self._query(sparql, bindings)
        if not isinstance(res, ox.QueryBoolean):
            raise StoreError("expected an ASK query")
        return bool(res)

    def construct(self, sparql: str, bindings: Mapping | None = None) -> list[ox.Triple]:
        return list(self._query(sparql, bindings))

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace a derived graph natively, writing only the difference: SPARQL `INSERT DATA`
        parses at ~60 µs a quad and dropping a large graph is slow, while a rebuilt derived graph
        (the entities graph after a few new articles) mostly equals the old one. Large inserts use
        the bulk loader, several times faster but not transactional: a derived graph cut short by
        a crash is rebuilt by the next build (kg.resolve marks a complete one with a digest)."""
        g = ox.NamedNode(graph)
        new = set(quads)
        old = set(self._s.quads_for_pattern(None, None, None, g))
        if len(old - new) > 50_000:
            self._s.remove_graph(g)
            old = set()
        for q in old - new:
            self._s.remove(q)
        added = new - old
        if len(added) > 10_000:
            self._s.bulk_extend(added)
        else:
            self._s.extend(added)

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        if graph is None:
            return self._s.quads_for_pattern(None, None, None, None)
        return self._s.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def raw_query(self, sparql: str, bindings: Mapping | None = None):
        """The pyoxigraph result object, for callers that serialise results themselves."""
        return self._query(sparql, bindings)

    def flush(self) -> None:
        self._s.flush()

    def close(self) -> None:
        if not self.read_only:
            self._s.flush()
        del self._s
