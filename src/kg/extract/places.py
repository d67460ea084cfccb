"""Administrative context: which province, city, district and street an article is about.

Short forms like 区委 or 街道党工委 name a body only together with this context, so the
extractor reads it first: the districts, streets and communities the article names, the company
an enterprise website speaks for, the building a 楼宇党委 sits in and the joint meeting it reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Division, lexicon


@dataclass
class AdminPath:
    """The administrative units a name spells, from the top: 上海市|黄浦区|南京东路街道|…社区."""

    province: Division | None = None
    city: Division | None = None
    county: Division | None = None
    street: str = ""
    community: str = ""

    def merged(self, fallback: AdminPath) -> AdminPath:
        """This path with the levels it leaves out taken from `fallback`, where they agree."""
        out = AdminPath(self.province, self.city, self.county, self.street, self.community)
        if out.county is None and fallback.county is not None:
            if out.city is None or out.city.code == fallback.county.city:
                out.county = fallback.county
        if out.county is not None and out.city is None:
            out.city = city_of(out.county)
        if out.city is None:
            out.city = fallback.city
        if out.province is None and out.city is not None:
            out.province = lexicon().divisions.get(out.city.province)
        if not out.street and (not self.county or self.county == fallback.county):
            out.street = fallback.street
        if not out.community and not self.street:
            out.community = fallback.community
        return out

    def slots(self) -> dict[str, str]:
        """Template slots of orgs.yaml: {city_name}; {city} (the city as a prefix of a district's
        name: none for a municipality, a county-level city (浏阳市), or a zone whose name begins with
        its city's, 苏州工业园区);
        {district} {zone} {street} {community}."""
        city_name = city = self.city.name if self.city else ""
        district = self.county.name if self.county else ""
        zone = district if self.county is not None and is_zone(self.county) else ""
        short = lexicon().short_form(city) or city
        if city == district or district.endswith("市") or (zone and short and zone.startswith(short)):
            city = ""
        return {
            "city_name": city_name,
            "city": city,
            "district": district,
            "zone": zone,
            "street": self.street,
            "community": self.community,
        }

    def attrs(self) -> dict[str, str]:
        """Entity.attrs for the resolution engineer: the context this path makes certain."""
        out = {}
        if self.province:
            out["province"] = self.province.name
        if self.city:
            out["city"] = self.city.name
        if self.county:
            out["district"] = self.county.name
        return out


ZONE_CODE = "ZZ"  # the county-level code suffix given to a development zone the text names


def zone_division(name: str, city: Division | None) -> Division:
    """A development zone (苏州工业园区, 高新区) as a county-level unit of its city."""
    return Division((city.code[:4] if city else "0000") + ZONE_CODE, name, "county")


def is_zone(div: Division) -> bool:
    return div.code.endswith(ZONE_CODE)


def city_of(div: Division) -> Division | None:
    """The city a county-level unit belongs to (a municipality's districts belong to it)."""
    lex = lexicon()
    return lex.divisions.get(div.city) or lex.divisions.get(div.province)


@dataclass
class Context:
    """What the article is about, as far as its text makes certain."""

    home: AdminPath = field(default_factory=AdminPath)
    company: str = ""  # the enterprise a company website speaks for
    institution: str = ""  # the school, university or hospital an institution's site speaks for
    building: str = ""  # the building of the article's 楼宇党委
    counties: list[Division] = field(default_factory=list)  # every district the article names
    home_named: int = 0  # how often the article names its district (or county-level city)


def choose_division(name: str, hints: Counter) -> Division | None:
    """The division a name means; an ambiguous name (鼓楼区) takes the city or province the text names."""
    divs = [d for d in lexicon().places.get(name, []) if d.name == name]
    if len(divs) <= 1:
        return divs[0] if divs else None
    scored = sorted(divs, key=lambda d: hints[d.city] + hints[d.province], reverse=True)
    best = scored[0]
    if hints[best.city] + hints[best.province] > hints[scored[1].city] + hints[scored[1].province]:
        return best
    return None


def most_common(counter: Counter) -> str:
    """The most frequent key; on a tie, the one seen first."""
    if not counter:
        return ""
    top = max(counter.values())
    return next(k for k, v in counter.items() if v == top)
