"""HTML page → main text with offsets into the page source, plus <title>/<meta> metadata.

Two tools, each for what it does best. Our own tokenizer walks the page in order and cuts it into
text blocks, so every character keeps its position in the page source (a DOM would lose it);
`<ruby>` keeps its base text and drops `<rt>`/`<rp>`; scripts, styles, navigation, asides and
footers are dropped. trafilatura, a maintained main-content extractor, then says where the article
is: the blocks it returns mark the article region. The region grows to take the headline and the
source/date line above it and the editor's line below, and inside it only link lists and what the
page's class names mark as furniture (comments, share bars) are dropped. When trafilatura finds nothing, blocks are kept by their class names and
link density alone.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass
from functools import cache

from .rules import data
from .tracked import Tracked

TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|<![^>]*>|<\?[^>]*>",
    re.S,
)
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
# a run of HTML whitespace other than one plain space (which stays as it is): written to start
# with a character class, so that the regex engine jumps from one candidate to the next
HTML_SPACE = re.compile(r"[ \t\n\r\f](?:[ \t\n\r\f]+|(?<=[\t\n\r\f]))")
SPACES = re.compile(r"\s+")
CLASS_OR_ID = re.compile(r"""(?<![\w-])(?:class|id)\s*=\s*["']?([^"'>]*)""", re.I)
CJK_TEXT = r"\u3400-\u9fff\uf900-\ufaff，。、；：！？”“）（"
LINE_WRAP = re.compile(rf"(?<=[{CJK_TEXT}])[ \t\r]*\n[ \t\r\n]*(?=[{CJK_TEXT}])")

RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noscript", "template"}  # content is not markup
SKIP = {"rt", "rp", "head", "nav", "footer", "aside", "iframe", "svg", "button", "select", "object",
        "video", "audio", "canvas", "map", "dialog"}  # fmt: skip
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
         "table", "caption", "section", "article", "header", "blockquote", "pre", "dd", "dt", "dl",
         "hr", "figcaption", "figure", "main", "address", "center", "form", "fieldset", "legend"}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
LINK_DENSITY = 0.5  # a block whose text is mostly links is navigation or a related-articles list
GROW_BEFORE, GROW_AFTER, GROW_LENGTH = 6, 3, 120  # how far the article region grows, in short blocks


@dataclass
class Block:
    """A run of text between block-level tags, with what the page says about it."""

    text: Tracked
    heading: int  # 1–6 for <h1>–<h6>, else 0
    furniture: bool  # inside an element whose class or id names page furniture
    links: int  # characters inside <a>

    @property
    def link_heavy(self) -> bool:
        return self.links > LINK_DENSITY * len(self.text)


def looks_like_html(text: str) -> bool:
    head = text[:3000].lower()
    return any(mark in head for mark in ("<html", "<!doctype html", "<body", "<head")) or (
        "<p>" in head and "</p>" in head
    )


def extract(page: str) -> tuple[Tracked, dict]:
    """(main text, metadata) of an HTML page; the text's offsets refer to `page`.

    Metadata: `title` (<title>), `h1`, `meta` (every <meta> name/property → content).
    """
    blocks, meta = tokenize(page)
    kept = _main_blocks(page, blocks)
    parts: list[Tracked] = []
    for b in kept:
        if parts:
            parts.append(Tracked.inserted("\n", b.text.span(0, 1)[0]))
        parts.append(b.text)
    meta["h1"] = next((b.text.text for b in kept if b.heading == 1), "")
    return Tracked.join(parts), meta


# --- tokenizer ---------------------------------------------------------------------------------


