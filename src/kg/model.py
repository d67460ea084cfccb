"""The records that pass between pipeline stages.

ingest → `Document`; extract → `Extraction` (local `Entity` records and `Fact` records with
`Evidence`); resolve → `Extraction` whose entities carry IRIs; rdf → quads. Keeping these plain
dataclasses (no RDF, no store) lets each stage be tested alone and lets the facts table be
compared with what the extractor produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The entity types of the annotation guidelines; the ontology has a class of each name.
ENTITY_TYPES = (
    "Person",
    "PartyOrganization",
    "GovernmentBody",
    "Enterprise",
    "SocialOrganization",
    "JointMeeting",
    "Committee",
    "Project",
    "Event",
    "Document",
    "Place",
)
ORG_TYPES = frozenset(
    {"PartyOrganization", "GovernmentBody", "Enterprise", "SocialOrganization", "JointMeeting", "Committee"}
)


@dataclass
class Byline:
    """One person in the byline: role as printed normalised (记者, 编辑, 图片, 通讯员, 作者, 来源…)."""

    role: str
    name: str
    start: int = -1  # offsets into the clean text when the byline is part of it
    end: int = -1


@dataclass
class DateValue:
    """A date with its precision, and whether it was stated or inferred from context."""

    iso: str  # 2024-12-26, 2024-12 or 2024
    precision: str = "day"  # day | month | year
    inferred: bool = False
    source: str = ""  # where it came from: meta, header, dateline, text, relative:近日 …


@dataclass
class Damage:
    """Characters lost in the source (a `?` or junk before a pinyin syllable): recorded, never invented."""

    orig_start: int
    orig_end: int
    text: str  # the damaged run as printed
    clean_at: int  # the clean-text offset where the lost characters were
    kind: str = "lost"  # lost: characters lost in a re-encoding; mojibake: a garbled copy removed
    note: str = ""


@dataclass
class Removed:
    """Text that cleaning dropped as boilerplate (a trailer, a widget, forum noise), and the rule
    of `kg/data/boilerplate.yaml` that dropped it, so users can see and tune what goes."""

    orig_start: int
    orig_end: int
    rule: str
    text: str


@dataclass
class Document:
    """One article after ingestion: the original text, the clean Simplified text, and the map between them."""

    id: str  # the article's name in the graph and in `sources`: the file name, or a batch record's id
    source: str  # path, URL or "<stdin>"
    original: str  # the decoded original text, exactly as printed
    text: str  # clean Simplified text that extraction reads
    starts: list[int]  # starts[i]: offset in `original` of clean character i
    ends: list[int]  # ends[i]: end offset (exclusive) in `original` of clean character i
    sha256: str = ""
    encoding: str = "utf-8"
    media_type: str = "text/plain"
    title: str = ""
    date: DateValue | None = None
    bylines: list[Byline] = field(default_factory=list)
    publisher: str = ""  # the unit that supplied the article (来源/供稿), else the site
    url: str = ""
    damage: list[Damage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the clean text with each character as the source printed it (Traditional stays Traditional),
    # aligned with `text` character for character: a name's printed form is printed_text[a:b]
    printed_text: str = ""
    removed: list[Removed] = field(default_factory=list)
    site: str = (
        ""  # the website that printed it: its banner line (kept at the top of `text`) or <meta og:site_name>
    )

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that clean characters [start, end) came from."""
        if not self.starts or start >= end:
            return (0, 0)
        start = max(0, min(start, len(self.starts) - 1))
        end = max(start + 1, min(end, len(self.ends)))
        return (self.starts[start], self.ends[end - 1])


@dataclass
class Evidence:
    """Where a fact was read: the sentence, its clean and original offsets, the rule and a confidence."""

    sentence: str
    start: int  # clean-text offsets of the sentence
    end: int
    orig_start: int = -1  # offsets into Document.original
    orig_end: int = -1
    original: str = ""  # the sentence as printed in the source
    rule: str = ""
    confidence: float = 1.0


@dataclass
class Entity:
    """An entity as one article names it. `key` is local to the article until resolution sets `iri`."""

    key: str
    type: str
    name: str  # canonical name: Simplified, the fullest form the article makes certain
    aliases: set[str] = field(default_factory=set)  # other forms, Simplified
    printed: set[str] = field(default_factory=set)  # forms as printed in the source (Traditional …)
    attrs: dict = field(default_factory=dict)  # context: date (events), district/city, head unit …
    mentions: list[tuple[int, int]] = field(default_factory=list)  # clean-text spans
    iri: str = ""


@dataclass
class Fact:
    """One relation of the guidelines between entities of one article."""

    relation: str
    subject: str  # entity key
    object: str | None = None  # entity key; an ISO date for event_date; None for authored (the article)
    role: str | None = None
    date: str | None = None
    parties: list[str] | None = None  # witnessed: the co-building parties (entity keys)
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything read from one document."""

    doc: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_entity(self, ent: Entity) -> Entity:
        self.entities[ent.key] = ent
        return ent
