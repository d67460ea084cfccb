"""Relations read sentence by sentence: co-building and witnesses, joint meetings (members, rotating
chairs, committees), projects (launched, claimed), documents, presenters, appointments, places.

Each rule reads the organisations and people a sentence names, in the order it names them, around
a trigger word of relations.yaml; it keeps only what the sentence's grammar makes certain.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Entity
from .article import Article, Sent
from .lexicon import BOUND, CONJ, DIGIT, PUNCT, QUOTE, TITLE, data, lexicon
from .orgs import Mention, strip_quotes

CLAUSE_END = "，。；：,;:！？ \u3000"  # a space separates the clauses of a headline
NUMBERED = re.compile(r"[一二三四五六七八九十两\d+]+[个大]|\d")
LEADS = ("即", "下设", "设立", "成立", "组建", "做实", "包括", "分别是", "分别为", "围绕", "设置")


def clause_start(text: str, at: int, marks: str = CLAUSE_END) -> int:
    """Where the clause that ends at `at` begins: after the last of `marks` before it."""
    i = at - 1
    while i >= 0 and text[i] not in marks:
        i -= 1
    return i + 1


def elliptical(text: str, heads: tuple[str, ...]) -> list[str]:
    """Items of a list that shares one head word: “A、B、C”三个专委会, 即A、B、C3个专委会 → [A, B, C].
    A head followed by 的 points back at committees already named (甲、乙分别为三个专委会的…)."""
    out = []
    head = "|".join(map(re.escape, heads))
    pattern = r"((?:“[^”]{2,60}”、?)+)|((?:[\u4e00-\u9fff]{2,10}[、])+[\u4e00-\u9fff]{2,10}?)"
    for m in re.finditer(rf"(?:{pattern})(?:[一二三四五六七八九十两\d]+个)?(?:{head})(?!的)", text):
        quoted = "、".join(re.findall("“([^”]+)”", m.group(1) or ""))  # “A、B” or “A”“B”
        items = re.split("[、]", quoted or m.group(2))
        first = items[0]
        lead = max((first.rfind(w) + len(w) for w in LEADS if w in first), default=0)
        items[0] = first[lead:]
        if m.group(2) and not lead and len(items[0]) > 4:
            items[0] = items[0][-4:]
        out += [
            i
            for i in items  # (a full name in the list, A专委会、B专委会, is a mention of its own)
            if 2 <= len(i) <= 10 and not re.search(r"[\dA-Za-z+]", i) and not i.endswith(heads)
        ]
    return out


@cache
def _alternation_of(words: tuple[str, ...]) -> re.Pattern:
    return _alternation(words)


def _alternation(words) -> re.Pattern:
    """A regex that matches any of `words`, the longest first."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


# the heads of member units: …等12家成员单位负责人参加
HEADS = re.compile(r"(?:主要)?(?:负责人|负责同志|代表|党组织书记)")
# what may stand between a list of units and the member word after it: 等首批12家单位为…成员单位
COUNT_GAP = re.compile(
    r"(等)?(首批)?[\d一二三四五六七八九十两]*(家)?(单位)?(为|是|均为|均是)?(联席会议|联盟|大工委|大党委)?(的)?(首批|新)?"
)
# units that found a joint meeting named after the verb: A、B等6家单位共同发起成立“X”联盟
FOUNDED = re.compile(r"(?:共同|联合)发起(?:成立|组建)")
# a list introduced after a member noun: 成员单位12家，分别是：…; 首批成员单位包括…; 成员单位涵盖A、B…;
# 成员单位新增A和B
MEMBERS_LISTED = re.compile(
    r"[\d一二三四五六七八九十两]*[家个]?[，,]?(?:其中)?(?:分别是|分别为|包括|包含|涵盖|新增|有|即|为)[：:]?|[\d一二三四五六七八九十两]*[家个]?[：:]"
)
# a member word that announces a list in the lines below: 新加入的成员单位名单如下：
LIST_BELOW = re.compile(r"[^，。；]{0,8}?(?:名单|名录)?(?:如下|分别是|分别为|包括|有|为)?[：:]$")
# what may stand around the units of one line of a list: 1. A、B；
LINE_SEPARATORS = re.compile(r"[\s、，,；;。]*")
# a line that is a heading or a table's cell, not a sentence: 首批成员单位名单, 序号, 联系人
CELL = re.compile(r"[^，。；！？,;!?]{1,20}")
# the number of an item in a list: 1. / 1 (before a space) / （1） / 一、
NUMBER = r"\d+[.、．)]|\d+(?=\s)|[（(]\d+[）)]|[一二三四五六七八九十]+、"
ITEM_NUMBER = re.compile(rf"\s*(?:{NUMBER}|\d+)\s*")  # the number a line begins with (a cell's bare 1 too)
MAX_CELLS = 6  # cells in a row of a table without a unit (序号, 联系人, a name …) before the list ends
# a list in the clause after a joining verb: …加入“观商盟”，(其中)包括…
LIST_AFTER = re.compile(r"[，,](?:其中)?(?:包括|分别是|分别为|有)[：:]?")
# the list right after a joining verb: 新加入的单位有A、B和C; 加入的成员单位为：A、B; 新入盟单位为A
JOINED_LIST = re.compile(r"的?(?:新?成员)?单位(?:有|为|是|包括|分别是|分别为)[：:]?")
# the units a joint meeting is made of or founded by: 联盟由A、B…等18家单位共同发起成立; 由X牵头，A、B…共同组成
MADE_OF = re.compile(
    r"由([^。；]{4,400}?)(?:等[\d一二三四五六七八九十两]+[家个][^，。；、]{0,10})?(?:共同)?(?:发起成立|组成|发起组建|组建|构成)"
)


# a 与-clause without its subject: 先后与A、B签订
NO_SUBJECT = re.compile(r"(?:先后|分别|还|也|又|已|已经|均|并|主动|积极)*(?:与|同|和)")
# what joins the sides of one pair in a list: A——B, A与B, A：B, A | B, or the cells of a table row
PAIR_SEP = re.compile(r"\s*(?:——|—|－|-|~|～|与|和|同|：|:|结对|对接|[|｜])\s*|\s+")
# separators of a plain list of parties, and the words that make them all sign with each other
LIST_SEP = re.compile(r"[、,，]|和|与|及|以及")
ALL_PARTIES = re.compile(r"[三四五六七八九多各]方|共同")
MANY_SIDES = re.compile(r"[三四五六七八九多]方")  # after the verb: 签订…三方共建协议
LIST_NUMBER = re.compile(rf"^\s*(?:{NUMBER})?\s*")  # an item's number, if any, to strip


# words before the noun of a group that only point back to it: 上述5家新, 新加入的3家, 两家, 3名新任
COUNTED = re.compile(
    r"^(?:上述|以上|这|这些|前述|新加入的|新入盟的|新当选的|新增|全体)?[\d一二三四五六七八九十两]*[家个名位]?(?:新任|新加入的|新增|新|首批)?"
)

