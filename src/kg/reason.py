"""Reasoning: what the ontology implies, materialised in its own named graph.

The rules are read from the axioms of `ontology/pbkg.ttl`, not written here: rdfs:subClassOf
(typing by every superclass), rdfs:subPropertyOf (a rotating chair is a member; pbkg:memberOf is
an org:memberOf), owl:inverseOf (pbkg:memberOf / pbkg:hasMember), owl:SymmetricProperty
(co-building) and owl:TransitiveProperty (pbkg:locatedIn). Domain and range axioms are not used
to type things: a wrong extraction would then silently acquire a class; SHACL reports it instead.

The asserted triples the rules can fire on are read with one SPARQL query, saturated in memory,
and whatever is not already asserted is written to https://w3id.org/pbkg/graph/inferred in one
replacement. This works the same on the embedded and on remote stores, and is much faster than
running a general OWL-RL engine over the whole dataset (see benchmarks/bench_store.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from . import vocab as V
from .store import Store

INFERRED_GRAPH = V.BASE + "graph/inferred"
RDF_TYPE = V.RDF + "type"

Triple = tuple[str, str, str]  # (subject IRI, property IRI, object IRI): the rules only link resources


@dataclass
class Rules:
    """The ontology's axioms that drive materialisation, with hierarchies already closed."""

    superclasses: dict[str, set[str]] = field(default_factory=dict)  # class → every strict superclass
    superproperties: dict[str, set[str]] = field(default_factory=dict)
    inverses: dict[str, set[str]] = field(default_factory=dict)
    symmetric: set[str] = field(default_factory=set)
    transitive: set[str] = field(default_factory=set)

    def properties(self) -> set[str]:
        """The properties some rule fires on."""
        return set(self.superproperties) | set(self.inverses) | self.symmetric | self.transitive


@dataclass
class ReasonReport:
    asserted: int = 0  # asserted statements the rules read
    inferred: int = 0  # statements written to the inferred graph
    by_property: dict[str, int] = field(default_factory=dict)


def _closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    """Every node reachable from each node (a strict, transitive closure of a small hierarchy)."""
    out: dict[str, set[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            n = todo.pop()
            if n not in seen and n != start:
                seen.add(n)
                todo.extend(direct.get(n, ()))
        out[start] = seen
    return {k: v for k, v in out.items() if v}


@cache
def rules() -> Rules:
    """The rules of ontology/pbkg.ttl."""
    sub_c: dict[str, set[str]] = defaultdict(set)
    sub_p: dict[str, set[str]] = defaultdict(set)
    inv: dict[str, set[str]] = defaultdict(set)
    r = Rules()
    owl, rdfs = V.OWL, V.RDFS
    with V.ontology_path().open("rb") as fh:
        for t in ox.parse(fh, format=ox.RdfFormat.TURTLE):
            s, p, o = t.subject, t.predicate.value, t.object
            if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
                continue
            if p == rdfs + "subClassOf":
                sub_c[s.value].add(o.value)
            elif p == rdfs + "subPropertyOf":
                sub_p[s.value].add(o.value)
            elif p == owl + "inverseOf":
                inv[s.value].add(o.value)
                inv[o.value].add(s.value)
            elif p == RDF_TYPE and o.value == owl + "SymmetricProperty":
                r.symmetric.add(s.value)
            elif p == RDF_TYPE and o.value == owl + "TransitiveProperty":
                r.transitive.add(s.value)
    r.superclasses = _closure(sub_c)
    r.superproperties = _closure(sub_p)
    r.inverses = dict(inv)
    return r


def _transitive(edges: set[Triple], prop: str) -> set[Triple]:
    """The triples of `prop` implied by transitivity."""
    succ: dict[str, set[str]] = defaultdict(set)
    for s, p, o in edges:
        if p == prop:
            succ[s].add(o)
    closed = _closure(succ)
    return {(s, prop, o) for s, targets in closed.items() for o in targets}


def saturate(asserted: set[Triple], r: Rules) -> set[Triple]:
    """Apply the property rules to a fixpoint; returns the new triples only.

    Semi-naive: each round fires the one-step rules on the triples found in the previous round
    only, then closes the transitive properties over everything.
    """
    known = set(asserted)
    frontier = set(asserted)
    while frontier:
        new: set[Triple] = set()
        for s, p, o in frontier:
            for q in r.superproperties.get(p, ()):
                new.add((s, q, o))
            for q in r.inverses.get(p, ()):
                new.add((o, q, s))
            if p in r.symmetric:
                new.add((o, p, s))
        new -= known
        known |= new
        closed: set[Triple] = set()
        for prop in r.transitive:
            closed |= _transitive(known, prop)
        closed -= known
        known |= closed
        frontier = new | closed
    return known - asserted


def _values(iris) -> str:
    return " ".join(f"<{i}>" for i in sorted(iris))


def asserted_triples(store: Store, r: Rules) -> tuple[set[Triple], set[Triple]]:
    """The asserted property triples and type triples the rules can fire on (any graph but the inferred)."""
    props = store.select(
        f"""SELECT DISTINCT ?s ?p ?o WHERE {{
              VALUES ?p {{ {_values(r.properties())} }}
              GRAPH ?g {{ ?s ?p ?o }}
              FILTER(?g != <{INFERRED_GRAPH}> && isIRI(?o))
            }}"""
    )
    types = store.select(
        f"""SELECT DISTINCT ?s ?c WHERE {{
              VALUES ?c {{ {_values(r.superclasses)} }}
              GRAPH ?g {{ ?s a ?c }}
              FILTER(?g != <{INFERRED_GRAPH}>)
            }}"""
    )
    edges = {(row["s"].value, row["p"].value, row["o"].value) for row in props if "s" in row}
    typed = {(row["s"].value, RDF_TYPE, row["c"].value) for row in types}
    return edges, typed


def infer(store: Store) -> tuple[set[Triple], int]:
    """The triples the ontology implies beyond what is asserted, and how many asserted ones were read."""
    r = rules()
    edges, typed = asserted_triples(store, r)
    inferred = saturate(edges, r)
    supers = {(s, RDF_TYPE, d) for s, _, c in typed for d in r.superclasses.get(c, ())}
    return inferred | (supers - typed), len(edges) + len(typed)


def materialise(store: Store) -> ReasonReport:
    """Rebuild the inferred graph from the asserted graphs (one replacement, so never half-written)."""
    inferred, asserted = infer(store)
    g = ox.NamedNode(INFERRED_GRAPH)
    quads = [ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), g) for s, p, o in sorted(inferred)]
    store.replace_graph(INFERRED_GRAPH, quads)
    counts: dict[str, int] = defaultdict(int)
    for _, p, _ in inferred:
        counts[p] += 1
    return ReasonReport(asserted=asserted, inferred=len(inferred), by_property=dict(counts))
