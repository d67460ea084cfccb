"""HTML page → main text with offsets into the page source, plus <title>/<meta> metadata.

A small tokenizer rather than a DOM: it walks tags in order, so every character of the text keeps
its position in the page. Navigation, related links, share widgets, footers, scripts and `<rt>`/
`<rp>` ruby annotations are dropped; block elements become line breaks.
"""

from __future__ import annotations

import html as htmllib
import re

from .tracked import Tracked

TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>|<![^>]*>|<\?[^>]*>", re.S
)
ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")

SKIP_ELEMENTS = {
    "script",
    "style",
    "noscript",
    "template",
    "rt",
    "rp",
    "head",
    "nav",
    "footer",
    "aside",
    "iframe",
    "svg",
    "button",
    "form",
    "select",
    "textarea",
}
BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "figcaption",
    "figure",
    "main",
    "td",
    "th",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
# class/id words of page furniture that carries no article text
FURNITURE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|top-?bar|breadcrumb|crumb|related|recommend|share|footer|foot|copyright|"
    r"sidebar|side|comment|comments|ad|ads|advert|login|toolbar|pager|pagination|hot|rank)($|[\s_-])",
    re.I,
)
DATE_META = (
    "publishdate",
    "pubdate",
    "publish_date",
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "published_time",
    "firstpublishedtime",
    "publishtime",
)
AUTHOR_META = ("author", "article:author", "dc.creator")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return (
        "<html" in head or "<!doctype html" in head or ("<body" in head) or ("<p>" in head and "</p>" in head)
    )


def attrs_of(raw: str) -> dict[str, str]:
    out = {}
    for m in ATTR.finditer(raw):
        val = m.group(2) or ""
        if val[:1] in "\"'":
            val = val[1:-1]
        out[m.group(1).lower()] = htmllib.unescape(val)
    return out


def _unescape_tracked(text: str, offset: int) -> Tracked:
    t = Tracked.identity(text, offset)
    return t.sub(ENTITY, lambda m: htmllib.unescape(m.group(0)))


def extract(page: str) -> tuple[Tracked, dict]:
    """(main text, metadata) of an HTML page; offsets refer to `page`."""
    meta: dict = {"meta": {}}
    parts: list[Tracked] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipping)
    skip_depth = 0
    title_chars: list[str] = []
    in_title = False
    h1: list[str] = []
    in_h1 = False
    pos = 0
    for m in TAG.finditer(page):
        if skip_depth == 0 and m.start() > pos:
            chunk = _unescape_tracked(page[pos : m.start()], pos)
            if in_title:
                title_chars.append(chunk.text)
            else:
                parts.append(chunk)
                if in_h1:
                    h1.append(chunk.text)
        elif in_title and m.start() > pos:
            title_chars.append(htmllib.unescape(page[pos : m.start()]))
        pos = m.end()
        if m.group(2) is None:
            continue
        closing, tag, raw = m.group(1) == "/", m.group(2).lower(), m.group(3) or ""
        if tag == "title":
            in_title = not closing
            continue
        if tag == "meta" and not closing:
            a = attrs_of(raw)
            key = (
                a.get("name") or a.get("property") or a.get("itemprop") or a.get("http-equiv") or ""
            ).lower()
            if key and "content" in a:
                meta["meta"][key] = a["content"]
            continue
        if closing:
            # pop to the matching open tag
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    for _tag, skipping in stack[i:]:
                        if skipping:
                            skip_depth -= 1
                    del stack[i:]
                    break
            if tag == "h1":
                in_h1 = False
            if tag in BLOCK and skip_depth == 0:
                parts.append(Tracked("\n", [m.start()], [m.start()]))
            continue
        if tag in VOID or raw.rstrip().endswith("/"):
            if tag in BLOCK and skip_depth == 0:
                parts.append(Tracked("\n", [m.start()], [m.start()]))
            continue
        a = attrs_of(raw)
        furniture = bool(FURNITURE.search(a.get("class", "") + " " + a.get("id", "")))
        skipping = tag in SKIP_ELEMENTS or furniture
        stack.append((tag, skipping))
        if skipping:
            skip_depth += 1
        if tag == "h1" and skip_depth == 0:
            in_h1 = True
        if tag in BLOCK and skip_depth == 0:
            parts.append(Tracked("\n", [m.start()], [m.start()]))
    if skip_depth == 0 and pos < len(page):
        parts.append(_unescape_tracked(page[pos:], pos))
    text = Tracked.join([p for p in parts if p.text], sep="")
    meta["title"] = (
        re.sub(r"\s+", " ", "".join(h1)).strip() or re.sub(r"\s+", " ", "".join(title_chars)).strip()
    )
    meta["page_title"] = re.sub(r"\s+", " ", "".join(title_chars)).strip()
    for key in DATE_META:
        if meta["meta"].get(key):
            meta["date"] = meta["meta"][key]
            break
    for key in AUTHOR_META:
        if meta["meta"].get(key):
            meta["author"] = meta["meta"][key]
            break
    return text, meta
