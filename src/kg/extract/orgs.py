"""Organisation names: finding them in a sentence, reading their parts, completing short forms.

A mention is read with a small grammar over the tokens of `lexicon`:

    [place path] base-name ORG-WORD  (body)*        上海市黄浦区|南京东路街道|社区委员会
                                                    湖北长翎建设集团有限公司|第三党支部
                                                    区委|组织部

Names end at punctuation, titles, digits and boundary words (relations.yaml), and at a
conjunction when what stands before it is a whole name already (…党委和…党委, but 景和律师事务所).
The place path gives the administrative context a name spells. Generic short forms (区委,
街道党工委, 集团党委, 社区党委 …) are completed from the article's context with the templates of
orgs.yaml; they never become names themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .lexicon import BOUND, CHAR, CONJ, DIGIT, ORG, PLACE, PUNCT, QUOTE, TITLE, Token, lexicon
from .places import AdminPath, Context, choose_division, is_zone, zone_division

MEASURE_AFTER_DIGIT = set("年月日号家个名位项次届期批支条件所座场度")
DOC_MARKS = set("《》")
QUOTE_CHARS = "“”‘’\"'「」『』〈〉"
FORMER = ("原", "前")
GENERIC_UNITS = ("社区", "街道", "集团", "公司")
LEVEL_CHARS = {"区": "区", "县": "县", "市": "市", "旗": "旗"}
# a short name the article defines right after a name: （以下简称“观商盟”）
ABBREVIATION = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[“「\"]?([^”」\"）)]{2,12})[”」\"]?[）)]")


_QUOTES = re.compile(f"[{re.escape(QUOTE_CHARS)}《》]")


def strip_quotes(text: str) -> str:
    """The text without quotes and title marks (a regex: five times faster than str.translate)."""
    return _QUOTES.sub("", text)


@dataclass
class Mention:
    """An organisation or place name as a sentence writes it (offsets into the clean text)."""

    start: int
    end: int
    tokens: list[Token]
    text: str  # without quotes
    plural: bool = False  # 两区区委组织部, 各成员单位: no one body is meant
    _parts: Parts | None = field(default=None, repr=False, compare=False)

    def parts(self, hints) -> Parts:
        """The name's place path and the rest (read once; 中共 before the path is no part of it)."""
        if self._parts is None:
            toks = self.tokens[1:] if len(self.tokens) > 1 and self.tokens[0].text == "中共" else self.tokens
            self._parts = read_path(toks, hints)
        return self._parts


@dataclass
class OrgRef:
    """A resolved organisation: what the Builder needs to find or create its entity."""

    key: str  # identity within the article
    name: str  # canonical
    type: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict = field(default_factory=dict)
    host: OrgRef | None = None  # the unit a Party body or department belongs to
    body: str = ""  # the body word inside the host (党委, 第三党支部, 组织部 …)
    host_text: str = ""  # the host as the name writes it before the body
    dept: bool = False  # a department of a Party committee (区委组织部)
    path: AdminPath = field(default_factory=AdminPath)
    role_only: bool = False  # a body not modelled as an entity (工会): posts go to the host
    same_as_host: bool = False  # 街道办事处 is the street itself


def mentions(tokens: list[Token], offset: int, sentence: str) -> list[Mention]:
    """Organisation and place names in a sentence's tokens."""
    out = []
    lex = lexicon()
    for chunk in _chunks(tokens):
        last = -1
        for i, t in enumerate(chunk):
            if t.kind == ORG:
                last = i
        if last < 0:  # places alone (苏州市姑苏区): a mention of the places
            while last + 1 < len(chunk) and chunk[last + 1].kind == PLACE and not chunk[last + 1].word.short:
                last += 1
            if last < 0:
                continue
        toks = _after_slogan(_after_verb(_before_ordinal(chunk[: last + 1])))
        while toks and (
            toks[0].kind == QUOTE or toks[0].text in ".．" or (toks[0].text in FORMER and len(toks) > 1)
        ):
            toks = toks[
                1:
            ]  # 原宁海路街道党工委: the body is named without the 原 of a former post (nor the . of 1.)
        if not toks or not any(t.kind in (ORG, PLACE) for t in toks):
            continue
        text = strip_quotes("".join([t.text for t in toks]))
        if not text or text in lex.not_orgs:
            continue
        counted = COUNTED.match(text)
        if counted and counted.end() < len(text) and counted.group(0)[-1] in MEASURES:
            toks, text = _after_count(toks, counted.end()), text[counted.end() :]
        plural = bool(counted) or _counted_before(sentence, toks[0].start)
        if text.startswith(lex.plural_prefixes) and text not in lex.plural_prefixes:
            plural = text not in lex.orgs["context_synonyms"]  # 本公司 is the site's company
        out.append(Mention(offset + toks[0].start, offset + toks[-1].end, toks, text, plural))
    return out


NAME_INTERNAL = ("Enterprise", "SocialOrganization", "Place")  # organisation words a place name may hold
# how a joint meeting's own name never ends before its generic words: a preposition or verb
# (玄武门街道坚持以大工委为平台, 关于调整…大工委)
NOT_A_CORE = re.compile(r"(?:以|就|把|将|对|向|在|由|从|坚持|依托|通过|调整)$|^关于")
ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[次届期轮]")
MEASURES = "个家所座支"  # measure words of units (名, 位 count people)
# a number and a measure word before a name: 四个社区党委, 3家企业 name no one body
COUNTED = re.compile(rf"[一二三四五六七八九十两几多数]+[{MEASURES}]")


