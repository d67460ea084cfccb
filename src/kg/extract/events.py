"""Events: the dated meeting or ceremony an article reports, its place, its host and who attended.

The main event is the first dated sentence that holds a meeting: "12月26日下午，NAME在VENUE举行",
"4月22日下午，ORG在VENUE举行NAME", "…，与…开展NAME". Sentences after it belong to it, except
those dated on their own (日前, 上周 …), which are asides or events of their own.
"""

from __future__ import annotations

import re

from ..model import Entity
from . import dates
from .lexicon import data
from .orgs import strip_quotes

VERBS = "召开|举行|举办|开幕|启幕"
ADVERBS = re.compile(r"(隆重|顺利|正式|揭幕|盛大)+$")


class Events:
    def __init__(self, article):
        self.a = article
        rel = data("relations.yaml")
        self.nouns = sorted(rel["event_nouns"], key=len, reverse=True)
        self.venue_anaphors = set(rel["venue_anaphors"])
        self.day_parts = sorted(rel["day_parts"], key=len, reverse=True)
        self.attend = rel["attend_verbs"]
        self.noun_re = "|".join(map(re.escape, self.nouns))

    def read(self) -> None:
        a = self.a
        current: Entity | None = None
        current_date: str | None = None
        for st in a.sents:
            if st.skip:
                continue
            st.dates = dates.find(st.text, a.year, a.published)
            event = self._event_in(st)
            if event is not None:
                st.event = event
                if a.main_event is None or len(event.attrs.get("date", "")) == 10:
                    current, current_date = event, event.attrs.get("date")
                    a.main_event = a.main_event or event
                else:
                    st.aside = False
                continue
            if st.dates and any(d.iso != current_date for d in st.dates) and not self._same_event(st):
                st.aside = True
            st.event = current
        self._attendance()

    @staticmethod
    def _same_event(st) -> bool:
        return dates.same_day(st.text)

    # -- finding an event -----------------------------------------------------------------------

    def _event_in(self, st) -> Entity | None:
        """The event a dated sentence holds, with its date, place and host."""
        a = self.a
        text = st.text
        if not st.dates and not (a.main_event and dates.same_day(text)):
            return None
        d = st.dates[0] if st.dates else None
        after = d.end if d else next(text.find(w) + len(w) for w in dates.SAME_DAY if w in text)
        iso = d.iso if d else a.main_event.attrs.get("date")
        clause = text[after:]
        for part in self.day_parts:
            if clause.startswith(part):
                clause = clause[len(part) :]
                break
        clause = clause.lstrip("，, ")
        offset = len(text) - len(clause)
        name, venue, host_end = self._parse(clause)
        while not name and "，" in clause:  # …带队走访…，双方举行签约仪式: the clause that holds it
            cut = clause.find("，") + 1
            clause, offset = clause[cut:], offset + cut
            name, venue, host_end = self._parse(clause)
        if not name:
            return None
        event = self._entity(st, name, iso)
        ev = a.b.evidence(st.s, "event.dated-meeting", 0.8)
        a.b.fact("event_date", event, iso, ev)
        if not venue:
            trip = re.search(
                r"(?:赴|来到|前往|走进|走访)([^，。；]{2,20}?)(?:[，。；]|开展|调研|参观)", clause
            )
            venue = trip.group(1) if trip else ""
            for prefix in ("辖区", "驻区"):
                venue = venue.removeprefix(prefix)
        if venue:
            place = self._venue(st, venue, offset + clause.find(venue))
            if place is not None:
                a.b.fact("event_place", event, place, ev)
        host = self._host(st, name, offset, host_end)
        if host is not None:
            a.b.fact("event_of", event, host, ev)
        return event

    def _parse(self, clause: str) -> tuple[str, str, int]:
        """(event name, venue, end of the host's name) of a clause after the date."""
        for anaphor in ("双方", "两家单位", "各方"):
            if clause.startswith(anaphor):
                clause = clause[len(anaphor) :]
        m = re.match(
            rf"([^，。；]{{2,60}}?)在([^，。；]{{2,30}}?)({VERBS})([^，。；]{{0,30}}?)(?:[，。；,]|$)", clause
        )
        if m:
            subject, venue, obj = m.group(1), ADVERBS.sub("", m.group(2)), m.group(4)
            if self._has_noun(subject):
                return strip_quotes(subject), venue, -1
            if obj and self._has_noun(obj):
                return strip_quotes(subject + obj), venue, len(subject)
        m = re.match(rf"([^，。；]{{0,60}}?)({VERBS})(?:了)?([^，。；]{{0,30}}?)(?:[，。；,]|$)", clause)
        if m:
            subject, obj = m.group(1), m.group(3)
            if self._has_noun(subject) and not obj:
                return strip_quotes(subject), "", -1
            if obj and self._has_noun(obj):
                return strip_quotes(subject + obj), "", len(subject)
        m = re.search(rf"开展(?:了)?([^，。；]{{2,30}}?(?:{self.noun_re}))(?:[，。；]|$)", clause)
        if m:
            return strip_quotes(m.group(1)), "", -1
        return "", "", -1

    def _has_noun(self, text: str) -> bool:
        return any(text.endswith(n) for n in self.nouns)

    def _entity(self, st, name: str, iso: str) -> Entity:
        """The event entity; its aliases are the usual rewritings of the name (place prefix, year)."""
        a = self.a
        aliases = set()
        bare = name
        if a.ctx.home.county and bare.startswith(a.ctx.home.county.name):
            bare = bare[len(a.ctx.home.county.name) :]
            aliases.add(bare)
        year = re.search(r"(\d{4})年度?", bare)
        if year and not bare.startswith(year.group(0)):
            aliases.add(year.group(1) + "年" + bare.replace(year.group(0), ""))
        slogan = re.match(r"^[^\d]{2,20}?(\d{4}年)", name)
        if slogan and "“" not in name:
            aliases.add(name[slogan.start(1) :])
        rest = re.sub(r"^.*?(\d{4}年)", r"\1", name)
        if rest != name:
            aliases.add(rest)
        return a.b.entity(
            "Event", name, key=f"event:{iso}:{name}", aliases=aliases - {name}, attrs={"date": iso}
        )

    def _venue(self, st, venue: str, at: int) -> Entity | None:
        a = self.a
        venue = strip_quotes(venue)
        if venue in self.venue_anaphors:
            if not a.ctx.building:
                return None
            return a.b.entity("Place", a.ctx.building, key="place:" + a.ctx.building)
        for m in st.mentions:
            if m.text == venue or (m.start - st.s.start == at and m.text.endswith(venue[-2:])):
                ref = st.ref(m)
                if ref is not None and ref.type == "Place":
                    return a.org_ref(st, ref)
        return a.b.entity(
            "Place", venue, (st.s.start + at, st.s.start + at + len(venue)), key="place:" + venue
        )

    def _host(self, st, name: str, offset: int, host_end: int) -> Entity | None:
        """The joint meeting the event is a meeting of, or the unit that holds it."""
        a = self.a
        jm = a.resolver.jm
        start = offset
        for m in st.mentions:
            rel = m.start - st.s.start
            if rel < start:
                continue
            ref = st.ref(m)
            if ref is None:
                continue
            if ref.type == "JointMeeting" and rel < start + len(name) + 4:
                return a.org(st, m)
            if host_end >= 0 and rel < start + host_end:
                return a.org(st, m)
        if jm is not None and re.search(r"(联席会议|大工委|大党委|联盟|协调委员会)", name):
            return a.org_ref(st, jm)
        return None

    # -- who attended ---------------------------------------------------------------------------

    def _attendance(self) -> None:
        a = self.a
        for st in a.sents:
            if st.skip or st.event is None or st.aside or _byline(st.text):
                continue
            date = st.event.attrs.get("date")
            ev = a.b.evidence(st.s, "event.attendance", 0.75)
            bylines = {b.name for b in a.doc.bylines}
            for name, _ in st.people:
                if name in bylines:
                    continue
                a.b.fact("attended", a.people[name], st.event, ev, date=date)


def _byline(text: str) -> bool:
    return bool(re.search(r"(记者|通讯员|编辑|摄影|图片|作者|供稿)", text)) and len(text) < 40
