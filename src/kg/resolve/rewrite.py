"""Rewrite article graphs to the resolved IRIs, through SPARQL updates only.

Each article graph names its entities with the IRI resolution chose; the IRI the article minted
stays as `pbkg:mintedAs` (the one predicate the rewrite leaves alone). Post and post-holding nodes
are named after their person and organisation, so they are renamed with them. Updates go in
batches of whole `VALUES` tables: each batch is one transaction, and the pass is idempotent, so an
interrupted rewrite is completed by the next build.
"""

from __future__ import annotations

from .. import vocab as V
from ..store import Store
from .canonical import Resolved
from .iri import holding_iri, post_iri
from .mentions import Corpus

BATCH = 5000


def iri_map(corpus: Corpus, root: dict[int, int], entities: dict[int, Resolved]) -> list[tuple[str, str, str]]:
    """(graph, IRI now, IRI after resolution) for every node whose IRI changes. Post and holding
    nodes are named from their person, organisation and title (`kg.rdf`), so their renames follow
    from the holds_post assertions without reading them."""
    new: dict[tuple[str, str], str] = {}
    for m in corpus.mentions:
        target = entities[root[m.id]].iri
        if target != m.node:
            new[(m.graph, m.node)] = target

    def renamed(g: str, iri: str) -> str:
        return new.get((g, iri), iri)

    out = {(g, old, target) for (g, old), target in new.items()}
    for st in corpus.statements:
        if st.relation != "holds_post":
            continue
        g, person, org = st.graph, st.subject, st.object
        pairs = [
            (holding_iri(person, org, st.role), holding_iri(renamed(g, person), renamed(g, org), st.role)),
            (post_iri(org, st.role), post_iri(renamed(g, org), st.role)),
        ]
        out |= {(g, old, target) for old, target in pairs if old != target}
    return sorted(out)


def apply(store: Store, mapping: list[tuple[str, str, str]]) -> None:
    """Rename nodes in their article graphs, as subjects and as objects (except of pbkg:mintedAs)."""
    for i in range(0, len(mapping), BATCH):
        rows = "\n".join(f"(<{g}> <{old}> <{new}>)" for g, old, new in mapping[i : i + BATCH])
        store.update(
            V.sparql_prefixes()
            + f"""DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }}
                  WHERE {{ VALUES (?g ?old ?new) {{ {rows} }} GRAPH ?g {{ ?old ?p ?o }} }} ;
                  DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }}
                  WHERE {{ VALUES (?g ?old ?new) {{ {rows} }} GRAPH ?g {{ ?s ?p ?old }} FILTER(?p != pbkg:mintedAs) }}"""
        )
