"""One IRI, one preferred label and the retired IRIs of each resolved entity.

The surviving IRI is chosen from the entity's mentions alone, never from the order they arrived:
for organisations, places, projects and documents the IRI minted for the fullest name (a place in
the IRI breaks a tie); for events the one of the earliest date; for a person the name anchored on
the organisation of the earliest post the articles attest (ties: the first IRI), so namesakes get
different IRIs and none is ever numbered. Every other IRI minted for the entity is retired and
stays resolvable through `owl:sameAs`.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

from .cluster import Result
from .iri import article_scoped, entity_iri, in_article, path_of, segment
from .mentions import Corpus, Mention
from .places import Context

LONGEST_NAME_KINDS = {"org", "place", "project", "document"}
TYPE_OF_KIND = {"person": "Person", "committee": "Committee", "event": "Event", "place": "Place"}


@dataclass
class Resolved:
    comp: int
    kind: str
    mentions: list[Mention]
    iri: str = ""
    type: str = ""
    pref: str = ""
    retired: set[str] = field(default_factory=set)

    @property
    def minted(self) -> set[str]:
        return {iri for m in self.mentions for iri in m.minted}


def resolve_iris(corpus: Corpus, result: Result) -> dict[int, Resolved]:
    """comp id → resolved entity, with its IRI, preferred label, type and retired IRIs."""
    entities = {
        comp: Resolved(comp, ms[0].kind, sorted(ms, key=lambda m: m.id))
        for comp, ms in sorted(result.components().items())
    }
    for e in entities.values():
        e.pref = preferred_label(e)
        e.type = resolved_type(e)
    posts = person_posts(corpus, result)
    parents = committee_parents(corpus, result)
    for kind in ("org", "place", "project", "document", "thing", "event", "person", "committee"):
        for e in entities.values():
            if e.kind == kind:
                e.iri = choose_iri(e, entities, posts, parents)
    _separate_namesakes(entities)
    _retire(entities, posts)
    return entities


def preferred_label(e: Resolved) -> str:
    """Organisations and places: the fullest name; persons and events: the name most articles use."""
    counts = Counter(n for m in e.mentions for n in m.names)
    if not counts:
        return e.mentions[0].name
    if e.kind in LONGEST_NAME_KINDS:
        return max(counts, key=lambda n: (len(n), counts[n], _neg(n)))
    return max(counts, key=lambda n: (counts[n], len(n), _neg(n)))


def _neg(text: str) -> tuple[int, ...]:
    """Sorts text descending inside a max() (so ties go to the first in code-point order)."""
    return tuple(-ord(c) for c in text)


def resolved_type(e: Resolved) -> str:
    counts = Counter(t for m in e.mentions for t in m.types)
    if not counts:
        return TYPE_OF_KIND.get(e.kind, "")
    return max(counts, key=lambda t: (counts[t], _neg(t)))


def person_posts(corpus: Corpus, result: Result) -> dict[int, list[tuple[str, int]]]:
    """Person comp → (date, organisation comp) of every post the articles attest."""
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for st in corpus.statements:
        if st.relation != "holds_post":
            continue
        p, o = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
        if p and o:
            out[result.root[p.id]].append((st.date or p.date or "9999", result.root[o.id]))
    return out


def committee_parents(corpus: Corpus, result: Result) -> dict[int, int]:
    out: dict[int, int] = {}
    for st in corpus.statements:
        if st.relation == "has_committee":
            jm, c = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
            if jm and c:
                out[result.root[c.id]] = min(out.get(result.root[c.id], 1 << 62), result.root[jm.id])
    return out


def choose_iri(
    e: Resolved,
    entities: dict[int, Resolved],
    posts: dict[int, list[tuple[str, int]]],
    parents: dict[int, int],
) -> str:
    minted = sorted(e.minted)
    if e.kind == "person":
        anchors = sorted(
            (article_scoped(entities[o].iri), date, entities[o].iri)
            for date, o in posts.get(e.comp, [])
            if o in entities
        )
        return entity_iri("Person", segment(e.pref), path_of(anchors[0][2]) if anchors else "")
    if e.kind == "committee" and e.comp in parents:
        return entity_iri("Committee", path_of(entities[parents[e.comp]].iri), segment(e.pref))
    if e.kind == "event":
        return min(
            minted, key=lambda iri: (article_scoped(iri), path_of(iri).split("/", 1)[0], -len(iri), iri)
        )
    return min(minted, key=lambda iri: (article_scoped(iri), -len(_last(iri)), -iri.count("/"), iri))


def _last(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1])


def _separate_namesakes(entities: dict[int, Resolved]) -> None:
    """Two entities that chose one IRI (namesakes whose articles name no place): each gets its place,
    or the first article it appears in, appended; the shared IRI is retired by neither."""
    by_iri: dict[str, list[Resolved]] = defaultdict(list)
    for e in entities.values():
        by_iri[e.iri].append(e)
    for iri, group in sorted(by_iri.items()):
        if len(group) < 2:
            continue
        for e in group:
            ctx = _context(e)
            tail = segment(ctx.qualifier()) if ctx else in_article(min(m.article for m in e.mentions))
            e.iri = f"{iri}/{tail}"
        if len({e.iri for e in group}) < len(group):
            for e in group:
                e.iri = f"{iri}/~{hashlib.sha1(min(e.minted).encode()).hexdigest()[:8]}"


def _context(e: Resolved) -> Context:
    ctx = Context()
    for m in e.mentions:
        c = m.ctx or m.actx
        if ctx.compatible(c):
            ctx = ctx.merge(c)
    return ctx


def _retire(entities: dict[int, Resolved], posts: dict[int, list[tuple[str, int]]]) -> None:
    """Every IRI minted for an entity other than its own becomes owl:sameAs it, unless the IRI is
    another entity's or was minted for several (then nobody can say which one it meant)."""
    claims: dict[str, set[int]] = defaultdict(set)
    for e in entities.values():
        for iri in e.minted | _person_variants(e, entities, posts):
            claims[iri].add(e.comp)
    current = {e.iri for e in entities.values()}
    for iri, comps in claims.items():
        if len(comps) == 1 and iri not in current:
            entities[next(iter(comps))].retired.add(iri)


def _person_variants(
    e: Resolved, entities: dict[int, Resolved], posts: dict[int, list[tuple[str, int]]]
) -> set[str]:
    """The IRIs a person had under earlier anchors: the name on any IRI ever minted for one of the
    person's organisations (so a person IRI cited before a merge of organisations still resolves)."""
    if e.kind != "person":
        return set()
    out = set()
    for _, o in posts.get(e.comp, []):
        for org_iri in entities[o].minted | {entities[o].iri}:
            out.add(entity_iri("Person", segment(e.pref), path_of(org_iri)))
    return out
