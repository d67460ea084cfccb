"""Relations read sentence by sentence: co-building and witnesses, joint meetings (members, rotating
chairs, committees), projects (launched, claimed), documents, presenters, appointments, places.

Each rule reads the organisations and people a sentence names, in the order it names them, around
a trigger word of relations.yaml; it keeps only what the sentence's grammar makes certain.
"""

from __future__ import annotations

import re

from ..model import Entity
from .article import Article, Sent
from .lexicon import BOUND, DIGIT, PUNCT, QUOTE, TITLE, data, lexicon
from .orgs import Mention, read_path, strip_quotes

CLAUSE_END = "，。；：,;:！？"
COBUILD_VERBS = re.compile("签订|签署|完成|达成|结成|开展|签约|建立")
PAIRING = re.compile("与|同|和|及|携手")  # what joins the two sides of one signing
WITNESS = (
    re.compile(r"在(.{2,40}?)的?见证下"),
    re.compile(r"([^，。；]{2,30}?)(?:共同)?见证(?:了)?(?:签约|签字|签署|仪式)"),
)
NUMBERED = re.compile(r"[一二三四五六七八九十两\d+]+[个大]|\d")
LEADS = ("即", "下设", "设立", "成立", "组建", "做实", "包括", "分别是", "分别为", "围绕", "设置")


def clause_start(text: str, at: int, marks: str = CLAUSE_END) -> int:
    """Where the clause that ends at `at` begins: after the last of `marks` before it."""
    i = at - 1
    while i >= 0 and text[i] not in marks:
        i -= 1
    return i + 1


def elliptical(text: str, heads: tuple[str, ...]) -> list[str]:
    """Items of a list that shares one head word: “A、B、C”三个专委会, 即A、B、C3个专委会 → [A, B, C]."""
    out = []
    head = "|".join(map(re.escape, heads))
    pattern = r"“([^”]{2,60})”|((?:[\u4e00-\u9fff]{2,10}[、])+[\u4e00-\u9fff]{2,10})"
    for m in re.finditer(rf"(?:{pattern})(?:[一二三四五六七八九十两\d]+个)?(?:{head})", text):
        items = re.split("[、]", m.group(1) or m.group(2))
        first = items[0]
        lead = max((first.rfind(w) + len(w) for w in LEADS if w in first), default=0)
        items[0] = first[lead:]
        if m.group(2) and not lead and len(items[0]) > 4:
            items[0] = items[0][-4:]
        out += [i for i in items if 2 <= len(i) <= 10 and not re.search(r"[\dA-Za-z+]", i)]
    return out


