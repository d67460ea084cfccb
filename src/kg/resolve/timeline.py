"""Post timelines: when each post holding is attested, and who came after whom.

A holding's dates are those of the events (or, failing those, the articles) that attest it:
`pbkg:firstSeen` and `pbkg:lastSeen`. In a single-seat post (书记, 董事长 …; resolution.yaml), a
holder attested after the previous holder's last date succeeds them: the earlier holding
`pbkg:endedBy` the later one and `pbkg:endedNoLaterThan` its first date. Two holders attested at
overlapping dates are a conflict between sources (`kg report conflicts`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from .. import vocab as V
from ..extract.lexicon import data
from ..rdf import date_literal, zh
from .canonical import Resolved
from .iri import holding_iri, post_iri
from .mentions import Corpus, Statement


@dataclass
class Holding:
    iri: str
    person: str
    org: str
    role: str
    dates: set[str] = field(default_factory=set)
    statements: list[Statement] = field(default_factory=list)
    ended_by: str = ""
    ended_no_later_than: str = ""

    @property
    def first(self) -> str:
        return min(self.dates) if self.dates else ""

    @property
    def last(self) -> str:
        return max(self.dates) if self.dates else ""

    @property
    def post(self) -> str:
        return post_iri(self.org, self.role)


@cache
def single_seat_roles() -> frozenset[str]:
    return frozenset(data("resolution.yaml")["single_seat_roles"])


def event_dates(corpus: Corpus) -> dict[str, str]:
    """Article graph → the date of the (earliest) event it reports."""
    out: dict[str, str] = {}
    for st in corpus.statements:
        if st.relation == "event_date" and (st.graph not in out or st.object < out[st.graph]):
            out[st.graph] = st.object
    return out


def holdings(corpus: Corpus, root: dict[int, int], entities: dict[int, Resolved]) -> list[Holding]:
    """Every post holding across the articles, with the dates that attest it."""
    published = {m.graph: m.date for m in corpus.mentions}
    events = event_dates(corpus)
    out: dict[str, Holding] = {}
    for st in corpus.statements:
        if st.relation != "holds_post":
            continue
        p, o = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
        if not (p and o):
            continue
        person, org = entities[root[p.id]].iri, entities[root[o.id]].iri
        iri = holding_iri(person, org, st.role)
        h = out.setdefault(iri, Holding(iri, person, org, st.role))
        when = st.date or events.get(st.graph) or published.get(st.graph, "")
        if when:
            h.dates.add(when)
        h.statements.append(st)
    found = sorted(out.values(), key=lambda h: h.iri)
    successions(found)
    return found


def successions(found: list[Holding]) -> list[tuple[Holding, Holding]]:
    """Mark who succeeded whom in single-seat posts; return the overlapping pairs (conflicts)."""
    by_post: dict[str, list[Holding]] = defaultdict(list)
    for h in found:
        if h.role in single_seat_roles() and h.dates:
            by_post[h.post].append(h)
    overlaps = []
    for group in by_post.values():
        group.sort(key=lambda h: (h.first, h.last, h.iri))
        for i, h in enumerate(group):
            later = [n for n in group[i + 1 :] if n.person != h.person and n.first > h.last]
            if later:
                nxt = min(later, key=lambda n: (n.first, n.iri))
                h.ended_by, h.ended_no_later_than = nxt.iri, nxt.first
            overlaps += [(h, n) for n in group[i + 1 :] if n.person != h.person and n.first <= h.last]
    return overlaps


def timeline_quads(found: list[Holding]) -> list[ox.Quad]:
    g = ox.NamedNode(V.ENTITY_GRAPH)
    T, E = V.term, V.ext
    out = []
    for h in found:
        node = ox.NamedNode(h.iri)
        triples = [
            (node, V.RDF_TYPE, T("PostHolding")),
            (node, E("org", "member"), ox.NamedNode(h.person)),
            (node, E("org", "organization"), ox.NamedNode(h.org)),
            (node, T("post"), ox.NamedNode(h.post)),
            (node, T("role"), zh(h.role)),
            (ox.NamedNode(h.post), V.RDF_TYPE, T("Post")),
            (ox.NamedNode(h.post), E("org", "postIn"), ox.NamedNode(h.org)),
            (ox.NamedNode(h.post), T("role"), zh(h.role)),
        ]
        if h.dates:
            triples += [
                (node, T("firstSeen"), date_literal(h.first)),
                (node, T("lastSeen"), date_literal(h.last)),
            ]
        if h.ended_by:
            triples += [
                (node, T("endedBy"), ox.NamedNode(h.ended_by)),
                (node, T("endedNoLaterThan"), date_literal(h.ended_no_later_than)),
            ]
        out += [ox.Quad(s, p, o, g) for s, p, o in triples]
    return out