@dataclass
class _Open:
    """The open elements while tokenizing, with counts of those that drop their text, are
    furniture or are links, so that a text run needs no walk up the stack."""

    stack: list[tuple[str, bool, bool]]  # (tag, drops its text, furniture)
    dropped: int = 0
    furniture: int = 0
    links: int = 0

    def push(self, tag: str, dropped: bool, furniture: bool) -> None:
        self.stack.append((tag, dropped, furniture))
        self._count(tag, dropped, furniture, 1)

    def pop_to(self, tag: str) -> None:
        """Close `tag` and whatever is still open inside it (browsers forgive unclosed tags)."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for element in self.stack[i:]:
                    self._count(*element, -1)
                del self.stack[i:]
                return

    def _count(self, tag: str, dropped: bool, furniture: bool, step: int) -> None:
        self.dropped += step * dropped
        self.furniture += step * furniture
        self.links += step * (tag == "a")

    def heading(self) -> int:
        return next((int(t[1]) for t, _, _ in reversed(self.stack) if t in HEADINGS), 0)


def tokenize(page: str) -> tuple[list[Block], dict]:
    """The page's text blocks in order, and its <title> and <meta> values."""
    meta: dict = {"title": "", "meta": {}}
    blocks: list[Block] = []
    open_ = _Open([])
    runs: list[_Run] = []  # the text of the block being read
    pos = 0

    def flush():
        text, links = _block_text(page, runs)
        if text is not None and text.text:
            blocks.append(Block(text, open_.heading(), open_.furniture > 0, min(links, len(text))))
        runs.clear()

    while (m := TAG.search(page, pos)) is not None:
        if m.start() > pos and not open_.dropped:
            runs.append((pos, m.start(), open_.links > 0, True))
        pos = m.end()
        slash, name, raw = m.groups()
        if name is None:  # a comment, CDATA, a doctype or a processing instruction
            continue
        closing, tag, raw = slash == "/", name.lower(), raw or ""
        if not closing and tag in RAW_TEXT:
            end = _end_tag(tag).search(page, pos)
            content_end, pos = (end.start(), end.end()) if end else (len(page), len(page))
            if tag == "title" and not meta["title"]:
                meta["title"] = HTML_SPACE.sub(" ", htmllib.unescape(page[m.end() : content_end])).strip()
            continue
        if tag == "meta" and not closing:
            _read_meta(raw, meta["meta"])
            continue
        if tag in BLOCK and runs:
            flush()
        if closing:
            open_.pop_to(tag)
        elif tag not in VOID and not raw.rstrip().endswith("/"):
            open_.push(tag, tag in SKIP, _is_furniture(" ".join(CLASS_OR_ID.findall(raw))))
    if pos < len(page) and not open_.dropped:
        runs.append((pos, len(page), False, False))
    flush()
    return blocks, meta


# a text run between tags: (start, end) in the page, inside a link, line wraps to undo
_Run = tuple[int, int, bool, bool]


def _block_text(page: str, runs: list[_Run]) -> tuple[Tracked | None, int]:
    """A block's text with its whitespace collapsed, and how many of its characters are inside
    links; None when it holds only whitespace. Runs are read only then: most runs between tags
    are the page's indentation, in blocks that hold nothing else."""
    if all(page[a:b].isspace() for a, b, _, _ in runs):
        return None, 0
    chunks, links = [], 0
    for a, b, in_link, unwrap in runs:
        chunk = _unescape(page[a:b], a)
        chunk = _unwrap(chunk) if unwrap else chunk
        chunks.append(chunk)
        links += len(chunk.text.strip()) if in_link else 0
    if all(c.text.isspace() for c in chunks):
        return None, 0
    return _collapse(Tracked.join(chunks)), links


@cache
def _end_tag(tag: str) -> re.Pattern:
    return re.compile(rf"</{tag}\s*>", re.I)


def attrs_of(raw: str) -> dict[str, str]:
    out = {}
    for m in ATTR.finditer(raw):
        val = m.group(2) or ""
        if val[:1] in "\"'":
            val = val[1:-1]
        out[m.group(1).lower()] = htmllib.unescape(val)
    return out


def _read_meta(raw: str, into: dict) -> None:
    a = attrs_of(raw)
    key = (a.get("name") or a.get("property") or a.get("itemprop") or a.get("http-equiv") or "").lower()
    if key and a.get("content") and key not in into:
        into[key] = a["content"].strip()


