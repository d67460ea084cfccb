"""Validation: the store against the SHACL shapes of `ontology/shapes.ttl`, with pySHACL.

The asserted graphs (or the ones named) are read from the store and validated together with
the ontology mixed in, so `sh:class pbkg:Organization` accepts a pbkg:Enterprise whether or not
the inferred graph exists. Each violation becomes one readable line: the node, the property and
what is wrong, in the shapes' own words.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from . import vocab as V
from .query import display
from .reason import INFERRED_GRAPH
from .store import Store, StoreError


@dataclass
class Violation:
    focus: str  # the node, compacted (pbkg:…, or its IRI)
    path: str  # the property, compacted; "" for node-level constraints
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        return f"{self.focus}{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    conforms: bool
    statements: int  # how many statements were checked
    violations: list[Violation] = field(default_factory=list)


def shapes_path():
    """ontology/shapes.ttl, beside the ontology."""
    return V.ontology_path().with_name("shapes.ttl")


@cache
def _graph(path: str) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise StoreError(f"{path}: cannot read: {e}") from None


def _to_rdflib(quads) -> rdflib.Graph:
    """Statements from the store as one rdflib graph (N-Triples is the fast common ground)."""
    buf = io.BytesIO()
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=buf.getvalue().decode("utf-8"), format="nt")
    return g


def asserted_graphs(store: Store) -> list[str]:
    """Every graph but the inferred one: what the articles state, the metadata and the labels."""
    return [g for g in store.graphs() if g != INFERRED_GRAPH]


def validate(store: Store, graphs: list[str] | None = None) -> ValidationReport:
    """Validate the named graphs (default: every asserted graph) against the shapes."""
    import pyshacl

    chosen = asserted_graphs(store) if graphs is None else graphs
    data = _to_rdflib(q for g in chosen for q in store.quads(g))
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=_graph(str(shapes_path())),
        ont_graph=_graph(str(V.ontology_path())),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return ValidationReport(conforms=bool(conforms), statements=len(data), violations=_violations(results))


def _term(t) -> str:
    if t is None:
        return ""
    if isinstance(t, rdflib.URIRef):
        return display(ox.NamedNode(str(t)))
    return str(t)


def _violations(results: rdflib.Graph) -> list[Violation]:
    out = []
    for r in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = results.value(r, SH.resultSeverity)
        out.append(
            Violation(
                focus=_term(results.value(r, SH.focusNode)),
                path=_term(results.value(r, SH.resultPath)),
                message=str(results.value(r, SH.resultMessage) or "does not match its shape"),
                value=_term(results.value(r, SH.value)),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path, v.message, v.value))
