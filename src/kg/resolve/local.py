"""Resolution inside one article: its context, the short forms it declares, and each entity's IRI.

Everything here depends on the article alone, so an article gets the same IRIs whenever and in
whatever order it is built. These are the IRIs the article graph is written with; the global pass
(`kg.resolve.store`) later rewrites those that turn out to name one thing with another article's,
keeping the IRI minted here as `pbkg:mintedAs` so the decision can be remade from scratch.
"""

from __future__ import annotations

import json
import re
from dataclasses import astuple
from functools import cache

import pyoxigraph as ox

from .. import vocab as V
from ..extract.lexicon import data
from ..model import ORG_TYPES, Entity, Extraction
from .iri import (
    article_graph,
    article_iri,
    article_scoped,
    entity_iri,
    in_article,
    normalise,
    path_of,
    segment,
)
from .names import analyse
from .places import LEVELS, Context, divisions

CONTEXT_TERMS = {"province": "contextProvince", "city": "contextCity", "district": "contextDistrict"}


def resolve(x: Extraction) -> Extraction:
    """Add the short forms the article declares, then mint every entity's IRI."""
    for ent in x.entities.values():
        ent.aliases |= declared_short_forms(x.doc.text, ent)
    actx = article_context(x)
    taken: set[str] = set()
    for ent in _ordered(x):
        ent.iri = mint(ent, x, actx)
        if ent.iri in taken:  # two entities the article keeps apart read alike: keep them apart
            ent.iri = f"{ent.iri}/{in_article(x.doc.id)}~{segment(ent.key)}"
        taken.add(ent.iri)
    return x


def article_context(x: Extraction) -> Context:
    """The district or city the article is about, read from its title and text."""
    return divisions().article_context(f"{x.doc.title}\n{x.doc.text}")


def entity_context(ent: Entity) -> Context:
    """Where an entity is: the places its name spells, completed with what the extractor made
    certain (`attrs`) where the two agree (the name wins where they do not). A company or school
    whose name spells no place is placed by its name alone: an article about 青羊区 does not move
    a 陕西 group there."""
    given = Context(*(str(ent.attrs.get(lv, "") or "") for lv in LEVELS))
    if ent.type in ORG_TYPES and ent.type not in ("JointMeeting", "Committee"):
        name = analyse(ent.name)
        spelled = name.places
        if not (name.local or name.is_place_body or name.street):
            return divisions().complete(spelled)
    elif ent.type == "Place":
        spelled = divisions().context(divisions().leading(ent.name)[0])
    else:
        spelled = Context()
    return divisions().complete(spelled.merge(given) if spelled.compatible(given) else spelled)


@cache
def _declared_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in data("short_forms.yaml")["declared"])


def declared_short_forms(text: str, ent: Entity) -> set[str]:
    """Short forms the article introduces right after one of the entity's names (（以下简称“上海建工”））."""
    out: set[str] = set()
    for name in {ent.name, *ent.aliases}:
        if len(name) < 4:
            continue
        for m in re.finditer(re.escape(name), text):
            for pat in _declared_patterns():
                d = pat.match(text, m.end())
                if d and d.group("short") != name:
                    out.add(d.group("short"))
    return out


def _ordered(x: Extraction) -> list[Entity]:
    """Entities that others are anchored on come first: organisations, then persons and committees."""
    rank = {"Person": 1, "Committee": 1}
    return sorted(x.entities.values(), key=lambda e: (rank.get(e.type, 0), e.key))


def mint(ent: Entity, x: Extraction, actx: Context) -> str:
    """The IRI this article's reading gives an entity (see `kg.resolve.iri` for the shapes)."""
    name = segment(ent.name)
    if ent.type == "Person":
        anchor = _anchor(ent, x)
        return entity_iri("Person", name, path_of(anchor) if anchor else "")
    if ent.type == "Event":
        date = str(ent.attrs.get("date") or "")
        return (
            entity_iri("Event", segment(date), name)
            if date
            else entity_iri("Event", name, in_article(x.doc.id))
        )
    if ent.type == "Committee":
        parent = _parent_meeting(ent, x)
        return (
            entity_iri("Committee", path_of(parent), name)
            if parent
            else entity_iri("Committee", name, in_article(x.doc.id))
        )
    if ent.type == "Place":
        return _place_iri(ent, actx, x.doc.id)
    if ent.type in ORG_TYPES:
        return _org_iri(ent, x, actx)
    return entity_iri(ent.type, name)


def _org_iri(ent: Entity, x: Extraction, actx: Context) -> str:
    name = analyse(ent.name)
    ctx = entity_context(ent)
    if name.is_place_body and name.level and not name.places:
        # 区委, 区商务局: the body of the place the article is about, at the level the name says
        place = ctx.merge(actx)
        if getattr(place, name.level):
            return entity_iri(ent.type, segment(_truncate(place, name.level).qualifier()), segment(ent.name))
    if name.generic:
        return entity_iri(ent.type, segment(ent.name), in_article(x.doc.id))
    if name.local and not name.places:
        place = ctx if ctx else actx
        if place.city or place.district:
            return entity_iri(ent.type, segment(place.qualifier()), segment(ent.name))
    return entity_iri(ent.type, segment(ent.name))


