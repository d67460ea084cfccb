"""People: names, title chains and the posts they state.

A title chain is `ORG? TITLE ([、，兼] ORG? TITLE)* NAME`, read over the tokens of a sentence:

    区委常委、组织部部长李铭               → 常委 of 区委; 部长 of 区委's 组织部
    上海沪澄物流集团有限公司党委副书记、总经理柏立恒 → 党委副书记 and 总经理 of the company
    区委常委、统战部部长，学院路街道党工委书记蓝亦舟  → three posts of one person

An item without its own organisation takes the unit of the item before it; a body written alone
(组织部, 纪委, 办事处) belongs to that unit. A name is a surname and one or two characters that end
at punctuation or at a word that may follow a name (names.yaml); where two lengths fit, the one the
article uses on its own elsewhere wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ORG, PUNCT, TITLE, Token, data, lexicon
from .orgs import Mention, OrgRef, Resolver

CJK_LO, CJK_HI = "\u4e00", "\u9fff"
# after a title: the people who hold it follow (…兼职委员，分别是：…)
SHARED = re.compile(r"[，,]?(?:分别是|分别为|依次是|名单如下)[：:]?|[：:]")


class Names:
    """Surnames, followers and the article's own text, to decide where a name ends."""

    def __init__(self, text: str):
        d = data("names.yaml")
        self.surnames = set(d["surnames"].replace(" ", ""))
        self.compound = set(d["compound_surnames"])
        self.followers = sorted(set(d["followers"]), key=len, reverse=True)
        self.follower_re = re.compile("|".join(map(re.escape, self.followers)))
        self.long_follower_re = re.compile("|".join(re.escape(f) for f in self.followers if len(f) > 1))
        self.not_names = set(d["not_names"])
        self.not_in_names = d["not_in_names"]
        self.text = text

    def at(self, s: str, i: int, strict: bool = True) -> str:
        """The person's name that starts at s[i], or '' (strict: the surname must be a known one)."""
        if s[i : i + 2] in self.compound:
            lengths = (3, 4)
        elif s[i : i + 1] in self.surnames or not strict:
            lengths = (2, 3)
        else:
            return ""
        fits = [n for n in lengths if self._fits(s, i, n, strict or s[i] in self.surnames)]
        if not fits:
            return ""
        if len(fits) == 2:
            short, long = (s[i : i + n] for n in fits)
            return long if self.text.count(long) >= self.text.count(short) else short
        return s[i : i + fits[0]]

    def _fits(self, s: str, i: int, n: int, known: bool = True) -> bool:
        name = s[i : i + n]
        if len(name) < n or not all(CJK_LO <= ch <= CJK_HI for ch in name) or name in self.not_names:
            return False
        if any(name.startswith(w) or name.endswith(w) for w in ("书记", "主任", "部长", "委员")):
            return False
        if self.long_follower_re.match(name) or self.long_follower_re.match(name, 1):
            return False
        if any(w in name for w in self.not_in_names):
            return False
        j = i + n
        if j >= len(s) or not (CJK_LO <= s[j] <= CJK_HI):
            return True
        return known and self.follower_re.match(s, j) is not None


@dataclass
class Post:
    """One title of one person in one organisation, as a chain states it."""

    person: str
    person_span: tuple[int, int]  # sentence-relative
    org: OrgRef | None
    title: str
    former: bool = False


