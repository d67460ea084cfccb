"""The extractor's lexicons, read once from the data files of src/kg/data, and the tokenizer.

All word lists (titles, organisation words, places, trigger words) go into one Aho-Corasick
automaton, so a sentence is read in a single pass; `tokens` then keeps the longest word at each
position, left to right. Everything a rule needs to know about a word (is it a title, an
organisation word of type X, a place with code C, a boundary) travels on the token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import ahocorasick_rs
import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def data(name: str) -> dict:
    """A YAML data file of src/kg/data."""
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


# token kinds
TITLE, ORG, PLACE, BOUND, CONJ, PUNCT, QUOTE, DIGIT, CHAR = (
    "title",
    "org",
    "place",
    "bound",
    "conj",
    "punct",
    "quote",
    "digit",
    "char",
)
PUNCTUATION = set("，,、。；;：:！!？?（）()【】[]—…·/|～~ \t\u3000")
QUOTES = set("“”‘’\"'「」『』《》〈〉")


@dataclass
class Division:
    """An administrative division of the gazetteer."""

    code: str
    name: str
    level: str  # province | city | county

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city(self) -> str:
        return self.code[:4] + "00"


@dataclass
class Word:
    """What the lexicons know about one string."""

    kinds: set[str] = field(default_factory=set)
    org_type: str = ""  # for ORG words
    places: list[Division] = field(default_factory=list)  # for PLACE words (a name may be ambiguous)
    short: bool = False  # a place written without its level (上海 for 上海市)
    kind: str = ""  # the kind the tokenizer reports (see _PRIORITY)
    village: bool = False  # 村党支部: after a name, read as 村 | 党支部 (see orgs.yaml village_bodies)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str
    word: Word | None = None


class Lexicon:
    """Word lists of the data files and the automaton over all of them."""

    def __init__(self):
        titles = data("titles.yaml")
        orgs = data("orgs.yaml")
        rel = data("relations.yaml")
        self.rel = rel
        self.orgs = orgs
        self.titles_data = titles
        self.titles = {m + b for b in titles["base"] for m in ["", *titles["modifiers"]]}
        self.org_types: dict[str, str] = {}
        for type_, words in orgs["words"].items():
            for w in words:
                self.org_types[w] = type_
        self.not_orgs = set(orgs["not_orgs"])
        self.plural_prefixes = tuple(orgs["plural_prefixes"])
        self.verbs_before_places = frozenset(orgs["verbs_before_places"])
        self.bounds_in_names = frozenset(orgs["boundaries_in_names"])
        # the short forms the article's context completes (区委, 街道党工委): never inside a name
        self.context_words = frozenset(orgs["context_forms"]) | frozenset(orgs["context_synonyms"])
        self.zone_words = frozenset(orgs["zone_words"])
        self.party_led_hosts = tuple(orgs["party_led_hosts"])  # 街道, 社区 …: hosts a Party body leads
        self.body_words = frozenset(orgs["bodies"]) | frozenset(orgs["departments"])  # 党委, 组织部 …
        self.divisions: dict[str, Division] = {}
        self.places: dict[str, list[Division]] = {}
        self._gazetteer()
        words: dict[str, Word] = {}

        def add(text: str, kind: str) -> Word:
            w = words.setdefault(text, Word())
            w.kinds.add(kind)
            return w

        for t in [*self.titles, *titles["person_cues"]]:
            add(t, TITLE)
        for w, type_ in self.org_types.items():
            add(w, ORG).org_type = type_
        for w in orgs["anaphors"]:  # 该院院长: an organisation word of no type, the article resolves it
            add(w, ORG)
        for w in ["中共", *self.not_orgs]:
            add(w, CHAR)
        for name, divs in self.places.items():
            pw = add(name, PLACE)
            pw.places = divs
            pw.short = not any(d.name == name for d in divs)
        for w in rel["boundaries"]:
            add(w, BOUND)
        for w in rel["conjunctions"]:
            add(w, CONJ)
        for w in orgs["village_bodies"]:
            words[w].village = True
        self.village = Word({ORG}, "Place", kind=ORG)  # 村 after a village's name (never matched alone)
        for w in words.values():
            w.kind = _kind(w)
        self.words = words
        self.word_list = list(words.values())
        self.longest = max(map(len, words))
        self.automaton = ahocorasick_rs.AhoCorasick(
            list(words), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def _gazetteer(self) -> None:
        """Divisions by code and by name; short forms (上海, 成都) of provinces and cities.

        Counties keep their level: their short forms (任城, 福田) are too often parts of other words."""
        for code, name in data("gazetteer.yaml")["divisions"].items():
            code = str(code)
            level = "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"
            div = Division(code, name, level)
            self.divisions[code] = div
            self.places.setdefault(name, []).append(div)
        for code in ("110000", "120000", "310000", "500000"):  # municipalities are their own city
            div = self.divisions[code]
            self.divisions[code[:4] + "00"] = Division(code[:4] + "00", div.name, "city")
        for div in list(self.divisions.values()):
            short = self.short_form(div.name) if div.level != "county" else ""
            if short:
                self.places.setdefault(short, []).append(div)

    def ending_type(self, text: str) -> str:
        """The type of the longest organisation word `text` ends with ("" when none): 区总工会 is
        an association because 总工会 is, whatever the place before it."""
        for i in range(max(0, len(text) - self.longest), len(text)):
            if text[i:] in self.org_types:
                return self.org_types[text[i:]]
        return ""

    @staticmethod
    def short_form(name: str) -> str:
        """上海市 → 上海, 黄浦区 → 黄浦; names too short to drop their level keep it."""
        for suffix in (
            "特别行政区",
            "维吾尔自治区",
            "壮族自治区",
            "回族自治区",
            "自治区",
            "自治州",
            "省",
            "市",
            "区",
            "县",
        ):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return ""

    def tokens(self, text: str) -> list[Token]:
        """Longest lexicon word at each position, left to right; other characters one by one.

        The automaton finds the words leftmost-longest in one pass in Rust; Python only builds
        the tokens (a city's 市 that begins a county's name sends the scan on from that 市)."""
        out: list[Token] = []
        append = out.append
        words, found = self.word_list, self.automaton.find_matches_as_indexes
        i, n = 0, len(text)
        while i < n:
            base = i
            for k, start, end in found(text[base:]) if base else found(text):
                start, end = start + base, end + base
                if start > i:
                    self._chars(text, i, start, out)
                word = words[k]
                if word.kind == PLACE and end - start > 2 and text[end - 1] == "市":
                    split = self._city_then_county(text, start, end)
                    if split is not None:  # 青岛|市北区, not 青岛市|北区
                        append(split)
                        i = split.end
                        break
                if word.village and out and out[-1].kind == CHAR:  # 楚东|村|党总支
                    append(Token(text[start], start, start + 1, ORG, self.village))
                    rest = text[start + 1 : end]
                    append(Token(rest, start + 1, end, ORG, self.words[rest]))
                else:
                    append(Token(text[start:end], start, end, word.kind, word))
                i = end
            else:
                if i < n:
                    self._chars(text, i, n, out)
                break
        return out

    def _chars(self, text: str, i: int, j: int, out: list[Token]) -> None:
        """Tokens of the characters text[i:j] that begin no word, one each. 委 right after a place's
        full name makes its committee with it (姑苏区委)."""
        if text[i] == "委" and out and out[-1].kind == PLACE and not out[-1].word.short:
            if text[i + 1 : i + 2] not in "员托派":
                out.append(Token("委", i, i + 1, ORG, self.words["区委"]))
                i += 1
        kinds = _CHAR_KINDS
        out += [Token(ch, k, k + 1, kinds[ch]) for k, ch in enumerate(text[i:j], i)]

    def _city_then_county(self, text: str, i: int, end: int) -> Token | None:
        """青岛市北区: when the 市 of a city's name begins the name of one of its counties, the
        city is written short (青岛) and the county follows; the token of the short city, or None."""
        at = end - 1
        county = self.automaton.find_matches_as_indexes(text[at : at + self.longest])[:1]
        short = self.words.get(text[i:at])
        if not county or county[0][1] != 0 or short is None:
            return None
        county = self.word_list[county[0][0]]
        if county.kind != PLACE:
            return None
        cities = {d.code for d in self.words[text[i:end]].places if d.level == "city"}
        if not any(d.level == "county" and d.city in cities for d in county.places):
            return None
        return Token(text[i:at], i, at, PLACE, short)


class _CharKinds(dict):
    """The kind of a character no word covers: punctuation, a quote, a digit or letter, or a plain
    character (read once per character, then looked up)."""

    def __missing__(self, ch: str) -> str:
        kind = self[ch] = DIGIT if ch.isascii() and ch.isalnum() else CHAR
        return kind


_CHAR_KINDS = _CharKinds({**dict.fromkeys(PUNCTUATION, PUNCT), **dict.fromkeys(QUOTES, QUOTE)})

# when a word is in several lists, the first kind here is the one the tokenizer reports
_PRIORITY = (ORG, TITLE, PLACE, CONJ, BOUND, CHAR)


def _kind(word: Word) -> str:
    for kind in _PRIORITY:
        if kind in word.kinds:
            return kind
    return CHAR


@cache
def lexicon() -> Lexicon:
    return Lexicon()