def _place_iri(ent: Entity, actx: Context, doc_id: str) -> str:
    places, rest = divisions().leading(ent.name)
    if places and not rest:  # an administrative area: named by its full chain (黄浦区 → 上海市黄浦区)
        ctx = entity_context(ent)
        if not ctx.city and ctx.district and actx.city:
            ctx = divisions().complete(Context(actx.province, actx.city, ctx.district))
        return entity_iri("Place", segment(ctx.qualifier() or ent.name))
    if normalise(ent.name) in generic_places():  # 党群服务中心: one in every street
        ctx = entity_context(ent) or actx
        return entity_iri(
            "Place",
            segment(ctx.qualifier()) if ctx else "",
            segment(ent.name),
            "" if ctx else in_article(doc_id),
        )
    return entity_iri("Place", segment(ent.name))


@cache
def generic_places() -> frozenset[str]:
    return frozenset(data("resolution.yaml")["generic_places"])


def _truncate(ctx: Context, level: str) -> Context:
    keep = LEVELS[: LEVELS.index(level) + 1]
    return Context(*(getattr(ctx, lv) if lv in keep else "" for lv in LEVELS))


def _anchor(person: Entity, x: Extraction) -> str:
    """The organisation a person's IRI is anchored on in this article: the first by IRI, preferring
    one that other articles can name too (not `/@article`)."""
    orgs = [
        x.entities[f.object].iri
        for f in x.facts
        if f.relation == "holds_post" and f.subject == person.key and f.object in x.entities
    ]
    orgs = [o for o in orgs if o]
    return min(orgs, key=lambda iri: (article_scoped(iri), iri), default="")


def _parent_meeting(committee: Entity, x: Extraction) -> str:
    parents = [
        x.entities[f.subject].iri
        for f in x.facts
        if f.relation == "has_committee" and f.object == committee.key and f.subject in x.entities
    ]
    return min((p for p in parents if p), default="")


def resolution_quads(x: Extraction, article: list[ox.Quad]) -> list[ox.Quad]:
    """What the global pass needs besides the article graph proper (`article`, as kg.rdf wrote it):
    each entity's `pbkg:mintedAs` (kept when its IRI is rewritten) and context, and one
    `pbkg:resolutionRecord` that holds everything the pass reads about the article in a single
    literal (see `record`), so a store of many articles is read in one row per article."""
    g = ox.NamedNode(article_graph(x.doc.id))
    art = ox.NamedNode(article_iri(x.doc.id))
    minted = V.term("mintedAs")
    out = []
    for ent in x.entities.values():
        node = ox.NamedNode(ent.iri)
        out.append(ox.Quad(node, minted, node, g))
        out += _context_quads(node, entity_context(ent), g)
    out += _context_quads(art, article_context(x), g)
    out.append(ox.Quad(art, V.term("resolutionRecord"), ox.Literal(record(x, article)), g))
    return out


def record(x: Extraction, article: list[ox.Quad]) -> str:
    """The article's entities (minted IRI, class, names, context) and assertions (relation, subject
    and object as minted, role, date, evidence) as JSON: what the article says, in its own IRIs,
    never touched by later passes."""
    assertions: dict[str, dict] = {}
    fields = {V.RDF + "subject": "s", V.RDF + "predicate": "rel", V.RDF + "object": "o"}
    fields |= {V.ONT + "role": "role", V.ONT + "date": "date", V.ONT + "evidenceText": "text"}
    kind = V.term("Assertion")
    nodes = {q.subject.value for q in article if q.predicate == V.RDF_TYPE and q.object == kind}
    for q in article:
        key = fields.get(q.predicate.value)
        if key and q.subject.value in nodes:
            assertions.setdefault(q.subject.value, {"a": q.subject.value})[key] = q.object.value
    facts = []
    for a in sorted(assertions.values(), key=lambda d: d["a"]):
        rel = V.relation_of(a.get("rel", ""))
        if rel and "s" in a and "o" in a:
            facts.append({**a, "rel": rel})
    doc = x.doc
    data = {
        "file": doc.id,
        "date": doc.date.iso if doc.date else "",
        "ctx": list(astuple(article_context(x))),
        "entities": [
            {
                "iri": e.iri,
                "type": e.type,
                "name": e.name,
                "aliases": sorted(e.aliases - {e.name}),
                "printed": sorted(e.printed - e.aliases - {e.name}),
                "ctx": list(astuple(entity_context(e))),
            }
            for e in sorted(x.entities.values(), key=lambda e: e.iri)
        ],
        "facts": facts,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _context_quads(node: ox.NamedNode, ctx: Context, g: ox.NamedNode) -> list[ox.Quad]:
    return [
        ox.Quad(node, V.term(CONTEXT_TERMS[lv]), ox.Literal(getattr(ctx, lv), language="zh"), g)
        for lv in LEVELS
        if getattr(ctx, lv)
    ]
