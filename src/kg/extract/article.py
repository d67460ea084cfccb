"""One article read in passes: tokens and names, context, posts, events, then relations.

The passes are in this order because each needs the one before: short forms (区委) need the
article's context; relations need the people the title chains introduce and the event the
article reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from ..model import Document, Entity
from . import dates
from .builder import Builder
from .lexicon import PLACE, TITLE, Division, Token, data, lexicon
from .orgs import ABBREVIATION, Mention, OrgRef, Resolver, is_generic_name, mentions
from .people import ChainReader, Names, Post, post_target
from .places import AdminPath, Context, choose_division, city_of, most_common
from .sentences import Sentence, split

HEADER = re.compile(
    r"(来源|发布时间|发表于|浏览次数|作者|责任编辑|编辑|记者|通讯员|摄影|图片|供稿|主办|地址|联系电话|Copyright|版权)[：:｜|/ ]"
)


@cache
def _untitled_frames() -> list[re.Pattern]:
    return [re.compile(f) for f in data("names.yaml")["untitled_name_frames"]]


@cache
def _boilerplate_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, data("relations.yaml")["boilerplate"])))


def _in_title(text: str, at: int) -> bool:
    """`at` inside a 《title》: a name there is part of a document's title."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "“「『‘" and text[end : end + 1] in "”」』’"


