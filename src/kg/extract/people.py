"""People: names, title chains and the posts they state.

A title chain is `ORG? TITLE ([、，兼] ORG? TITLE)*`, read over the tokens of a sentence; the person
who holds its posts is named right after it, or right before it when the chain stands in brackets:

    区委常委、组织部部长李铭               → 常委 of 区委; 部长 of 区委's 组织部
    上海沪澄物流集团有限公司党委副书记、总经理柏立恒 → 党委副书记 and 总经理 of the company
    街道党工委书记、“大工委”书记卫书函      → a quoted organisation is one too
    尚文博（区人大常委会副主任）            → the chain in brackets after the name
    该公司党支部书记、董事长龚德厚          → 该公司: the unit named last

An item without its own organisation takes the unit of the item before it; a body written alone
(组织部, 纪委, 办事处) belongs to that unit. Where a name ends is read from the surname list, the
words that may follow a name (names.yaml) and the article's own text (see `Names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .lexicon import ORG, PLACE, TITLE, Token, data, lexicon
from .orgs import Mention, OrgRef, Resolver

CJK_LO, CJK_HI = "\u4e00", "\u9fff"
OPEN_QUOTES, CLOSE_QUOTES = '“「『‘"', '”」』’"'
OPEN_BRACKETS, CLOSE_BRACKETS = "（(", "）)"
CJK_RUN = re.compile("[\u4e00-\u9fff]+")
TITLE_EDGE = re.compile("^(?:书记|主任|部长|委员)|(?:书记|主任|部长|委员)$")  # no name begins or ends so
# after a title: the people who hold it follow (…兼职委员，分别是：…)
SHARED = re.compile(r"[，,]?(?:分别是|分别为|依次是|名单如下)[：:]?|[：:]")


def _cjk(ch: str) -> bool:
    return CJK_LO <= ch <= CJK_HI


class NameRules:
    """The data that decides where a name ends (names.yaml), compiled once."""

    def __init__(self):
        d = data("names.yaml")
        self.surnames = set(d["surnames"].replace(" ", ""))
        self.compound = set(d["compound_surnames"])
        followers = sorted(set(d["followers"]), key=len, reverse=True)
        self.follower_re = re.compile("|".join(map(re.escape, followers)))
        self.long_follower_re = re.compile("|".join(re.escape(f) for f in followers if len(f) > 1))
        self.not_names = set(d["not_names"])
        self.not_in_names = re.compile("|".join(map(re.escape, d["not_in_names"])))
        self.weak_ends = set(d["weak_ends"])
        self.translit = set(d["transliteration_chars"].replace(" ", ""))
        dot = re.escape(d["name_dots"])
        # the parts but the last of a name joined by middle dots (阿依努尔·吐尔逊)
        self.dotted = re.compile(rf"(?:[\u4e00-\u9fff]{{2,6}}[{dot}])+")


@cache
def name_rules() -> NameRules:
    return NameRules()


class Names:
    """Where a person's name ends, decided with the rules and the article's own text.

    A name is a surname and one or two given characters (two or three after a compound surname);
    in a slot where a name is certain (right after a title), a name of another tradition is
    accepted too: up to six characters that end at punctuation or at a word that may follow a name
    (次旦央宗, 娜仁其木格), or parts joined by a middle dot. Where several lengths fit, a name
    ending in a particle (等, 的) loses to a shorter one, and a longer one wins only if the article
    never writes the shorter without it."""

    def __init__(self, text: str):
        self.r = name_rules()
        self.text = text
        self._counts: dict[str, int] = {}

    def count(self, s: str) -> int:
        n = self._counts.get(s)
        if n is None:
            n = self._counts[s] = self.text.count(s)
        return n

    def at(self, s: str, i: int, strict: bool = True) -> str:
        """The person's name that starts at s[i], or '' (strict: the surname must be a known one)."""
        r = self.r
        dotted = r.dotted.match(s, i)
        if dotted and not strict:
            return self._dotted(s, i, dotted.end())
        if s[i : i + 2] in r.compound:
            lengths, known = (3, 4), True
        elif s[i : i + 1] in r.surnames:
            lengths, known = ((2, 3) if strict else (2, 3, 4)), True
        elif not strict:
            lengths, known = (2, 3, 4, 5, 6), False
        else:
            return ""
        fits = [n for n in lengths if self._fits(s, i, n, known)]
        if not fits:
            return ""
        fits = [n for k, n in enumerate(fits) if k == 0 or s[i + n - 1] not in r.weak_ends]
        best = fits[0]
        for n in fits[1:]:
            if self.count(s[i : i + n]) >= self.count(s[i : i + best]):
                best = n
        return s[i : i + best]

    def _dotted(self, s: str, i: int, last: int) -> str:
        """A dotted name whose last part starts at `last`: it ends at punctuation or a follower."""
        for j in range(last + 2, min(len(s), last + 8) + 1):
            if not _cjk(s[j - 1]):
                break
            if self._hard_end(s, j) or self.r.follower_re.match(s, j):
                return s[i:j]
        return ""

    @staticmethod
    def _hard_end(s: str, j: int) -> bool:
        return j >= len(s) or not _cjk(s[j])

    def _fits(self, s: str, i: int, n: int, known: bool) -> bool:
        """s[i:i+n] can be a whole name: name characters only, and what follows may follow a name.
        A long name (four characters or more, or a name without a known surname of more than three)
        must end at punctuation or at a word of two characters or more."""
        r = self.r
        name = s[i : i + n]
        if len(name) < n or not CJK_RUN.fullmatch(name) or name in r.not_names:
            return False
        if name[0] in r.weak_ends and name[0] not in r.surnames:  # 的决定 is no name
            return False
        if TITLE_EDGE.search(name):
            return False
        if r.long_follower_re.match(name) or r.long_follower_re.match(name, 1):
            return False
        if r.not_in_names.search(name):
            return False
        j = i + n
        long = n >= 4 and not (n == 4 and s[i : i + 2] in r.compound)
        if (long or not known) and not all(ch in r.translit for ch in name[1 if known else 0 :]):
            return False
        if self._hard_end(s, j):
            return True
        if long:
            return r.long_follower_re.match(s, j) is not None
        return known and r.follower_re.match(s, j) is not None


