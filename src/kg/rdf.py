"""Resolved `Extraction` → RDF quads: one named graph per article, plus its metadata.

Every fact becomes a `pbkg:Assertion` (a reified triple with evidence, offsets, rule, confidence)
and the plain triple it states, so researchers can query the simple edge and cite its evidence.
Posts, co-building agreements and rotating-chair terms also get their n-ary nodes (W3C ORG).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pyoxigraph as ox

from . import vocab as V
from .model import Extraction, Fact
from .resolve.iri import article_graph, article_iri, holding_iri, post_iri, segment

XSD_INT = ox.NamedNode(V.XSD + "integer")
XSD_DEC = ox.NamedNode(V.XSD + "decimal")
XSD_BOOL = ox.NamedNode(V.XSD + "boolean")
XSD_DT = ox.NamedNode(V.XSD + "dateTime")

T = V.term
E = V.ext
A = V.RDF_TYPE


def date_literal(iso: str) -> ox.Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the precision of an ISO string."""
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(iso), "string")
    return ox.Literal(iso, datatype=ox.NamedNode(V.XSD + kind))


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


class GraphWriter:
    def __init__(self, x: Extraction):
        self.x = x
        self.g = ox.NamedNode(article_graph(x.doc.id))
        self.article = ox.NamedNode(article_iri(x.doc.id))
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.g))

    def node(self, key: str) -> ox.NamedNode:
        return ox.NamedNode(self.x.entities[key].iri)

    def entities(self) -> None:
        for ent in self.x.entities.values():
            n = ox.NamedNode(ent.iri)
            self.add(n, A, T(ent.type))
            self.add(n, E("rdfs", "label"), zh(ent.name))
            for alias in sorted(ent.aliases - {ent.name}):
                self.add(n, E("skos", "altLabel"), zh(alias))
            for printed in sorted(ent.printed - ent.aliases - {ent.name}):
                self.add(n, E("skos", "altLabel"), ox.Literal(printed, language="zh-Hant"))
            self.add(n, T("mentionedIn"), self.article)
            if ent.type == "Event" and ent.attrs.get("date"):
                pass  # the event_date fact carries it, with evidence

    def fact(self, f: Fact, i: int) -> None:
        rel = f.relation
        prop = V.relation_property(rel)
        s = self.node(f.subject)
        if rel == "authored":
            o: ox.NamedNode | ox.Literal = self.article
        elif rel == "event_date":
            o = date_literal(str(f.object))
        elif rel == "witnessed":
            o = self.agreement(f.parties or [], f.date)
        else:
            o = self.node(str(f.object))
        a = ox.NamedNode(f"{self.g.value}#a{_hash(rel, s.value, str(o), f.role or '', f.date or '', str(i))}")
        self.add(a, A, T("Assertion"))
        self.add(a, E("rdf", "subject"), s)
        self.add(a, E("rdf", "predicate"), prop)
        self.add(a, E("rdf", "object"), o)
        self.add(a, T("sourceArticle"), self.article)
        if f.role:
            self.add(a, T("role"), zh(f.role))
        if f.date:
            self.add(a, T("date"), date_literal(f.date))
        ev = f.evidence
        if ev:
            self.add(a, T("evidenceText"), zh(ev.sentence))
            if ev.original and ev.original != ev.sentence:
                self.add(a, T("evidenceOriginal"), ox.Literal(ev.original))
            if ev.orig_start >= 0:
                self.add(a, T("startOffset"), ox.Literal(str(ev.orig_start), datatype=XSD_INT))
                self.add(a, T("endOffset"), ox.Literal(str(ev.orig_end), datatype=XSD_INT))
            self.add(a, T("rule"), ox.Literal(ev.rule or "unknown"))
            self.add(a, T("confidence"), ox.Literal(f"{ev.confidence:.3f}", datatype=XSD_DEC))
        self.add(s, prop, o)
        if rel == "holds_post":
            self.post_holding(s, o, f.role or "", a)
        elif rel == "co_builds_with":
            ag = self.agreement([f.subject, str(f.object)], f.date)
            self.add(ag, T("attestedBy"), a)
        elif rel == "rotating_chair":
            term = ox.NamedNode(f"{self.g.value}#term{_hash(s.value, o.value)}")
            self.add(term, A, T("ChairTerm"))
            self.add(term, T("chairUnit"), s)
            self.add(term, T("chairOf"), o)
            self.add(term, T("attestedBy"), a)
        elif rel == "witnessed":
            self.add(o, T("witness"), s)

    def post_holding(
        self, person: ox.NamedNode, org: ox.NamedNode, role: str, assertion: ox.NamedNode
    ) -> None:
        post = ox.NamedNode(post_iri(org.value, role))
        holding = ox.NamedNode(holding_iri(person.value, org.value, role))
        self.add(post, A, T("Post"))
        self.add(post, E("org", "postIn"), org)
        self.add(post, T("role"), zh(role))
        self.add(post, E("rdfs", "label"), zh(role))
        self.add(person, E("org", "holds"), post)
        self.add(holding, A, T("PostHolding"))
        self.add(holding, E("org", "member"), person)
        self.add(holding, E("org", "organization"), org)
        self.add(holding, T("post"), post)
        self.add(holding, T("role"), zh(role))
        self.add(holding, T("attestedBy"), assertion)

    def agreement(self, parties: list[str], date: str | None) -> ox.NamedNode:
        iris = sorted(self.x.entities[p].iri for p in parties)
        ag = ox.NamedNode(f"{self.g.value}#agreement{_hash(*iris, date or '')}")
        self.add(ag, A, T("CoBuildingAgreement"))
        for iri in iris:
            self.add(ag, T("party"), ox.NamedNode(iri))
        if date:
            self.add(ag, T("date"), date_literal(date))
        return ag


