"""Helpers for resolution tests: articles written as `Extraction` records, built into a real store.

The extractor is rewritten in parallel, so most resolution tests state what an article says
directly (entities and facts) and run it through the real per-article resolution, the real RDF
writer and the real global pass into a real embedded Oxigraph store.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg import vocab as V
from kg.model import DateValue, Document, Entity, Evidence, Extraction, Fact
from kg.pipeline import write
from kg.resolve import resolve
from kg.resolve.across import resolve_store
from kg.store import EmbeddedStore

ID = V.BASE + "id/"


class Article:
    """One article as the extractor would hand it over."""

    def __init__(self, doc_id: str, date: str, title: str = "", text: str = ""):
        text = text or title
        self.x = Extraction(
            doc=Document(
                id=doc_id,
                source=doc_id,
                original=text,
                text=text,
                starts=list(range(len(text))),
                ends=list(range(1, len(text) + 1)),
                title=title,
                date=DateValue(date),
            )
        )

    def entity(self, type_: str, name: str, *, aliases=(), printed=(), **attrs) -> str:
        """The key of a new entity, or of the one of that class and name (as the extractor does)."""
        for e in self.x.entities.values():
            if (e.type, e.name) == (type_, name):
                return e.key
        key = f"e{len(self.x.entities) + 1}"
        self.x.add_entity(Entity(key, type_, name, set(aliases), set(printed), dict(attrs)))
        return key

    def fact(
        self,
        relation: str,
        subject: str,
        obj: str | None = None,
        *,
        role=None,
        date=None,
        parties=None,
        sentence="",
    ) -> None:
        sentence = sentence or f"{relation} {subject} {obj}"
        ev = Evidence(sentence=sentence, start=0, end=len(sentence), rule="test", confidence=0.9)
        self.x.facts.append(Fact(relation, subject, obj, role=role, date=date, parties=parties, evidence=ev))

    def post(self, person: str, org: str, role: str) -> None:
        self.fact("holds_post", person, org, role=role, sentence=f"{org}{role}{person}")


def add(store: EmbeddedStore, *articles: Article) -> None:
    """Write articles as `kg build` does (per-article resolution, one graph each), without the global pass."""
    for a in articles:
        write(store, resolve(a.x))


def build(store: EmbeddedStore, *articles: Article, decisions=()):
    add(store, *articles)
    return resolve_store(store, decisions)


def iri(path: str) -> str:
    return ID + path


def labels(store: EmbeddedStore, entity: str) -> tuple[str, set[tuple[str, str]]]:
    """(prefLabel, {(altLabel, language)}) of an entity in the entities graph."""
    rows = store.select(
        V.sparql_prefixes()
        + f"SELECT ?e ?p ?l WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{ ?e ?p ?l VALUES ?p {{ skos:prefLabel skos:altLabel }} }} }}",
        {"e": ox.NamedNode(entity)},
    )
    pref = next((r["l"].value for r in rows if r["p"].value.endswith("prefLabel")), "")
    alts = {(r["l"].value, r["l"].language) for r in rows if r["p"].value.endswith("altLabel")}
    return pref, alts


def entities(store: EmbeddedStore, kind: str = "") -> set[str]:
    """Entity IRIs the article graphs use now (of one class segment when given)."""
    rows = store.select(
        V.sparql_prefixes() + "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e pbkg:mentionedIn ?a } }"
    )
    return {r["e"].value for r in rows if r["e"].value.startswith(ID + kind)}


def same_as(store: EmbeddedStore) -> dict[str, str]:
    rows = store.select(
        V.sparql_prefixes() + f"SELECT ?a ?b WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{ ?a owl:sameAs ?b }} }}"
    )
    return {r["a"].value: r["b"].value for r in rows}


def dump(store: EmbeddedStore, skip_meta: bool = True) -> set[str]:
    """Every quad as N-Quads text (without the metadata graph, whose timestamps differ per build)."""
    return {str(q) for q in store.quads() if not (skip_meta and q.graph_name.value == V.META_GRAPH)}


def open_new(path: Path) -> EmbeddedStore:
    return EmbeddedStore(path)