def _after_slogan(toks: list[Token]) -> list[Token]:
    """“聚合力 促共治”玄武门街道大工委: a quoted slogan before a name that begins with its place is
    no part of the name."""
    for i in range(len(toks) - 1, 0, -1):
        if toks[i - 1].kind == QUOTE and toks[i - 1].text in "”」』":
            rest = toks[i:]
            path = read_path(rest, Counter()).path
            return rest if path.county or path.street else toks
    return toks


def _after_verb(toks: list[Token]) -> list[Token]:
    """甘澜清向|徐州淮海律师事务所: a name that begins with a place's name begins after a verb
    written right before that place (orgs.yaml verbs_before_places), not with the words before it."""
    verbs = lexicon().verbs_before_places
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].kind == CHAR and toks[i].text in verbs and toks[i + 1].kind == PLACE:
            return toks[i + 1 :]
    return toks


def _before_ordinal(chunk: list[Token]) -> list[Token]:
    """A name ends before an ordinal: “赣水同心”联盟|第三次联席会议 is a meeting of the alliance."""
    for i, t in enumerate(chunk):
        if t.text == "第" and ORDINAL.match("".join(x.text for x in chunk[i : i + 5])):
            return chunk[:i]
    return chunk


def _after_count(toks: list[Token], n: int) -> list[Token]:
    """The tokens of a name after its first n characters (a count written before it)."""
    at = toks[0].start + n
    return [t for t in toks if t.start >= at] or toks


def _counted_before(text: str, at: int) -> bool:
    """A digit and a measure word right before `at`: 4个社区党委 (no lexicon word holds a digit)."""
    return at >= 2 and text[at - 1] in MEASURES and text[at - 2].isascii() and text[at - 2].isalnum()


_BREAKS = frozenset((PUNCT, TITLE, BOUND, DIGIT))


def _full_place(t: Token) -> bool:
    return t.kind == PLACE and not t.word.short


def _inside_name(tokens: list[Token], k: int) -> bool:
    """A boundary word that names use too (orgs.yaml), between a place and a few characters that
    end in an organisation word, is part of the name (太原|并|州口腔|医院), not a verb."""
    if k == 0 or tokens[k - 1].kind != PLACE:
        return False
    n = 0
    for t in tokens[k + 1 : k + 6]:
        if t.kind == ORG:
            return n >= 1
        if t.kind != CHAR:
            return False
        n += 1
        if n > 4:
            return False
    return False


def _year_inside(tokens: list[Token], k: int, cur: list[Token]) -> int:
    """中华街道|2025年度|区域化党建联席会议: a year between a place and a joint meeting's words is
    the meeting's, not the body's; the number of tokens it takes (0 when it is not such a year)."""
    last = cur[-1]
    if not (last.kind == PLACE and not last.word.short) and not (
        last.kind == ORG and last.word.org_type == "Place"
    ):
        if not (last.kind == ORG and last.text in ("街道", "镇", "乡")):
            return 0
    year = "".join(t.text for t in tokens[k : k + 4])
    if not (len(year) == 4 and year.isdigit() and all(t.kind == DIGIT for t in tokens[k : k + 4])):
        return 0
    n = 4
    if k + n < len(tokens) and tokens[k + n].text == "年":
        n += 1
        if k + n < len(tokens) and tokens[k + n].text == "度":
            n += 1
    else:
        return 0
    for t in tokens[k + n :]:
        if t.kind in (PUNCT, TITLE, BOUND, DIGIT, QUOTE):
            return 0
        if t.kind == ORG and t.word.org_type == "JointMeeting":
            return n
    return 0


