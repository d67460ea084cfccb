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


def iri_map(
    corpus: Corpus, root: dict[int, int], entities: dict[int, Resolved]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(graph, IRI now, IRI after resolution) for every node whose IRI changes, and a warning per
    node that now stands for two entities (two things an earlier pass merged inside one article:
    only rebuilding the article separates them). Post and holding nodes are named from their
    person, organisation and title (`kg.rdf`), so their renames follow from the assertions."""
    targets: dict[tuple[str, str], set[str]] = {}
    for m in corpus.mentions:
        targets.setdefault((m.graph, m.node), set()).add(entities[root[m.id]].iri)
    warnings = [
        f"{g.rsplit('/', 1)[-1]}: {node} now stands for {len(ts)} entities; build the article again to separate them"
        for (g, node), ts in sorted(targets.items())
        if len(ts) > 1
    ]
    new = {key: min(ts) for key, ts in targets.items() if min(ts) != key[1]}

    def now(g: str, minted: str) -> str:
        m = corpus.mention(g, minted)
        return m.node if m else minted

    def renamed(g: str, node: str) -> str:
        return new.get((g, node), node)

    out = {(g, old, target) for (g, old), target in new.items()}
    for st in corpus.statements:
        if st.relation != "holds_post":
            continue
        g, person, org = st.graph, now(st.graph, st.subject), now(st.graph, st.object)
        pairs = [
            (holding_iri(person, org, st.role), holding_iri(renamed(g, person), renamed(g, org), st.role)),
            (post_iri(org, st.role), post_iri(renamed(g, org), st.role)),
        ]
        out |= {(g, old, target) for old, target in pairs if old != target}
    return sorted(out), warnings


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
