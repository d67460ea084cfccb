"""The one small interface every store implements (embedded Oxigraph now, a remote endpoint later).

Terms are pyoxigraph terms throughout, whichever store is behind; results of SELECT are lists of
{variable name: term} rows.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import vocab as V

Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message is for the user."""


@dataclass
class QueryResult:
    """What any SPARQL query returns, whichever store ran it.

    `kind` is "select" (variables in projection order, rows), "ask" (boolean) or "graph"
    (CONSTRUCT/DESCRIBE triples). Keeping the projection order lets tables and CSV show the
    columns a researcher asked for, even when a column is unbound in every row.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """A SPARQL `INSERT DATA` body for quads, grouped by graph (terms print in N-Triples syntax)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    if not by_graph:
        return ""
    body = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    return f"INSERT DATA {{\n{body}\n}}"


def replace_article_update(
    graph: ox.NamedNode, quads: list[ox.Quad], meta_subjects: list[ox.NamedNode], meta: list[ox.Quad]
) -> str:
    """One SPARQL update that drops an article's graph and metadata and writes the new ones."""
    values = " ".join(str(s) for s in meta_subjects)
    parts = [
        f"DROP SILENT GRAPH {graph}",
        f"DELETE {{ GRAPH <{V.META_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} GRAPH <{V.META_GRAPH}> {{ ?s ?p ?o }} }}",
    ]
    body = insert_data([*quads, *meta])
    if body:
        parts.append(body)
    return " ;\n".join(parts)


class Store(ABC):
    location: str

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction."""

    @abstractmethod
    def select(
        self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None
    ) -> list[Row]:
        """Run a SELECT; `bindings` are bound as RDF terms, never pasted into the text."""

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run any query form; the default graph is the union of all graphs, as on `kg serve`."""

    @abstractmethod
    def ask(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None) -> bool: ...

    @abstractmethod
    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        """Every quad (of one graph when given)."""

    @abstractmethod
    def close(self) -> None: ...

    def replace_article(
        self,
        graph: ox.NamedNode,
        quads: list[ox.Quad],
        meta_subjects: list[ox.NamedNode],
        meta: list[ox.Quad],
    ) -> None:
        """Replace an article's graph and metadata whole, or not at all."""
        self.update(V.sparql_prefixes() + replace_article_update(graph, quads, meta_subjects, meta))

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace a whole derived graph (entities, inferences) in one transaction."""
        body = insert_data(quads)
        self.update(f"DROP SILENT GRAPH <{graph}>" + (f" ;\n{body}" if body else ""))

    def remove_article(self, graph: ox.NamedNode, meta_subjects: list[ox.NamedNode]) -> None:
        self.replace_article(graph, [], meta_subjects, [])

    def graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"].value for r in rows)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