@cache
def _furniture_pattern() -> re.Pattern:
    words = "|".join(map(re.escape, data("metadata.yaml")["html_furniture"]))
    return re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.I)


def _is_furniture(names: str) -> bool:
    return bool(names.strip()) and bool(_furniture_pattern().search(names))


def _unescape(raw: str, offset: int) -> Tracked:
    t = Tracked.identity(raw, offset)
    return t.sub(ENTITY, lambda m: htmllib.unescape(m.group(0))) if "&" in raw else t


def _unwrap(t: Tracked) -> Tracked:
    """A line break (with its indentation) between two Chinese characters of one text run is the
    page author's line wrapping: a reader sees no gap, and a name must not be split by a space."""
    return t.sub(LINE_WRAP, "") if "\n" in t.text else t


def _collapse(t: Tracked) -> Tracked:
    """HTML whitespace: a run becomes one space; none at the block's ends."""
    t = t.sub(HTML_SPACE, " ")
    lead = len(t.text) - len(t.text.lstrip(" "))
    return t.slice(lead, len(t.text.rstrip(" ")))


# --- main content ------------------------------------------------------------------------------


def _main_blocks(page: str, blocks: list[Block]) -> list[Block]:
    region = _trafilatura_region(page, blocks)
    if region is None:
        return [b for b in blocks if not b.furniture and not b.link_heavy]
    first, last, matched = region
    first, last = _grow(blocks, first, last)
    # inside the region, what the page marks as furniture (comments, share bars) still goes
    return [
        b
        for i, b in enumerate(blocks[first : last + 1], first)
        if not b.furniture and (i in matched or _plain(b))
    ]


def _plain(b: Block) -> bool:
    return not b.furniture and not b.link_heavy


def _grow(blocks: list[Block], first: int, last: int) -> tuple[int, int]:
    """Take in the short lines around the article: upwards the source/date line and the headline
    (stopping at an <h1>/<h2>, or at once when the region already has one), downwards the
    editor's line; never over furniture, link lists or long blocks."""
    top = first
    if not any(b.heading in (1, 2) for b in blocks[first : last + 1]):
        while first > 0 and top - first < GROW_BEFORE and _short(blocks[first - 1]):
            first -= 1
            if blocks[first].heading in (1, 2):
                break
    end = last
    while last + 1 < len(blocks) and last - end < GROW_AFTER and _short(blocks[last + 1]):
        last += 1
    return first, last


def _short(b: Block) -> bool:
    return _plain(b) and (len(b.text) <= GROW_LENGTH or b.heading > 0)


def _trafilatura_region(page: str, blocks: list[Block]) -> tuple[int, int, set[int]] | None:
    """(first, last, matched): the blocks trafilatura found to be the article, matched in order."""
    main = _trafilatura_text(page)
    if not main:
        return None
    found = SPACES.sub("", main)
    cursor = 0
    matched: set[int] = set()
    for i, b in enumerate(blocks):
        key = SPACES.sub("", b.text.text)
        if len(key) < 6:
            continue
        at = found.find(key, cursor)
        if at >= 0:
            matched.add(i)
            cursor = at + len(key)
    if not matched:
        return None
    return min(matched), max(matched), matched


def _trafilatura_text(page: str) -> str:
    try:
        import trafilatura

        return trafilatura.extract(page, options=_trafilatura_options()) or ""
    except Exception:  # a page trafilatura cannot parse is still read by the rules alone
        return ""


@cache
def _trafilatura_options():
    """trafilatura's settings, made once: building them reads its configuration file's values,
    a tenth of the time of an extraction. Fast (no second extractor), recall first, tables kept,
    no comments, no deduplication across pages."""
    from trafilatura.settings import Extractor

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return Extractor(output_format="txt", fast=True, recall=True, comments=False, tables=True, dedup=False)
