"""One article read in passes: tokens and names, context, posts, events, then relations.

The passes are in this order because each needs the one before: short forms (区委) need the
article's context; relations need the people the title chains introduce and the event the
article reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..model import Document, Entity
from . import dates
from .builder import Builder
from .lexicon import PLACE, Token, data, lexicon
from .orgs import Mention, OrgRef, Resolver, mentions
from .people import ChainReader, Names, Post, post_target
from .places import AdminPath, Context, choose_division, city_of, most_common
from .sentences import Sentence, split

HEADER = re.compile(
    r"(来源|发布时间|发表于|浏览次数|作者|责任编辑|编辑|记者|通讯员|摄影|图片|供稿|主办|地址|联系电话|Copyright|版权)[：:｜|/ ]"
)


ANAPHORS = ("该公司", "该企业", "该单位", "该集团", "该医院", "该校")


@cache
def _boilerplate_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, data("relations.yaml")["boilerplate"])))


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "“「『‘" and text[end : end + 1] in "”」』’"


@dataclass
class Sent:
    """A sentence with what the passes found in it (offsets of tokens are sentence-relative)."""

    s: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    refs: dict[int, OrgRef | None] = field(default_factory=dict)  # id(mention) → resolved
    local: dict[int, AdminPath] = field(default_factory=dict)  # id(mention) → nearest explicit district
    skip: bool = False  # boilerplate or page furniture: no facts
    dates: list = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)  # (name, sentence-relative start)
    event: Entity | None = None  # the event the sentence is about
    aside: bool = False  # dated on its own (日前 …): not part of the event

    @property
    def text(self) -> str:
        return self.s.text

    def ref(self, m: Mention) -> OrgRef | None:
        return self.refs.get(id(m))


class Article:
    def __init__(self, doc: Document):
        self.doc = doc
        self.b = Builder(doc)
        self.lex = lexicon()
        self.rel = data("relations.yaml")
        self.published = doc.date.iso if doc.date and len(doc.date.iso) >= 7 else None
        self.boiler_re = _boilerplate_re()
        self.sents: list[Sent] = []
        for s in split(doc.text):
            s = self._without_boilerplate(s)
            if s is None:
                continue
            tokens = self.lex.tokens(s.text)
            self.sents.append(Sent(s, tokens, mentions(tokens, s.start)))
        self.year = dates.year_of(self.published, doc.title, doc.text[:400])
        self.ctx = Context()
        self.hints: Counter = Counter()
        self.names = Names(doc.text)
        self.resolver: Resolver | None = None
        self.people: dict[str, Entity] = {}
        self.main_event: Entity | None = None
        self.last_pairs: list[tuple[Entity, Entity]] = []
        self.last_signing = -2
        self.last_project: Entity | None = (
            None  # the project named last (认领单位：… in the next sentence)  # index of the last sentence with a co-building
        )
        self.last_list: list[Entity] = []

    def _without_boilerplate(self, s: Sentence) -> Sentence | None:
        """The sentence after its ideological preamble (为深入学习贯彻…思想，…，7月24日下午，…召开…)."""
        hits = [m.start() for m in self.boiler_re.finditer(s.text)]
        if not hits:
            return s
        last = hits[-1]
        cut = s.text.find("，", last)
        if cut < 0 or cut + 1 >= len(s.text):
            return None
        rest = s.text[cut + 1 :]
        return Sentence(rest, s.start + cut + 1, s.end)

    # -- pass 1: context ----------------------------------------------------------------------

    def read_context(self) -> None:
        counties: Counter = Counter()
        for st in self.sents:
            st.skip = bool(HEADER.match(st.text.lstrip("（(【")) and not st.text.endswith("。"))
            for t in st.tokens:
                if t.kind == PLACE:  # every named province or city helps read an ambiguous district
                    for d in t.word.places:
                        if d.level != "county" and (d.name == t.text or t.word.short):
                            self.hints[d.city] += 1
                            self.hints[d.province] += 1
        streets: Counter = Counter()
        communities: Counter = Counter()
        companies: Counter = Counter()
        buildings: Counter = Counter()
        from .orgs import read_path

        for st in self.sents:
            for m in st.mentions:
                if _quoted(self.doc.text, m.start, m.end):
                    continue  # 「垂直社区」 is a figure of speech, not a community
                parts = read_path(m.tokens, self.hints)
                if parts.path.county:
                    counties[parts.path.county.code] += 1
                if parts.path.street and len(parts.path.street) > 2:
                    streets[parts.path.street] += 1
                if parts.path.community and len(parts.path.community) > 2:
                    communities[parts.path.community] += 1
                text = m.text
                if (
                    text.endswith(("集团有限公司", "集团股份有限公司", "有限公司", "股份有限公司"))
                    and len(text) > 6
                ):
                    companies[text] += 1
                hit = re.match(r"(.{2,12}?)(?:楼宇党委|大厦党委)$", text)
                if hit:
                    buildings[hit.group(1)] += 1
            for t in st.tokens:
                if t.kind == PLACE and not t.word.short:
                    div = choose_division(t.text, self.hints)
                    if div is not None and div.level == "county":
                        counties[div.code] += 1
        home = AdminPath()
        if counties:
            county = self.lex.divisions[most_common(counties)]
            home.county = county
            home.city = city_of(county)
            home.province = self.lex.divisions.get(county.province)
            self.ctx.counties = [self.lex.divisions[c] for c in counties]
        home.street = most_common(streets)
        home.community = most_common(communities)
        self.ctx.home = home
        # the company an enterprise website speaks for: named by the site's banner or the headline
        title_company = [c for c in companies if c in self.doc.site or c in self.doc.title]
        self.ctx.company = (
            title_company[0]
            if title_company
            else (most_common(companies) if companies and max(companies.values()) >= 2 else "")
        )
        self.ctx.building = most_common(buildings)
        self.resolver = Resolver(self.ctx, self.hints)

    # -- pass 2: organisations -----------------------------------------------------------------

    def resolve_orgs(self) -> None:
        """Resolve every mention; full names first, so that short forms can find them."""
        r = self.resolver
        for st in self.sents:
            explicit: AdminPath | None = None
            from .orgs import read_path

            for m in st.mentions:
                parts = read_path(m.tokens, self.hints)
                if parts.path.county:
                    explicit = AdminPath(county=parts.path.county).merged(self.ctx.home)
                    explicit.street = parts.path.street or ""
                    explicit.community = parts.path.community or ""
                elif explicit is not None:
                    st.local[id(m)] = explicit
        for st in self.sents:
            for m in st.mentions:
                ref = r.resolve(m, st.local.get(id(m)))
                if ref is not None and len(ref.name) >= 6:
                    r.remember(ref)
        jms: Counter = Counter()
        jm_refs: dict[str, OrgRef] = {}
        last_unit: OrgRef | None = None
        for st in self.sents:
            for m in st.mentions:
                ref = r.resolve(m, st.local.get(id(m)))
                if ref is None and m.text in ANAPHORS and last_unit is not None:
                    ref = last_unit  # 该公司: the unit named last
                st.refs[id(m)] = ref
                unit = ref.host if ref is not None and ref.host is not None else ref
                if unit is not None and unit.type in ("Enterprise", "SocialOrganization"):
                    last_unit = unit
                if ref is not None and ref.type == "JointMeeting":
                    jms[ref.key] += 1
                    jm_refs.setdefault(ref.key, ref)
        if jms:
            r.jm = jm_refs[most_common(jms)]
            for st in self.sents:  # generic forms (联席会议, 大工委) now resolve to it
                for m in st.mentions:
                    if st.refs.get(id(m)) is None:
                        st.refs[id(m)] = r.resolve(m, st.local.get(id(m)))

    def org(self, st: Sent, m: Mention) -> Entity | None:
        ref = st.ref(m)
        if ref is None:
            return None
        ent = self.b.org(ref, (m.start, m.end))
        if not self.resolver.is_generic_name(m.text) and m.text != ent.name and not m.plural:
            ent.aliases.add(m.text)
        self._structure(st, ref, ent)
        return ent

    def org_ref(self, st: Sent, ref: OrgRef) -> Entity:
        ent = self.b.org(ref)
        self._structure(st, ref, ent)
        return ent

    def _structure(self, st: Sent, ref: OrgRef, ent: Entity) -> None:
        """part_of for a department (区委组织部 → 区委); party_organization_of for a unit's Party body."""
        if ref.host is None or ref.role_only:
            return
        host = self.b.org(ref.host)
        ev = self.b.evidence(st.s, "org.name-structure", 0.8)
        if ref.dept:
            self.b.fact("part_of", ent, host, ev)
        elif ref.body in ("党委", "党支部", "党总支", "党工委", "机关党委") and ref.host.type != "Place":
            self.b.fact("party_organization_of", ent, host, ev)

    # -- pass 3: people ------------------------------------------------------------------------

    def read_people(self) -> None:
        reader = ChainReader(self.names, self.resolver)
        for st in self.sents:
            if st.skip:
                continue
            local = next(iter(st.local.values()), None)
            st.posts = reader.read(st.text, st.tokens, st.mentions, st.s.start, local)
            for p in st.posts:
                self.person(p.person, st, p.person_span[0])
        for byline in self.doc.bylines:
            if byline.name and len(byline.name) <= 4:
                self.people.setdefault(byline.name, self.b.person(byline.name))
        by_surname: dict[str, list[str]] = {}
        for name in self.people:
            by_surname.setdefault(name[0], []).append(name)
        for st in self.sents:
            found: list[tuple[str, int]] = []
            for name in self.people:
                at = st.text.find(name)
                while at >= 0:
                    found.append((name, at))
                    at = st.text.find(name, at + len(name))
            for t in st.tokens:  # 房书记, 邱部长: the one person of that surname
                if t.kind == "title" and t.start > 0:
                    cands = by_surname.get(st.text[t.start - 1], [])
                    if len(cands) == 1 and not any(a <= t.start - 1 < a + len(n) for n, a in found):
                        found.append((cands[0], t.start - 1))
            st.people = sorted(set(found), key=lambda x: x[1])

    def person(self, name: str, st: Sent, at: int) -> Entity:
        ent = self.people.get(name)
        if ent is None:
            ent = self.people[name] = self.b.person(name)
        self.b.mention(ent, (st.s.start + at, st.s.start + at + len(name)))
        return ent

    def posts(self) -> None:
        """holds_post for every post a chain states (former posts are left out)."""
        for st in self.sents:
            for p in st.posts:
                if p.org is None or p.former:
                    continue
                target, role = post_target(p.org, self.clean_role(p.title), self._party_led)
                org = self.b.org(target)
                if target is not p.org and not p.org.role_only:
                    self.b.org(p.org)  # the Party body is an entity too, though the post names the unit
                person = self.people[p.person]
                self.b.fact(
                    "holds_post", person, org, self.b.evidence(st.s, "post.title-chain", 0.85), role=role
                )

    def clean_role(self, title: str) -> str:
        for prefix in data("titles.yaml")["dropped_prefixes"]:
            if title.startswith(prefix):
                return title[len(prefix) :]
        return title

    def _party_led(self, ref: OrgRef) -> bool:
        host = ref.host
        if host is None:
            return False
        if host.type == "Place" or host.type == "PartyOrganization":
            return True
        return any(host.name.endswith(w) for w in lexicon().orgs["party_led_hosts"])