class Relations:
    def __init__(self, article: Article):
        self.a = article
        self.b = article.b
        self.rel = data("relations.yaml")
        words = sorted(self.rel["member_nouns"] + self.rel["member_verbs"], key=len, reverse=True)
        self.member_re = re.compile("|".join(map(re.escape, words)))

    def read(self) -> None:
        for st in self.a.sents:
            if st.skip:
                continue
            self.cobuilding(st)
            self.members(st)
            self.chairs(st)
            self.committees(st)
            self.projects(st)
            self.documents(st)
            self.presenting(st)
            self.appointments(st)
            self.located(st)

    # -- helpers --------------------------------------------------------------------------------

    def date_of(self, st: Sent) -> str | None:
        if st.dates and (st.aside or st.event is None):
            return st.dates[0].iso
        return st.event.attrs.get("date") if st.event is not None else (st.dates[0].iso if st.dates else None)

    def orgs_in(self, st: Sent, lo: int, hi: int, *, posts: bool = False) -> list[tuple[Mention, Entity]]:
        """Organisations named in [lo, hi) of the sentence (not those of a title chain unless `posts`)."""
        out = []
        chain_spans = self._chain_spans(st) if not posts else []
        for m in st.mentions:
            rs, re_ = m.start - st.s.start, m.end - st.s.start
            if rs < lo or re_ > hi or any(a <= rs < b for a, b in chain_spans):
                continue
            ref = st.ref(m)
            if ref is None or ref.type == "Place":
                continue
            ent = self.a.org(st, m)
            if ent is not None:
                out.append((m, ent))
        return out

    @staticmethod
    def _chain_spans(st: Sent) -> list[tuple[int, int]]:
        """Spans of the organisations that title chains use (they are not parties of other relations)."""
        title_starts = {t.start for t in st.tokens if t.kind == TITLE}
        return [
            (m.start - st.s.start, m.end - st.s.start)
            for m in st.mentions
            if m.end - st.s.start in title_starts
        ]

    def clause(self, st: Sent, at: int) -> tuple[int, int]:
        """The clause around position `at`: between the punctuation marks that end clauses."""
        text = st.text
        lo = clause_start(text, at)
        hi_candidates = [i for i in (text.find(c, at) for c in CLAUSE_END) if i >= 0]
        hi = min(hi_candidates) if hi_candidates else len(text)
        return lo, hi

    def people_in(self, st: Sent, lo: int, hi: int) -> list[Entity]:
        return [self.a.people[n] for n, at in st.people if lo <= at < hi]

    def find_any(self, text: str, words, start: int = 0) -> tuple[int, str]:
        best = (-1, "")
        for w in words:
            i = text.find(w, start)
            if i >= 0 and (best[0] < 0 or i < best[0] or (i == best[0] and len(w) > len(best[1]))):
                best = (i, w)
        return best

    def ev(self, st: Sent, rule: str, conf: float = 0.8):
        return self.b.evidence(st.s, rule, conf)

    # -- co-building ------------------------------------------------------------------------------

    def cobuilding(self, st: Sent) -> None:
        """co_builds_with between the units named before a signing verb (A与B签订, A携手B签署 …)."""
        text = st.text
        if not any(w in text for w in self.rel["cobuild_context"]):
            return
        for m in COBUILD_VERBS.finditer(text):
            if self._signing(st, m.start(), m.group(0)):
                return

    def _signing(self, st: Sent, at: int, word: str) -> bool:
        text = st.text
        if word in ("完成", "开展", "建立", "达成", "结成") and not re.search("共建|联建|结对", text[at:]):
            return False
        lo = clause_start(text, at, "，。；：,;:")
        if text[lo:at].startswith("与") and lo > 0:  # 邱以安代表…党支部，与…党支部签订
            lo = clause_start(text, lo - 1, "，。；：,;:")
        region = text[lo:at]
        rep = region.find("代表")
        if rep >= 0 and region.find("与") < rep:
            lo += rep + 2  # 房晏清与鲍晴川分别代表A和B签订: A and B
        items = self.orgs_in(st, lo, at)
        if len(items) < 2:
            return False
        pairs = self._pairs(st, items)
        if not pairs:
            return False
        date = self.date_of(st)
        ev = self.ev(st, "cobuild.signing", 0.85)
        for x, y in pairs:
            self.b.fact("co_builds_with", x, y, ev, date=date)
        if self.a.last_signing == self.a.sents.index(st) - 1:
            self.a.last_pairs = (
                self.a.last_pairs + pairs
            )  # A与B签订；C与D签订: one signing, the first pair leads
        else:
            self.a.last_pairs = pairs
        self.a.last_signing = self.a.sents.index(st)
        self.a.last_list = [e for _, e in items]
        self.witnesses(st, pairs)
        return True

    def _pairs(self, st: Sent, items) -> list[tuple[Entity, Entity]]:
        """'A与B、C与D' → (A,B),(C,D); 'A与B、C、D' → (A,B),(A,C),(A,D)."""
        seps = []
        for (m1, _), (m2, _) in zip(items, items[1:], strict=False):
            seps.append(st.text[m1.end - st.s.start : m2.start - st.s.start])
        pairing = [s for s in seps if PAIRING.search(s)]
        if len(pairing) >= 2:
            groups, cur = [], [items[0][1]]
            for sep, (_, e) in zip(seps, items[1:], strict=False):
                if PAIRING.search(sep):
                    cur.append(e)
                else:
                    groups.append(cur)
                    cur = [e]
            groups.append(cur)
            return [(g[0], g[1]) for g in groups if len(g) == 2]
        if len(pairing) == 1:
            k = next(i for i, s in enumerate(seps) if PAIRING.search(s))
            left = [e for _, e in items[: k + 1]]
            right = [e for _, e in items[k + 1 :]]
            if len(left) == 1:
                return [(left[0], r) for r in right]
        return []

    def witnesses(self, st: Sent, pairs) -> None:
        m = WITNESS[0].search(st.text) or WITNESS[1].search(st.text)
        if not m:
            return
        ev = self.ev(st, "cobuild.witness", 0.85)
        for person in self.people_in(st, m.start(1), m.end(1)):
            for x, y in pairs:
                self.b.fact("witnessed", person, x, ev, parties=[x.key, y.key])

    # -- joint meetings ----------------------------------------------------------------------------

    def jm_of(self, st: Sent, lo: int, hi: int) -> Entity | None:
        for m in st.mentions:
            ref = st.ref(m)
            if ref is not None and ref.type == "JointMeeting" and lo <= m.start - st.s.start < hi:
                return self.a.org(st, m)
        jm = self.a.resolver.jm
        return self.a.org_ref(st, jm) if jm is not None else None

    def members(self, st: Sent) -> None:
        """member_of: units listed before 成员单位/加入/成为, or after 吸纳 (…为成员单位)."""
        text = st.text
        ev = self.ev(st, "member.joining", 0.8)
        for m in re.finditer(
            "|".join(
                map(
                    re.escape,
                    sorted(self.rel["member_nouns"] + self.rel["member_verbs"], key=len, reverse=True),
                )
            ),
            text,
        ):
            lo, hi = self.clause(st, m.start())
            clause_before = text[lo : m.start()]
            if "赋能" in text[m.start() : m.end() + 2] or re.search("负责人|代表", text[m.end() : hi]):
                continue
            listed = re.match(
                r"[\d一二三四五六七八九十两]*家?[，,]?(?:分别是|分别为|包括|即)?[：:]", text[m.end() :]
            )
            if m.group(0) == "吸纳":
                items = self.orgs_in(st, m.end(), hi)
            elif listed and m.group(0) in self.rel["member_nouns"]:  # 成员单位12家，分别是：A、B…
                items = self.orgs_in(st, m.end() + listed.end(), len(text))
            else:
                items = self.orgs_in(st, lo, m.start())
                if items and m.group(0) in self.rel["member_nouns"]:
                    gap = text[items[-1][0].end - st.s.start : m.start()]
                    if not re.fullmatch(
                        r"(等)?(首批)?[\d一二三四五六七八九十两]*(家)?(单位)?(为)?(联席会议|联盟|大工委|大党委)?(新)?",
                        gap,
                    ):
                        continue
            ents = [e for _, e in items if e.type not in ("JointMeeting", "Committee")]
            if not ents and any(w in clause_before for w in self.rel["list_anaphors"]):
                ents = list(self.a.last_list)
            jm = self.jm_of(st, lo, len(text))
            if not ents or jm is None:
                continue
            for e in ents:
                self.b.fact("member_of", e, jm, ev)
            self.a.last_list = ents

    def chairs(self, st: Sent) -> None:
        text = st.text
        words = self.rel["chair_words"]
        at, _ = self.find_any(text, words)
        if at < 0:
            return
        jm = self.jm_of(st, 0, len(text))
        if jm is None:
            return
        ev = self.ev(st, "chair.rotating", 0.85)
        seen = 0
        while at >= 0:
            lo, hi = self.clause(st, at)
            items = [e for _, e in self.orgs_in(st, lo, hi) if e.type != "JointMeeting"]
            if not items and text[lo:at].lstrip().startswith("作为") and hi < len(text):
                nlo, nhi = self.clause(st, hi + 1)
                items = [e for _, e in self.orgs_in(st, nlo, nhi) if e.type != "JointMeeting"][:1]
            for e in items:
                self.b.fact("rotating_chair", e, jm, ev)
            seen = hi
            at, _ = self.find_any(text, words, seen + 1)
        for p in st.posts:  # 新任轮值主席 + ORG TITLE NAME: the unit the chair represents
            if p.title in data("titles.yaml")["joint_meeting_titles"] or p.title.endswith(
                ("轮值主席", "盟主")
            ):
                units = [
                    q.org
                    for q in st.posts
                    if q.person == p.person and q.org is not None and q.org.type != "JointMeeting"
                ]
                for ref in units[:1]:
                    unit = ref.host if ref.host is not None and not ref.dept else ref
                    self.b.fact("rotating_chair", self.a.org_ref(st, unit), jm, ev)

    def committees(self, st: Sent) -> None:
        """has_committee: the committees a joint meeting sets up, also as an elliptical list
        (“基层党建、经济发展、城市管理、街区治理”四个专委会 → four committees)."""
        jm = self.a.resolver.jm
        if jm is None or not any(w in st.text for w in self.rel["committee_words"]):
            return
        jm_ent = self.a.org_ref(st, jm)
        ev = self.ev(st, "jm.committees", 0.85)
        names = [item + "专委会" for item in elliptical(st.text, ("专委会", "专门委员会"))]
        for mm in st.mentions:
            ref = st.ref(mm)
            if ref is not None and ref.type == "Committee" and not NUMBERED.search(ref.name):
                names.append(ref.name)
        for name in names:
            ent = self.a.org_ref(st, self.a.resolver._committee(name))
            self.b.fact("has_committee", jm_ent, ent, ev)

    # -- projects ------------------------------------------------------------------------------------

    def project_spans(self, st: Sent) -> list[tuple[int, int, str]]:
        """Quoted project names with the words after them (“渡口同心”区域化党建志愿服务行动)."""
        out = []
        toks = st.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.kind == QUOTE and t.text in "“「『":
                j = i + 1
                while j < len(toks) and not (toks[j].kind == QUOTE and toks[j].text in "”」』"):
                    j += 1
                if j >= len(toks):
                    break
                inner = "".join(x.text for x in toks[i + 1 : j])
                k = j + 1
                while k < len(toks) and toks[k].kind not in (PUNCT, BOUND, QUOTE, DIGIT) and k - j <= 12:
                    k += 1
                tail = "".join(x.text for x in toks[j + 1 : k])
                if re.search(r"[，、]", inner) or len(inner) > 16 or len(inner) < 2:
                    i = j + 1
                    continue
                out.append((t.start, toks[k - 1].end if k > j + 1 else toks[j].end, inner + tail))
                i = k
                continue
            i += 1
        return out

    def project(self, st: Sent, span) -> Entity:
        start, end, name = span
        quoted = re.match(r"[“「『]([^”」』]+)[”」』]", st.text[start:end])
        aliases = {quoted.group(1)} if quoted and quoted.group(1) != name else set()
        ent = self.b.entity("Project", name, (st.s.start + start, st.s.start + end), aliases=aliases)
        self.a.last_project = ent
        return ent

    def projects(self, st: Sent) -> None:
        text = st.text
        spans = self.project_spans(st)
        if re.match(r"^\s*\d+[.、．]", text) and spans:  # a numbered list of projects names one each
            self.project(st, spans[0])
        if not spans:
            if "认领" in text:
                self.claims(st, spans)
            return
        at, verb = self.find_any(text, self.rel["launch_verbs"])
        if at >= 0:
            colon = text.find("：", at)
            hi = len(text) if 0 <= colon < self.clause(st, at)[1] + 1 else self.clause(st, at)[1]
            after = [s for s in spans if at <= s[0] < hi]
            lo = clause_start(text, at, "，。；：")
            subjects = self._launchers(st, lo, at)
            ev = self.ev(st, "project.launch", 0.8)
            for span in after:
                proj = self.project(st, span)
                for s in subjects:
                    self.b.fact("launched", s, proj, ev)
        self.claims(st, spans)

    def _launchers(self, st: Sent, lo: int, at: int) -> list[Entity]:
        region = st.text[lo:at]
        for anaphor in self.rel["pair_anaphors"]:
            if anaphor in region and self.a.last_pairs:
                tail = re.sub(r"^(两区|两地|两市|双方)", "", region[region.find(anaphor) :]).strip()
                ents = (
                    list(self.a.last_pairs[0])
                    if anaphor == "双方"
                    else list({e.key: e for pair in self.a.last_pairs for e in pair}.values())
                )
                named = [
                    e
                    for e in ents
                    if tail and any(e.name.endswith(w) for w in lexicon().orgs["departments"] if w in tail)
                ]
                return sorted(named or ents, key=lambda e: e.key)
        joined = re.split("联合|携手|会同|共同|与", region)[0]
        items = self.orgs_in(st, lo, lo + len(joined))
        return [items[0][1]] if items else []

    def claims(self, st: Sent, spans) -> None:
        """claims_project: “X”由A认领, A、B认领(了)“X”, “X”——A、B认领, 认领单位：A、B (X the project before)."""
        text = st.text
        for m in re.finditer("认领", text):
            at = m.start()
            ev = self.ev(st, "project.claim", 0.8)
            listed = re.match(r"单位[：:]([^；。]+)", text[m.end() :])
            before = [s for s in spans if s[1] <= at]
            after = [s for s in spans if s[0] >= m.end()]
            if listed:
                lo, hi = m.end() + listed.start(1), m.end() + listed.end(1)
                units = self._named_units(st, lo, hi, listed.group(1))
                proj = self.project(st, before[-1]) if before else self.a.last_project
                if proj is not None:
                    for u in units:
                        self.b.fact("claims_project", u, proj, ev)
                continue
            lo = clause_start(text, at, "，。；：")
            seg_start = max(lo, before[-1][1] if before else lo)
            seg = text[seg_start:at]
            seg = re.sub(r"^(——|—|-|由|：|:)+", "", seg).strip()
            seg = re.sub(r"(\d+家单位|等\d*家?单位?)$", "", re.sub(r"(现场)$", "", seg))
            units = self._named_units(st, seg_start, at, seg)
            if before and before[-1][1] >= lo:
                projs = [before[-1]]
            elif after and after[0][0] - m.end() <= 10:
                projs = [after[0]]
            else:
                continue
            for span in projs:
                proj = self.project(st, span)
                for u in units:
                    self.b.fact("claims_project", u, proj, ev)

    def _named_units(self, st: Sent, lo: int, hi: int, seg: str) -> list[Entity]:
        """Units named in a slot, full names or the article's short forms (澄锦纺织、云创科技)."""
        items = [e for _, e in self.orgs_in(st, lo, hi)]
        if items:
            return items
        out = []
        for part in re.split("[、和及与]", seg):
            part = part.strip()
            full = self.a.resolver.short_form(part)
            if full:
                ref = self.a.resolver.named_from_text(full)
                if ref is not None:
                    out.append(self.a.org_ref(st, ref))
        return out

    # -- documents -----------------------------------------------------------------------------------

    def documents(self, st: Sent) -> None:
        words = tuple(self.rel["document_words"])
        for m in re.finditer(r"《([^》]{2,80})》", st.text):
            name = strip_quotes(m.group(1))
            bare = re.sub(r"[（(][^）)]*[）)]$", "", name)
            if not bare.endswith(words):
                continue
            aliases = {bare} if bare != name else set()
            doc = self.b.entity(
                "Document", name, (st.s.start + m.start(1), st.s.start + m.end(1)), aliases=aliases
            )
            issuer = re.match(r"(.{2,30}?)关于", name)
            ev = self.ev(st, "document.issued", 0.8)
            if issuer:
                ref = self.a.resolver.resolve_tokens(lexicon().tokens(issuer.group(1)))
                if ref is not None and ref.type != "Place":
                    self.b.fact("issued", self.a.org_ref(st, ref), doc, ev)
                    continue
            lo = clause_start(st.text, m.start(), "，。；：")
            verb = self.find_any(st.text[lo : m.start()], self.rel["issue_verbs"])[0]
            if verb >= 0:
                items = self.orgs_in(st, lo, lo + verb)
                for _, e in items[:1]:
                    self.b.fact("issued", e, doc, ev)

    # -- presenting ------------------------------------------------------------------------------------

    def presenting(self, st: Sent) -> None:
        text = st.text
        at, verb = self.find_any(text, self.rel["present_verbs"])
        if at < 0:
            return
        lo = clause_start(text, at, "。；")
        wei = text.rfind("为", lo, at)
        if wei < 0:
            return
        glo = clause_start(text, wei, "，。；：")
        givers = self.people_in(st, glo, wei)
        if not givers:
            return
        recipients: list[Entity] = self.people_in(st, wei, at)
        recipients += [e for _, e in self.orgs_in(st, wei, at) if e.type != "JointMeeting"]
        if recipients and any(r.type == "Person" for r in recipients):
            recipients = [r for r in recipients if r.type == "Person"]
        if not recipients and "其" in text[wei : wei + 2]:
            recipients = [e for _, e in self.orgs_in(st, lo, glo) if e.type != "JointMeeting"]
        if not recipients:
            recipients = self._by_title(text[wei + 1 : at])
        ev = self.ev(st, "present.giver", 0.8)
        for g in givers:
            for r in recipients:
                self.b.fact("presented_to", g, r, ev)

    def _by_title(self, phrase: str) -> list[Entity]:
        """Recipients named by their post (为新任兼职委员颁发聘书): the people holding it."""
        phrase = re.sub(r"^(新任|新加入的|新当选的|新|全体)", "", phrase)
        if not phrase:
            return []
        out = []
        for f in self.a.b.x.facts:
            if f.relation == "holds_post" and f.role and phrase.endswith(f.role) and len(f.role) >= 2:
                ent = self.a.b.x.entities[f.subject]
                if ent not in out:
                    out.append(ent)
        return out

    # -- appointments: X任Y专委会主任 -------------------------------------------------------------------

    def appointments(self, st: Sent) -> None:
        text = st.text
        for m in re.finditer(r"(兼任|担任|出任|任)(首任|新任)?", text):
            name = next((n for n, at in st.people if at + len(n) == m.start()), None)
            if name is None:
                continue
            tail_end = min([i for i in (text.find(c, m.end()) for c in CLAUSE_END) if i >= 0] or [len(text)])
            title = next(
                (t for t in st.tokens if t.kind == TITLE and m.end() <= t.start and t.end <= tail_end), None
            )
            if title is None or title.end != tail_end:
                continue
            org_m = next((mm for mm in st.mentions if mm.end - st.s.start == title.start), None)
            if org_m is not None:
                ent = self.a.org(st, org_m)
            elif title.text in data("titles.yaml")["joint_meeting_titles"] and self.a.resolver.jm:
                ent = self.a.org_ref(st, self.a.resolver.jm)
            else:
                ent = None
            if ent is None:
                continue
            role = self.a.clean_role(title.text)
            self.b.fact(
                "holds_post", self.a.people[name], ent, self.ev(st, "post.appointment", 0.8), role=role
            )

    # -- located_in ------------------------------------------------------------------------------------

    def located(self, st: Sent) -> None:
        """located_in: the containment a name spells (…黄浦区南京东路街道) or the text states (位于A的B)."""
        a = self.a
        ev = self.ev(st, "place.containment", 0.8)
        for m in st.mentions:
            ref = st.ref(m)
            if ref is None:
                continue
            toks = m.tokens[1:] if m.tokens and m.tokens[0].text == "中共" else m.tokens
            parts = read_path(toks, a.hints)
            path = parts.path
            chain = []
            if self._admin_name(ref, parts.rest):  # the name of a school says nothing of geography
                chain = [
                    a.org_ref(st, a.resolver.division_place(d))
                    for d in (path.province, path.city, path.county)
                    if d
                ]
            elif path.county and path.street:
                chain = [a.org_ref(st, a.resolver.division_place(path.county))]
            if path.street:
                street = a.resolver._street_ref(path.merged(a.ctx.home))
                if street is not None:
                    chain.append(a.org_ref(st, street))
            if path.community and path.street:
                chain.append(a.org_ref(st, a.resolver.community_place(path.merged(a.ctx.home))))
            for inner, outer in zip(chain[1:], chain, strict=False):
                self.b.fact("located_in", inner, outer, ev)
        loc = re.search(r"位于(.{2,20}?)的(.{2,20}?)(?:是|，|为)", st.text)
        if loc:
            outer = self._place_ref(st, loc.start(1), loc.end(1), last=True)
            inner = self._place_ref(st, loc.start(2), loc.end(2), place=True)
            if outer is not None and inner is not None:
                self.b.fact("located_in", inner, outer, ev)
        street = a.resolver._street_ref(a.ctx.home)
        for m in st.mentions:
            ref = st.ref(m)
            before = st.text[max(0, m.start - st.s.start - 2) : m.start - st.s.start]
            if before in ("辖区", "驻区") and ref is not None and ref.type == "Place" and street is not None:
                if ref.name.endswith(("社区", "村")):
                    self.b.fact("located_in", a.org_ref(st, ref), a.org_ref(st, street), ev)
        m = re.match(r"^([\u4e00-\u9fff]{2,8}社区)地处([\u4e00-\u9fff]{2,8}(?:街道|镇|乡))", st.text)
        if m:
            inner = a.resolver.resolve_tokens(lexicon().tokens(m.group(1)))
            outer = a.resolver.resolve_tokens(lexicon().tokens(m.group(2)))
            if inner is not None and outer is not None:
                self.b.fact("located_in", a.org_ref(st, inner), a.org_ref(st, outer), ev)

    def _admin_name(self, ref, rest: str) -> bool:
        """A name whose places are administrative facts: places themselves, Party and state bodies of
        the hierarchy (区委, 街道党工委, 区商务局), joint meetings named after a place."""
        if ref.type in ("Place", "JointMeeting", "Committee") or not rest:
            return True
        if ref.type in ("Enterprise", "SocialOrganization"):
            return False
        host = ref.host
        return host is None or host.type in ("Place", "GovernmentBody", "PartyOrganization")

    def _place_ref(
        self, st: Sent, lo: int, hi: int, *, last: bool = False, place: bool = False
    ) -> Entity | None:
        cands = [m for m in st.mentions if lo <= m.start - st.s.start and m.end - st.s.start <= hi]
        if not cands:
            if place:
                name = st.text[lo:hi]
                return self.b.entity("Place", name, (st.s.start + lo, st.s.start + hi), key="place:" + name)
            return None
        m = cands[-1] if last else cands[0]
        ref = st.ref(m)
        if ref is None:
            return None
        if last:
            path = read_path(m.tokens, self.a.hints).path
            if path.street:
                ref = self.a.resolver._street_ref(path.merged(self.a.ctx.home)) or ref
        if place and ref.type != "Place":
            name = m.text
            return self.b.entity("Place", name, (m.start, m.end), key="place:" + name)
        return self.a.org_ref(st, ref)
