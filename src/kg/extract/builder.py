"""Collects one document's entities and facts: one entity per thing however often it is named."""

from __future__ import annotations

from ..model import Document, Entity, Evidence, Extraction, Fact
from .orgs import OrgRef
from .sentences import Sentence


class Builder:
    """Entities deduplicated by identity key (and by name across types); facts deduplicated."""

    def __init__(self, doc: Document):
        self.x = Extraction(doc=doc)
        self._by_key: dict[str, Entity] = {}
        self._facts: set[tuple] = set()
        self._evidence: dict[tuple, Evidence] = {}
        self._orgs: dict[int, tuple[OrgRef, Entity]] = {}  # id(ref) → (ref, its entity): read once
        self._spans: set[tuple[str, tuple[int, int]]] = set()

    def entity(
        self,
        type_: str,
        name: str,
        span: tuple[int, int] | None = None,
        *,
        key: str | None = None,
        aliases=(),
        attrs: dict | None = None,
    ) -> Entity:
        key = key or f"{type_}:{name}"
        ent = self._by_key.get(key)
        if ent is None:
            ent = Entity(key=f"e{len(self.x.entities) + 1}", type=type_, name=name, attrs=dict(attrs or {}))
            self._by_key[key] = ent
            self.x.add_entity(ent)
        for alias in aliases:
            if alias and alias != ent.name:
                ent.aliases.add(alias)
        for k, v in (attrs or {}).items():
            ent.attrs.setdefault(k, v)
        if span:
            self.mention(ent, span)
        return ent

    def mention(self, ent: Entity, span: tuple[int, int]) -> None:
        """Record where the article names an entity; a form printed otherwise (Traditional) is kept."""
        if (ent.key, span) in self._spans:
            return
        self._spans.add((ent.key, span))
        ent.mentions.append(span)
        doc = self.x.doc
        os_, oe = doc.original_span(*span)
        printed = doc.original[os_:oe]
        clean = doc.text[span[0] : span[1]]
        if printed and printed != clean and len(printed) == len(clean):
            ent.printed.add(printed)

    def org(self, ref: OrgRef, span: tuple[int, int] | None = None) -> Entity:
        """The entity of a resolved organisation (its host unit is an entity too). A resolution is
        read into its entity once (resolutions are not changed once made)."""
        seen = self._orgs.get(id(ref))
        if seen is None:
            if ref.host is not None and not ref.role_only:
                self.org(ref.host)
            ent = self.entity(ref.type, ref.name, key=ref.key, aliases=ref.aliases, attrs=ref.attrs)
            self._orgs[id(ref)] = (ref, ent)  # (the ref is kept, so its id names it alone)
        else:
            ent = seen[1]
        if span:
            self.mention(ent, span)
        return ent

    def person(self, name: str, span: tuple[int, int] | None = None) -> Entity:
        return self.entity("Person", name, span)

    def evidence(self, sent: Sentence, rule: str, confidence: float = 0.9) -> Evidence:
        """The evidence of facts read by `rule` from `sent` (one record, shared by those facts)."""
        key = (sent.start, sent.end, rule, confidence)
        ev = self._evidence.get(key)
        if ev is None:
            ev = self._evidence[key] = self._new_evidence(sent, rule, confidence)
        return ev

    def _new_evidence(self, sent: Sentence, rule: str, confidence: float) -> Evidence:
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
        if o == subject.key:
            return
        parties = tuple(kw.get("parties") or ())
        ident = (relation, subject.key, o, kw.get("role"), parties)
        if relation == "co_builds_with":
            ident = (relation, frozenset((subject.key, o)))
        if ident in self._facts:
            return
        self._facts.add(ident)
        self.x.facts.append(Fact(relation=relation, subject=subject.key, object=o, evidence=ev, **kw))