def _chunks(tokens: list[Token]) -> list[list[Token]]:
    """Runs of tokens that can make up a name (those with an organisation or place word in them)."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    named = False  # cur holds an organisation or place word
    after_digit = False
    prev = None
    skip = 0
    inside_words = lexicon().bounds_in_names
    context_words = lexicon().context_words
    for k, t in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        kind = t.kind
        if kind == BOUND and t.text in inside_words and _inside_name(tokens, k):
            cur.append(t)
            continue
        if kind == DIGIT and cur:
            skip = _year_inside(tokens, k, cur)
            if skip:
                skip -= 1
                continue
        if kind in _BREAKS or t.text in DOC_MARKS:
            if named:
                out.append(cur)
            cur, named = [], False
            after_digit = kind == DIGIT
            prev = t
            continue
        before, prev = prev, t
        if kind == CONJ:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            generic_next = nxt is not None and nxt.kind == ORG and nxt.text in context_words
            if cur and (
                t.text not in ("和", "同") or cur[-1].kind == ORG or _full_place(cur[-1]) or generic_next
            ):  # (孟庆川和区委副书记: no name goes on into a short form such as 区委)
                if named:
                    out.append(cur)
                cur, named = [], False
                continue
            if not cur and (
                t.text not in ("和", "同") or (before is not None and before.kind in (BOUND, ORG))
            ):
                continue  # 分别与…: the conjunction begins no name (和安医院, 同济大学 may)
        elif after_digit and not cur and kind == CHAR and t.text in MEASURE_AFTER_DIGIT:
            continue
        after_digit = False
        cur.append(t)
        if kind == ORG or kind == PLACE:
            named = True
    if named:
        out.append(cur)
    return out


# ---------------------------------------------------------------------------------------------
# reading a name's parts


@dataclass
class Parts:
    """A name split into its place path, base name and trailing bodies."""

    path: AdminPath
    rest_tokens: list[Token]  # after the path
    _rest: str | None = field(default=None, repr=False, compare=False)

    @property
    def rest(self) -> str:
        """The name after its places (read once: the resolver asks for it again and again; not a
        functools.cached_property, whose lock costs more than the join on Python 3.11)."""
        if self._rest is None:
            self._rest = strip_quotes("".join([t.text for t in self.rest_tokens]))
        return self._rest


def read_path(tokens: list[Token], hints) -> Parts:
    """The administrative path at the start of a name: full place names, then street, community."""
    path = AdminPath()
    i = 0
    if len(tokens) > 1 and tokens[0].kind == PLACE and tokens[0].word.short and _full_place(tokens[1]):
        city = _city_named(tokens[0].text, hints)  # 青岛|市北区: a city written short before its county
        if city is not None and any(d.city == city.code for d in tokens[1].word.places):
            path.city, i = city, 1
    while i < len(tokens) and tokens[i].kind == PLACE and not tokens[i].word.short:
        div = _division(tokens[i].text, path, hints)
        if div is None:
            break
        if div.level == "province":
            path.province = div
        elif div.level == "city":
            path.city = div
        else:
            path.county = div
        i += 1
    j = _zone_end(tokens, i)
    if j > i:
        city = path.city or (_city_named(tokens[i].text, hints) if tokens[i].kind == PLACE else None)
        path.county = zone_division(strip_quotes("".join(t.text for t in tokens[i:j])), city)
        i = j
    j = _level_end(tokens, i, ("街道", "镇", "乡"))
    if j > i:
        path.street = "".join(t.text for t in tokens[i:j])
        i = j
    j = _level_end(tokens, i, ("社区", "居民区", "村"))
    if j > i:
        path.community = "".join(t.text for t in tokens[i:j])
        i = j
    return Parts(path, tokens[i:])


def _division(name: str, path: AdminPath, hints):
    lex = lexicon()
    divs = [d for d in lex.places.get(name, []) if d.name == name]
    if path.city:
        inside = [d for d in divs if d.city == path.city.code or d.province == path.city.code[:2] + "0000"]
        if inside:
            return inside[0]
    if path.province:
        inside = [d for d in divs if d.province == path.province.code]
        if inside:
            return inside[0]
    return choose_division(name, hints)


def _city_named(name: str, hints):
    """The city a place word names (苏州 → 苏州市), or None."""
    cities = [d for d in lexicon().places.get(name, []) if d.level == "city"]
    if len(cities) > 1:
        cities.sort(key=lambda d: hints[d.code], reverse=True)
    return cities[0] if cities else None


def _zone_end(tokens: list[Token], i: int) -> int:
    """End of a development zone's name that starts at i: a city's short name or name characters,
    then a zone word (苏州|工业园区, 滨江|高新区), or i."""
    n = 0
    zone_words = lexicon().zone_words
    for j in range(i, min(len(tokens), i + 6)):
        t = tokens[j]
        if t.kind == ORG and t.text in zone_words:
            return j + 1 if n >= 2 else i
        if t.kind not in (CHAR, PLACE):
            return i
        n += len(t.text)
    return i


def _level_end(tokens: list[Token], i: int, words: tuple[str, ...]) -> int:
    """End of a street/community name that starts at i (2–8 characters before the level word)."""
    n = 0
    for j in range(i, min(len(tokens), i + 8)):
        t = tokens[j]
        if t.kind == ORG and t.text in words:
            return j + 1 if n >= 2 else i
        if t.kind == CHAR and len(t.text) > 1 and t.text[-1] in words and n + len(t.text) >= 3:
            # 鹤|城乡|党委: a word of the lexicon (城乡, 村镇) that ends in the level word ends the name
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None or nxt.kind == ORG:
                return j + 1
        if (t.kind == ORG and t.word.org_type not in NAME_INTERNAL) or t.kind == QUOTE:
            return i  # (学院路街道, 麦子店街道: words of other names may stand inside a street's)
        n += len(t.text)
    return i


# ---------------------------------------------------------------------------------------------
# resolution


class Resolver:
    """Turns mentions into OrgRefs with the article's context and the full names it has seen."""

    def __init__(self, ctx: Context, hints):
        self.ctx = ctx
        self.hints = hints
        self.lex = lexicon()
        self.data = self.lex.orgs
        self.full_names: list[str] = []  # full enterprise/institution names seen in the article
        self.jm: OrgRef | None = None  # the article's joint meeting
        self._forms: dict[tuple, OrgRef | None] = {}
        self.jm_words = sorted(
            (w for w, t in self.lex.org_types.items() if t == "JointMeeting"), key=len, reverse=True
        )
        self._resolved: dict[tuple, OrgRef | None] = {}
        self._places: dict[tuple, OrgRef] = {}  # division → its place (see `division_place`)

    # -- entry point ------------------------------------------------------------------------

    def resolve(self, m: Mention, local: AdminPath | None = None) -> OrgRef | None:
        """The organisation (or place) a mention names, or None when the text does not make it certain."""
        if m.plural:
            return None
        key = (
            m.text,
            (local.county and local.county.code, local.street) if local else "",
            self.jm is not None,
        )
        if key not in self._resolved:
            self._resolved[key] = self.resolve_tokens(m.tokens, local, m)
        return self._resolved[key]

    def resolve_tokens(
        self, tokens: list[Token], local: AdminPath | None = None, m: Mention | None = None
    ) -> OrgRef | None:
        """The organisation the tokens of a name name (`m`: the mention they are, whose parts are read)."""
        text = m.text if m is not None else strip_quotes("".join(t.text for t in tokens))
        if text.startswith("中共"):
            return self._formal(text, local)
        if self._is_league(tokens, text):
            return self._named_ref(text, "SocialOrganization", read_path(tokens[1:], self.hints).path)
        parts = m.parts(self.hints) if m is not None else read_path(tokens, self.hints)
        form = self._level_form(parts.path, parts.rest)
        if form in self.data["context_forms"]:
            return self._context_form(form, parts.path, parts.path.merged(local or self.ctx.home))
        base_toks, bodies = self._split_bodies(tokens)
        if not base_toks:
            return self._bodies_only(bodies, local)
        named_level = parts.path.street or parts.path.community  # 长|城乡|党委: a township's own
        if bodies and not named_level and not any(t.kind in (ORG, PLACE) for t in base_toks):
            return self._unnamed_base(base_toks, bodies, local)
        base = self._base(base_toks, local, parts if not bodies else None)
        if base is None and bodies:  # 高新区|党工委|党群工作部: a short form and its departments
            return self._unnamed_base(base_toks, bodies, local)
        if base is None:
            return None
        for body in bodies:
            base = self._compose(base, body)
            if base is None:
                return None
        return base

    def _is_league(self, tokens: list[Token], text: str) -> bool:
        """共青团X委员会, 团X区委: the Youth League's committee of a place (orgs.yaml league_prefixes)."""
        return (
            len(tokens) > 2
            and tokens[0].text in self.data["league_prefixes"]
            and tokens[1].kind == PLACE
            and text.endswith(("委", "委员会"))
        )

    # -- splitting --------------------------------------------------------------------------

    def _split_bodies(self, tokens: list[Token]) -> tuple[list[Token], list[str]]:
        """Base tokens and the body words after them ('集团'+['党委']; '…公司'+['第三党支部'])."""
        bodies_words = self.lex.body_words
        end = len(tokens)
        bodies: list[str] = []
        while end > 0:
            t = tokens[end - 1]
            if not (t.kind == ORG and t.text in bodies_words):
                break
            # characters between the previous organisation word and this body belong to it (第三党支部)
            start = end - 1
            while (
                start > 0 and tokens[start - 1].kind in (CHAR, PLACE) and not self._ends_level(tokens, start)
            ):
                start -= 1
            if start == 0 and not any(tt.kind == ORG for tt in tokens[: end - 1]):
                start = end - 1
            if start > 0 and tokens[start - 1].kind != ORG:
                start = end - 1
            bodies.insert(0, "".join(x.text for x in tokens[start:end]))
            end = start
        return tokens[:end], bodies

    @staticmethod
    def _ends_level(tokens: list[Token], i: int) -> bool:
        return tokens[i - 1].kind == ORG

    # -- bases ------------------------------------------------------------------------------

    def _base(
        self, tokens: list[Token], local: AdminPath | None, parts: Parts | None = None
    ) -> OrgRef | None:
        """The unit a name's base tokens name (`parts`: their path, when already read)."""
        parts = parts or read_path(tokens, self.hints)
        path = parts.path
        rest = parts.rest
        home = local or self.ctx.home
        full = path.merged(home)
        if not rest:
            return self._place_or_unit(path, full)
        last = tokens[-1]
        type_ = last.word.org_type if last.kind == ORG else ""
        if type_ == "Place":
            if not (path.county or path.street or path.community) and is_generic_name(rest):
                return None  # 园区, 社区 alone name no place
            return self._named_place(tokens, path, full)
        form = self._level_form(path, rest)
        if form:
            ref = self._context_form(form, path, full)
            if ref is not None:
                return ref
            ref = self._level_body(form, path, full)
            if ref is not None:
                return ref
        if self._is_generic(path, rest, type_):
            return self._generic_jm(type_) if type_ == "JointMeeting" else None
        if type_ == "JointMeeting" and NOT_A_CORE.search(self._jm_head(rest)):
            return self._generic_jm(type_)  # 街道坚持以大工委为平台: the street's joint meeting, not a name
        return self._named(tokens, path, full, type_)

    def _level_form(self, path: AdminPath, rest: str) -> str:
        """The generic form a name is written in once its places are taken out: 姑苏区委 → 区委."""
        syn = self.data["context_synonyms"]
        if path.community:
            form = "社区" + rest
        elif path.street:
            form = "街道" + rest
        elif path.county and is_zone(path.county):  # 合肥高新区党工委: a zone's 开发区党工委
            form = "开发区" + rest
        elif path.county:  # a county-level city (浏阳市委) is a district's level, not a city's
            form = ("区" if path.county.name.endswith("市") else path.county.name[-1]) + rest
        elif path.city:
            form = "市" + rest
        else:
            form = rest
        return syn.get(form, form)

    def _context_form(self, form: str, path: AdminPath, full: AdminPath) -> OrgRef | None:
        """The body a generic form (区委, 街道党工委 …) names in the context `full` (one per article)."""
        spec = self.data["context_forms"].get(form)
        if spec is None:
            return None
        key = (
            form,
            full.city and full.city.code,
            full.county and full.county.code,
            full.street,
            full.community,
        )
        if key not in self._forms:
            self._forms[key] = self._fill_form(form, spec, full)
        return self._forms[key]

    def _fill_form(self, form: str, spec: dict, full: AdminPath) -> OrgRef | None:
        slots = full.slots()
        if anchor_city_is_county(spec["anchor"], full, self.hints, self.ctx.home_named):
            slots["city_name"] = full.county.name  # 市委 in an article about 浏阳市: 浏阳市's
        slots["company"] = self.ctx.company
        slots["institution"] = self.ctx.institution
        slots["building"] = self.ctx.building
        anchor = spec["anchor"]
        need = {"city": "city_name"}.get(anchor, anchor)
        if not slots.get(need):
            return None
        if anchor == "community" and not slots["street"]:
            slots["street"] = ""
        name = spec["name"].format(**slots)
        aliases = {a.format(**slots) for a in spec["aliases"]}
        aliases = {a for a in aliases if a and a != name and not is_generic_name(a)}
        ref = OrgRef(key=name, name=name, type=spec["type"], aliases=aliases, path=full, attrs=full.attrs())
        if spec.get("body"):  # 集团党委, 本单位党委: a Party body of the unit the site speaks for
            ref.host = self._speaker_ref(slots[anchor])
            ref.body = spec["body"]
            ref.host_text = slots[anchor]
        if form == "街道党工委":
            ref.host = self._street_ref(full)
            ref.body = "党工委"
            ref.host_text = full.street
        if form == "园区党工委":
            ref.host = self.division_place(full.county)
            ref.body = "党工委"
            ref.host_text = full.county.name
        if form == "社区党委":
            ref.host = self._community_ref(full)
            ref.body = "党委"
            ref.host_text = full.community
        return ref

    def _level_body(self, form: str, path: AdminPath, full: AdminPath) -> OrgRef | None:
        """区商务局, 区人大常委会: a body of the district (or city) the context names."""
        level = form[:1]
        if level not in LEVEL_CHARS or len(form) < 2:
            return None
        body = form[1:]
        if not any(body.endswith(w) for w in self.data["level_bodies"]):
            return None
        if self.lex.ending_type(body) == "Enterprise":  # 溧阳市邮政分公司…邮政支局 is no state body
            return None
        if level == "市" and not path.county:
            unit = full.city.name if full.city else ""
            prefix = full.province.name if full.province and full.province.name != unit else ""
        else:
            unit = full.county.name if full.county else ""
            prefix = full.slots()["city"]
        if not unit:
            return None
        long_body = expand(body)
        name = prefix + unit + long_body
        aliases = {unit + body, prefix + unit + body, unit + long_body} - {name}
        # the type of its ending word (区总工会 an association, 区卫健委 a state commission), else a
        # 委 of its own is the place's Party committee
        type_ = self.lex.ending_type(body) or (
            "PartyOrganization" if body.endswith("委") else "GovernmentBody"
        )
        if body.endswith(("工委", "纪委", "党委")):
            type_ = "PartyOrganization"
        return OrgRef(key=name, name=name, type=type_, aliases=aliases, path=full, attrs=full.attrs())

    def _place_or_unit(self, path: AdminPath, full: AdminPath) -> OrgRef | None:
        """A name that is only places: a community, a street, a district or city."""
        if path.community:
            return self.community_place(full)
        if path.street:
            return self._street_ref(full)
        div = path.county or path.city or path.province
        if div is None:
            return None
        return self.division_place(div)

    def division_place(self, div) -> OrgRef:
        """The place of a division of the gazetteer (one per article: the rules ask again and again)."""
        key = (div.code, div.name)  # (zones the text names share their city's code)
        ref = self._places.get(key)
        if ref is None:
            ref = self._places[key] = self._division_place(div)
        return ref

    def _division_place(self, div) -> OrgRef:
        from .places import city_of

        aliases = set()
        short = self.lex.short_form(div.name)
        if short:
            aliases.add(short)
        attrs = {}
        name = div.name
        if div.level == "county":
            city = city_of(div)
            if city is not None and city.name != div.name:
                aliases.add(city.name + div.name)
                attrs["city"] = city.name
                if len(self.lex.places.get(div.name, [])) > 1:  # 和平区 of 沈阳 or of 天津: say which
                    name = city.name + div.name
                    aliases.add(div.name)
        aliases.discard(name)
        return OrgRef(key="place:" + div.code, name=name, type="Place", aliases=aliases, attrs=attrs)

    def community_place(self, full: AdminPath) -> OrgRef:
        name = full.community
        aliases = {full.street + name} if full.street else set()
        if full.street and full.county:
            aliases.add(full.county.name + full.street + name)
        return OrgRef(
            key="place:" + name, name=name, type="Place", aliases=aliases, path=full, attrs=full.attrs()
        )

    def _street_ref(self, full: AdminPath) -> OrgRef | None:
        if not full.street:
            return None
        return self._context_form("街道", AdminPath(street=full.street), full)

    def _community_ref(self, full: AdminPath) -> OrgRef | None:
        return self.community_place(full) if full.community else None

    def _speaker_ref(self, name: str) -> OrgRef | None:
        """The company or institution a site speaks for, as an organisation."""
        return self.named_from_text(name) if name else None

    def _named_place(self, tokens: list[Token], path: AdminPath, full: AdminPath) -> OrgRef:
        text = strip_quotes("".join(t.text for t in tokens))
        rest = text
        for div in (path.province, path.city, path.county):
            if div and rest.startswith(div.name):
                rest = rest[len(div.name) :]
        if rest.startswith("委"):  # 福州市委党校: the school of the city's committee keeps the city
            rest = text
        aliases = {text} - {rest}
        if full.street and not rest.startswith(full.street) and rest.startswith(full.community or "\0"):
            aliases.add(full.street + rest)
        if full.county and not text.startswith(full.county.name):
            aliases.add(full.county.name + rest)
        return OrgRef(
            key="place:" + rest,
            name=rest,
            type="Place",
            aliases=aliases - {rest},
            path=full,
            attrs=full.attrs(),
        )

    def _named(self, tokens: list[Token], path: AdminPath, full: AdminPath, type_: str) -> OrgRef | None:
        text = strip_quotes("".join(t.text for t in tokens))
        if not type_:
            return None
        if type_ == "JointMeeting":
            return self._named_jm(text, path, full)
        if type_ == "Committee":
            return self._committee(text)
        if len(text) < 3 and type_ not in ("GovernmentBody",):
            resolved = self.short_form(text)
            return self.named_from_text(resolved) if resolved else None
        if not self._has_full_form(text):
            resolved = self.short_form(text)
            if resolved:
                return self.named_from_text(resolved)
        return self._named_ref(text, type_, full)

    def _named_ref(self, text: str, type_: str, full: AdminPath) -> OrgRef:
        aliases = set(derived_aliases(text))
        attrs = (
            full.attrs()
            if type_ in ("GovernmentBody",) or text.startswith(tuple(self._path_names(full)))
            else {}
        )
        return OrgRef(key=text, name=text, type=type_, aliases=aliases, path=full, attrs=attrs)

    @staticmethod
    def _path_names(full: AdminPath) -> list[str]:
        return [d.name for d in (full.province, full.city, full.county) if d] or ["\0"]

    def named_from_text(self, text: str) -> OrgRef | None:
        toks = self.lex.tokens(text)
        last = toks[-1] if toks else None
        if last is None or last.kind != ORG:
            return None
        parts = read_path(toks, self.hints)
        full = parts.path.merged(self.ctx.home)
        return self._named_ref(text, last.word.org_type, full)

    def _has_full_form(self, text: str) -> bool:
        """A name with a legal or institutional ending, not an abbreviation (沪澄物流)."""
        return len(text) >= 4

    # -- joint meetings and committees --------------------------------------------------------

    def _named_jm(self, text: str, path: AdminPath, full: AdminPath) -> OrgRef:
        canon = text
        for div in (path.province, path.city, path.county):
            if div and canon.startswith(div.name):
                canon = canon[len(div.name) :]
        aliases = {text}
        if path.community and path.street and canon.startswith(path.street + path.community):
            aliases.add(canon)  # a community's joint meeting is named from the community
            canon = canon[len(path.street) :]
        if full.county and not canon.startswith(full.county.name):
            aliases.add(full.county.name + canon)
            if full.street and not canon.startswith(full.street):
                aliases.add(full.county.name + full.street + canon)
        if full.street and not canon.startswith(full.street):
            aliases.add(full.street + canon)
        canon = canon or text
        ref = OrgRef(
            key="jm:" + canon,
            name=canon,
            type="JointMeeting",
            aliases=aliases - {canon},
            path=full,
            attrs=full.attrs(),
        )
        return ref

    def _jm_head(self, rest: str) -> str:
        """A joint meeting's name before its generic words (红色建北|区域化党建联盟)."""
        word = next((w for w in self.jm_words if rest.endswith(w)), "")
        head = rest[: len(rest) - len(word)]
        changed = True
        while changed and head:
            changed = False
            for w in self.data["generic_modifiers"]:
                if head.endswith(w):
                    head, changed = head[: -len(w)], True
        return head

    def jm_core(self, ref: OrgRef) -> str:
        """What names one joint meeting and no other: its name without places, generic words and
        the joint-meeting word (小寨路街道区域化党建联席会议 → ''; “台东红邻”联席会 → 台东红邻)."""
        core = ref.name
        if ref.path.street and core.startswith(ref.path.street):
            core = core[len(ref.path.street) :]
        core = self._jm_head(core)
        changed = True
        while changed and core:
            changed = False
            for w in self.data["generic_modifiers"]:
                if core.startswith(w):
                    core, changed = core[len(w) :], True
        return core

    def _generic_jm(self, type_: str) -> OrgRef | None:
        return self.jm

    def _committee(self, text: str) -> OrgRef:
        short = text
        if self.jm and text.startswith(self.jm.name):
            short = text[len(self.jm.name) :]
        aliases = {text, short.replace("专委会", "专门委员会")}
        if self.jm:
            aliases.add(self.jm.name + short)
        return OrgRef(key="committee:" + short, name=short, type="Committee", aliases=aliases - {short})

    def _is_generic(self, path: AdminPath, rest: str, type_: str) -> bool:
        """A name with nothing but generic words once its places are out (社区大党委, 联席会议)."""
        if path.street or path.community or path.county:
            return False
        return is_generic_name(rest)

    # -- bodies -----------------------------------------------------------------------------

    def _unnamed_base(self, base_toks: list[Token], bodies: list[str], local) -> OrgRef | None:
        """A body after words that are no organisation name: 楼宇党委, 区机关党委 (generic forms),
        启曜科技党支部 (the article's short form of a company)."""
        base = strip_quotes("".join(t.text for t in base_toks))
        syn = self.data["context_synonyms"]
        form = base + bodies[0]
        ref = self._context_form(
            syn.get(form, form), AdminPath(), (local or self.ctx.home).merged(self.ctx.home)
        )
        if ref is None and form.startswith(tuple(LEVEL_CHARS)):
            ref = self._level_body(form, AdminPath(), (local or self.ctx.home).merged(self.ctx.home))
        if ref is None and syn.get(base, base) in self.data["context_forms"]:  # 我司|党支部
            host = self._context_form(
                syn.get(base, base), AdminPath(), (local or self.ctx.home).merged(self.ctx.home)
            )
            ref = self._compose(host, bodies[0]) if host is not None else None
        if ref is None:
            full = self.short_form(base)
            host = self.named_from_text(full) if full else None
            if host is None:
                return None
            ref = self._compose(host, bodies[0])
        for body in bodies[1:]:
            if ref is None:
                return None
            ref = self._compose(ref, body)
        return ref

    def _bodies_only(self, bodies: list[str], local) -> OrgRef | None:
        """A name made of bodies only: 党工委, 纪委 … (generic: the context completes it)."""
        if not bodies:
            return None
        form = bodies[0]
        syn = self.data["context_synonyms"]
        form = syn.get(form, form)
        return self._context_form(form, AdminPath(), (local or self.ctx.home).merged(self.ctx.home))

    def _compose(self, base: OrgRef, body: str) -> OrgRef | None:
        """A body inside a base unit: 区委+组织部, 集团+党委, 公司+第三党支部, 街道+办事处."""
        data = self.data
        if base.type == "Place" and base.key.startswith("place:") and base.name == base.path.community:
            form = "社区" + body
            ref = self._context_form(data["context_synonyms"].get(form, form), AdminPath(), base.path)
            if ref is not None:
                return ref
        if body in ("办事处",) and base.type == "GovernmentBody":
            return base
        if body in data["role_only_bodies"] and base.key.removeprefix("place:").isdigit():
            # a division's own (区妇联, 市总工会) is an organisation; a unit's stays in the role
            return self._named_ref(base.name + body, self.lex.ending_type(body), base.path)
        if body in data["role_only_bodies"]:
            ref = OrgRef(key=base.key + body, name=base.name + body, type=base.type, host=base, body=body)
            ref.role_only = True
            ref.host_text = base.name
            return ref
        if body in data["departments"] and base.type == "PartyOrganization":
            name = base.name + body
            aliases = {a + body for a in base.aliases if a.endswith("委")}
            long_body = expand(body)
            if long_body != body:
                aliases |= {a[: -len(body)] + long_body for a in aliases | {name}}
            return OrgRef(
                key=name,
                name=name,
                type="PartyOrganization",
                aliases=aliases,
                host=base,
                body=body,
                host_text=base.name,
                dept=True,
                path=base.path,
                attrs=dict(base.attrs),
            )
        if body in ("党委", "纪委") and base.key in (self.ctx.company, self.ctx.institution):
            form = ("集团" if base.key == self.ctx.company else "本单位") + body
            return self._context_form(form, AdminPath(), base.path)
        return self._party_body(base, body)

    def _party_body(self, host: OrgRef, body: str) -> OrgRef:
        """X党委 = 中共X委员会; X党支部 = 中共X支部委员会 …; both forms are names of one entity."""
        forms = self.data["party_forms"]
        core = next((b for b in sorted(forms, key=len, reverse=True) if body.endswith(b)), "")
        lead = body[: len(body) - len(core)] if core else body
        names = [host.name, *sorted(host.aliases)]
        aliases = {n + body for n in names}
        if core:
            aliases |= {f"中共{n}{lead}{forms[core]}" for n in names[:1]}
        if core == "党委" and not lead:
            name = f"中共{host.name}委员会"
        else:
            name = host.name + body
        aliases.discard(name)
        type_ = "PartyOrganization"
        if body in self.lex.org_types and self.lex.org_types[body] not in ("PartyOrganization",):
            type_ = self.lex.org_types[body]
        return OrgRef(
            key=name,
            name=name,
            type=type_,
            aliases=aliases,
            host=host,
            body=body,
            host_text=host.name,
            path=host.path,
            attrs=dict(host.attrs),
        )

    def _formal(self, text: str, local) -> OrgRef | None:
        """中共X委员会, 中共X支部委员会 …: read back to host X and its body."""
        forms = self.data["party_forms"]
        inner = text[2:]
        match = next(
            (
                (s, f)
                for s, f in sorted(forms.items(), key=lambda kv: len(kv[1]), reverse=True)
                if inner.endswith(f) and len(inner) > len(f)
            ),
            None,
        )
        if match is None:
            return None
        short, formal = match
        host_text = inner[: -len(formal)]
        toks = self.lex.tokens(host_text)
        parts = read_path(toks, self.hints)
        full = parts.path.merged(local or self.ctx.home)
        ref = self._template_named(text, full)
        if ref is not None:
            return ref
        rest = parts.rest
        if short in ("党委", "党工委"):
            if not rest and parts.path.community:
                ref = self._context_form("社区党委", parts.path, full)
            elif rest in ("", "社区") and parts.path.street:
                ref = self._context_form("街道党工委", parts.path, full)
            elif not rest and parts.path.county:
                ref = self._context_form("区委", parts.path, full)
            else:
                ref = None
            if ref is not None:  # the formal name of a generic form's body: the same body, named so
                return replace(ref, name=text, aliases=(ref.aliases | {ref.name}) - {text})
        if not toks or toks[-1].kind != ORG:
            host = None
        else:
            host = self.resolve_tokens(toks, local)
        if host is None:
            return OrgRef(key=text, name=text, type="PartyOrganization", path=full, attrs=full.attrs())
        lead = ""
        ref = self._party_body(host, lead + short)
        ref.aliases.add(ref.name)
        ref.aliases.discard(text)
        ref.key = ref.name
        ref.name = text
        return ref

    def _template_named(self, text: str, full: AdminPath) -> OrgRef | None:
        """A formal name that is what a short form's template spells at the place it names
        (中共海口市委市直属机关工作委员会 is 市直机关工委 of 海口市): that organisation."""
        for form, spec in self.data["context_forms"].items():
            if spec["type"] == "PartyOrganization" and spec["name"].startswith("中共"):
                ref = self._context_form(form, full, full)
                if ref is not None and ref.name == text:
                    return ref
        return None

    # -- short forms and aliases --------------------------------------------------------------

    def remember(self, ref: OrgRef) -> None:
        """Keep a full name the article uses, to read its short forms later."""
        if (
            ref.type in ("Enterprise", "SocialOrganization", "GovernmentBody")
            and ref.name not in self.full_names
        ):
            if len(ref.name) >= 4 and ref.host is None:
                self.full_names.append(ref.name)

    def short_form(self, text: str) -> str:
        """The one full name of the article that `text` abbreviates (恒泓律所 → 江苏恒泓律师事务所), or ''."""
        text = strip_quotes(text)
        if len(text) < 2 or is_generic_name(text):
            return ""
        exp = expand(text)
        hits = [
            f for f in self.full_names if f != text and (exp in expand(f) or _abbreviates(exp, expand(f)))
        ]
        if len(hits) == 1:
            return hits[0]
        exact = [f for f in hits if company_core(f) == text or f.endswith(text)]
        return exact[0] if len(exact) == 1 else ""


