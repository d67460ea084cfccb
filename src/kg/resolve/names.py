"""Organisation names taken apart: places, street, unit, legal form, Party body (rules in org_names.yaml).

Two articles rarely spell a body the same way: 中共上海建工房产有限公司委员会 and 上海建工房产党委,
黄浦区委 and 中共上海市黄浦区委员会, 百联集团 and 上海百联集团股份有限公司. Reading each name as
places + unit + body lets resolution compare what names mean instead of their characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..extract.lexicon import data
from .iri import normalise
from .places import Context, divisions

STREET = re.compile(r"^(?P<street>.{2,8}?街道)(?P<rest>.{2,}(?:社区|居民区|居民委员会|村|网格).*)$")
STREET_PREFIX = re.compile(r"^(?P<street>.{2,8}?街道)(?P<rest>.{2,})$")


@dataclass(frozen=True)
class OrgName:
    """What an organisation name says.

    unit:   the unit's own name without places and legal form, '' when the body belongs to a place
            itself (黄浦区委: the district's committee);
    bare:   `unit` without a province or city short form it starts with (上海建工 → 建工), which may
            be a place or part of the name (玉林里…): both readings are compared;
    body:   the body inside the unit: '' (the unit itself), 党委, 党工委, 党支部, 委, 组织部, 人民政府 …;
    places: the context the full place names in the name spell; `short_places` what the short form adds;
    street: the street a community is named under (学院路街道枫林园社区 → 学院路街道);
    level:  for a name that spells no place but starts with a level word (区委): that level.
    """

    unit: str
    body: str
    places: Context
    bare: str = ""
    short_places: Context = Context()
    street: str = ""
    level: str = ""

    @property
    def is_place_body(self) -> bool:
        """The body of a place itself (a district's committee or government), known by its place."""
        return not self.unit

    @property
    def generic(self) -> bool:
        """Names no particular body without a place (区委, 集团, 街道办事处)."""
        if self.is_place_body:
            return not self.places
        return self.unit in rules().generic or self.bare in rules().generic

    @property
    def local(self) -> bool:
        """A unit that exists under the same name in many places (街道, 社区, 小学 …)."""
        return self.unit.endswith(rules().local_endings)

    def readings(self) -> list[tuple[str, Context]]:
        """(unit, context) pairs this name may mean: as written, and with a leading short form read as a place."""
        out = [(self.unit, self.places)]
        if self.bare != self.unit:
            out.append((self.bare, self.places.merge(self.short_places)))
        return out


@dataclass(frozen=True)
class Rules:
    party_prefixes: tuple[str, ...]
    spellings: tuple[tuple[str, str], ...]
    party_bodies: tuple[dict, ...]
    place_body_synonyms: dict
    place_body_endings: tuple[str, ...]
    levels: dict
    legal_forms: tuple[str, ...]
    parent_remainders: frozenset
    local_endings: tuple[str, ...]
    place_named_endings: tuple[str, ...]
    not_after_short: tuple[str, ...]
    not_in_remainder: tuple[str, ...]
    generic: frozenset


@cache
def rules() -> Rules:
    d = data("org_names.yaml")
    return Rules(
        party_prefixes=tuple(d["party_prefixes"]),
        spellings=tuple(sorted(d["spellings"].items(), key=lambda kv: -len(kv[0]))),
        party_bodies=tuple(d["party_bodies"]),
        place_body_synonyms=dict(d["place_body_synonyms"]),
        place_body_endings=tuple(d["place_body_endings"]),
        levels=dict(d["levels"]),
        legal_forms=tuple(d["legal_forms"]),
        parent_remainders=frozenset(d["parent_remainders"]),
        local_endings=tuple(d["local_unit_endings"]),
        place_named_endings=tuple(d["place_named_endings"]),
        not_after_short=tuple(d["not_after_short_form"]),
        not_in_remainder=tuple(d["not_in_short_form_remainder"]),
        generic=frozenset(d["generic_units"]),
    )


@cache
def analyse(name: str) -> OrgName:
    """Read an organisation name in any of its forms (full, short, with or without 中共)."""
    r = rules()
    n = normalise(name)
    party = False
    for p in r.party_prefixes:
        if n.startswith(p) and len(n) > len(p):
            n, party = n[len(p) :], True
            break
    for spelled, written in r.spellings:
        n = n.replace(spelled, written)
    places, rest = divisions().leading(n)
    ctx = divisions().context(places)
    level = ""
    if not places and len(rest) > 1 and rest[0] in r.levels and _place_body(rest[1:]) is not None:
        level, rest = r.levels[rest[0]], rest[1:]
    if places or level:
        body = _place_body(rest)
        if body is not None:
            return OrgName("", body, ctx, level=level)
    unit, body = _party_body(rest, party)
    for form in r.legal_forms:
        unit = unit.replace(form, "")
    street = ""
    m = STREET.match(unit)
    if m:
        street, unit = m.group("street"), m.group("rest")
    elif (m := STREET_PREFIX.match(unit)) and not _local_or_generic(m.group("rest")):
        unit = m.group("rest")  # 北外滩街道瀚川建设: the company, named with the street it is in
    return OrgName(unit, body, ctx, *_short_form(unit), street=street)


def _local_or_generic(unit: str) -> bool:
    r = rules()
    return unit in r.generic or unit.endswith(r.local_endings) or unit.startswith(("办", "党", "工作"))


def _short_form(unit: str) -> tuple[str, Context]:
    """The unit without a leading province or city short form, and the place it names."""
    r = rules()
    short = divisions().short_prefix(unit)
    rest = unit[len(short) :]
    if (
        not short
        or unit.endswith(r.place_named_endings)
        or rest.startswith(r.not_after_short)
        or rest in r.generic
    ):
        return unit, Context()
    return rest, divisions().context([short])


def _place_body(rest: str) -> str | None:
    """The body of a place written after it (委, 组织部, 人民政府), or None when rest names a unit."""
    r = rules()
    for spelled, written in r.place_body_synonyms.items():
        if rest.startswith(spelled):
            rest = written + rest[len(spelled) :]
    if rest.startswith("委") and len(rest) > 1:
        rest = rest[1:]  # a department of the place's Party committee: 委组织部 → 组织部
    if rest in ("", "委") or rest in r.place_body_synonyms.values() or rest in r.place_body_endings:
        return rest
    if rest.endswith("局") and len(rest) <= 8:  # 商务局, 市场监督管理局
        return rest
    return None


def _party_body(rest: str, party: bool) -> tuple[str, str]:
    """Split a Party body off the end of a unit name: 建工房产有限公司委员会 → (建工房产有限公司, 党委)."""
    for rule in rules().party_bodies:
        ending = rule["ending"]
        if rest.endswith(ending) and len(rest) > len(ending) and (party or not rule.get("party_only")):
            return rest[: -len(ending)] + rule.get("unit_suffix", ""), rule["body"]
    return rest, ""


def same_body(a: OrgName, b: OrgName) -> float:
    """How surely two names denote the same body, by their words alone (places are checked apart):
    1.0 same unit; 0.9 same unit once a short form is read as a place, or a short form followed only
    by a parent word (上海建工 ~ 上海建工集团); 0.5 another prefix; 0.4 a subsequence; else 0."""
    if a.body != b.body or a.is_place_body or b.is_place_body or a.generic or b.generic:
        return 0.0
    if a.street and b.street and a.street != b.street:
        return 0.0
    best = 0.0
    for i, (ua, _) in enumerate(a.readings()):
        for j, (ub, _) in enumerate(b.readings()):
            if ua == ub:
                best = max(best, 1.0 if i == j == 0 else 0.9)
            else:
                best = max(best, contraction(ua, ub), contraction(ub, ua))
    return best


def places_agree(a: OrgName, b: OrgName) -> bool:
    """Some reading of each name puts them in compatible places."""
    return any(ca.compatible(cb) for _, ca in a.readings() for _, cb in b.readings())


def contraction(s: str, f: str) -> float:
    """How surely unit name `s` is a short form of unit name `f`: 0.9 when only a parent word
    (集团, 公司) follows it, 0.5 for another prefix, 0.4 for a subsequence sharing the first two
    characters (航晟学院 ~ 航晟职业技术学院), else 0. A street or community is nobody's short form."""
    r = rules()
    if len(s) < 2 or len(f) <= len(s) or s in r.generic or s.endswith(r.place_named_endings):
        return 0.0
    if any(word in f[len(s) :] for word in r.not_in_remainder):
        return 0.0  # 鲁瀚能源集团 is not short for its 党委工作部, nor 建工 for a 建工分公司
    if f.startswith(s):
        return 0.9 if f[len(s) :] in r.parent_remainders else 0.5
    if s[:2] == f[:2] and _subsequence(s, f):
        return 0.4
    return 0.0


def _subsequence(s: str, f: str) -> bool:
    it = iter(f)
    return all(ch in it for ch in s)


def party_body_unit(name: OrgName) -> OrgName | None:
    """The unit a Party body leads (中共X委员会 → X, X街道党工委 → X街道), or None."""
    if not name.body or name.is_place_body or name.body not in {r["body"] for r in rules().party_bodies}:
        return None
    return OrgName(name.unit, "", name.places, name.bare, name.short_places, name.street)
