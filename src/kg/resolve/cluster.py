"""Which mentions are one entity: rules per kind of entity, and a deterministic union-find.

Each rule proposes links between mentions with a score and a name (the merge history shows it).
Links are applied strongest first, in an order that depends only on what the articles minted, so
any build order gives the same entities. A link is refused when it would put one entity in two
places (or join what a review decision keeps apart). Links too weak to apply, and merges made on
thin evidence, become candidates for `kg review`.

Blocking keeps this fast: organisations meet only when a reading of their names gives the same
key (or a key that contracts to another with the same first character), persons only with the same
name, events only within a week.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache

from rapidfuzz import fuzz

from ..extract.lexicon import data
from .iri import article_scoped, class_segment, normalise
from .mentions import Corpus, Mention
from .names import OrgName, analyse, contraction, party_body_unit
from .places import LEVELS, Context, divisions

MERGE = 0.85  # organisations, places …: how sure the names must be
PERSON_MERGE = (
    1.5  # persons: one of shared organisation (3), related ones (2), same district (2), same city (1.5)
)
EVENT_MERGE = 1.5  # events: names alike (1), same host (1), shared attendees (1), same venue (0.5)
SHARED_ORG = 3.0  # a person link through a shared organisation
SURE = 0.9  # an organisation merged on less than this stays on the `kg review` list


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    score: float
    rule: str
    decision: str = ""  # the review decision that forces it


def confidence(link: Link) -> float:
    """A link's score on the 0–1 scale of pbkg:confidence. Organisation and place scores already
    are; person and event scores add evidence (merge at 1.5, all of it 3) and are squashed."""
    if link.decision:
        return 1.0
    return link.score if link.score <= 1 else min(1.0, 0.5 + link.score / 6)


@dataclass
class Candidate:
    a: int
    b: int
    score: float
    rule: str


@dataclass
class Result:
    """Components of mentions, the links that made them, and what a reviewer should look at."""

    mentions: list[Mention]
    root: dict[int, int]  # mention id → component id (the smallest mention id in it)
    accepted: list[Link] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    related: set[tuple[int, int]] = field(default_factory=set)  # (party body comp, unit comp)

    def components(self) -> dict[int, list[Mention]]:
        out: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[self.root[m.id]].append(m)
        return dict(out)


class Components:
    """Union-find over mentions that keeps each component's place and the pairs kept apart."""

    def __init__(self, mentions: list[Mention]):
        self.parent = list(range(len(mentions)))
        self.members: dict[int, set[int]] = {m.id: {m.id} for m in mentions}
        # two entities one article keeps apart are two (its extractor already read them as such)
        self.graphs: dict[int, set[str]] = {m.id: {m.graph} for m in mentions}
        self.ctx: dict[int, Context] = {m.id: Context() for m in mentions}
        self.apart: dict[int, set[int]] = defaultdict(set)
        self.accepted: list[Link] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def place(self, i: int, ctx: Context) -> None:
        r = self.find(i)
        if self.ctx[r].compatible(ctx):
            self.ctx[r] = self.ctx[r].merge(ctx)

    def keep_apart(self, a: int, b: int) -> None:
        self.apart[a].add(b)
        self.apart[b].add(a)

    def blocked(self, ra: int, rb: int, compatible: Callable[[Context, Context], bool]) -> bool:
        if any(self.apart[x] & self.members[rb] for x in self.members[ra]):
            return True
        if self.graphs[ra] & self.graphs[rb]:
            return True
        return not compatible(self.ctx[ra], self.ctx[rb])

    def join(self, link: Link, compatible: Callable[[Context, Context], bool] = Context.compatible) -> bool:
        ra, rb = self.find(link.a), self.find(link.b)
        if ra == rb:
            return False
        if link.decision:
            if any(self.apart[x] & self.members[rb] for x in self.members[ra]):
                return False
        elif self.blocked(ra, rb, compatible):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.graphs[ra] |= self.graphs.pop(rb)
        self.ctx[ra] = (
            self.ctx[ra].merge(self.ctx[rb]) if self.ctx[ra].compatible(self.ctx[rb]) else self.ctx[ra]
        )
        self.accepted.append(link)
        return True

    def same(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def comp(self, i: int) -> int:
        """A component's stable id: its smallest mention id."""
        return min(self.members[self.find(i)])


def ordered(links: Iterable[Link], mentions: list[Mention]) -> list[Link]:
    """Strongest first; ties broken by what the articles minted (never by arrival order)."""
    return sorted(
        links,
        key=lambda lk: (-lk.score, lk.rule, *sorted((mentions[lk.a].minted, mentions[lk.b].minted))),
    )


def anywhere(a: Context, b: Context) -> bool:
    return True


def city_level(a: Context, b: Context) -> bool:
    """Persons move between districts of a city: only province and city must agree."""
    return Context(a.province, a.city).compatible(Context(b.province, b.city))


# ---------------------------------------------------------------- organisations, places, names


def org_context(m: Mention, reading_ctx: Context | None = None) -> Context:
    """Where an organisation mention is: what its article made certain, or for a local unit (a
    street, a community) the place the article is about."""
    reading_ctx = reading_ctx or Context()
    ctx = m.ctx.merge(reading_ctx) if m.ctx.compatible(reading_ctx) else m.ctx
    if not ctx and analyse(m.name).local:
        return m.actx
    return ctx


def place_key(name: OrgName, m: Mention) -> tuple | None:
    """The key of a place's own body (黄浦区委 → (上海市黄浦区, 委)), or None when the place is unknown."""
    ctx = divisions().complete(name.places) if name.places else Context()
    if name.level:
        ctx = m.ctx.merge(m.actx)
        if not getattr(ctx, name.level):
            return None
        keep = LEVELS[: LEVELS.index(name.level) + 1]
        ctx = Context(*(getattr(ctx, lv) if lv in keep else "" for lv in LEVELS))
    return ("place", ctx.qualifier(), name.body) if ctx else None


@cache
def known_short_forms() -> dict[str, str]:
    return {normalise(k): normalise(v) for k, v in (data("short_forms.yaml").get("known") or {}).items()}


HOW = {
    "alias": "a name the article gives as an alias",
    "known": "a known short form (short_forms.yaml)",
    "place": "the same once a leading 上海/北京… is read as a place",
}


def same_name(how_a: str, how_b: str) -> tuple[float, str]:
    """Score and rule of a link between two names with one key, by how each got that key."""
    hows = sorted({how_a, how_b} - {"name"})
    score = 0.9 if "place" in hows else 1.0
    return score, "same name" + "".join(f"; {HOW[h]}" for h in hows)


def org_keys(m: Mention) -> list[tuple[tuple, str, Context]]:
    """(key, how, context) for every name of an organisation mention; `how` says whether the key
    comes from its name as written, an alias the article gives, the known short forms, or the name
    with a leading province or city short form read as a place."""
    scoped = article_scoped(m.minted[0])  # a generic name: only a place the article is about can pin it
    out = []
    labels = {lab: "name" for lab in m.names}
    labels.update({lab: "alias" for lab in m.aliases - m.names})
    for lab in list(labels):
        full = known_short_forms().get(normalise(lab))
        if full and full not in labels:
            labels[full] = "known"
    for label, how in sorted(labels.items()):
        name = analyse(label)
        if name.is_place_body:
            key = place_key(name, m)
            if key:
                out.append((key, how, Context()))
            continue
        if name.generic or scoped:
            continue
        for i, (unit, ctx) in enumerate(name.readings()):
            out.append((("unit", unit, name.body, name.street), "place" if i else how, ctx))
    return out


def block_links(
    block: list[tuple[Mention, str, Context]], score_of: Callable[[str, str], tuple[float, str]]
) -> tuple[list[Link], list[Candidate]]:
    """Links within a block of mentions that share a key, one place at a time: each joins the one
    group of its block whose place it fits; a mention that fits several is left for review."""
    links: list[Link] = []
    cands: list[Candidate] = []
    groups: list[tuple[Context, Mention, str]] = []  # (place, head, how the head got the key)
    seen: set[int] = set()
    for m, reading, ctx in sorted(block, key=lambda t: (-len(t[2].known()), t[2].known(), t[0].minted, t[1])):
        if m.id in seen:
            continue
        seen.add(m.id)
        fits = [i for i, (gctx, _, _) in enumerate(groups) if gctx.compatible(ctx)]
        if len(fits) == 1:
            gctx, head, hr = groups[fits[0]]
            links.append(Link(head.id, m.id, *score_of(hr, reading)))
            groups[fits[0]] = (gctx.merge(ctx), head, hr)
        elif not fits:
            groups.append((ctx, m, reading))
        else:
            cands += [
                Candidate(groups[i][1].id, m.id, 0.5, "same name, but it fits several places") for i in fits
            ]
    return links, cands


def resolve_orgs(corpus: Corpus, uf: Components) -> list[Candidate]:
    """Same names first; then articles that name no district get the one their streets are known to
    be in (so their 区委 can be resolved) and names are linked again; then short forms."""
    orgs = [m for m in corpus.mentions if m.kind == "org"]
    for m in orgs:
        uf.place(m.id, org_context(m))
    cands = link_same_names(corpus, orgs, uf)
    if place_articles(corpus, uf):
        cands = link_same_names(corpus, orgs, uf)
    cands += contractions(corpus, orgs, uf)
    return cands


def link_same_names(corpus: Corpus, orgs: list[Mention], uf: Components) -> list[Candidate]:
    blocks: dict[tuple, list[tuple[Mention, str, Context]]] = defaultdict(list)
    for m in orgs:
        for key, how, ctx in org_keys(m):
            blocks[key].append((m, how, org_context(m, ctx)))
    links, cands = [], []
    for _, block in sorted(blocks.items()):
        got, maybe = block_links(block, same_name)
        links += got
        cands += maybe
    for lk in ordered(links, corpus.mentions):
        uf.join(lk)
    return cands


def place_articles(corpus: Corpus, uf: Components) -> bool:
    """An article that names no district but whose streets and communities all lie in one (as other
    articles tell) is about that district. Returns whether any article got a place this way."""
    found: dict[str, set[Context]] = defaultdict(set)
    for m in corpus.mentions:
        if m.kind == "org" and not m.actx and analyse(m.name).local:
            ctx = uf.ctx[uf.find(m.id)]
            if ctx.district:
                found[m.graph].add(Context(ctx.province, ctx.city, ctx.district))
    placed = {g: next(iter(cs)) for g, cs in found.items() if len(cs) == 1}
    for m in corpus.mentions:
        if m.graph in placed:
            m.actx = placed[m.graph]
    return bool(placed)


def contractions(corpus: Corpus, orgs: list[Mention], uf: Components) -> list[Candidate]:
    """Short forms across articles: 上海建工 ~ 上海建工集团股份有限公司. A short form followed only by a
    parent word (集团, 公司) merges when it fits one full name only; any other contraction merges when
    it is the only one and both are in the same city; the rest go to review."""
    units: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # (unit, body, street) → components
    named: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # the same, by names alone
    for m in orgs:
        for key, how, _ in org_keys(m):
            if key[0] == "unit":
                units[key[1:]].add(uf.comp(m.id))
                if how in ("name", "place"):
                    named[key[1:]].add(uf.comp(m.id))
    by_start: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for unit, body, street in units:
        if unit:
            by_start[(body, unit[0])].append((unit, body, street))
    proposals: dict[int, list[tuple[float, int, str]]] = defaultdict(
        list
    )  # short comp → (score, full comp, rule)
    for group in by_start.values():
        group.sort(key=lambda k: (len(k[0]), k))
        for i, short in enumerate(group):
            for full in group[i + 1 :]:
                if short[2] and full[2] and short[2] != full[2]:
                    continue
                score = contraction(short[0], full[0])
                if score < 0.4:
                    continue
                for cs in named[short]:  # an entity is a short form by its name, not by its aliases
                    for cf in units[full]:
                        if uf.find(cs) != uf.find(cf) and uf.ctx[uf.find(cs)].compatible(uf.ctx[uf.find(cf)]):
                            proposals[cs].append((score, cf, f"{short[0]} is a short form of {full[0]}"))
    cands: list[Candidate] = []
    links: list[Link] = []
    for cs, props in sorted(proposals.items()):
        fulls = {uf.find(cf) for _, cf, _ in props}
        best = max(props, key=lambda p: (p[0], -p[1]))
        score, cf, rule = best
        if len(fulls) == 1 and score >= 0.9:
            links.append(Link(cs, cf, 0.9, rule))
        elif len(fulls) == 1 and same_city(orgs_of(uf, cs, orgs), orgs_of(uf, cf, orgs)):
            links.append(Link(cs, cf, 0.86, rule + ", the only one in the same city"))
        else:
            cands += [Candidate(cs, f, s, r) for s, f, r in props]
    for lk in ordered(links, corpus.mentions):
        if not uf.join(lk):
            cands.append(Candidate(lk.a, lk.b, lk.score, lk.rule + " (places disagree)"))
        elif lk.score < SURE:
            cands.append(Candidate(lk.a, lk.b, lk.score, "merged: " + lk.rule))
    return cands


def orgs_of(uf: Components, comp: int, orgs: list[Mention]) -> list[Mention]:
    root = uf.find(comp)
    return [m for m in orgs if uf.find(m.id) == root]


def same_city(a: list[Mention], b: list[Mention]) -> bool:
    """Both sides are placed (by themselves or their articles) in the same city."""
    ca = {(m.ctx or m.actx).city for m in a} - {""}
    cb = {(m.ctx or m.actx).city for m in b} - {""}
    return len(ca) == 1 and ca == cb


def party_links(corpus: Corpus, uf: Components) -> set[tuple[int, int]]:
    """Party bodies and the units they lead (中共X委员会 → X), as component pairs."""
    unit_index: dict[tuple, set[int]] = defaultdict(set)
    bodies: list[tuple[Mention, OrgName]] = []
    for m in corpus.mentions:
        if m.kind != "org" or article_scoped(m.minted[0]):
            continue
        for label in m.labels:
            name = analyse(label)
            if name.body:
                bodies.append((m, name))
            elif not name.generic and not name.is_place_body:
                for unit, _ in name.readings():
                    unit_index[(unit, name.street)].add(uf.comp(m.id))
    out: set[tuple[int, int]] = set()
    for m, name in bodies:
        unit = party_body_unit(name)
        if unit is None:
            continue
        for reading, ctx in unit.readings():
            for comp in unit_index.get((reading, unit.street), ()):
                if comp != uf.comp(m.id) and uf.ctx[uf.find(comp)].compatible(org_context(m, ctx)):
                    out.add((uf.comp(m.id), comp))
    return out


def resolve_named(corpus: Corpus, uf: Components, kinds: set[str]) -> list[Candidate]:
    """Places, projects, documents: the same normalised name in compatible places (an administrative
    area by its full chain: 黄浦区 = 上海市黄浦区)."""
    blocks: dict[tuple, list[tuple[Mention, str, Context]]] = defaultdict(list)
    for m in corpus.mentions:
        if m.kind not in kinds or article_scoped(m.minted[0]):
            continue
        ctx = m.ctx or m.actx
        uf.place(m.id, ctx)
        keys = {(m.kind, normalise(label)) for label in m.labels}
        if m.kind == "place":
            keys |= {("place", q) for q in {_area(label) for label in m.labels} if q}
        for key in keys:
            blocks[key].append((m, "name", ctx))
    links, cands = [], []
    for _, block in sorted(blocks.items()):
        got, maybe = block_links(block, same_name)
        links += got
        cands += maybe
    for lk in ordered(links, corpus.mentions):
        uf.join(lk)
    return cands


def _area(label: str) -> str:
    places, rest = divisions().leading(normalise(label))
    return divisions().complete(divisions().context(places)).qualifier() if places and not rest else ""


# ---------------------------------------------------------------- persons


@dataclass
class PersonProfile:
    orgs: frozenset[int]  # organisation components the person holds posts in (in this article)
    placed: Context  # where those organisations are
    soft: Context  # where the article is (when the posts place nothing)


def person_profiles(corpus: Corpus, uf: Components) -> dict[int, PersonProfile]:
    posts: dict[int, set[int]] = defaultdict(set)
    for st in corpus.statements:
        if st.relation != "holds_post":
            continue
        p, o = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
        if p and o:
            posts[p.id].add(uf.comp(o.id))
    out = {}
    for m in corpus.mentions:
        if m.kind != "person":
            continue
        placed = m.ctx
        for c in sorted(posts[m.id]):
            if placed.compatible(uf.ctx[uf.find(c)]):
                placed = placed.merge(uf.ctx[uf.find(c)])
        out[m.id] = PersonProfile(frozenset(posts[m.id]), placed, m.actx)
    return out


def person_score(a: PersonProfile, b: PersonProfile, related: set[tuple[int, int]]) -> tuple[float, str]:
    """How surely two mentions of one name are one person, and why (negative: two people)."""
    if a.orgs & b.orgs:
        return SHARED_ORG, "same name, same organisation"
    pa, pb = a.placed or a.soft, b.placed or b.soft
    if not city_level(pa, pb):
        return -1.0, "same name, different cities"
    if any((x, y) in related or (y, x) in related for x in a.orgs for y in b.orgs):
        return 2.0, "same name, related organisations"
    level = pa.agreement(pb)
    if a.placed and b.placed:
        return {"district": 2.0, "city": 1.5, "province": 0.5}.get(
            level, 0.0
        ), f"same name, same {level or 'nothing'}"
    if level in ("district", "city"):
        bare = not a.orgs and not b.orgs
        score = {"district": 1.5 if bare else 1.0, "city": 1.0 if bare else 0.75}[level]
        return score, f"same name, articles about the same {level}"
    return 0.0, "same name only"


def resolve_persons(corpus: Corpus, uf: Components, related: set[tuple[int, int]]) -> list[Candidate]:
    profiles = person_profiles(corpus, uf)
    blocks: dict[str, list[Mention]] = defaultdict(list)
    for m in corpus.mentions:
        if m.kind == "person":
            blocks[normalise(m.name)].append(m)
            uf.place(m.id, profiles[m.id].placed)  # the article's place is too weak to keep people apart
    links, cands = [], []
    for _, block in sorted(blocks.items()):
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                score, rule = person_score(profiles[a.id], profiles[b.id], related)
                if score < 0:
                    uf.keep_apart(a.id, b.id)
                elif score >= PERSON_MERGE:
                    links.append(Link(a.id, b.id, score, rule))
                elif score > 0:
                    cands.append(Candidate(a.id, b.id, score, rule))
    for lk in ordered(links, corpus.mentions):
        # one organisation is stronger evidence than places: people move (a group's chairman in 西安
        # and in 成都 is one person)
        uf.join(lk, anywhere if lk.score >= SHARED_ORG else city_level)
    for _, block in sorted(blocks.items()):
        cands += _attach_unplaced(block, profiles, uf)
    return cands


def _attach_unplaced(
    block: list[Mention], profiles: dict[int, PersonProfile], uf: Components
) -> list[Candidate]:
    """A mention with no post and no place joins the one person of that name, if there is one; the
    merge stays on the review list."""
    unplaced = [
        m for m in block if not profiles[m.id].orgs and not profiles[m.id].placed and not profiles[m.id].soft
    ]
    placed_roots = sorted({uf.find(m.id) for m in block if m not in unplaced})
    out = []
    for m in unplaced:
        if len(placed_roots) == 1:
            head = min(uf.members[placed_roots[0]])
            if uf.join(Link(head, m.id, 1.0, "same name, the only person of that name"), city_level):
                out.append(Candidate(head, m.id, 1.0, "merged: same name, the only person of that name"))
        elif placed_roots:
            out += [
                Candidate(min(uf.members[r]), m.id, 0.5, "same name, several people of that name")
                for r in placed_roots
            ]
    return out


# ---------------------------------------------------------------- committees


def resolve_committees(corpus: Corpus, uf: Components) -> list[Candidate]:
    parent: dict[int, int] = {}
    for st in corpus.statements:
        if st.relation == "has_committee":
            jm, c = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
            if jm and c:
                parent[c.id] = uf.comp(jm.id)
    blocks: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in corpus.mentions:
        if m.kind == "committee" and m.id in parent:
            blocks[(normalise(m.name), uf.comp(parent[m.id]))].append(m)
    for _, block in sorted(blocks.items()):
        for m in block[1:]:
            uf.join(Link(block[0].id, m.id, 1.0, "same name, same joint meeting"))
    return []


# ---------------------------------------------------------------- events


@cache
def _event_lexicon() -> tuple[tuple[str, ...], re.Pattern]:
    d = data("resolution.yaml")
    kinds = tuple(sorted(d["event_kinds"], key=len, reverse=True))
    return kinds, re.compile("|".join(d["event_name_noise"]))


def event_kind(name: str) -> str:
    return next((k for k in _event_lexicon()[0] if name.endswith(k)), "")


def event_core(name: str) -> str:
    return _event_lexicon()[1].sub("", normalise(name))


@dataclass
class EventProfile:
    date: str
    core: str
    kind: str
    hosts: frozenset[int]
    venues: frozenset[int]
    attendees: frozenset[int]


def event_profiles(corpus: Corpus, uf: Components) -> dict[int, EventProfile]:
    dates: dict[int, set[str]] = defaultdict(set)
    rel: dict[tuple[int, str], set[int]] = defaultdict(set)
    for st in corpus.statements:
        if st.relation == "event_date":
            e = corpus.mention(st.graph, st.subject)
            if e:
                dates[e.id].add(st.object)
        elif st.relation in ("event_of", "event_place"):
            e, o = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
            if e and o:
                rel[(e.id, st.relation)].add(uf.comp(o.id))
        elif st.relation == "attended":
            p, e = corpus.mention(st.graph, st.subject), corpus.mention(st.graph, st.object)
            if p and e:
                rel[(e.id, "attended")].add(uf.comp(p.id))
    out = {}
    for m in corpus.mentions:
        if m.kind != "event":
            continue
        minted = m.minted[0].split("/")
        date = (
            min(dates[m.id])
            if dates[m.id]
            else (
                minted[-2]
                if class_segment(m.minted[0]) == "event"
                and len(minted) > 2
                and re.fullmatch(r"\d{4}(-\d\d){0,2}", minted[-2])
                else ""
            )
        )
        out[m.id] = EventProfile(
            date,
            event_core(m.name),
            event_kind(m.name),
            frozenset(rel[(m.id, "event_of")]),
            frozenset(rel[(m.id, "event_place")]),
            frozenset(rel[(m.id, "attended")]),
        )
    return out


def event_score(a: EventProfile, b: EventProfile) -> tuple[float, str]:
    if a.kind and b.kind and a.kind != b.kind:
        return -1.0, "different kinds of meeting"
    if a.venues and b.venues and not a.venues & b.venues:
        return -1.0, "different venues"
    reasons, score = [], 0.0
    sim = fuzz.ratio(a.core, b.core) / 100 if a.core and b.core else 0.0
    if sim >= 0.85:
        score, reasons = score + 1.0, [*reasons, "names alike"]
    elif sim >= 0.6:
        score, reasons = score + 0.5, [*reasons, "names similar"]
    if a.hosts & b.hosts:
        score, reasons = score + 1.0, [*reasons, "same host"]
    shared = len(a.attendees & b.attendees)
    if shared:
        score, reasons = score + (1.0 if shared >= 2 else 0.5), [*reasons, f"{shared} attendee(s) in common"]
    if a.venues & b.venues:
        score, reasons = score + 0.5, [*reasons, "same venue"]
    return score, "same day, " + ", ".join(reasons or ["nothing else in common"])


def _day(iso: str) -> Date | None:
    try:
        return Date.fromisoformat(iso) if len(iso) == 10 else None
    except ValueError:
        return None


def resolve_events(corpus: Corpus, uf: Components) -> list[Candidate]:
    profiles = event_profiles(corpus, uf)
    by_date: dict[str, list[int]] = defaultdict(list)
    for mid, p in sorted(profiles.items(), key=lambda kv: (kv[1].date, corpus.mentions[kv[0]].minted)):
        if p.date and not article_scoped(corpus.mentions[mid].minted[0]):
            by_date[p.date].append(mid)
    links, cands = [], []
    for ids in by_date.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                score, rule = event_score(profiles[a], profiles[b])
                if score < 0:
                    uf.keep_apart(a, b)
                elif score >= EVENT_MERGE:
                    links.append(Link(a, b, score, rule))
                elif score > 0:
                    cands.append(Candidate(a, b, score, rule))
    links += other_days(by_date, profiles)
    for lk in ordered(links, corpus.mentions):
        uf.join(lk, anywhere)
    return cands


def other_days(by_date: dict[str, list[int]], profiles: dict[int, EventProfile]) -> list[Link]:
    """The same meeting reported with another date (within a week): names nearly equal and the same
    host or two attendees in common. `kg report conflicts` then shows both dates."""
    days = sorted((d, iso) for iso in by_date if (d := _day(iso)) is not None)
    out = []
    for i, (d0, iso0) in enumerate(days):
        for d1, iso1 in days[i + 1 :]:
            if (d1 - d0).days > 7:
                break
            for a in by_date[iso0]:
                for b in by_date[iso1]:
                    pa, pb = profiles[a], profiles[b]
                    linked = pa.hosts & pb.hosts or len(pa.attendees & pb.attendees) >= 2
                    if linked and fuzz.ratio(pa.core, pb.core) >= 90 and event_score(pa, pb)[0] >= 0:
                        out.append(Link(a, b, 1.5, "same meeting, dates differ"))
    return out


# ---------------------------------------------------------------- all together


def cluster(corpus: Corpus, same: list[Link] = (), different: list[tuple[int, int]] = ()) -> Result:
    """Resolve every mention. `same` and `different` come from review decisions and win over rules."""
    uf = Components(corpus.mentions)
    for a, b in different:
        uf.keep_apart(a, b)
    for lk in same:
        uf.join(lk)
    cands = resolve_orgs(corpus, uf)
    related = party_links(corpus, uf)
    cands += resolve_named(corpus, uf, {"place", "project", "document"})
    cands += resolve_persons(corpus, uf, related)
    cands += resolve_committees(corpus, uf)
    cands += resolve_events(corpus, uf)
    root = {m.id: uf.comp(m.id) for m in corpus.mentions}
    related = {(root[a], root[b]) for a, b in related if root[a] != root[b]}
    cands = [c for c in cands if c.rule.startswith("merged") or root[c.a] != root[c.b]]
    return Result(corpus.mentions, root, uf.accepted, _dedupe(cands, root), related)


def _dedupe(cands: list[Candidate], root: dict[int, int]) -> list[Candidate]:
    """One candidate per pair of components (the strongest)."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = tuple(sorted((root[c.a], root[c.b]))) if root[c.a] != root[c.b] else (c.a, c.b)
        if key not in best or c.score > best[key].score:
            best[key] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.a, c.b))
