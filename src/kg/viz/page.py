"""What both renderers put into the page: the legend and article tables, the node and edge fields
that the tooltips, details panel and search read, and the safe way to embed and write them.

Safety has two layers. Data travel as JSON inside `<script type="application/json">`, with `<`,
`>` and `&` escaped, so no text can close the script element; page.js then inserts every text
with textContent. And the page carries a Content-Security-Policy that allows only its own inline
scripts (by SHA-256) and no network at all: even a slip in the first layer could neither run an
injected script or `onerror=` handler nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx

from .. import __version__
from .. import vocab as V
from ..export.files import replacing
from ..network.style import class_label, class_order, class_style, relation_color, relation_label
from .assets import library_js, templates

IRI_BASE = V.BASE + "id/"
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(obj) -> str:
    """JSON that is safe inside a <script> element (compact; Chinese kept as UTF-8, not \\u escapes)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: JSON_ESCAPES[m.group()], text)


class Tables:
    """String tables shared by all edges: articles and evidence sentences are stored once each."""

    def __init__(self, g: nx.MultiDiGraph):
        self.articles_by_file = g.graph.get("articles", {})
        self.article_index: dict[str, int] = {}
        self.articles: list[list[str]] = []
        self.string_index: dict[str, int] = {}
        self.strings: list[str] = []

    def article(self, file: str) -> int:
        if file not in self.article_index:
            a = self.articles_by_file.get(file)
            self.article_index[file] = len(self.articles)
            self.articles.append([file, a.title if a else "", a.published if a else ""])
        return self.article_index[file]

    def string(self, text: str) -> int:
        if not text:
            return -1
        if text not in self.string_index:
            self.string_index[text] = len(self.strings)
            self.strings.append(text)
        return self.string_index[text]


def node_fields(node: str, d: dict, tables: Tables) -> dict:
    """The fields of a node that page.js reads (short names: the WebGL page carries 20,000 of them)."""
    return {
        "label": d["label"],
        "cls": d["cls"],
        "en": d["label_en"],
        "aliases": d["aliases"],
        "district": d["district"],
        "posts": d["posts"],
        "arts": [tables.article(f) for f in d["articles"]],
        "first": d["first_seen"],
        "last": d["last_seen"],
        "deg": d["degree"],
        "btw": d["betweenness"],
        "com": d["community"],
        "brg": d["bridges"],
        "bro": int(d["broker"]),
        "iri": node.removeprefix(IRI_BASE),  # the page adds the common prefix back
        "x": d["x"],
        "y": d["y"],
        "size": d["size"],
    }


def edge_fields(d: dict, tables: Tables) -> dict:
    return {
        "rel": d["relation"],
        "role": d["role"],
        "date": d["date"] or d["first_seen"],
        "ev": tables.string(d["evidence"]),
        "arts": [tables.article(f) for f in d["sources"]],
        "dir": int(d["directed"]),
    }


def meta(g: nx.MultiDiGraph, tables: Tables, title: str, renderer: str) -> dict:
    """Legend, relation table, articles and strings: everything but the nodes and edges."""
    counts: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        counts[d["cls"]] = counts.get(d["cls"], 0) + 1
    classes = []
    for cls in [*class_order(), *sorted(set(counts) - set(class_order()))]:
        label, style = class_label(cls), class_style(cls)
        classes.append({"key": cls, "zh": label.zh, "en": label.en, **style, "count": counts.get(cls, 0)})
    rel_counts: dict[str, int] = {}
    for *_, d in g.edges(data=True):
        rel_counts[d["relation"]] = rel_counts.get(d["relation"], 0) + 1
    relations = {}
    for rel in sorted(rel_counts, key=lambda r: (-rel_counts[r], r)):
        label = relation_label(rel)
        relations[rel] = {
            "zh": label.zh,
            "en": label.en,
            "color": relation_color(rel),
            "count": rel_counts[rel],
        }
    return {
        "title": title,
        "view": g.graph.get("view", ""),
        "renderer": renderer,
        "classes": classes,
        "relations": relations,
        "articles": tables.articles,
        "strings": tables.strings,
        "iri_base": IRI_BASE,
    }


SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def content_security_policy(page: str) -> str:
    """Only the page's own inline scripts may run (by hash); nothing may be fetched."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in SCRIPT.findall(page)
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def render(template: str, g: nx.MultiDiGraph, data: dict, title: str, renderer: str) -> str:
    page = (
        templates()
        .get_template(template)
        .render(
            title=title,
            view=g.graph.get("view", ""),
            renderer=renderer,
            version=__version__,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            data_json=script_json(data),
            library_js=library_js(renderer).replace("</script", "<\\/script"),
        )
    )
    return page.replace("__CSP__", content_security_policy(page), 1)


def write(path: Path, page: str) -> int:
    """Write the page as UTF-8 whatever the system's locale (pyvis's own writer is not); bytes written."""
    data = page.encode("utf-8")
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return len(data)