def article_quads(x: Extraction) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """The article's named graph and its quads (facts, entities as the article names them)."""
    w = GraphWriter(x)
    w.entities()
    for i, f in enumerate(x.facts):
        w.fact(f, i)
    # the same triple stated twice stays once
    seen: set = set()
    quads = [q for q in w.quads if not (q in seen or seen.add(q))]
    return w.g, quads


def meta_quads(x: Extraction, version: str) -> list[ox.Quad]:
    """Metadata and PROV-O links of one article, for the metadata graph."""
    doc = x.doc
    g = ox.NamedNode(V.META_GRAPH)
    art = ox.NamedNode(article_iri(doc.id))
    graph = ox.NamedNode(article_graph(doc.id))
    act = ox.NamedNode(f"{art.value}/extraction")
    agent = ox.NamedNode(f"{V.BASE}id/extractor/{segment(version)}")
    q = [
        (art, A, T("Article")),
        (art, T("fileName"), ox.Literal(doc.id)),
        (art, T("sourcePath"), ox.Literal(doc.source)),
        (art, T("sha256"), ox.Literal(doc.sha256)),
        (art, T("encoding"), ox.Literal(doc.encoding)),
        (art, E("dcterms", "format"), ox.Literal(doc.media_type)),
        (graph, E("prov", "wasDerivedFrom"), art),
        (graph, E("prov", "wasGeneratedBy"), act),
        (act, A, T("ExtractionActivity")),
        (act, E("prov", "used"), art),
        (act, E("prov", "wasAssociatedWith"), agent),
        (
            act,
            E("prov", "endedAtTime"),
            ox.Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD_DT),
        ),
        (agent, A, T("Extractor")),
        (agent, T("extractorVersion"), ox.Literal(version)),
        (agent, E("rdfs", "label"), ox.Literal(f"pbkg {version}")),
    ]
    if doc.title:
        q.append((art, T("headline"), zh(doc.title)))
    if doc.url:
        q.append((art, E("schema", "url"), ox.Literal(doc.url)))
    if doc.publisher:
        q.append((art, E("dcterms", "publisher"), zh(doc.publisher)))
    if doc.date:
        q.append((art, T("published"), date_literal(doc.date.iso)))
        q.append((art, T("datePrecision"), ox.Literal(doc.date.precision)))
        q.append((art, T("dateInferred"), ox.Literal(str(doc.date.inferred).lower(), datatype=XSD_BOOL)))
    for b in doc.bylines:
        q.append((art, T("bylineRole"), zh(f"{b.role}:{b.name}")))
    return [ox.Quad(s, p, o, g) for s, p, o in q]