def anchor_city_is_county(anchor: str, full: AdminPath, hints, home_named: int) -> bool:
    """A city-level form (市委, 市政府, 副市长) in an article about a county-level city (乐陵市,
    浏阳市) that names the city above it less often than itself means the county-level city."""
    county, city = full.county, full.city
    return (
        anchor == "city"
        and county is not None
        and county.name.endswith("市")
        and county.level == "county"
        and city is not None
        and hints[city.code] < home_named
    )


def _abbreviates(short: str, full: str) -> bool:
    """`short` keeps the characters of `full` in order, its first two together (鲁瀚集团 ⊂ 山东鲁瀚能源集团…)."""
    at = full.find(short[:2])
    if at < 0:
        return False
    i = at + 2
    for ch in short[2:]:
        i = full.find(ch, i)
        if i < 0:
            return False
        i += 1
    return True


NAME_RE = re.compile(r"[\u4e00-\u9fff]")


# ---------------------------------------------------------------------------------------------
# what a name is made of: pure functions of the lexicons, so they are remembered across articles


@lru_cache(maxsize=1 << 16)
def is_generic_name(text: str) -> bool:
    """A name made of generic words only (社区大党委, 联席会议, 街道党工委; 党建共同体: a joint
    meeting's word alone)."""
    data = lexicon().orgs
    if lexicon().org_types.get(text) == "JointMeeting":
        return True
    rest = text
    changed = True
    while changed and rest:
        changed = False
        for m in data["generic_modifiers"]:
            if rest.startswith(m):
                rest = rest[len(m) :]
                changed = True
    if not rest:
        return True
    if rest in data["context_forms"] or rest in data["context_synonyms"]:
        return True
    return rest in lexicon().org_types or rest in data["bodies"]