# a count of the people just named and what they become: …4人新任大工委兼职委员, 3人为…
COUNTED_PEOPLE = re.compile(r"[\d一二三四五六七八九十两]+(?:人|名同志|位同志)(?:为|任|担任|当选为|当选)?")
# a clause that begins with a count of the units just listed: 6家单位党组织同步成为…
LIST_COUNT = re.compile(
    r"(?:上述|以上|这)?([\d一二三四五六七八九十两]+)[家个](?:单位|成员单位|企业|驻区单位)"
)
UNITS_COUNTED = re.compile(r"([\d一二三四五六七八九十两]+)[家个]")  # 新加入的4家成员单位
CN_NUMBERS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _count(text: str) -> int:
    """A small count written in digits or Chinese numerals (6, 六, 十二); 0 when unreadable."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return CN_NUMBERS.get(text, 0)
    if text.startswith("十"):
        return 10 + CN_NUMBERS.get(text[1:], 0)
    return 0


NO_RECIPIENT = ("JointMeeting", "Committee")  # 为新加入联席会议的…单位授牌: the units, not the meeting
# a clause that goes on with the subject of the clause before: …，并为A颁奖
CONTINUED = re.compile(r"(?:并|随后|还|同时|并现场|现场)?(?:为|向)")
# a clause that names who takes a role the clause before speaks of: …，由A担任
BY_WHOM = re.compile(r"(?:首轮|首届|本届|今年|下半年|上半年)?由[^，。；]{2,40}?(?:担任|出任|承担|接任)")
NOT_IN_PROJECT = (PUNCT, BOUND, QUOTE, DIGIT, CONJ)  # tokens that end the words after a quoted name
# “楼宇红帆”党建联盟, “红帆”党支部: a quoted name before one of these words is an organisation's
BODY_TYPES = ("JointMeeting", "Committee", "PartyOrganization")
COUNT_START = re.compile("[一二三四五六七八九十两几]+[个项家大]")  # 两个, 三项, 三大
QUOTED = re.compile("[“「『《]")
OPEN_QUOTE = re.compile("[“「『]")
# the clause after a launch that lists what was launched: …发布了项目清单，包括“X”、“Y”
LAUNCH_LIST = re.compile(r"[，,](?:其中)?(?:包括|包含|涵盖|分别是|分别为|即|有)[：:]?")
# a launch that is an event: 举行“X”行动启动仪式 (the one who holds it launches it)
LAUNCH_EVENT = re.compile(r"(?:仪式|大会|发布会|启动会|推介会|会议)")
# a clause whose subject is the one of the clause before: …，先后推出“X”
ELIDED_SUBJECT = re.compile(r"(?:先后|相继|陆续|还|也|又|再|同时|并|已|已经|正式|率先|共同|随后|同步|现场)+")
PARTNER_OF = re.compile(r"的(?:结对)?共建(?:单位|对象)(?:为|是)[：:]?")  # A的结对共建单位为B
HANDED_OVER = re.compile(r"接过|接任|接棒")  # the chain before it takes the chair
PARTNERS_END = re.compile(r"(?:共同|联合|一起|一同|正式|现场|同步)*")  # A与B共同发起: after B
ADVERBS_ONLY = re.compile(r"(?:逐一|一一|分别|共同|现场|也|还|均|都)*")  # what may stand before a verb
TRAILING_ADVERBS = re.compile(r"(?:逐一|一一|分别|共同|现场)+$")
NUMBERED_LINE = re.compile(r"^\s*\d+[.、．]")  # 1. / 2、: an item of a numbered list
DOCUMENT_TITLE = re.compile(r"《([^》]{2,80})》")
LOCATED_AT = re.compile(r"位于(.{2,20}?)的(.{2,20}?)(?:是|，|为)")  # 位于A的B是…
LIES_IN = re.compile(r"^([\u4e00-\u9fff]{2,8}社区)地处([\u4e00-\u9fff]{2,8}(?:街道|镇|乡))")  # X社区地处Y街道


class Words:
    """The trigger words of relations.yaml and titles.yaml as the rules use them, compiled once."""

    def __init__(self):
        rel = data("relations.yaml")
        titles = data("titles.yaml")
        self.member_re = _alternation(rel["member_nouns"] + rel["member_verbs"])
        self.cobuild_re = _alternation(rel["cobuild_verbs"])
        self.weak_cobuild = set(rel["cobuild_weak_verbs"])
        self.after_weak_re = _alternation(rel["cobuild_after_weak"])
        self.pairing_re = _alternation(rel["pairing_words"])
        self.witness = [re.compile(w) for w in rel["witness_frames"]]
        self.claim_re = _alternation(rel["claim_verbs"])
        self.jm_titles = set(titles["joint_meeting_titles"])
        self.former = set(titles["former"])
        self.markers = sorted(self.former | set(titles["dropped_prefixes"]), key=len, reverse=True)
        self.appoint_re = _alternation(rel["appoint_verbs"])
        self.launch_re = _alternation(rel["launch_verbs"])
        self.launch_named = set(rel["launch_verbs_named"])
        self.passive_launch = set(rel["passive_launch_verbs"])
        self.project_nouns = tuple(rel["project_nouns"])
        self.meeting_subject = re.compile(rel["meeting_subject"])
        self.passive_gap = re.compile(rel["passive_launch_gap"])
        self.launched_by = re.compile(rel["launched_by"])
        self.launched_after = re.compile(rel["launched_after"])
        self.present_re = _alternation(rel["present_verbs"])
        # 联盟专委会, 联席会议专门委员会 …: the committees in general, not one of them
        self.generic_committees = frozenset(
            kind + word for kind in rel["committee_not_name_kinds"] for word in rel["committee_words"]
        )
        self.unit_phrase_re = re.compile(f"(?:{_alternation(rel['unit_nouns']).pattern})(?:党组织|代表)?")
        self.list_appoint_re = _alternation(rel["appoint_list_verbs"])
        self.post_slot_re = re.compile(
            rf"设(?:立|置)?({_alternation(lexicon().titles).pattern})[\d一二三四五六七八九十两]*名?[，,]?由"
        )


@cache
def words() -> Words:
    return Words()


class Relations:
    def __init__(self, article: Article):
        self.a = article
        self.b = article.b
        self.rel = data("relations.yaml")
        self.w = words()
        self.located_names: set[tuple[str, str]] = set()  # names whose containment has been read
        self._chained_of: tuple = (None, set())  # (sentence, ids of its chained mentions)

    def read(self) -> None:
        self.unnamed_signing = None  # (sentence index, witnesses, date) of a signing with unnamed sides
        self.carried_witnesses: list[Entity] = []  # the witnesses of a sentence ending in ；
        self.carried_from = -2
        self.member_list: Entity | None = None  # the joint meeting whose members the lines list
        self.launch_list: list[Entity] = []  # who launched the projects the lines below list
        for i, st in enumerate(self.a.sents):
            self.i = i  # the index of the sentence being read
            if self.member_list is not None and self._member_line(st):
                continue
            if st.skip or not self._worth_reading(st):
                continue
            self.cobuilding(st)
            self.members(st)
            self.made_of(st)
            self.chairs(st)
            self.committees(st)
            self.projects(st)
            self.documents(st)
            self.appointments(st)  # (before presenting: 聘请甲、乙为…委员，丙为2名委员颁发聘书)
            self.presenting(st)
            self.located(st)

    def _worth_reading(self, st: Sent) -> bool:
        """A sentence some rule may read a fact from: it names units or people, quotes a name,
        speaks of claims or members (of the units of the list before), or of a signing whose sides
        a list below names."""
        text = st.text
        return bool(
            st.mentions
            or st.people
            or "签" in text
            or QUOTED.search(text)
            or self.w.claim_re.search(text)
            or self.w.member_re.search(text)
        )

    # -- helpers --------------------------------------------------------------------------------

    def date_of(self, st: Sent) -> str | None:
        if st.dates and (st.aside or st.event is None):
            return st.dates[0].iso
        return st.event.attrs.get("date") if st.event is not None else (st.dates[0].iso if st.dates else None)

    def orgs_in(self, st: Sent, lo: int, hi: int) -> list[tuple[Mention, Entity]]:
        """Organisations named in [lo, hi) of the sentence (not those of a title chain: the unit in
        区委书记甲 is no party of other relations)."""
        out = []
        chained = self._chained(st)
        for m in st.mentions:
            rs, re_ = m.start - st.s.start, m.end - st.s.start
            if rs < lo or re_ > hi or id(m) in chained:
                continue
            ref = st.ref(m)
            if ref is None or ref.type == "Place":
                continue
            ent = self.a.org(st, m)
            if ent is not None:
                out.append((m, ent))
        return out

    def _chained(self, st: Sent) -> set[int]:
        """The mentions a title follows (id of each), read once per sentence."""
        if self._chained_of[0] is not st:
            title_starts = {t.start for t in st.tokens if t.kind == TITLE}
            self._chained_of = (st, {id(m) for m in st.mentions if m.end - st.s.start in title_starts})
        return self._chained_of[1]

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
        """The first of `words` in text from `start` (the longest where several begin there)."""
        m = _alternation_of(tuple(words)).search(text, start)
        return (m.start(), m.group(0)) if m else (-1, "")

    def ev(self, st: Sent, rule: str, conf: float = 0.8):
        return self.b.evidence(st.s, rule, conf)

    # -- co-building ------------------------------------------------------------------------------

    def cobuilding(self, st: Sent) -> None:
        """co_builds_with between the units named before a signing verb (A与B签订, A携手B签署 …),
        and the pairs a list gives after a signing whose sides the sentence leaves unnamed
        (…与驻区单位党组织逐一签约。A——B；C——D)."""
        text = st.text
        if self._partners_named(st):
            return
        if any(w in text for w in self.rel["cobuild_context"]):
            verbs = list(self.w.cobuild_re.finditer(text))
            if [m for m in verbs if self._signing(st, m.start(), m.group(0))]:  # every signing of it
                return
            if verbs and re.search("签约|签订|签署|结对", text):
                if self._pair_anaphor_signing(st):
                    return
                self.unnamed_signing = (self.i, self._witness_people(st), self.date_of(st))
                return
        if self.unnamed_signing is not None and self.i - self.unnamed_signing[0] <= 12:
            self._pair_line(st)

    def _partners_named(self, st: Sent) -> bool:
        """A的结对共建单位为B、C: A pairs with each of them."""
        m = PARTNER_OF.search(st.text)
        if m is None:
            return False
        left = self.orgs_in(st, clause_start(st.text, m.start()), m.start())
        right = self._units(self.orgs_in(st, m.end(), self.clause(st, m.end())[1]))
        if not left or not right:
            return False
        ev = self.ev(st, "cobuild.partner", 0.8)
        for unit in right:
            self.b.fact("co_builds_with", left[-1][1], unit, ev, date=self.date_of(st))
        return True

    def _pair_anaphor_signing(self, st: Sent) -> bool:
        """在X的见证下，甲与乙代表双方签订…: the signing of the pair just named; its witnesses."""
        recent = self.a.last_signing >= self.i - 2 and self.a.last_pairs
        if not recent or not any(w in st.text for w in self.rel["pair_anaphors"]):
            return False
        ev = self.ev(st, "cobuild.witness", 0.8)
        for person in self._witness_people(st):
            for x, y in self.a.last_pairs:
                self.b.fact("witnessed", person, x, ev, parties=[x.key, y.key])
        return True

    def _pair_line(self, st: Sent) -> None:
        """One pair of a list after an unnamed signing: a sentence that is just A——B (or A与B)."""
        items = self.orgs_in(st, 0, len(st.text))
        if len(items) != 2:
            return
        (m1, a), (m2, b) = items
        rel = st.s.start
        head = LIST_NUMBER.sub("", st.text[: m1.start - rel])
        sep = st.text[m1.end - rel : m2.start - rel]
        tail = st.text[m2.end - rel :]
        if head or not PAIR_SEP.fullmatch(sep) or tail.strip("；;。，,") != "":
            return
        _, people, date = self.unnamed_signing
        ev = self.ev(st, "cobuild.pair-list", 0.8)
        self.b.fact("co_builds_with", a, b, ev, date=date)
        wev = self.ev(st, "cobuild.witness", 0.8)
        for person in people:
            self.b.fact("witnessed", person, a, wev, parties=[a.key, b.key])

    def _signing(self, st: Sent, at: int, word: str) -> bool:
        text = st.text
        if word in self.w.weak_cobuild and not self.w.after_weak_re.search(text, at):
            return False
        lo = clause_start(text, at, "，。；：,;:")
        region = text[lo:at]
        both = region.endswith("代表双方")  # A党委书记甲、B党支部书记乙代表双方签订
        rep = region.find("代表")
        if rep >= 0 and region.find("与") < rep:
            lo += rep + 2  # 房晏清与鲍晴川分别代表A和B签订: A and B
        items = self.orgs_in(st, lo, at)
        if NO_SUBJECT.match(text, lo):  # …党工委坚持…，先后与A、B签订: the subject of an earlier clause
            subject = self._clause_subject(st, lo)
            if subject is not None:
                items = [subject, *items]
        if not items and both:
            pairs = self._represented_pair(st, clause_start(text, at, "，。；：,;:"), at)
        elif not items and ADVERBS_ONLY.fullmatch(region) and lo > 0:
            pairs = self._pair_clauses(st, lo)  # A同B，C同D，分别签订了共建协议
        elif len(items) < 2:
            return False
        else:
            obj = text[at : self.clause(st, at)[1]]  # what is signed (…三方共建协议)
            pairs = self._pairs(st, items, text[items[-1][0].end - st.s.start : at], obj)
        if not pairs:
            return False
        date = self.date_of(st)
        ev = self.ev(st, "cobuild.signing", 0.85)
        for x, y in pairs:
            self.b.fact("co_builds_with", x, y, ev, date=date)
        units = [e for _, e in items]
        if self.a.last_signing in (self.i - 1, self.i):  # A与B签订；C与D签订: one signing
            self.a.last_pairs = self.a.last_pairs + pairs
            self.a.last_list = self.a.last_list + [e for e in units if e not in self.a.last_list]
        else:
            self.a.last_pairs, self.a.last_list = pairs, units
        self.a.last_signing = self.i
        ev = self.ev(st, "cobuild.witness", 0.85)
        for person in self._witness_people(st):
            for x, y in pairs:
                self.b.fact("witnessed", person, x, ev, parties=[x.key, y.key])
        return True

    def _pair_clauses(self, st: Sent, lo: int) -> list[tuple[Entity, Entity]]:
        """The pairs of the clauses right before `lo` that are each nothing but A与B (A同B, A和B)."""
        text, pairs, end = st.text, [], lo - 1
        while end > 0:
            start = clause_start(text, end, "，；,;")
            items = self.orgs_in(st, start, end)
            if len(items) != 2:
                break
            (m1, a), (m2, b) = items
            sep = text[m1.end - st.s.start : m2.start - st.s.start]
            if m1.start - st.s.start != start or m2.end - st.s.start != end:
                break
            if not self.w.pairing_re.fullmatch(sep):
                break
            pairs.insert(0, (a, b))
            end = start - 1
        return pairs

    def _represented_pair(self, st: Sent, lo: int, at: int) -> list[tuple[Entity, Entity]]:
        """A党委书记甲、B党支部书记乙代表双方签订: the two bodies the signers' chains name."""
        orgs: list[Entity] = []
        for p in st.posts:
            if lo <= p.person_span[0] < at and p.org is not None and p.org.type != "Place":
                ent = self.a.org_ref(st, p.org)
                if ent not in orgs:
                    orgs.append(ent)
        return [(orgs[0], orgs[1])] if len(orgs) == 2 else []

    def _clause_subject(self, st: Sent, lo: int):
        """The organisation that begins the nearest earlier clause (the subject a 与-clause omits)."""
        text = st.text
        for m in sorted(st.mentions, key=lambda m: -m.start):
            at = m.start - st.s.start
            if at >= lo:
                continue
            if at == 0 or text[at - 1] in CLAUSE_END:
                items = self.orgs_in(st, at, m.end - st.s.start)
                return items[0] if items else None
        return None

    def _pairs(self, st: Sent, items, gap: str, obj: str = "") -> list[tuple[Entity, Entity]]:
        """'A与B、C与D' → (A,B),(C,D); 'A与B、C、D' → (A,B),(A,C),(A,D); 'A、B分别与C、D' → (A,C),(B,D);
        'A、B和C三方签订' → every pair."""
        seps = []
        for (m1, _), (m2, _) in zip(items, items[1:], strict=False):
            seps.append(st.text[m1.end - st.s.start : m2.start - st.s.start])
        ents = [e for _, e in items]
        pairing = [s for s in seps if self.w.pairing_re.search(s)]
        many = ALL_PARTIES.search(gap) or MANY_SIDES.search(obj)
        if len(ents) >= 3 and many and all(LIST_SEP.fullmatch(s) for s in seps):
            return [(x, y) for i, x in enumerate(ents) for y in ents[i + 1 :]]
        if len(pairing) >= 2:
            groups, cur = [], [ents[0]]
            for sep, e in zip(seps, ents[1:], strict=False):
                if self.w.pairing_re.search(sep):
                    cur.append(e)
                else:
                    groups.append(cur)
                    cur = [e]
            groups.append(cur)
            return [(g[0], g[1]) for g in groups if len(g) == 2]
        if len(pairing) == 1 and "—" in pairing[0] and len(ents) != 2:
            return []  # A—B is one pair: a dash never joins one side to a list
        if len(pairing) == 1:
            k = next(i for i, s in enumerate(seps) if self.w.pairing_re.search(s))
            left, right = ents[: k + 1], ents[k + 1 :]
            if len(left) == 1:
                return [(left[0], r) for r in right]
            if len(right) == 1 and all(LIST_SEP.fullmatch(s) for s in seps[:k]):  # A、B与C签订
                return [(x, right[0]) for x in left]
            if "分别" in seps[k] and len(left) == len(right):
                return list(zip(left, right, strict=True))
        return []

    def _witness_people(self, st: Sent) -> list[Entity]:
        """The people a sentence names as witnesses (在A、B的见证下; A、B共同见证签约); a sentence
        that goes on after a semicolon keeps the witnesses of its first part."""
        m = (
            next(filter(None, (w.search(st.text) for w in self.w.witness)), None)
            if "见证" in st.text
            else None
        )
        if m is not None:
            people = self.people_in(st, m.start(1), m.end(1))
        else:
            people = self.carried_witnesses if self.carried_from == self.i - 1 else []
        if st.text.endswith(("；", ";")):
            self.carried_witnesses, self.carried_from = people, self.i
        return people

    # -- joint meetings ----------------------------------------------------------------------------

    def _names_membership(self, st: Sent, lo: int) -> bool:
        """A joining verb joins the joint meeting only when the sentence names it or member units."""
        jm_named = any(
            (ref := st.ref(m)) is not None and ref.type == "JointMeeting" and m.start - st.s.start >= lo
            for m in st.mentions
        )
        return jm_named or any(w in st.text for w in self.rel["member_nouns"])

    def jm_of(self, st: Sent, lo: int, hi: int) -> Entity | None:
        for m in st.mentions:
            ref = st.ref(m)
            if ref is not None and ref.type == "JointMeeting" and lo <= m.start - st.s.start < hi:
                return self.a.org(st, m)
        jm = self.a.resolver.jm
        return self.a.org_ref(st, jm) if jm is not None else None

    def members(self, st: Sent) -> None:
        """member_of: the units a sentence makes members of its joint meeting, read around a member
        word (成员单位, 加入, 吸纳 …): listed before it (A、B等12家单位加入), after it (成员单位包括A、B;
        加入“观商盟”，包括A、B), or as the units of the heads named before it (…书记甲，…书记乙等
        12家成员单位负责人参加会议)."""
        text = st.text
        taking, pending = self.rel["member_verbs_taking"], self.rel["member_pending"]
        for m in self.w.member_re.finditer(text):
            word = m.group(0)
            lo, hi = self.clause(st, m.start())
            if "赋能" in text[m.start() : m.end() + 2] or self._pending(st, lo, hi, pending):
                continue
            if text.endswith(tuple(self.rel["member_noun_not_after"]), 0, m.start()):
                continue  # A的结对共建单位: a partner, not a member
            if HEADS.match(text, m.end()):  # …书记乙等成员单位负责人; A、B等成员单位负责人
                ents = self._heads_units(st, m.start()) or self._listed_before(st, lo, m)
            elif word in self.rel["member_nouns"] and self._chain_at(st, m.end()):
                ents = self._chains_units(st, m.end())  # 成员单位A公司书记甲，B公司总经理乙…
            elif word in taking and text[m.start() - 1 : m.start()] == "被":  # A、B被吸纳为成员
                ents = self._listed_before(st, lo, m)
            elif word in taking:  # 吸纳A、B为成员单位; 接收A为新成员
                ents = self._units(self.orgs_in(st, m.end(), hi))
            elif word in self.rel["member_verbs"] and LIST_AFTER.match(text, hi):
                ents = self._listed_after(st, LIST_AFTER.match(text, hi).end())
            elif word in self.rel["member_verbs"] and JOINED_LIST.match(text, m.end()):
                ents = self._listed_after(st, JOINED_LIST.match(text, m.end()).end())
            elif word in self.rel["member_nouns"] and MEMBERS_LISTED.match(text, m.end()):
                ents = self._listed_after(st, MEMBERS_LISTED.match(text, m.end()).end())
            elif word in self.rel["member_nouns"] and self._mention_at(st, m.end()):
                ents = self._units(self.orgs_in(st, m.end(), hi))  # 为首批成员单位A、B、C授牌
            else:
                ents = self._listed_before(st, lo, m)
            if (
                not ents
                and word == "成为"
                and text[lo - 1 : lo] == "，"
                and not LIST_COUNT.match(text, lo)
                and not self.orgs_in(st, lo, m.start())
            ):
                # A、B…共同签署《公约》，成为联盟首批成员单位: the units of the clause before
                ents = self._units(self.orgs_in(st, clause_start(text, lo - 1), lo))
            if not ents and any(w in text[lo : m.start()] for w in self.rel["list_anaphors"]):
                ents = list(self.a.last_list)
            counted = LIST_COUNT.match(text, lo)
            if not ents and counted and self.a.last_list:  # …签订协议，6家单位党组织同步成为…成员单位
                n = _count(counted.group(1))
                ents = self.a.last_list[-n:] if 0 < n <= len(self.a.last_list) else []
            if (
                word in self.rel["member_verbs"]
                and word not in self.rel["member_verbs_naming"]
                and not self._names_membership(st, lo)
            ):
                continue  # 把云汇里商圈纳入全区…: joining nothing the sentence names
            jm = self.jm_of(st, lo, len(text))
            if (
                not ents
                and word in self.rel["member_nouns"]
                and (LIST_BELOW.match(text, m.end()) or (CELL.fullmatch(text) and not st.mentions))
            ):
                self.member_list, self.cells = jm, 0  # 成员单位名单如下：; 首批成员单位名单 (the lines below)
            if not ents or jm is None:
                continue
            for e in ents:
                self.b.fact("member_of", e, jm, self.ev(st, "member.joining", 0.8))
            self._joined(ents)

    def _pending(self, st: Sent, lo: int, hi: int, pending) -> bool:
        """A joining the clause only asks for (A申请入盟，会议决定暂缓审议), unless the clause grants
        it (…递交入盟申请书并获批准) or the sentence goes on to make it happen (…递交入盟申请书，
        正式加入联盟; …申请加入，甲为两家新成员单位授牌)."""
        clause = st.text[lo:hi]
        if any(w in clause for w in self.rel["member_confirmed"]):  # 递交入盟申请书并获批准
            return False
        return any(w in clause for w in pending) and not self.w.member_re.search(st.text, hi)

    def _joined(self, units: list[Entity]) -> None:
        """Remember the units a sentence made members: the last list, and all members so far in
        the order they joined (为新加入的4家成员单位授牌 may count back over several sentences)."""
        self.a.last_list = self.a.last_members = units
        self.a.members += [u for u in units if u not in self.a.members]

    def _member_line(self, st: Sent) -> bool:
        """One line of a list of members a member word announced (…成员单位名单如下：; a table under
        成员单位名单): a line of unit names only, numbered or not; or a numbered item that begins with
        a unit (1.A公司：负责…). The other cells of a table's rows (序号, 1, a contact's name) go
        by; any other line ends the list."""
        text = st.text
        items = [] if st.skip else self.orgs_in(st, 0, len(text))
        units = self._line_units(st, items)
        if units:
            ev = self.ev(st, "member.list-line", 0.8)
            for e in units:
                self.b.fact("member_of", e, self.member_list, ev)
            self._joined(units)
            self.cells = 0
            return True
        if not st.mentions and CELL.fullmatch(text) and self.cells < MAX_CELLS:
            self.cells += 1
            return True
        self.member_list = None
        return False

    def _line_units(self, st: Sent, items) -> list[Entity]:
        """The units of a line that lists units: all of them when the line holds nothing else, the
        first when it is a numbered item that begins with it."""
        text = st.text
        rest, at = [], 0
        for mm, _ in items:
            rest.append(text[at : mm.start - st.s.start])
            at = mm.end - st.s.start
        rest.append(text[at:])
        rest[0] = LIST_NUMBER.sub("", rest[0], count=1)
        units = self._units(items)
        if units and all(LINE_SEPARATORS.fullmatch(r) for r in rest):
            return units
        numbered = ITEM_NUMBER.fullmatch(text, 0, items[0][0].start - st.s.start) if items else None
        if numbered is not None and numbered.end() > 0 and units and units[0] is items[0][1]:
            return units[:1]
        return []

    def made_of(self, st: Sent) -> None:
        """member_of: the units a joint meeting is made of or founded by (联盟由A、B…共同发起成立;
        由X牵头，A、B…共同组成: the lead unit is no member by these words; A、B等共同发起成立“X”联盟)."""
        for m in FOUNDED.finditer(st.text):
            named = [
                mm
                for mm in st.mentions
                if mm.start - st.s.start >= m.end()
                and (ref := st.ref(mm)) is not None
                and ref.type == "JointMeeting"
            ]
            lo = clause_start(st.text, m.start())
            ents = self._units(self.orgs_in(st, lo, m.start()))
            if named and len(ents) >= 2 and "由" not in st.text[lo : m.start()]:
                jm = self.a.org(st, named[0])
                for e in ents:
                    self.b.fact("member_of", e, jm, self.ev(st, "member.founders", 0.8))
                self._joined(ents)
        for m in MADE_OF.finditer(st.text):
            lo = m.start(1)
            lead = st.text.find("牵头", lo, m.end(1))
            lo = lead + 2 if lead >= 0 else lo
            ents = self._units(self.orgs_in(st, lo, m.end(1)))
            jm = self.jm_of(st, 0, len(st.text))
            if len(ents) < 2 or jm is None:
                continue
            for e in ents:
                self.b.fact("member_of", e, jm, self.ev(st, "member.made-of", 0.8))
            self._joined(ents)

    def _mention_at(self, st: Sent, at: int) -> bool:
        return any(mm.start - st.s.start == at for mm in st.mentions)

    @staticmethod
    def _units(items) -> list[Entity]:
        return [e for _, e in items if e.type not in ("JointMeeting", "Committee")]

    def _listed_after(self, st: Sent, at: int) -> list[Entity]:
        """The units of a list that runs from `at` to the end of the sentence."""
        return self._units(self.orgs_in(st, at, len(st.text)))

    def _listed_before(self, st: Sent, lo: int, m: re.Match) -> list[Entity]:
        """The units named in the clause before a member word, when only a count stands between."""
        items = self.orgs_in(st, lo, m.start())
        if items and m.group(0) in self.rel["member_nouns"]:
            gap = st.text[items[-1][0].end - st.s.start : m.start()]
            if not COUNT_GAP.fullmatch(gap):
                return []
            if "为" in gap and self.w.present_re.match(st.text, m.end()):
                return []  # 街道为共建单位授牌: the one who gives, not a member
        return self._units(items)

    def _heads_units(self, st: Sent, at: int) -> list[Entity]:
        """…董事长甲，…书记乙等12家成员单位负责人: the units of the people enumerated right before."""
        gap = re.search(
            r"等[\d一二三四五六七八九十两]*[家个]?(?:联席会议|联盟|大工委|大党委)?$", st.text[:at]
        )
        return self._posts_units(st, self._enumerated(st, gap.start()) if gap else [])

    def _posts_units(self, st: Sent, posts) -> list[Entity]:
        """The companies and institutions whose posts these are (a Party body's: its unit's)."""
        units: list[Entity] = []
        for p in posts:
            if p.org is None:
                continue
            unit = p.org.host if p.org.host is not None and not p.org.dept else p.org
            if unit.type in ("Enterprise", "SocialOrganization"):
                ent = self.a.org_ref(st, unit)
                if ent not in units:
                    units.append(ent)
        return units

    def _chain_at(self, st: Sent, at: int) -> bool:
        """A title chain whose organisation is named right at `at`."""
        return any(mm.start - st.s.start == at for mm in st.mentions if id(mm) in self._chained(st))

    def _chains_units(self, st: Sent, at: int) -> list[Entity]:
        """成员单位A公司党支部书记甲，B公司总经理乙…: the units of the chains enumerated from `at`,
        each right after the name before it."""
        posts, expect = [], at
        for p in sorted(st.posts, key=lambda p: p.person_span[0]):
            if p.person_span[0] < at:
                continue
            if self._chain_start(st, p) > expect:
                break  # (not right after the name before: the enumeration is over)
            posts.append(p)
            expect = p.person_span[1] + 1
        return self._posts_units(st, posts)

    def _enumerated(self, st: Sent, end: int) -> list:
        """The posts of the people enumerated right before `end` (甲…，乙…、丙…), back to the first
        item that is not a title chain with its name (出席并讲话 ends the enumeration)."""
        text = st.text
        out: list = []
        while True:
            last = [p for p in st.posts if p.person_span[1] == end]
            if not last:
                return out
            out = last + out
            first = min(self._chain_start(st, p) for p in last)
            if first <= 0 or text[first - 1] not in "，、,":
                return out
            end = self._before_brackets(text, first - 1)

    @staticmethod
    def _chain_start(st: Sent, post) -> int:
        """Where the title chain of a post begins in the sentence (after the last separator)."""
        return clause_start(st.text, post.person_span[0], "，、,；：")

    def chairs(self, st: Sent) -> None:
        text = st.text
        words = self.rel["chair_words"]
        at, word = self.find_any(text, words)
        if at < 0:
            return
        jm = self.jm_of(st, 0, len(text))
        if jm is None:
            return
        ev = self.ev(st, "chair.rotating", 0.85)
        seen = 0
        while at >= 0:
            lo, hi = self.clause(st, at)
            if text[at - 1 : at] == "副":  # 副主席单位 is no chair
                at, word = self.find_any(text, words, hi + 1)
                continue
            items = [e for _, e in self.orgs_in(st, lo, hi) if e.type != "JointMeeting"]
            if not items and self._chain_at(st, at + len(word)):  # 轮值主席单位A医院党总支书记甲: A
                items = self._chains_units(st, at + len(word))[:1]
            if not items and self._chain_at(st, lo) and HANDED_OVER.search(text, lo, at):
                items = self._chains_units(st, lo)[:1]  # A公司总经理甲从乙手中接过轮值主席单位牌匾
            if (
                not items
                and hi < len(text)
                and (
                    text[lo:at].lstrip().startswith("作为")
                    or BY_WHOM.match(text, hi + 1)
                    or (text[hi] in "：:" and hi == at + len(word))
                )
            ):  # 作为轮值主席单位，A…; 产生了轮值主席单位，由A担任; 轮值主席单位：A
                nlo, nhi = self.clause(st, hi + 1)
                items = [e for _, e in self.orgs_in(st, nlo, nhi) if e.type != "JointMeeting"][:1]
            for e in items:
                self.b.fact("rotating_chair", e, jm, ev)
            seen = hi
            at, word = self.find_any(text, words, seen + 1)
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
        heads = tuple(self.rel["committee_words"])
        full = [
            ref.name
            for mm in st.mentions
            if (ref := st.ref(mm)) is not None and ref.type == "Committee" and not NUMBERED.search(ref.name)
        ]
        full = [n for n in full if n not in self.w.generic_committees]  # 联盟专委会分别为…
        # (“X”专门委员会 is one committee: its elliptical reading X专委会 is not another)
        names = [i + "专委会" for i in elliptical(st.text, heads) if not any(i + h in full for h in heads)]
        for name in names + full:
            ent = self.a.org_ref(st, self.a.resolver._committee(name))
            self.b.fact("has_committee", jm_ent, ent, ev)

    # -- projects ------------------------------------------------------------------------------------

    def project_spans(self, st: Sent) -> list[tuple[int, int, str]]:
        """Quoted project names with the words after them (“渡口同心”区域化党建志愿服务行动)."""
        out = []
        if not OPEN_QUOTE.search(st.text):
            return out
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
                while k < len(toks) and toks[k].kind not in NOT_IN_PROJECT and k - j <= 12:
                    if COUNT_START.match(st.text, toks[k].start):  # “X”和“Y”两个子项目
                        break
                    k += 1
                tail = "".join(x.text for x in toks[j + 1 : k])
                if (
                    re.search(r"[，、]", inner)
                    or len(inner) > 16
                    or len(inner) < 2
                    or _names_a_body(inner + tail)
                ):
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
        if spans and NUMBERED_LINE.match(text):  # a numbered list of projects names one each
            proj = self.project(st, spans[0])
            for unit in self.launch_list:  # (…发布首批项目：1.“X”项目 2.“Y”项目)
                self.b.fact("launched", unit, proj, self.ev(st, "project.launch-list", 0.8))
        else:
            self.launch_list = []
        if not spans:
            verb = self.w.launch_re.search(text)
            if verb is not None and text.endswith(("：", ":")):  # 发布首批项目：(the lines below)
                self.launch_list = self._launchers(
                    st, clause_start(text, verb.start(), "，。；："), verb.start()
                )
            if self.w.claim_re.search(text):
                self.claims(st, spans)
            return
        found = list(self.w.launch_re.finditer(text))
        verbs = [m.start() for m in found]
        previous: list[Entity] = []  # who launched by the verb before (A启动“X”，“Y”同步发布: A)
        for k, at in enumerate(verbs):  # each launching verb with its own subject: A推出X，B推出Y
            lo = clause_start(text, at, "，。；：")
            colon = text.find("：", at)
            own = self.clause(st, at)[1]
            hi = len(text) if 0 <= colon < own + 1 or LAUNCH_LIST.match(text, own) else own
            # A发布项目清单（N个项目），“X”由B认领，“Y”由C认领: the claimed projects after it are A's
            listed = "项目" in text[at:own]
            # (a later verb whose clause begins with a project's name has that project as its subject)
            later = [clause_start(text, v, "，。；：") for v in verbs[k + 1 :]]
            end = next((c for c in later if not OPEN_QUOTE.match(text, c)), len(text))
            hi = min(hi, end)
            chosen = [s for s in spans if at <= s[0] < hi]
            if listed:
                chosen += [s for s in spans if hi <= s[0] < end and self._claimed(text, s)]
            named_only = found[k].group(0) in self.w.launch_named
            if named_only:  # 开展“X”行动, not 开展“X”活动
                chosen = [s for s in chosen if s[2].endswith(self.w.project_nouns)]
            if chosen:
                subjects = self._launchers(st, lo, at)
            elif text.endswith(("：", ":")) and k == len(verbs) - 1:
                self.launch_list = self._launchers(st, lo, at)  # the projects are the lines below
                continue
            elif (
                found[k].group(0) in self.w.passive_launch
            ):  # 由A牵头的“X”行动同步启动: the project is the subject
                chosen, subjects = self._launched_subject(st, spans, lo, found[k])
                subjects = subjects or previous
            else:
                continue
            previous = subjects
            for span in chosen:
                proj = self.project(st, span)
                for subject in subjects:
                    self.b.fact("launched", subject, proj, self.ev(st, "project.launch", 0.8))
        self.claims(st, spans)

    def _claimed(self, text: str, span) -> bool:
        """A project the sentence says is claimed or led: “X”由A认领, A认领/揭榜“X”, “X”由A牵头实施."""
        after = re.match(r"(?:项目)?由[^，。；]{2,40}?(?:认领|揭榜|领办|牵头)", text[span[1] :])
        return bool(after) or bool(self.w.claim_re.search(text, max(0, span[0] - 3), span[0]))

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
        if items:
            return [items[0][1], *self._partners(st, lo + len(joined), at)]
        jm = self.a.resolver.jm
        if jm is not None and self._meeting_speaks(st.text, lo, region):
            return [self.a.org_ref(st, jm)]  # 会上，发布了“X”项目: the joint meeting's launch
        if ELIDED_SUBJECT.fullmatch(region) and lo > 0:  # A持续深化共建，先后推出“X”: A
            subject = self._clause_subject(st, lo)
            return [subject[1]] if subject is not None else []
        return []

    def _partners(self, st: Sent, at: int, verb: int) -> list[Entity]:
        """A联合B推出, A与B、C共同发起: the units after the joining word at `at` launch too, when
        they stand right after it and nothing but 共同/联合 … comes between them and the verb."""
        word = re.match("联合|携手|会同|与", st.text[at:verb])
        items = self.orgs_in(st, at + len(word.group(0)), verb) if word else []
        if not items or items[0][0].start - st.s.start != at + len(word.group(0)):
            return []
        tail = st.text[items[-1][0].end - st.s.start : verb]
        return [e for _, e in items] if PARTNERS_END.fullmatch(tail) else []

    def _meeting_speaks(self, text: str, lo: int, region: str) -> bool:
        """The subject of a launch is the meeting: the clause names nothing but the meeting
        (会议现场发布了…), begins after 会上, (会上，发布了…), or goes on from a clause whose subject
        is the meeting (会议听取了…汇报，并现场启动…)."""
        if not self.w.meeting_subject.fullmatch(region):
            return False
        before = text[clause_start(text, max(lo - 1, 0), "，。；：") : max(lo - 1, 0)]
        said = self.w.meeting_subject.match(before)
        return (
            region.strip() != ""
            and region[:1] in "会本此仪活大"
            or bool(before and self.w.meeting_subject.fullmatch(before) and before[:1] in "会本此仪活")
            or bool(region.strip() and said and said.end() > 0 and before[:1] in "会本此")
        )

    def _launched_subject(self, st: Sent, spans, lo: int, verb: re.Match) -> tuple[list, list[Entity]]:
        """由A牵头的“X”行动正式启动, “X”行动由A、B联合发起: the project is the subject of its verb;
        the units of 由… launch it."""
        text, at = st.text, verb.start()
        for span in reversed([s for s in spans if lo <= s[0] and s[1] <= at]):
            if span[1] == at and LAUNCH_EVENT.match(text, verb.end()):  # A举行“X”行动启动仪式
                return [span], self._launchers(st, lo, span[0])
            if self.w.passive_gap.fullmatch(text, span[1], at):
                by = self.w.launched_by.search(text, lo, span[0] + 1)
                if by is None and span[0] == lo:  # 会上，“X”项目正式启动: the meeting's, if it speaks
                    return [span], self._launchers(st, lo, span[0])
            else:
                by = self.w.launched_after.fullmatch(text, span[1], at)
            if by is not None:
                return [span], [e for _, e in self.orgs_in(st, by.start(1), by.end(1))]
        return [], []

    def claims(self, st: Sent, spans) -> None:
        """claims_project: “X”由A认领, A、B认领(了)“X”, “X”——A、B认领, 认领单位：A、B (X the project before)."""
        text = st.text
        for m in self.w.claim_re.finditer(text):
            at = m.start()
            ev = self.ev(st, "project.claim", 0.8)
            listed = re.match(r"单位(?:为|是|[：:])([^；。]+)", text[m.end() :])  # 认领单位为A、B
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
            seg = re.sub(r"(\d+家单位|等\d*家?单位?)$", "", re.sub(r"(现场|分别|牵头并|牵头)$", "", seg))
            units = self._named_units(st, seg_start, at, seg)
            ahead = [sp for sp in after if sp[0] < self.clause(st, m.end())[1]]
            if "分别" in text[lo:at] and len(ahead) == len(units) > 1:  # A和B分别认领了“X”和“Y”
                for u, span in zip(units, ahead, strict=True):
                    self.b.fact("claims_project", u, self.project(st, span), ev)
                continue
            if before and before[-1][1] >= lo:
                projs = [before[-1]]
            elif after and after[0][0] - m.end() <= 10:
                projs = [after[0]]
            elif before:  # “X”…，由A牵头并认领: the project the sentence began with
                projs = [before[-1]]
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
        for m in DOCUMENT_TITLE.finditer(st.text) if "《" in st.text else ():
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
                for e in self._issuers(st, lo, lo + verb)[:1]:
                    self.b.fact("issued", e, doc, ev)

    def _issuers(self, st: Sent, lo: int, at: int) -> list[Entity]:
        """Who issues a document by the verb at `at`: the unit before it in the clause; else whom a
        launch would have there (会议发布了《…》: the joint meeting; A…，并印发《…》: A); else, when the
        verb begins its clause, who launched by the verb of the clause before (会议启动“X”，发布了《…》)."""
        items = self.orgs_in(st, lo, at)
        if items:
            return [e for _, e in items]
        found = self._launchers(st, lo, at)
        if found or lo == 0 or st.text[lo:at].strip():
            return found
        before = clause_start(st.text, lo - 1, "，。；：")
        verb = self.w.launch_re.search(st.text, before, lo - 1)
        return self._launchers(st, before, verb.start()) if verb else []

    # -- presenting ------------------------------------------------------------------------------------

    def presenting(self, st: Sent) -> None:
        """presented_to, once for each presenting verb: 甲为A颁发牌匾，乙向B授予“X”称号."""
        for m in self.w.present_re.finditer(st.text):
            self._present(st, m.start())

    def _present(self, st: Sent, at: int) -> None:
        """The giver before 为/向 and the recipients between it and the verb at `at`."""
        text = st.text
        lo = clause_start(text, at, "。；")
        wei = max(text.rfind("为", lo, at), text.rfind("向", lo, at))  # 甲为A授牌, 甲向A授牌
        if wei < 0:
            return
        glo = clause_start(text, wei, "，。；：")
        givers = self.people_in(st, glo, wei)
        if not givers and glo > 0 and CONTINUED.match(text, glo):  # 甲宣读…，并为A颁奖: 甲
            givers = self.people_in(st, clause_start(text, glo - 1, "，。；："), glo)[:1]
        if not givers:  # 会上为A颁发了成员单位证书: no giver, but a member all the same
            self._plaque_members(st, at, [e for _, e in self.orgs_in(st, wei, at)])
            return
        recipients: list[Entity] = self.people_in(st, wei, at)
        recipients += [e for _, e in self.orgs_in(st, wei, at) if e.type != "JointMeeting"]
        if recipients and any(r.type == "Person" for r in recipients):
            recipients = [r for r in recipients if r.type == "Person"]
        if not recipients and "其" in text[wei : wei + 2]:
            recipients = [e for _, e in self.orgs_in(st, lo, glo) if e.type != "JointMeeting"]
        raw = text[wei + 1 : at]
        phrase = TRAILING_ADVERBS.sub("", COUNTED.sub("", raw))
        if not recipients and self.w.unit_phrase_re.fullmatch(phrase):
            # 为上述5家新成员单位授牌: the units of the last list; 新加入的, 成员: of the last members
            joined = self.a.last_members and re.search("新|成员|加入|入盟", raw)
            recipients = list(self.a.last_members if joined else self.a.last_list)
            counted = UNITS_COUNTED.search(raw)
            n = _count(counted.group(1)) if counted else 0
            if joined and len(recipients) < n <= len(self.a.members):  # they joined in several sentences
                recipients = self.a.members[-n:]
        if not recipients:
            recipients = self._by_title(phrase)
        if not recipients:  # 为澜港海洋科技授牌: a short name
            recipients = [e for e in self._named_units(st, wei + 1, at, phrase) if e.type not in NO_RECIPIENT]
        ev = self.ev(st, "present.giver", 0.8)
        if "分别" in text[glo:wei] and len(givers) == len(recipients) > 1:  # 甲、乙分别为A、B授牌
            pairs = list(zip(givers, recipients, strict=True))
        else:
            pairs = [(g, r) for g in givers for r in recipients]
        for g, r in pairs:
            self.b.fact("presented_to", g, r, ev)
        self._plaque_members(st, at, recipients)

    def _plaque_members(self, st: Sent, at: int, recipients: list[Entity]) -> None:
        """为A、B授予成员单位牌匾: units given a member's plaque or certificate are members."""
        hi = self.clause(st, at)[1]
        if not any(w in st.text[at:hi] for w in self.rel["member_nouns"]):
            return
        jm = self.jm_of(st, 0, len(st.text))
        units = [r for r in recipients if r.type not in ("Person", *NO_RECIPIENT)]
        if jm is None or not units:
            return
        for unit in units:
            self.b.fact("member_of", unit, jm, self.ev(st, "member.plaque", 0.8))

    def _by_title(self, phrase: str) -> list[Entity]:
        """Recipients named by their post (为新任兼职委员颁发聘书): the people holding it."""
        if not phrase:
            return []
        out = []
        for f in self.a.b.x.facts:
            if f.relation == "holds_post" and f.role and phrase.endswith(f.role) and len(f.role) >= 2:
                ent = self.a.b.x.entities[f.subject]
                if ent not in out:
                    out.append(ent)
        return out

    # -- appointments: posts a verb gives -------------------------------------------------------------

    def appointments(self, st: Sent) -> None:
        """holds_post read from verbs: X任/担任/兼任/作为/接过/当选 [ORG] TITLE, 由X任TITLE (of the topic
        before 由), 设TITLE…由X担任, and 聘任/增补/推选 A、B、C 为 [ORG] TITLE."""
        text = st.text
        rel = self.rel
        for name, at in st.people:
            verb = self.w.appoint_re.match(text, at + len(name))
            if verb is None:
                continue
            topic = self._topic(st, at)
            self._appointed(st, [name], verb.end(), topic)
        for m in self.w.list_appoint_re.finditer(text):
            lo, hi = self.clause(st, m.end())
            wei = text.find(rel["appoint_as"], m.end())
            if wei < 0:
                continue
            names = [n for n, at in st.people if m.end() <= at < wei]
            if names:
                self._appointed(st, names, wei + len(rel["appoint_as"]), None)
        for m in COUNTED_PEOPLE.finditer(text):  # 甲（…）、乙（…）3人为新任兼职委员
            names = list(
                dict.fromkeys(p.person for p in self._enumerated(st, self._before_brackets(text, m.start())))
            )
            if names:
                self._appointed(st, names, m.end(), None)
        for m in self.w.post_slot_re.finditer(text):  # 联盟设主席1名，由X担任
            title = m.group(1)
            person = next((n for n, at in st.people if at == m.end()), None)
            if person is None or not text.startswith(("担任", "出任"), m.end() + len(person)):
                continue
            org = self._topic_before(st, m.start())
            if org is not None:
                ev = self.ev(st, "post.appointment", 0.8)
                role = self.a.clean_role(title)
                self.b.fact("holds_post", self.a.people[person], org, ev, role=role)

    def _appointed(self, st: Sent, names: list[str], pos: int, topic: Entity | None) -> None:
        """The post named at `pos` ([marker] [ORG] TITLE) for each of `names`."""
        text = st.text
        marker = next((w for w in self.w.markers if text.startswith(w, pos)), "")
        pos += len(marker)
        org_m = next((mm for mm in st.mentions if mm.start - st.s.start in (pos, pos + 1)), None)
        title_at = org_m.end - st.s.start if org_m is not None else pos
        if text[title_at : title_at + 1] in "”」』":
            title_at += 1
        if org_m is not None:  # 担任联盟首届轮值主席: a marker may stand after the organisation too
            after = next((w for w in self.w.markers if text.startswith(w, title_at)), "")
            marker, title_at = marker or after, title_at + len(after)
        title = next((t for t in st.tokens if t.kind == TITLE and t.start == title_at), None)
        if title is None:
            return
        if org_m is not None:
            ent = self.a.org(st, org_m)
        elif title.text in self.w.jm_titles and self.a.resolver.jm:
            ent = self.a.org_ref(st, self.a.resolver.jm)
        else:
            ent = topic or self._title_named_before(st, title)
        if ent is None or marker in self.w.former:
            return
        ev = self.ev(st, "post.appointment", 0.8)
        for name in names:
            self.b.fact("holds_post", self.a.people[name], ent, ev, role=self.a.clean_role(title.text))

    @staticmethod
    def _before_brackets(text: str, at: int) -> int:
        """Where a name ends before `at` when a bracket of titles stands between (甲（…）3人)."""
        if text[at - 1 : at] in "）)":
            opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
            return opened if opened >= 0 else at
        return at

    def _title_named_before(self, st: Sent, title) -> Entity | None:
        """增补“大工委”兼职委员…，A、B为新任兼职委员: the organisation the same title had before."""
        for t in st.tokens:
            if t.kind == TITLE and t.text == title.text and t.start < title.start:
                at = t.start - 1 if st.text[t.start - 1 : t.start] in "”」』" else t.start
                ent = self._topic_before(st, at)
                if ent is not None:
                    return ent
        return None

    def _topic(self, st: Sent, at: int) -> Entity | None:
        """协调委由林秀琴任主任: the organisation right before 由 is the one the post is in."""
        if at == 0 or st.text[at - 1] != "由":
            return None
        return self._topic_before(st, at - 1)

    def _topic_before(self, st: Sent, at: int) -> Entity | None:
        m = next((mm for mm in st.mentions if mm.end - st.s.start == at), None)
        ref = st.ref(m) if m is not None else None
        if ref is None or ref.type == "Place":
            return None
        return self.a.org(st, m)

    # -- located_in ------------------------------------------------------------------------------------

    def located(self, st: Sent) -> None:
        """located_in: the containment a name spells (…黄浦区南京东路街道) or the text states (位于A的B)."""
        a = self.a
        for m in st.mentions:
            ref = st.ref(m)
            if ref is None or (m.text, ref.key) in self.located_names:
                continue  # a name read once says all it says
            self.located_names.add((m.text, ref.key))
            parts = m.parts(a.hints)
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
            if path.community and path.street and ref.type == "Place":
                # a community is a place of its own only where it is named alone, not as the host
                # inside a body's name (湖滨街道涌金坊社区党委)
                chain.append(a.org_ref(st, a.resolver.community_place(path.merged(a.ctx.home))))
            for inner, outer in zip(chain[1:], chain, strict=False):
                self.b.fact("located_in", inner, outer, self.ev(st, "place.containment", 0.8))
        loc = LOCATED_AT.search(st.text) if "位于" in st.text else None
        if loc:
            outer = self._place_ref(st, loc.start(1), loc.end(1), last=True)
            inner = self._place_ref(st, loc.start(2), loc.end(2), place=True)
            if outer is not None and inner is not None:
                self.b.fact("located_in", inner, outer, self.ev(st, "place.containment", 0.8))
        street = a.resolver._street_ref(a.ctx.home) if "辖区" in st.text or "驻区" in st.text else None
        for m in st.mentions if street is not None else ():
            ref = st.ref(m)
            before = st.text[max(0, m.start - st.s.start - 2) : m.start - st.s.start]
            if before in ("辖区", "驻区") and ref is not None and ref.type == "Place":
                if ref.name.endswith(("社区", "村")):
                    self.b.fact(
                        "located_in",
                        a.org_ref(st, ref),
                        a.org_ref(st, street),
                        self.ev(st, "place.containment", 0.8),
                    )
        m = LIES_IN.match(st.text) if "地处" in st.text else None
        if m:
            inner = a.resolver.resolve_tokens(lexicon().tokens(m.group(1)))
            outer = a.resolver.resolve_tokens(lexicon().tokens(m.group(2)))
            if inner is not None and outer is not None:
                self.b.fact(
                    "located_in",
                    a.org_ref(st, inner),
                    a.org_ref(st, outer),
                    self.ev(st, "place.containment", 0.8),
                )

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
            path = m.parts(self.a.hints).path
            if path.street:
                ref = self.a.resolver._street_ref(path.merged(self.a.ctx.home)) or ref
        if place and ref.type != "Place":
            name = m.text
            return self.b.entity("Place", name, (m.start, m.end), key="place:" + name)
        return self.a.org_ref(st, ref)


def _names_a_body(name: str) -> bool:
    """A quoted name with an organisation's ending is that organisation, never also a project."""
    return lexicon().ending_type(name) in BODY_TYPES
