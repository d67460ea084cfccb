"""Where things are: the administrative divisions a name spells or an article is about.

Resolution needs places twice: to read the context a name carries (上海市黄浦区南京东路街道 is in
上海市 and 黄浦区; 上海建工 is a 上海 company) and to tell namesakes apart (解放路街道 exists in
many cities; 鼓楼区 in four). The divisions are those of `src/kg/data/gazetteer.yaml` (shared with
the extractor).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..extract.lexicon import data

LEVELS = ("province", "city", "district")
# suffixes dropped to get the short form of a province or city (广东省 → 广东, 上海市 → 上海)
SHORTENABLE = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
LONGEST_PLACE = 12


@dataclass(frozen=True)
class Context:
    """The places something is in, as far as known (empty string: unknown)."""

    province: str = ""
    city: str = ""
    district: str = ""

    def known(self) -> tuple[str, ...]:
        return tuple(getattr(self, lv) for lv in LEVELS if getattr(self, lv))

    def __bool__(self) -> bool:
        return bool(self.province or self.city or self.district)

    def compatible(self, other: Context) -> bool:
        """No level where both are known and differ (written out: the global pass calls it a lot)."""
        return (
            (not self.province or not other.province or self.province == other.province)
            and (not self.city or not other.city or self.city == other.city)
            and (not self.district or not other.district or self.district == other.district)
        )

    def agreement(self, other: Context) -> str:
        """The most specific level at which both are known and equal ('' when none)."""
        for lv in reversed(LEVELS):
            a, b = getattr(self, lv), getattr(other, lv)
            if a and a == b:
                return lv
        return ""

    def merge(self, other: Context) -> Context:
        """Fill the unknown levels of self from other (self wins where both are known)."""
        if not other or self == other:
            return self
        return Context(
            self.province or other.province, self.city or other.city, self.district or other.district
        )

    def qualifier(self) -> str:
        """The most specific place as a readable IRI qualifier: 上海市黄浦区, 武汉市, 广东省."""
        if self.district:
            return (self.city if self.city and self.city != "-" else self.province) + self.district
        return self.city or self.province


class Divisions:
    """Province → city → district names, with lookups by full name and by short form."""

    def __init__(self, table: dict):
        """`table`: division code → name; a unit's province and city follow from its code
        (first two and four digits); a municipality (上海市) is its own city."""
        self.kind: dict[str, str] = {}  # full name → province | city | district
        self.parents: dict[str, set[tuple[str, str]]] = {}  # full name → {(province, city)}
        self.short: dict[str, str] = {}  # 上海 → 上海市
        names = {str(code): name for code, name in table.items()}
        for code, name in sorted(names.items()):
            prov = names.get(code[:2] + "0000", "")
            city = names.get(code[:4] + "00", "")
            if not city and prov.endswith("市"):
                city = prov  # municipalities
            if code.endswith("0000"):
                self._add(name, "province", (name, ""))
                if name.endswith("市"):
                    self._add(name, "city", (name, name))
            elif code.endswith("00"):
                self._add(name, "city", (prov, name))
            else:
                self._add(name, "district", (prov, city))
        for name, kind in self.kind.items():
            if kind in ("province", "city"):
                for suffix in SHORTENABLE:
                    stem = name.removesuffix(suffix)
                    if stem != name and len(stem) >= 2 and stem not in self.kind:
                        self.short.setdefault(stem, name)
                        break

    def _add(self, name: str, kind: str, parent: tuple[str, str]) -> None:
        # a name that is both a city and a district (a county-level city) counts as the higher level
        if name not in self.kind or LEVELS.index(kind) < LEVELS.index(self.kind[name]):
            self.kind[name] = kind
        self.parents.setdefault(name, set()).add(parent)

    def full(self, name: str) -> str:
        """The full name of a place written in full or by its short form ('' if not a place)."""
        if name in self.kind:
            return name
        return self.short.get(name, "")

    def context(self, names: list[str]) -> Context:
        """The context that a chain of place names spells, completed upwards where unambiguous."""
        ctx = Context()
        for name in names:
            full = self.full(name)
            if not full:
                continue
            kind = self.kind[full]
            parents = [p for p in self.parents[full] if Context(p[0], p[1]).compatible(ctx)]
            if kind == "province":
                city = full if (full, full) in self.parents[full] else ctx.city  # municipalities
                ctx = Context(ctx.province or full, ctx.city or city, ctx.district)
            elif kind == "city":
                prov = parents[0][0] if len(parents) == 1 else ctx.province
                ctx = Context(ctx.province or prov, full, ctx.district)
            else:
                prov, city = parents[0] if len(parents) == 1 else (ctx.province, ctx.city)
                ctx = Context(ctx.province or prov, ctx.city or city, full)
        return ctx

    def complete(self, ctx: Context) -> Context:
        """Fill in the city and province of a district (or the province of a city) when unambiguous."""
        if ctx.district and not ctx.city:
            parents = [p for p in self.parents.get(ctx.district, ()) if Context(p[0], p[1]).compatible(ctx)]
            if len(parents) == 1:
                ctx = Context(ctx.province or parents[0][0], parents[0][1], ctx.district)
        if ctx.city and not ctx.province:
            parents = list(self.parents.get(ctx.city, ()))
            if len(parents) == 1:
                ctx = Context(parents[0][0], ctx.city, ctx.district)
        return ctx

    def leading(self, name: str) -> tuple[list[str], str]:
        """Split the full place names a name starts with from the rest: 上海市黄浦区南京东路街道 → ([上海市, 黄浦区], 南京东路街道).

        Two-character district names (城区, 矿区) are ordinary words and never taken.
        """
        places: list[str] = []
        rest = name
        while rest:
            hit = next(
                (
                    rest[:n]
                    for n in range(min(LONGEST_PLACE, len(rest)), 1, -1)
                    if rest[:n] in self.kind and (n > 2 or self.kind[rest[:n]] != "district")
                ),
                "",
            )
            if not hit:
                break
            places.append(hit)
            rest = rest[len(hit) :]
        return places, rest

    def short_prefix(self, name: str) -> str:
        """The short form of a province or city that a name starts with (上海建工 → 上海), or ''."""
        return next((name[:n] for n in (4, 3, 2) if len(name) > n and name[:n] in self.short), "")

    def mentioned(self, text: str) -> Counter:
        """How often each province, city and district (full names of three characters or more) occurs in text."""
        counts: Counter = Counter()
        i = 0
        while i < len(text):
            for n in range(min(LONGEST_PLACE, len(text) - i), 2, -1):
                if text[i : i + n] in self.kind:
                    counts[text[i : i + n]] += 1
                    i += n - 1
                    break
            i += 1
        return counts

    def article_context(self, text: str) -> Context:
        """The district or city an article is about: the one it names clearly more often than any other."""
        counts = self.mentioned(text)
        by_level: dict[str, Counter] = {lv: Counter() for lv in LEVELS}
        for name, n in counts.items():
            by_level[self.kind[name]][name] += n
        ctx = Context()
        for lv in ("province", "city", "district"):
            top = by_level[lv].most_common(2)
            if not top:
                continue
            if len(top) == 2 and top[1][1] * 2 > top[0][1]:
                continue  # two places compete: the article is about neither alone
            candidate = self.context([*ctx.known(), top[0][0]])
            if candidate.compatible(ctx):
                ctx = candidate
        return self.complete(ctx)


@cache
def divisions() -> Divisions:
    return Divisions(data("gazetteer.yaml")["divisions"])
