"""What the store says about each entity as each article names it: the input of the global pass.

A *mention* is one entity of one article, known by the IRI the article minted for it. Each article
graph holds a resolution record (`kg.resolve.local.record`: its entities and assertions in its own
minted IRIs, never rewritten), so the global pass starts from the articles' own readings every
time, whatever earlier passes decided, and reads a store in one row per article plus one per
entity (`pbkg:mintedAs`: the IRI the entity has now). Two SELECTs through the `Store` interface,
so a remote SPARQL store works the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import vocab as V
from ..store import Store
from .places import Context

ARTICLE_GRAPH = V.BASE + "graph/article/"
KIND_OF_TYPE = {
    "Person": "person",
    "PartyOrganization": "org",
    "GovernmentBody": "org",
    "Enterprise": "org",
    "SocialOrganization": "org",
    "JointMeeting": "org",
    "Committee": "committee",
    "Event": "event",
    "Place": "place",
    "Project": "project",
    "Document": "document",
}


@dataclass
class Mention:
    id: int
    graph: str
    node: str  # the IRI the article graph uses for it now
    minted: tuple[str, ...]  # the IRI the article minted for it
    article: str  # the article's file name
    article_iri: str
    kind: str = "thing"  # person, org, committee, event, place, project, document
    types: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # rdfs:label (Simplified)
    aliases: set[str] = field(default_factory=set)  # skos:altLabel @zh
    printed: set[str] = field(default_factory=set)  # skos:altLabel @zh-Hant (Traditional as printed)
    ctx: Context = Context()  # what the article makes certain about the entity's place
    actx: Context = Context()  # the place the article is about
    date: str = ""  # the article's publication date

    @property
    def labels(self) -> set[str]:
        return self.names | self.aliases

    @property
    def name(self) -> str:
        """The article's canonical name."""
        return next(iter(self.names))


@dataclass
class Statement:
    """One assertion of an article, with its subject and object as the graph names them now."""

    graph: str
    assertion: str
    subject: str
    relation: str
    object: str  # an IRI, or a literal's lexical form (event_date)
    role: str = ""
    date: str = ""
    text: str = ""


@dataclass
class Corpus:
    mentions: list[Mention]
    statements: list[Statement]
    by_minted: dict[tuple[str, str], Mention]  # (graph, IRI the article minted) → mention

    def mention(self, graph: str, minted: str) -> Mention | None:
        """The mention an assertion's subject or object is (assertions name them as minted)."""
        return self.by_minted.get((graph, minted))


def read(store: Store) -> Corpus:
    """Every mention and assertion of the article graphs: one resolution record per article (what
    it minted, never rewritten) and the IRI each minted entity has in its graph now."""
    nodes = {
        (r["g"].value, r["m"].value): r["e"].value
        for r in store.select(
            V.sparql_prefixes() + "SELECT ?g ?e ?m WHERE { GRAPH ?g { ?e pbkg:mintedAs ?m } }"
        )
    }
    records = sorted(
        (r["g"].value, r["art"].value, r["rec"].value)
        for r in store.select(
            V.sparql_prefixes() + "SELECT ?g ?art ?rec WHERE { GRAPH ?g { ?art pbkg:resolutionRecord ?rec } }"
        )
        if r["g"].value.startswith(ARTICLE_GRAPH)
    )
    mentions: list[Mention] = []
    statements: list[Statement] = []
    by_minted: dict[tuple[str, str], Mention] = {}
    for g, art, text in records:
        data = json.loads(text)
        actx = Context(*data["ctx"])
        for e in data["entities"]:
            m = Mention(
                len(mentions),
                g,
                nodes.get((g, e["iri"]), e["iri"]),
                (e["iri"],),
                data["file"],
                art,
                KIND_OF_TYPE.get(e["type"], "thing"),
                {e["type"]},
                {e["name"]},
                set(e["aliases"]),
                set(e["printed"]),
                Context(*e["ctx"]),
                actx,
                data["date"],
            )
            mentions.append(m)
            by_minted[(g, e["iri"])] = m
        for f in data["facts"]:
            statements.append(
                Statement(
                    g,
                    f["a"],
                    f["s"],
                    f["rel"],
                    f["o"],
                    f.get("role", ""),
                    f.get("date", ""),
                    f.get("text", ""),
                )
            )
    return Corpus(mentions, statements, by_minted)