# a section header of a digest: 【夜明珠街道】商圈党建联盟吸纳新成员
SECTION = re.compile(r"【[^】]{2,20}】")
# the quoted head of a name: “科创红盟”党建联盟
QUOTED_HEAD = re.compile(r"[“「]([^”」]{2,8})[”」]")
# the Party committee of a building: 鹏瀚金融中心|楼宇党委
BUILDING_BODY = re.compile(r"(.{2,12}?)(?:楼宇党委|大厦党委)$")


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
        self.boiler_re = _boilerplate_re()
        self.sents: list[Sent] = []
        for s in split(doc.text):
            s = self._without_boilerplate(s)
            if s is None:
                continue
            tokens = self.lex.tokens(s.text)
            self.sents.append(Sent(s, tokens, mentions(tokens, s.start, s.text)))
        for st, found in zip(self.sents, dates.by_sentence(doc, [st.s for st in self.sents]), strict=True):
            st.dates = found
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
        self.last_list: list[Entity] = []  # the units of the last list (members, parties)
        self.last_members: list[Entity] = []  # the units the last member sentence named
        self.members: list[Entity] = []  # every unit made a member so far, in order
        self._org_of: dict[int, Entity | None] = {}  # id(mention) → its entity (see `org`)

    def _without_boilerplate(self, s: Sentence) -> Sentence | None:
        """The sentence after its ideological preamble (为深入学习贯彻…思想，…，7月24日下午，…召开…)."""
        hits = [m.start() for m in self.boiler_re.finditer(s.text) if not self._in_name(s.text, m.end())]
        if not hits:
            return s
        last = hits[-1]
        cut = s.text.find("，", last)
        if cut < 0 or cut + 1 >= len(s.text):
            return None
        rest = s.text[cut + 1 :]
        return Sentence(rest, s.start + cut + 1, s.end)

    def _speaks_for(self, units: Counter, forms_key: str) -> str:
        """The unit a site speaks for (a company's 公司, 集团党委; a school's or hospital's 校党委, 我院):
        the one its title or site names, else the one named twice or more, else the only one named
        when the text speaks of it by a generic form (公司党委书记, 我公司 … 版权所有; 院党委书记)."""
        named = [c for c in units if c in self.doc.site or c in self.doc.title]
        if named:
            return named[0]
        if units and max(units.values()) >= 2:
            return most_common(units)
        forms = self.lex.orgs[forms_key]
        generic = any(m.text in forms for st in self.sents for m in st.mentions)
        if generic and not units:  # named by the site alone (西安雁川科技学院新闻网)
            return self._site_unit(forms_key)
        return next(iter(units)) if generic and len(units) == 1 else ""

    def _site_unit(self, forms_key: str) -> str:
        """The unit the site's name begins with (西安雁川科技学院|新闻网), of the kind `forms_key` is
        about, or ''."""
        words = self.lex.orgs["institution_words" if forms_key == "institution_forms" else "legal_forms"]
        toks = self.lex.tokens(self.doc.site)
        for k in range(len(toks), 1, -1):
            name = "".join(t.text for t in toks[:k])
            if toks[0].kind == PLACE and toks[k - 1].kind == "org" and name.endswith(tuple(words)):
                return name
        return ""

    def _in_name(self, text: str, end: int) -> bool:
        """A marker that is part of a name (马克思主义学院): an organisation word follows it."""
        nxt = self.lex.tokens(text[end : end + 6])
        return bool(nxt) and nxt[0].kind == "org"

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
        seen: dict = {}  # code → division (development zones are not in the gazetteer)
        streets: Counter = Counter()
        communities: Counter = Counter()
        companies: Counter = Counter()
        buildings: Counter = Counter()
        institutions: Counter = Counter()
        inst_words = tuple(self.lex.orgs["institution_words"])
        chosen: dict[str, Division | None] = {}  # place name → the division it means
        for st in self.sents:
            for m in st.mentions:
                if _quoted(self.doc.text, m.start, m.end):
                    continue  # 「垂直社区」 is a figure of speech, not a community
                parts = m.parts(self.hints)
                if parts.path.county:
                    counties[parts.path.county.code] += 1
                    seen[parts.path.county.code] = parts.path.county
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
                elif text.endswith(inst_words) and m.tokens[0].kind == PLACE and len(text) > 4:
                    institutions[text] += 1
                hit = BUILDING_BODY.match(text)
                if hit:
                    buildings[hit.group(1)] += 1
            for t in st.tokens:
                if t.kind == PLACE and not t.word.short:
                    if t.text not in chosen:  # (the hints are all counted: one choice per name)
                        chosen[t.text] = choose_division(t.text, self.hints)
                    div = chosen[t.text]
                    if div is not None and div.level == "county":
                        counties[div.code] += 1
        home = AdminPath()
        seen.update((c, self.lex.divisions[c]) for c in counties if c in self.lex.divisions)
        if counties:
            county = seen[most_common(counties)]
            self.ctx.home_named = counties[county.code]
            home.county = county
            home.city = city_of(county)
            home.province = self.lex.divisions.get(county.province)
            self.ctx.counties = [seen[c] for c in counties]
        if home.city is None:  # no district named: the city the article names most
            cities = Counter({c: n for c, n in self.hints.items() if c in self.lex.divisions and n})
            cities = Counter({c: n for c, n in cities.items() if self.lex.divisions[c].level == "city"})
            if cities:
                home.city = self.lex.divisions[most_common(cities)]
                home.province = self.lex.divisions.get(home.city.province)
        home.street = most_common(streets)
        home.community = most_common(communities)
        self.ctx.home = home
        # the company an enterprise website speaks for: named by the site's banner or the headline
        self.ctx.company = self._speaks_for(companies, "company_forms")
        self.ctx.institution = self._speaks_for(institutions, "institution_forms")
        self.ctx.building = most_common(buildings)
        self.resolver = Resolver(self.ctx, self.hints)

    # -- pass 2: organisations -----------------------------------------------------------------

    def resolve_orgs(self) -> None:
        """Resolve every mention; full names first, so that short forms can find them."""
        r = self.resolver
        section: AdminPath | None = None  # the street a digest's section header names (【夜明珠街道】)
        for st in self.sents:
            head = SECTION.match(st.text)
            if head:
                section = self._section_street(st, head.end())
            explicit: AdminPath | None = section
            for m in st.mentions:
                parts = m.parts(self.hints)
                if parts.path.county:
                    # a district named in the sentence is the context of the names after it; the
                    # article's street and community stay only if it is the article's own district
                    explicit = AdminPath(county=parts.path.county).merged(self.ctx.home)
                    if parts.path.street or parts.path.county != self.ctx.home.county:
                        explicit.street = parts.path.street or ""
                        explicit.community = parts.path.community or ""
                elif explicit is not None:
                    st.local[id(m)] = explicit
        for st in self.sents:
            for m in st.mentions:
                ref = r.resolve(m, st.local.get(id(m)))
                for unit in (ref, ref.host if ref is not None else None):
                    if unit is not None and len(unit.name) >= 6:
                        r.remember(unit)  # 深圳市启曜科技有限公司党支部: the company, for 启曜科技
        jms: Counter = Counter()
        jm_refs: dict[str, OrgRef] = {}
        last: list[OrgRef] = []  # the units named so far, latest last (for 该公司, 该院 …)
        for st in self.sents:
            for m in st.mentions:
                ref = r.resolve(m, st.local.get(id(m)))
                if ref is None:
                    ref = self._anaphor(m, last)
                st.refs[id(m)] = ref
                unit = ref.host if ref is not None and ref.host is not None else ref
                if unit is not None and unit.type in ("Enterprise", "SocialOrganization", "GovernmentBody"):
                    last.append(unit)
        self._short_names()
        self._merge_jms()
        for st in self.sents:
            for m in st.mentions:
                ref = st.refs.get(id(m))
                if ref is not None and ref.type == "JointMeeting":
                    jms[ref.key] += 1
                    jm_refs.setdefault(ref.key, ref)
        if not jms:
            self._home_jm(jms, jm_refs)
        if jms:
            r.jm = jm_refs[most_common(jms)]
            for st in self.sents:  # generic forms (联席会议, 大工委) now resolve to it
                for m in st.mentions:
                    if st.refs.get(id(m)) is None:
                        st.refs[id(m)] = r.resolve(m, st.local.get(id(m)))

    def _section_street(self, st: Sent, end: int) -> AdminPath | None:
        """【学院街道】…: a header that names a street (of the article's district) alone makes it the
        context of the section below; any other header ends the section."""
        for m in st.mentions:
            if m.end - st.s.start == end - 1 and m.start - st.s.start == 1:
                path = m.parts(self.hints).path
                if path.street and not m.parts(self.hints).rest_tokens:
                    street = AdminPath(county=path.county, street=path.street).merged(self.ctx.home)
                    street.street, street.community = path.street, ""
                    return street
        return None

    def _home_jm(self, jms: Counter, jm_refs: dict) -> None:
        """华山街道召开区域化党建联席会议: with no joint meeting named, a generic one is the joint
        meeting of the article's street (or of its community, for a 社区大党委)."""
        home = self.ctx.home
        generic = [
            m.text
            for st in self.sents
            for m in st.mentions
            if st.refs.get(id(m)) is None
            and m.tokens[-1].kind == "org"
            and m.tokens[-1].word.org_type == "JointMeeting"
            and is_generic_name(m.text)
        ]
        if not generic or not home.street:
            return
        form = max(generic, key=len)
        unit = home.community if home.community and form.startswith("社区") else home.street
        form = form.removeprefix("社区").removeprefix("街道")
        ref = self.resolver.resolve_tokens(self.lex.tokens(unit + form))
        if ref is not None and ref.type == "JointMeeting":
            jms[ref.key] += 1
            jm_refs[ref.key] = ref

    def _merge_jms(self) -> None:
        """One joint meeting however the article writes it: names with the same distinctive core
        (台东街道“台东红邻”联席会, “台东红邻”区域化党建联席会) are one body under the fullest name."""
        groups: dict[str, list[OrgRef]] = {}
        for st in self.sents:
            for m in st.mentions:
                ref = st.refs.get(id(m))
                if ref is not None and ref.type == "JointMeeting":
                    core = self.resolver.jm_core(ref)
                    group = groups.setdefault(core, []) if core else []
                    if all(r.key != ref.key for r in group):
                        group.append(ref)
        canon: dict[str, OrgRef] = {}
        for group in groups.values():
            if len(group) < 2:
                continue
            best = max(group, key=lambda r: len(r.name))
            for r in group:
                if r is not best:
                    best.aliases |= {r.name, *r.aliases} - {best.name}
                    canon[r.key] = best
        if canon:
            for st in self.sents:
                for m in st.mentions:
                    ref = st.refs.get(id(m))
                    if ref is not None and ref.key in canon:
                        st.refs[id(m)] = canon[ref.key]

    def _short_names(self) -> None:
        """Short names the article defines and then uses as names: X（以下简称“观商盟”）, and the
        quoted head of a joint meeting's name (“科创红盟”党建联盟 → “科创红盟”主席). Each use of
        one becomes a mention of the organisation."""
        short: dict[str, OrgRef] = {}
        defined: set[tuple[int, int]] = set()
        for st in self.sents:
            for m in st.mentions:
                ref = st.refs.get(id(m))
                if ref is None or ref.type == "Place":
                    continue
                end = m.end - st.s.start
                d = ABBREVIATION.match(st.text, end)
                if d:
                    short.setdefault(d.group(1), ref)
                    defined.add((st.s.start + end, st.s.start + d.end()))
                if ref.type == "JointMeeting":
                    q = QUOTED_HEAD.search(st.text, m.start - st.s.start, m.end - st.s.start)
                    if q and len(q.group(1)) < len(m.text):
                        short.setdefault(q.group(1), ref)
        if not short:
            return
        for st in self.sents:
            added = []
            for word, ref in short.items():
                at = st.text.find(word)
                while at >= 0:
                    start, end = st.s.start + at, st.s.start + at + len(word)
                    free = not any(a <= start < b for a, b in defined) and not any(
                        m.start < end and start < m.end for m in st.mentions
                    )
                    if free:
                        toks = [replace(t, start=t.start + at, end=t.end + at) for t in self.lex.tokens(word)]
                        m = Mention(start, end, toks, word)
                        st.refs[id(m)] = ref
                        added.append(m)
                        self._absorb_street(st, m, ref)
                    at = st.text.find(word, at + len(word))
            if added:
                st.mentions = sorted(st.mentions + added, key=lambda m: m.start)

    @staticmethod
    def _absorb_street(st: Sent, m: Mention, ref: OrgRef) -> None:
        """粤海街道“科创红盟”: the street written before an alliance's short name is part of it."""
        for other in st.mentions:
            gap = st.text[other.end - st.s.start : m.start - st.s.start]
            if gap in ("", "“", "「") and ref.path.street and other.text.endswith(ref.path.street):
                st.mentions.remove(other)
                m.start, m.tokens = other.start, other.tokens + m.tokens
                return

    def _anaphor(self, m: Mention, last: list[OrgRef]) -> OrgRef | None:
        """该公司, 该院党总支 …: the latest unit of the kind the anaphor names, with the bodies after it."""
        anaphors = self.lex.orgs["anaphors"]
        word = next((w for w in anaphors if m.text.startswith(w)), None)
        if word is None:
            return None
        unit = next((u for u in reversed(last) if u.type in anaphors[word]), None)
        rest = m.text[len(word) :]
        if unit is None or (rest and rest not in self.lex.orgs["bodies"]):
            return None
        return self.resolver._compose(unit, rest) if rest else unit

    def named_only(self) -> None:
        """The organisations and places the article names by a full name (one that begins with its
        place: 柳巷街道党群服务中心, 哈尔滨市…学校) are entities of it, typed, though no fact is read
        about them. Names whose beginning nothing marks stay out: a chunk may start too early."""
        for st in self.sents:
            if st.skip:
                continue
            for m in st.mentions:
                path = m.parts(self.hints).path
                if m.plural or _in_title(st.text, m.start - st.s.start):
                    continue
                if m.tokens[0].kind == PLACE or m.text.startswith("中共") or path.county or path.street:
                    self.named(st, m)

    def org(self, st: Sent, m: Mention) -> Entity | None:
        """The entity a mention names, with the structure its name states (part_of …); read once
        per mention (the rules ask for the organisations of a sentence again and again)."""
        if id(m) in self._org_of:
            return self._org_of[id(m)]
        ent = self._org_of[id(m)] = self.named(st, m)
        if ent is not None:
            self._structure(st, st.ref(m), ent)
        return ent

    def named(self, st: Sent, m: Mention) -> Entity | None:
        """The entity a mention names; the mention's own form is one of its names."""
        ref = st.ref(m)
        if ref is None:
            return None
        ent = self.b.org(ref, (m.start, m.end))
        if not is_generic_name(m.text) and m.text != ent.name and not m.plural:
            ent.aliases.add(m.text)
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
            st.posts = reader.read(st.text, st.tokens, st.mentions, st.s.start, local, st.ref)
            for p in st.posts:
                self.person(p.person, st, p.person_span[0])
            for name, at in self._untitled(st, reader):
                self.person(name, st, at)
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

    def _untitled(self, st: Sent, reader: ChainReader) -> list[tuple[str, int]]:
        """People with no title whom a certificate is given to or a list verb appoints (为甲、乙
        颁发聘书; 为新任兼职委员甲、乙颁发聘书; 聘请甲、乙为兼职委员): every item of the list must
        be a whole name with a known surname, or none is taken."""
        out: list[tuple[str, int]] = []
        title_ends = {tok.end for tok in st.tokens if tok.kind == TITLE}
        for m in (m for frame in _untitled_frames() for m in frame.finditer(st.text)):
            at, found = m.start(1), []
            items = m.group(1).split("、")
            for n in (2, 3):  # 为新任兼职委员甲、乙颁发聘书: the first name after a title
                if len(items[0]) > n and at + len(items[0]) - n in title_ends:
                    at, items[0] = at + len(items[0]) - n, items[0][-n:]
                    break
            for item in items:
                name = self.names.at(st.text, at, strict=True)
                if name != item or not reader._name_ok(st.text, at, name):
                    found = []
                    break
                found.append((name, at))
                at += len(name) + 1
            out += found
        return out

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
        return host.name.endswith(lexicon().party_led_hosts)