@dataclass
class Post:
    """One title of one person in one organisation, as a chain states it."""

    person: str
    person_span: tuple[int, int]  # sentence-relative
    org: OrgRef | None
    title: str
    former: bool = False


@dataclass
class Item:
    """One item of a title chain: [ORG] TITLE, with where it starts in the sentence."""

    org: OrgRef | None
    title: str
    former: bool
    start: int


class ChainReader:
    """Reads title chains in a sentence."""

    def __init__(self, names: Names, resolver: Resolver):
        self.names = names
        self.resolver = resolver
        t = data("titles.yaml")
        self.former = set(t["former"])
        self.markers = sorted(self.former | set(t["dropped_prefixes"]), key=len, reverse=True)
        self.jm_titles = set(t["joint_meeting_titles"])
        self.cues = set(t["person_cues"])
        self.gov_titles = t["government_titles"]
        self.joiners = sorted(t["joiners"], key=len, reverse=True)
        self.intros = tuple(data("names.yaml")["introducers"])
        self.lex = lexicon()
        self.orgs_data = self.lex.orgs

    def read(
        self,
        text: str,
        tokens: list[Token],
        mentions: list[Mention],
        offset: int,
        local=None,
        ref_of: Callable[[Mention], OrgRef | None] | None = None,
    ) -> list[Post]:
        """All posts of the sentence (text is the sentence; tokens and mentions are relative to it).
        `ref_of` is the article's reading of a mention (anaphors included)."""
        titles = [tok for tok in tokens if tok.kind == TITLE]
        if not titles:  # most sentences: no chain to read
            return []
        self.ref_of = ref_of or (lambda m: self.resolver.resolve(m, local))
        by_end: dict[int, Mention] = {}
        for m in mentions:
            end = m.end - offset
            by_end[end] = m
            if text[end : end + 1] and text[end] in CLOSE_QUOTES:  # “大工委”书记
                by_end.setdefault(end + 1, m)
        posts: list[Post] = []
        pending: list[Item] = []
        shared: list[Item] = []
        unit: OrgRef | None = None  # the unit the chain is in, for items with no organisation
        carried: OrgRef | None = None  # the unit of the last person's chain (书记A、副书记B)
        expect_from = 0  # where the next item must begin for the chain to go on
        pending_end = -1  # where the last title of the chain ends
        for tok in titles:
            marker = self._marker(text, tok.start)  # 党工委原副书记, 该公司新任总经理
            m = by_end.get(tok.start - len(marker))
            start = m.start - offset if m else tok.start - len(marker)
            if start > 0 and text[start - 1] in OPEN_QUOTES:
                start -= 1
            if m is not None:
                lead = self._marker(text, start)  # 、现任区民政局副局长
                start -= len(lead)
                marker = marker or lead
            if pending and start != expect_from and not (m is not None and start == pending_end):
                pending, unit = [], None  # (轮值主席上海百联…党委书记: an organisation may follow a title)
            if not pending and start != expect_from and not self._body_after_comma(text, m, start):
                carried = None
            if not pending and carried is not None and (m is None or self.ref_of(m) is None):
                unit = carried
            org = self._item_org(m, unit, tok.text, local)
            if m is not None and org is None and tok.text not in self.cues:
                if not (pending and (m.text in self.orgs_data["bodies"] or self._bare_bureau(m))):
                    pending, unit, carried = [], None, None  # an organisation we cannot name: no chain
                    expect_from = tok.end
                    continue
            else:  # (a body we cannot place after other items: the chain goes on without it)
                pending.append(Item(org, tok.text, marker in self.former, start))
            pending_end = tok.end
            if org is not None:
                unit = org
            name_at = tok.end
            name = self.names.at(text, name_at, strict=False) if name_at < len(text) else ""
            if name and self._name_ok(text, name_at, name):
                posts += self._posts(name, name_at, pending + shared)
                after = name_at + len(name)
                if all(i.title in self.cues for i in pending):  # 区领导甲、乙、丙出席: all of them
                    listed = self._listed_names(text, after)
                    posts += [Post(n, (at, at + len(n)), None, pending[0].title) for n, at in listed]
                    after = listed[-1][1] + len(listed[-1][0]) if listed else after
                carried = unit
                pending, unit = [], None
                expect_from = after + 1 if text[after : after + 1] in "、，," else -1
                continue
            before = self._bracketed_name(text, pending[0].start, tok.end)
            if before:
                posts += self._posts(*before, pending)
                pending, unit, carried = [], None, None
                continue
            intro = SHARED.match(text, tok.end)
            if intro:  # 增补4名大工委兼职委员，分别是：A…甲，B…乙: everyone named after holds it
                shared = [p for p in pending if p.org is not None]
                pending, unit = [], None
                expect_from = intro.end()
                continue
            expect_from = self._after_joiner(text, tok.end)  # -1: only an organisation may go on
        return posts

    def _body_after_comma(self, text: str, m: Mention | None, start: int) -> bool:
        """公司党委书记兼董事长甲，党委副书记兼总经理乙: a Party body written alone right after the
        last person's name belongs to that person's unit."""
        return m is not None and m.text in self.orgs_data["bodies"] and text[start - 1 : start] in "，,"

    @staticmethod
    def _posts(name: str, at: int, items: list[Item]) -> list[Post]:
        """The posts of a person a chain names; a person whose titles name no organisation (区领导,
        主任 of a unit never named) is still a person: one post without an organisation."""
        span = (at, at + len(name))
        posts = [Post(name, span, i.org, i.title, i.former) for i in items if i.org is not None]
        return posts or [Post(name, span, None, items[0].title, items[0].former)]

    def _listed_names(self, text: str, at: int) -> list[tuple[str, int]]:
        """The names listed with 、 after `at` (甲、乙、丙 after a cue such as 领导)."""
        out = []
        while text[at : at + 1] == "、":
            name = self.names.at(text, at + 1) if at + 1 < len(text) else ""
            if not name or not self._name_ok(text, at + 1, name):
                break
            out.append((name, at + 1))
            at += 1 + len(name)
        return out

    def _bracketed_name(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """NAME（chain）: the name right before a bracket that holds the whole chain, or None.

        The name begins after punctuation or after a word that introduces it (有, 和, 及 …); after
        such a word its surname must be a known one (和李四 is 李四, but ，和振宇 is 和振宇)."""
        if not (0 < start < len(text) and text[start - 1] in OPEN_BRACKETS):
            return None
        if text[end : end + 1] not in tuple(CLOSE_BRACKETS):
            return None
        stop = start - 1
        for lead in range(stop - 2, max(stop - 8, 0) - 1, -1):
            after_word = lead > 0 and _cjk(text[lead - 1])
            if after_word and not text.endswith(self.intros, 0, lead):
                continue
            name = self.names.at(text, lead, strict=after_word)
            if name and lead + len(name) == stop and self._name_ok(text, lead, name):
                return name, lead
        return None

    def _name_ok(self, text: str, at: int, name: str) -> bool:
        """A name, not an organisation or title word that begins where it begins."""
        words = self.lex.words
        for n in range(2, len(name) + 3):
            word = words.get(text[at : at + n])
            if word is not None and word.kind in (ORG, TITLE):
                return False
        return True

    def _after_joiner(self, text: str, at: int) -> int:
        """Where the next item of a chain starts after a title, or -1 when the chain stops."""
        for joiner in self.joiners:
            if text.startswith(joiner, at):
                return at + len(joiner)
        return -1

    def _marker(self, text: str, at: int) -> str:
        """A word right before `at` that says when a post is held (原, 前任, 新任, 现任 …), or ''."""
        return next((w for w in self.markers if text.endswith(w, 0, at)), "")

    def _item_org(self, m: Mention | None, unit: OrgRef | None, title: str, local) -> OrgRef | None:
        """The organisation of one chain item (none for a cue such as 领导)."""
        if title in self.cues:
            return None
        if m is None:
            if title in self.jm_titles:
                return self.resolver.jm
            # 鹤城乡党委副书记、乡长: the government of the chain's own place
            gov_of = unit is not None and unit.type in ("PartyOrganization", "GovernmentBody")
            gov = self._government(title, unit.path if gov_of else local)
            if gov is not None:
                return gov
            if unit is None:
                return None
            if unit.host is not None and not unit.dept and not self._party_led(unit):
                return unit.host
            return unit
        ref = self.ref_of(m)
        if ref is not None and unit is not None and self._bare_bureau(m):
            return None  # 开发区党工委委员、组织人事局局长: a bureau of a unit we cannot name
        if ref is not None or unit is None:
            return ref
        # a body written alone (组织部, 纪委, 办事处, 居委会) belongs to the chain's unit; a name that
        # begins with its own place is no body of it (休宁县鹤城乡党委 after …段莘乡党委书记甲，)
        body = m.text
        if m.tokens[0].kind == PLACE or body.startswith(("中共", *self.lex.context_words)):
            return None  # (nor one that begins with a short form: 我司党支部 is no body of another unit)
        base = unit
        if body not in self.orgs_data["departments"] and unit.host is not None:
            base = unit.host
        elif body not in self.orgs_data["departments"] and unit.type == "PartyOrganization":
            return None  # 余村党支部书记、村委会主任: the Party body's unit is not named
        return self.resolver._compose(base, body)

    def _bare_bureau(self, m: Mention) -> bool:
        """A state body named without any place or host (组织人事局, 综合执法局): inside a chain it is
        a bureau of the chain's unit, whose name the text does not give."""
        ref = self.ref_of(m)
        return (
            ref is not None
            and ref.type == "GovernmentBody"
            and ref.host is None
            and ref.name == m.text
            and all(t.kind != PLACE for t in m.tokens)
            and m.text not in self.lex.context_words
        )

    def _government(self, title: str, local) -> OrgRef | None:
        for suffix, unit in self.gov_titles.items():
            if title.endswith(suffix):
                return self.resolver.resolve_tokens(lexicon().tokens(unit), local)
        return None

    def _party_led(self, ref: OrgRef) -> bool:
        host = ref.host
        if host is None:
            return False
        return host.type == "Place" or host.name.endswith(self.lex.party_led_hosts)


def post_target(org: OrgRef, title: str, party_led) -> tuple[OrgRef, str]:
    """Where a post is written: 党委书记 of a company, 书记 of a street's 党工委, 部长 of 区委组织部."""
    if org.role_only and org.host is not None:
        return org.host, org.body + title
    if org.same_as_host and org.host is not None:
        return org.host, title
    host = org.host
    if host is not None and not org.dept and not party_led(org) and org.host_text == host.name:
        return host, org.body + title
    return org, title
