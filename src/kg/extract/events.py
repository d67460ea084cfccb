"""Events: the dated meeting or ceremony an article reports, its place, its host and who attended.

The main event is the first dated sentence that holds a meeting: "12月26日下午，NAME在VENUE举行",
"4月22日下午，ORG在VENUE举行NAME", "…，与…开展NAME". Sentences after it belong to it, except
those dated on their own (日前, 上周 …), which are asides or events of their own.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Entity
from .lexicon import data
from .orgs import ABBREVIATION, strip_quotes

VERBS = "召开|举行|举办|开幕|启幕"
# the place a visit goes to (…带队走访芳溪社区，…)
TRIP = re.compile(r"(?:赴|来到|前往|走进|走访)([^，。；]{2,20}?)(?:[，。；]|开展|调研|参观)")
# an undated sentence saying where the event is held: (随后，)签约仪式在VENUE举行
HELD_AT = re.compile(rf"(?:^|[，,])([^，。；]{{2,6}}?)在([^，。；]{{2,30}}?)(?:{VERBS})")
ADVERBS = re.compile(r"(隆重|顺利|正式|揭幕|盛大)+$")
BYLINE_WORDS = re.compile(r"(记者|通讯员|编辑|摄影|图片|作者|供稿)")


class EventWords:
    """The event words of relations.yaml, compiled once."""

    def __init__(self):
        rel = data("relations.yaml")
        self.nouns = sorted(rel["event_nouns"], key=len, reverse=True)
        self.venue_anaphors = set(rel["venue_anaphors"])
        self.day_parts = sorted(rel["day_parts"], key=len, reverse=True)
        self.noun_re = "|".join(map(re.escape, self.nouns))
        self.not_nouns = tuple(rel["not_event_nouns"])
        self.attend_re = re.compile(
            rf"(?:{'|'.join(rel['event_attend_verbs'])})(?:了)?([^，。；]{{4,40}}?(?:{self.noun_re}))(?:[，。；]|$)"
        )


@cache
def event_words() -> EventWords:
    return EventWords()


class Events:
    def __init__(self, article):
        self.a = article
        self.w = event_words()
        self.visited: dict[str, tuple] = {}  # event key → (place visited, evidence)
        self.placed: set[str] = set()  # events a sentence says where they were held

    def read(self) -> None:
        a = self.a
        current: Entity | None = None
        current_date: str | None = None
        visit = None  # a dated visit sentence that named no event
        for st in a.sents:
            if st.skip:
                continue
            event = self._event_in(st)
            if event is not None:
                st.event = event
                if a.main_event is None or len(event.attrs.get("date", "")) == 10:
                    current, current_date = event, event.attrs.get("date")
                    a.main_event = a.main_event or event
                else:
                    st.aside = False
                continue
            if st.dates and any(d.iso != current_date for d in st.dates):
                st.aside = True
                if st.dates[0].precision == "day" and TRIP.search(st.text):
                    visit = st  # 9月19日上午，…带队走访…社区: an event the next sentences may name
                    continue
            st.event = current
            if visit is not None and not st.dates:
                event = self._visit_event(visit, st)
                if event is not None:
                    current, current_date, visit = event, event.attrs["date"], None
                    continue
            visit = None
            if current is not None and not st.aside:
                self._held_at(st, current)
        for key, (place, ev) in self.visited.items():
            if key not in self.placed:
                a.b.fact("event_place", a.b.x.entities[key], place, ev)
        self._attendance()

    def _visit_event(self, visit, st) -> Entity | None:
        """…带队走访芳溪社区。随后，签约仪式在芳溪社区党群服务中心举行: the event the sentence after a
        dated visit holds, on the visit's day; both sentences are of it."""
        m = HELD_AT.search(st.text)
        if m is None or not self._has_noun(m.group(1)):
            return None
        iso = visit.dates[0].iso
        trip = TRIP.search(visit.text)
        where = self._venue(visit, trip.group(1), trip.start(1))  # named after the place visited
        name = strip_quotes(m.group(1))
        event = self._entity(st, (where.name if where is not None else "") + name, iso)
        ev = self.a.b.evidence(st.s, "event.after-visit", 0.7)
        self.a.b.fact("event_date", event, iso, ev)
        place = self._venue(st, m.group(2), m.start(2))
        if place is not None:
            self.a.b.fact("event_place", event, place, ev)
            self.placed.add(event.key)
        visit.event = st.event = event
        visit.aside = False
        return event

    def _held_at(self, st, event: Entity) -> None:
        """随后，签约仪式在鹊华里社区党群服务站举行: where the event of the sentences before was held."""
        m = HELD_AT.search(st.text)
        if m is None or not self._has_noun(m.group(1)) or event.key in self.placed:
            return
        place = self._venue(st, m.group(2), m.start(2))
        if place is not None:
            self.a.b.fact("event_place", event, place, self.a.b.evidence(st.s, "event.held-at", 0.75))
            self.placed.add(event.key)

    # -- finding an event -----------------------------------------------------------------------

    def _event_in(self, st) -> Entity | None:
        """The event a dated sentence holds, with its date, place and host."""
        a = self.a
        text = st.text
        if not st.dates:
            return None
        d = st.dates[0]
        after, iso = d.end, d.iso
        clause = text[after:]
        for part in self.w.day_parts:
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
        if venue:
            place = self._venue(st, venue, offset + clause.find(venue))
            if place is not None:
                a.b.fact("event_place", event, place, ev)
                self.placed.add(event.key)
        else:  # …走访芳溪社区: the place visited, unless a later sentence says where it was held
            trip = TRIP.search(clause)
            venue = trip.group(1).removeprefix("辖区").removeprefix("驻区") if trip else ""
            place = self._venue(st, venue, offset + clause.find(venue)) if venue else None
            if place is not None:
                self.visited[event.key] = (place, ev)
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
        m = re.search(rf"开展(?:了)?([^，。；]{{2,30}}?(?:{self.w.noun_re}))(?:[，。；]|$)", clause)
        if m and self._has_noun(m.group(1)):
            return strip_quotes(m.group(1)), "", -1
        m = self.w.attend_re.search(clause)  # …一行到公司调研，并出席…签约仪式
        if m and self._has_noun(m.group(1)):
            return strip_quotes(m.group(1)), "", -1
        return "", "", -1

    def _has_noun(self, text: str) -> bool:
        """The text ends with an event noun (推进会, 仪式 …) and not with a body's (协会, 委员会)."""
        return text.endswith(tuple(self.w.nouns)) and not text.endswith(self.w.not_nouns)

    def _entity(self, st, name: str, iso: str) -> Entity:
        """The event entity; its aliases are the usual rewritings of the name (place prefix, year)."""
        a = self.a
        name = ABBREVIATION.sub("", name)
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
        if venue in self.w.venue_anaphors:
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
        named = [(m, st.ref(m)) for m in st.mentions if m.start - st.s.start >= offset and st.ref(m)]
        for m, ref in named:  # a joint meeting the event's name holds, wherever the subject stands
            if ref.type == "JointMeeting" and m.start - st.s.start < offset + len(name) + 4:
                return a.org(st, m)
        for m, _ in named:  # else the subject that holds it (柳巷街道举办…培训班)
            if host_end >= 0 and m.start - st.s.start < offset + host_end:
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
            for name, at in st.people:
                if not self._in_byline(name, st.s.start + at):
                    ev = a.b.evidence(st.s, "event.attendance", 0.75)
                    a.b.fact("attended", a.people[name], st.event, ev, date=date)

    def _in_byline(self, name: str, at: int) -> bool:
        """The name where the byline prints it (本报讯（记者 甲）…): the reporter, not an attendee.
        Without the byline's offsets, any byline name."""
        for b in self.a.doc.bylines:
            if b.name == name and (b.start < 0 or b.start <= at < b.end):
                return True
        return False


def _byline(text: str) -> bool:
    return len(text) < 40 and BYLINE_WORDS.search(text) is not None
