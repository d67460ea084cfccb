"""Extraction: clean `Document` → `Extraction` (entities and facts, each fact with its evidence).

The article is read in passes (see `article.py`): tokens and organisation names, the
administrative context, title chains, events, then the relations of the guidelines. Word lists
and trigger words live in src/kg/data; the code holds the grammar.
"""

from __future__ import annotations

from ..model import Document, Extraction
from .article import Article
from .events import Events
from .relations import Relations

EXTRACTOR_VERSION = "0.4.0"

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(doc: Document) -> Extraction:
    a = Article(doc)
    a.read_context()
    a.resolve_orgs()
    a.read_people()
    a.posts()
    Events(a).read()
    Relations(a).read()
    _bylines(a)
    a.named_only()
    return a.b.x


def _bylines(a: Article) -> None:
    """authored: the people of the byline that ingestion read."""
    sents = [st.s for st in a.sents]
    for byline in a.doc.bylines:
        if not byline.name:
            continue
        sent = next((s for s in reversed(sents) if byline.name in s.text), None)
        person = a.people.get(byline.name) or a.b.person(byline.name)
        ev = a.b.evidence(sent, "byline", 0.95) if sent else None
        a.b.fact("authored", person, None, ev, role=byline.role)
