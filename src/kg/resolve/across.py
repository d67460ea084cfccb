"""The global pass: resolve every entity of the store, after every build.

read mentions and assertions → apply review decisions → cluster → choose IRIs → rewrite the
article graphs whose IRIs change → rebuild the entities graph (labels, types, owl:sameAs, merges,
Party links, post timelines) and the decisions graph. It reads only what the articles minted, so
the result is the same after a full build, an incremental one, or a build in another order.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import vocab as V
from ..store import Store
from ..store.base import insert_data
from . import rewrite
from .canonical import Resolved, resolve_iris
from .cluster import Candidate, Result, cluster
from .decisions import DECISIONS_GRAPH, Decision, Referents, constraints, decision_quads
from .mentions import Corpus, read
from .publish import entity_quads
from .timeline import holdings, timeline_quads


@dataclass
class Resolution:
    corpus: Corpus
    result: Result
    entities: dict[int, Resolved]
    rejected: dict[str, list[str]] = field(default_factory=dict)  # decision IRI → assertion IRIs
    warnings: list[str] = field(default_factory=list)

    def iri(self, mention_id: int) -> str:
        return self.entities[self.result.root[mention_id]].iri

    @property
    def candidates(self) -> list[Candidate]:
        return self.result.candidates


@dataclass
class ResolveReport:
    mentions: int = 0
    entities: int = 0
    rewritten: int = 0
    candidates: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # derived graphs that changed


def resolve(store: Store, decisions: list[Decision] = ()) -> Resolution:
    """Work out the entities of the store (no writes)."""
    corpus = read(store)
    refer = Referents(corpus, same_as(store))
    same, apart, warnings = constraints(list(decisions), refer)
    result = cluster(corpus, same, apart)
    entities = resolve_iris(corpus, result)
    res = Resolution(corpus, result, entities, warnings=warnings)
    res.rejected = rejected_assertions(res, list(decisions), refer)
    return res


def resolve_store(store: Store, decisions: list[Decision] = ()) -> ResolveReport:
    """Resolve and write: article graphs renamed, entities and decisions graphs rebuilt."""
    start = time.perf_counter()
    res = resolve(store, decisions)
    mapping, warnings = rewrite.iri_map(res.corpus, res.result.root, res.entities)
    res.warnings += warnings
    rewrite.apply(store, mapping)
    quads = entity_quads(res.entities, res.result) + timeline_quads(
        holdings(res.corpus, res.result.root, res.entities)
    )
    written = [
        g
        for g, q in (
            (V.ENTITY_GRAPH, quads),
            (DECISIONS_GRAPH, decision_quads(list(decisions), res.rejected)),
        )
        if publish(store, g, q)
    ]
    return ResolveReport(
        mentions=len(res.corpus.mentions),
        entities=len(res.entities),
        rewritten=len(mapping),
        candidates=len(res.candidates),
        seconds=time.perf_counter() - start,
        warnings=res.warnings,
        written=written,
    )


def publish(store: Store, graph: str, quads: list[ox.Quad]) -> bool:
    """Replace a derived graph unless it already holds exactly these quads: a digest written last
    (so a graph cut short by a crash never carries one) tells, and a pass that changes nothing
    writes nothing. Returns whether it wrote."""
    digest = hashlib.sha1("\n".join(sorted(map(str, quads))).encode("utf-8")).hexdigest()
    g = ox.NamedNode(graph)
    mark = ox.Quad(g, V.term("contentHash"), ox.Literal(digest), g)
    if store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ {mark.subject} {mark.predicate} {mark.object} }} }}"):
        return False
    store.replace_graph(graph, quads)
    store.update(insert_data([mark]))
    return True


def same_as(store: Store) -> dict[str, str]:
    """Retired IRI → entity IRI, as the last pass wrote them."""
    rows = store.select(
        V.sparql_prefixes()
        + f"SELECT ?old ?new WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{ ?old owl:sameAs ?new }} }}"
    )
    return {r["old"].value: r["new"].value for r in rows}


def rejected_assertions(res: Resolution, decisions: list[Decision], refer: Referents) -> dict[str, list[str]]:
    """`wrong` decision → the assertions it matches (by resolved subject and object)."""
    out: dict[str, list[str]] = {}
    for d in decisions:
        if d.verdict != "wrong":
            continue
        subjects = {res.iri(m.id) for m in refer(d.fact["subject"])}
        objects = (
            {res.iri(m.id) for m in refer(d.fact["object"])} if d.fact["relation"] != "event_date" else set()
        )
        hits = []
        for st in res.corpus.statements:
            s, o = res.corpus.mention(st.graph, st.subject), res.corpus.mention(st.graph, st.object)
            if st.relation != d.fact["relation"] or not s or res.iri(s.id) not in subjects:
                continue
            if objects and (not o or res.iri(o.id) not in objects):
                continue
            if not objects and st.object != d.fact["object"]:
                continue
            if d.fact.get("role") and st.role != d.fact["role"]:
                continue
            if d.fact.get("article") and s.article != d.fact["article"]:
                continue
            hits.append(st.assertion)
        if not hits:
            res.warnings.append(
                f"decision wrong {d.fact['relation']} {d.fact['subject']}: no such fact in the store"
            )
        out[d.iri] = sorted(hits)
    return out
