"""IRI minting: readable, deterministic, safe."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from ..model import Entity
from ..vocab import BASE

CLASS_SEGMENT = {
    "Person": "person",
    "PartyOrganization": "org",
    "GovernmentBody": "org",
    "Enterprise": "org",
    "SocialOrganization": "org",
    "JointMeeting": "org",
    "Committee": "committee",
    "Project": "project",
    "Event": "event",
    "Document": "document",
    "Place": "place",
}
QUOTES = "“”‘’\"'《》〈〉「」『』【】"
KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9_.~-]")


def normalise(name: str) -> str:
    """The form names are compared and minted in: NFKC, no quotes, no white space."""
    name = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in name if ch not in QUOTES and not ch.isspace())


def segment(text: str) -> str:
    """A path segment that keeps Chinese readable and percent-encodes everything else."""
    return "".join(ch if KEEP.match(ch) else quote(ch, safe="") for ch in normalise(text)) or "_"


def mint(ent: Entity) -> str:
    cls = CLASS_SEGMENT.get(ent.type, "thing")
    if ent.type == "Event" and ent.attrs.get("date"):
        return f"{BASE}id/event/{segment(ent.attrs['date'])}/{segment(ent.name)}"
    return f"{BASE}id/{cls}/{segment(ent.name)}"


def article_iri(doc_id: str) -> str:
    return f"{BASE}id/article/{segment(doc_id)}"


def article_graph(doc_id: str) -> str:
    return f"{BASE}graph/article/{segment(doc_id)}"