class ChainReader:
    """Reads title chains in a sentence."""

    def __init__(self, names: Names, resolver: Resolver):
        self.names = names
        self.resolver = resolver
        t = data("titles.yaml")
        self.former = set(t["former"])
        self.dropped = sorted(t["dropped_prefixes"], key=len, reverse=True)
        self.jm_titles = set(t["joint_meeting_titles"])
        self.gov_titles = t["government_titles"]
        self.orgs_data = lexicon().orgs

    def read(
        self, text: str, tokens: list[Token], mentions: list[Mention], offset: int, local=None
    ) -> list[Post]:
        """All posts of the sentence (text is the sentence; tokens and mentions are relative to it)."""
        by_end = {m.end - offset: m for m in mentions}
        posts: list[Post] = []
        pending: list[tuple[OrgRef | None, str, bool]] = []
        shared: list[tuple[OrgRef | None, str, bool]] = []
        unit: OrgRef | None = None  # the unit the chain is in, for items with no organisation
        expect_from = 0  # where the next item must begin for the chain to go on
        for tok in tokens:
            if tok.kind != TITLE:
                continue
            m = by_end.get(tok.start)
            item_start = m.start - offset if m else tok.start
            if pending and item_start != expect_from:
                pending, unit = [], None
            former = self._former(text, item_start)
            org = self._item_org(m, unit, tok.text, local)
            title = tok.text
            if m is not None and org is None:
                pending, unit = [], None  # an organisation we cannot name: leave the chain out
                expect_from = tok.end
                continue
            pending.append((org, title, former))
            if org is not None:
                unit = org
            name = self.names.at(text, tok.end, strict=False) if tok.end < len(text) else ""
            if name and self._name_ok(text, tok.end, name):
                for o, t, f in pending + shared:
                    if o is not None:
                        posts.append(Post(name, (tok.end, tok.end + len(name)), o, t, f))
                pending, unit = [], None
                continue
            intro = SHARED.match(text, tok.end)
            if intro:  # 增补4名大工委兼职委员，分别是：A…甲，B…乙: everyone named after holds it
                shared = [p for p in pending if p[0] is not None]
                pending, unit = [], None
                expect_from = intro.end()
                continue
            expect_from = self._after_joiner(text, tok.end)
            if expect_from < 0:
                pending, unit = [], None
        return posts

    def _name_ok(self, text: str, at: int, name: str) -> bool:
        """A name right after a title (not another organisation or a common word)."""
        nxt = lexicon().tokens(text[at : at + len(name) + 2])
        return not (nxt and nxt[0].kind in (ORG, TITLE) and len(nxt[0].text) >= 2)

    @staticmethod
    def _after_joiner(text: str, at: int) -> int:
        """Where the next item of a chain starts after a title, or -1 when the chain stops."""
        for joiner in ("、", "，", ",", "兼任", "兼"):
            if text.startswith(joiner, at):
                return at + len(joiner)
        return -1

    def _former(self, text: str, start: int) -> bool:
        return start > 0 and text[start - 1] in self.former

    def _item_org(self, m: Mention | None, unit: OrgRef | None, title: str, local) -> OrgRef | None:
        """The organisation of one chain item."""
        if m is None:
            if title in self.jm_titles:
                return self.resolver.jm
            gov = self._government(title, local)
            if gov is not None:
                return gov
            if unit is None:
                return None
            if unit.host is not None and not unit.dept and not self._party_led(unit):
                return unit.host
            return unit
        ref = self.resolver.resolve(m, local)
        if ref is not None or unit is None:
            return ref
        # a body written alone (组织部, 纪委, 办事处, 居委会) belongs to the chain's unit
        body = m.text
        base = unit
        if body not in self.orgs_data["departments"] and unit.host is not None:
            base = unit.host
        if base is None:
            return None
        return self.resolver._compose(base, body)

    def _government(self, title: str, local) -> OrgRef | None:
        for suffix, unit in self.gov_titles.items():
            if title.endswith(suffix):
                from .lexicon import lexicon as _lex

                return self.resolver.resolve_tokens(_lex().tokens(unit), local)
        return None

    def _party_led(self, ref: OrgRef) -> bool:
        host = ref.host
        if host is None:
            return False
        return host.type == "Place" or any(host.name.endswith(w) for w in self.orgs_data["party_led_hosts"])


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


def is_punct(tok: Token) -> bool:
    return tok.kind == PUNCT