@lru_cache(maxsize=1 << 16)
def expand(text: str) -> str:
    """A name with its abbreviations written out (农商银行 → 农村商业银行)."""
    for short, long in lexicon().orgs["expansions"].items():
        if short in text and long not in text:
            text = text.replace(short, long)
    return text


@lru_cache(maxsize=1 << 16)
def company_core(name: str) -> str:
    """A company's name without its place prefix and legal form: 上海沪澄物流集团有限公司 → 沪澄物流."""
    core = name
    toks = lexicon().tokens(core)
    while toks and toks[0].kind == PLACE and len(core) - len(toks[0].text) >= 2:
        core = core[len(toks[0].text) :]
        toks = toks[1:]
    for form in lexicon().orgs["legal_forms"]:
        if core.endswith(form) and len(core) > len(form) + 1:
            return core[: -len(form)]
    return core


@lru_cache(maxsize=1 << 16)
def derived_aliases(name: str) -> frozenset[str]:
    """Short names a reader would use for a company: without place prefix, legal form or both."""
    out = set()
    core = company_core(name)
    prefix = name[: name.find(core)] if core in name else ""
    if core != name and len(core) >= 2 and not is_generic_name(core):
        out.add(core)
        if prefix:
            out.add(prefix + core)
        rest = name[len(prefix) + len(core) :]
        if rest.startswith("集团"):
            out.add(core + "集团")
            if prefix:
                out.add(prefix + core + "集团")
    if prefix and name.startswith(prefix) and len(name) - len(prefix) >= 4:
        out.add(name[len(prefix) :])
    exp = expand(name)
    if exp != name:
        out.add(exp)
    out.discard(name)
    return frozenset(a for a in out if not is_generic_name(a))
