"""IRI minting: readable, deterministic, safe.

An entity IRI is `…/id/{class}/{path}`: the path is the normalised name, with a place qualifier in
front when the name alone exists in many places (`org/上海市静安区/曹家渡街道`), an anchor after a
person's name (`person/杲云/中共上海市黄浦区委员会`), the date before an event's name, and
`/@{article}` after a generic name that no context pins down (`org/区委/@101.txt`): such a name
never merges across articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

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
ID = f"{BASE}id/"
QUOTES = "“”‘’\"'《》〈〉「」『』【】"
KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9_.~-]")


def normalise(name: str) -> str:
    """The form names are compared and minted in: NFKC, no quotes, no white space."""
    name = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in name if ch not in QUOTES and not ch.isspace())


def segment(text: str) -> str:
    """A path segment that keeps Chinese readable and percent-encodes everything else."""
    return "".join(ch if KEEP.match(ch) else quote(ch, safe="") for ch in normalise(text)) or "_"


def entity_iri(entity_type: str, *parts: str) -> str:
    """`…/id/{class}/{part}/{part}…`; parts are segments already (see `segment`) or paths of them."""
    return ID + "/".join([CLASS_SEGMENT.get(entity_type, "thing"), *[p for p in parts if p]])


def in_article(doc_id: str) -> str:
    """The last segment of a name that only one article can pin down."""
    return "@" + segment(doc_id)


def class_segment(iri: str) -> str:
    """person, org, event … of an entity IRI ('' for anything else)."""
    return iri[len(ID) :].split("/", 1)[0] if iri.startswith(ID) else ""


def path_of(iri: str) -> str:
    """An entity IRI without `…/id/{class}/`: the part another IRI may use as its anchor."""
    return iri[len(ID) :].split("/", 1)[1] if iri.startswith(ID) and "/" in iri[len(ID) :] else iri


def article_scoped(iri: str) -> bool:
    return "/@" in iri


def post_iri(org_iri: str, role: str) -> str:
    """The post `role` in an organisation: `…/id/post/{org path}/{role}`."""
    return f"{ID}post/{path_of(org_iri)}/{segment(role)}"


def holding_iri(person_iri: str, org_iri: str, role: str) -> str:
    """One person holding one post: a short hash, as person and organisation paths are long."""
    digest = hashlib.sha1(f"{person_iri}\x1f{org_iri}\x1f{role}".encode()).hexdigest()[:16]
    return f"{ID}holding/{digest}"


def article_iri(doc_id: str) -> str:
    return f"{BASE}id/article/{segment(doc_id)}"


def article_graph(doc_id: str) -> str:
    return f"{BASE}graph/article/{segment(doc_id)}"
