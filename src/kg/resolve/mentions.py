"""What the store says about each entity as each article names it: the input of the global pass.

A *mention* is one entity node in one article graph. It keeps the IRIs the article minted for it
(`pbkg:mintedAs`, which IRI rewriting never touches), so the global pass can start from the
articles' own readings every time, whatever earlier passes decided. Everything is read with a few
SELECTs through the `Store` interface, so a remote SPARQL store works the same.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import vocab as V
from ..store import Store
from .iri import class_segment
from .places import Context

ARTICLE_GRAPH = V.BASE + "graph/article/"
ARTICLE_IRI = V.BASE + "id/article/"
CONTEXT_PROPS = {V.ONT + "contextProvince": 0, V.ONT + "contextCity": 1, V.ONT + "contextDistrict": 2}
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
    minted: tuple[str, ...]  # the IRIs the article minted (one, or more after an in-article merge)
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
        """The article's canonical name (the longest if an in-article merge left several)."""
        return max(self.names, key=lambda n: (len(n), n)) if self.names else self.node.rsplit("/", 1)[-1]


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
    by_node: dict[tuple[str, str], Mention]  # (graph, node) → mention

    def mention(self, graph: str, node: str) -> Mention | None:
        return self.by_node.get((graph, node))


def read(store: Store) -> Corpus:
    """Every mention and assertion of the article graphs, as of now."""
    minted: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in store.select(V.sparql_prefixes() + "SELECT ?g ?e ?m WHERE { GRAPH ?g { ?e pbkg:mintedAs ?m } }"):
        g = r["g"].value
        if g.startswith(ARTICLE_GRAPH):
            minted[(g, r["e"].value)].append(r["m"].value)
    articles = _articles(store)
    mentions: dict[tuple[str, str], Mention] = {}
    # numbered by what the articles minted, never by the IRIs earlier passes wrote
    for i, (g, e) in enumerate(sorted(minted, key=lambda ge: (ge[0], sorted(minted[ge])))):
        file, art_iri, date, actx = articles.get(g, ("", "", "", Context()))
        mentions[(g, e)] = Mention(
            i, g, e, tuple(sorted(minted[(g, e)])), file, art_iri, actx=actx, date=date
        )
    _describe(store, mentions)
    statements = _statements(store)
    return Corpus(list(mentions.values()), statements, mentions)


def _articles(store: Store) -> dict[str, tuple[str, str, str, Context]]:
    """Article graph → (file name, article IRI, publication date, the place the article is about)."""
    out: dict[str, tuple[str, str, str, Context]] = {}
    for r in store.select(
        V.sparql_prefixes()
        + """SELECT ?g ?art ?file ?date WHERE {
               GRAPH <%s> { ?g prov:wasDerivedFrom ?art . ?art pbkg:fileName ?file OPTIONAL { ?art pbkg:published ?date } } }"""
        % V.META_GRAPH
    ):
        out[r["g"].value] = (
            r["file"].value,
            r["art"].value,
            r["date"].value if "date" in r else "",
            Context(),
        )
    ctx: dict[str, list[str]] = defaultdict(lambda: ["", "", ""])
    for r in store.select(
        V.sparql_prefixes()
        + """SELECT ?g ?art ?p ?o WHERE { GRAPH ?g { ?art ?p ?o .
               VALUES ?p { pbkg:contextProvince pbkg:contextCity pbkg:contextDistrict } } }"""
    ):
        if r["art"].value.startswith(ARTICLE_IRI):
            ctx[r["g"].value][CONTEXT_PROPS[r["p"].value]] = r["o"].value
    for g, levels in ctx.items():
        if g in out:
            file, art, date, _ = out[g]
            out[g] = (file, art, date, Context(*levels))
    return out


def _describe(store: Store, mentions: dict[tuple[str, str], Mention]) -> None:
    """Types, labels and context of every mention."""
    rows = store.select(
        V.sparql_prefixes()
        + """SELECT ?g ?e ?p ?o WHERE { GRAPH ?g { ?e pbkg:mentionedIn ?art ; ?p ?o .
               VALUES ?p { rdf:type rdfs:label skos:altLabel pbkg:contextProvince pbkg:contextCity pbkg:contextDistrict } } }"""
    )
    ctx: dict[tuple[str, str], list[str]] = defaultdict(lambda: ["", "", ""])
    label, alt, rdf_type = V.RDFS + "label", V.SKOS + "altLabel", V.RDF + "type"
    for r in rows:
        m = mentions.get((r["g"].value, r["e"].value))
        if m is None:
            continue
        p, o = r["p"].value, r["o"]
        if p == rdf_type:
            if o.value.startswith(V.ONT):
                m.types.add(o.value[len(V.ONT) :])
        elif p == label:
            m.names.add(o.value)
        elif p == alt:
            (m.printed if (getattr(o, "language", "") or "").lower() == "zh-hant" else m.aliases).add(o.value)
        else:
            ctx[(m.graph, m.node)][CONTEXT_PROPS[p]] = o.value
    for key, levels in ctx.items():
        mentions[key].ctx = Context(*levels)
    for m in mentions.values():
        kinds = {KIND_OF_TYPE.get(t, "") for t in m.types} - {""}
        m.kind = min(kinds) if len(kinds) == 1 else _kind_of_iri(m)


def _kind_of_iri(m: Mention) -> str:
    seg = class_segment(m.minted[0]) if m.minted else ""
    return {
        "org": "org",
        "person": "person",
        "event": "event",
        "committee": "committee",
        "place": "place",
    }.get(seg, seg or "thing")


def _statements(store: Store) -> list[Statement]:
    rows = store.select(
        V.sparql_prefixes()
        + """SELECT ?g ?a ?s ?p ?o ?role ?date ?text WHERE { GRAPH ?g {
               ?a a pbkg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
               OPTIONAL { ?a pbkg:role ?role } OPTIONAL { ?a pbkg:date ?date } OPTIONAL { ?a pbkg:evidenceText ?text } } }"""
    )
    out = []
    for r in rows:
        g = r["g"].value
        rel = V.relation_of(r["p"].value)
        if rel is None or not g.startswith(ARTICLE_GRAPH):
            continue
        out.append(
            Statement(
                g,
                r["a"].value,
                r["s"].value,
                rel,
                r["o"].value,
                r["role"].value if "role" in r else "",
                r["date"].value if "date" in r else "",
                r["text"].value if "text" in r else "",
            )
        )
    out.sort(key=lambda s: (s.graph, s.assertion))
    return out
