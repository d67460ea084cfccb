"""Extraction: clean `Document` → `Extraction` (entities and facts, each fact with its evidence).

This first version reads bylines, officials with their posts and the main event; rules and
lexicons live in src/kg/data so that they can grow without code changes.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from ..model import Document, Entity, Evidence, Extraction, Fact
from .sentences import Sentence, split

EXTRACTOR_VERSION = "0.1.0"
CJK = r"\u4e00-\u9fff"


@cache
def lexicon(name: str) -> dict:
    """A YAML data file of src/kg/data."""
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


class Builder:
    """Collects entities (deduplicated by type and name) and facts for one document."""

    def __init__(self, doc: Document):
        self.x = Extraction(doc=doc)
        self._by_name: dict[tuple[str, str], Entity] = {}

    def entity(self, type_: str, name: str, span: tuple[int, int] | None = None, **attrs) -> Entity:
        key = (type_, name)
        ent = self._by_name.get(key)
        if ent is None:
            ent = Entity(key=f"e{len(self._by_name) + 1}", type=type_, name=name, attrs=dict(attrs))
            self._by_name[key] = ent
            self.x.add_entity(ent)
        if span:
            ent.mentions.append(span)
            printed = self.x.doc.original[slice(*self.x.doc.original_span(*span))]
            if printed and printed != name:
                ent.printed.add(printed)
        return ent

    def evidence(self, sent: Sentence, rule: str, confidence: float = 0.9) -> Evidence:
        doc = self.x.doc
        os_, oe = doc.original_span(sent.start, sent.end)
        return Evidence(
            sentence=sent.text,
            start=sent.start,
            end=sent.end,
            orig_start=os_,
            orig_end=oe,
            original=doc.original[os_:oe],
            rule=rule,
            confidence=confidence,
        )

    def fact(self, relation: str, subject: Entity, obj: Entity | str | None, ev: Evidence, **kw) -> None:
        o = obj.key if isinstance(obj, Entity) else obj
        f = Fact(relation=relation, subject=subject.key, object=o, evidence=ev, **kw)
        for g in self.x.facts:
            if (g.relation, g.subject, g.object, g.role) == (f.relation, f.subject, f.object, f.role):
                return
        self.x.facts.append(f)


def extract(doc: Document) -> Extraction:
    b = Builder(doc)
    sentences = list(split(doc.text))
    _bylines(b, sentences)
    event = _main_event(b, sentences)
    _posts(b, sentences, event)
    return b.x


def _bylines(b: Builder, sentences: list[Sentence]) -> None:
    doc = b.x.doc
    for byline in doc.bylines:
        sent = next((s for s in reversed(sentences) if byline.name in s.text), None) or Sentence(
            byline.name, 0, 0
        )
        person = b.entity("Person", byline.name)
        b.fact("authored", person, None, b.evidence(sent, "byline", 0.95), role=byline.role)


DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
VENUE = re.compile(rf"在([{CJK}A-Za-z0-9（）·]{{2,30}}?)(?:举行|召开|举办)")


def _main_event(b: Builder, sentences: list[Sentence]) -> Entity | None:
    """The dated meeting the article reports: the first sentence with a day and 举行/召开."""
    doc = b.x.doc
    year = doc.date.iso[:4] if doc.date else None
    for sent in sentences[:8]:
        m = DAY.search(sent.text)
        if not m or not re.search("举行|召开|举办", sent.text):
            continue
        y = m.group(1) or year or (re.search(r"(20\d\d)年", doc.title) or [None, None])[1]
        if not y:
            continue
        date = f"{int(y):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        v = VENUE.search(sent.text, m.end())
        name_part = sent.text[m.end() : v.start() if v else len(sent.text)].strip("，, ")
        name_part = re.sub(r"^(上午|下午|晚上|晚|中午)[，,]?", "", name_part).strip('“”"')
        event = b.entity("Event", name_part or f"{date}会议", date=date)
        ev = b.evidence(sent, "event.dated-meeting", 0.8)
        b.fact("event_date", event, date, ev)
        if v:
            place = b.entity("Place", v.group(1))
            b.fact("event_place", event, place, ev)
        return event
    return None


def _title_pattern() -> re.Pattern:
    lex = lexicon("titles.yaml")
    titles = sorted(set(lex["titles"]), key=len, reverse=True)
    prefixes = sorted(set(lex["party_prefixes"]), key=len, reverse=True)
    title = "(?:" + "|".join(map(re.escape, prefixes)) + ")?(?:" + "|".join(map(re.escape, titles)) + ")"
    # ORG TITLE(、TITLE)* NAME — the name is 2–3 characters that end the segment
    return re.compile(
        rf"^(?P<org>[{CJK}（）]*?)(?P<titles>{title}(?:[、，,]{title})*)(?P<name>[{CJK}]{{2,3}})$"
    )


def _posts(b: Builder, sentences: list[Sentence], event: Entity | None) -> None:
    pat = _title_pattern()
    for sent in sentences:
        if not re.search("出席|参加|参会|主持", sent.text):
            continue
        head = re.split("出席|参加|等", sent.text)[0]
        head = head.split("。")[-1]
        if "，" in head and DAY.search(head.split("，")[0]):
            head = "，".join(head.split("，")[1:])
        for seg in re.split(r"[，,]", head):
            seg = seg.strip()
            m = pat.match(seg)
            if not m or not m.group("org"):
                continue
            org_name = m.group("org")
            start = sent.start + sent.text.find(seg)
            person = b.entity("Person", m.group("name"), (start + m.start("name"), start + m.end("name")))
            org = b.entity(_org_type(org_name), org_name, (start, start + len(org_name)))
            ev = b.evidence(sent, "post.listing", 0.7)
            for title in re.split(r"[、，,]", m.group("titles")):
                b.fact("holds_post", person, org, ev, role=title)
            if event is not None:
                b.fact("attended", person, event, ev, date=event.attrs.get("date"))


def _org_type(name: str) -> str:
    if re.search(r"(党委|党工委|党组|党总支|党支部|区委|市委|县委|委员会|组织部|宣传部|统战部|纪委)$", name):
        return "PartyOrganization"
    if re.search(r"(公司|集团|银行|支行|酒店|饭店|店)$", name):
        return "Enterprise"
    if re.search(r"(学校|大学|学院|医院|协会|小学|中学|幼儿园|律师事务所)$", name):
        return "SocialOrganization"
    return "GovernmentBody"
