"""The attributes every network export carries, with their types, flattened to plain values.

GEXF, GraphML and CSV all write these records, so an analyst finds the same columns in Gephi,
yEd or a spreadsheet. Lists (aliases, articles, posts) are joined with LIST_SEPARATOR.
"""

from __future__ import annotations

import re

LIST_SEPARATOR = "|"

# (name, GEXF/GraphML type) in column order
NODE_COLUMNS = [
    ("label_zh", "string"),
    ("label_en", "string"),
    ("class", "string"),
    ("class_zh", "string"),
    ("aliases", "string"),
    ("district", "string"),
    ("degree", "integer"),
    ("betweenness", "double"),
    ("community", "integer"),
    ("bridges", "integer"),
    ("broker", "boolean"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("article_count", "integer"),
    ("articles", "string"),
    ("posts", "string"),
]
EDGE_COLUMNS = [
    ("relation", "string"),
    ("relation_zh", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("date", "string"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("evidence", "string"),
    ("sources", "string"),
    ("article_count", "integer"),
]

# characters XML 1.0 cannot carry (control characters from damaged articles)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value) -> str:
    """A value as text that any XML writer can write."""
    return NOT_XML.sub("", str(value))


def joined(values) -> str:
    return LIST_SEPARATOR.join(values)


def node_record(d: dict) -> dict:
    return {
        "label_zh": d["label"],
        "label_en": d["label_en"],
        "class": d["cls"],
        "class_zh": d["class_zh"],
        "aliases": joined(d["aliases"]),
        "district": d["district"],
        "degree": d["degree"],
        "betweenness": d["betweenness"],
        "community": d["community"],
        "bridges": d["bridges"],
        "broker": d["broker"],
        "first_seen": d["first_seen"],
        "last_seen": d["last_seen"],
        "article_count": d["article_count"],
        "articles": joined(d["articles"]),
        "posts": joined(d["posts"]),
    }


def edge_kind(d: dict) -> str:
    """What tells parallel edges apart: relation, role and date (Gephi merges edges of one kind)."""
    return d["kind"] + (f"@{d['date']}" if d["date"] else "")


def edge_record(d: dict) -> dict:
    return {
        "relation": d["relation"],
        "relation_zh": d["relation_zh"],
        "kind": edge_kind(d),
        "role": d["role"],
        "date": d["date"],
        "first_seen": d["first_seen"],
        "last_seen": d["last_seen"],
        "evidence": d["evidence"],
        "sources": joined(d["sources"]),
        "article_count": len(d["sources"]),
    }


def rgb(color: str) -> tuple[int, int, int]:
    """'#d62728' → (214, 39, 40)."""
    h = color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
