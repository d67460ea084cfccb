"""Boilerplate removal by the rules of `kg/data/boilerplate.yaml`.

The rules are data so that a user can add a site's pattern without touching code; this module
only knows the kinds of rule (inline text, whole lines, trailer lines, link lists, headline
suffixes) and two structural detectors whose thresholds are in the same file: forum
anti-scraping noise and a lead paragraph printed twice.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from .meta import byline_line, has_byline
from .rules import data, find_all, line_rule, patterns
from .tracked import Tracked

RULES = "boilerplate.yaml"
Dropped = tuple[int, int, str]  # (start, end) in the input's original offsets, and the rule's name


def remove(t: Tracked) -> tuple[Tracked, list[Dropped], str]:
    """The text without boilerplate, what was dropped by which rule, and the site's banner (the
    line naming the site above its navigation bar: kept in the text, never taken for the headline)."""
    dropped: list[Dropped] = []
    t = _drop_matches(t, find_all(RULES, "inline", t.text), dropped)
    t = _drop_matches(t, ((m, "forum-noise") for m in _noise(t.text)), dropped)
    return _drop_lines(t, dropped)


def _drop_matches(t: Tracked, matches, dropped: list[Dropped]) -> Tracked:
    """Remove each match, with the spaces before it (a counter after a headline takes its gap)."""
    edits = []
    for m, rule in matches:
        a, b = m.span()
        while a > 0 and t.text[a - 1] in " \t\u3000" and (not edits or a > edits[-1][1]):
            a -= 1
        if b > a:
            dropped.append((*t.span(a, b), rule))
            edits.append((a, b, ""))
    return t.edit(edits) if edits else t


# --- forum noise -------------------------------------------------------------------------------


@cache
def _noise_pattern() -> re.Pattern:
    """A run of short ASCII tokens. It starts with its first token's first character, so that
    the scan skips Chinese text fast; `_drop_matches` takes the spaces before it."""
    cfg = data(RULES)["noise"]
    tok = rf"[!-~]{{1,{int(cfg['max_token_length'])}}}"
    return re.compile(
        rf"[!-~](?<![!-~][!-~])[!-~]{{0,{int(cfg['max_token_length']) - 1}}}"
        rf"(?:[ \t]+{tok}){{{int(cfg['min_tokens']) - 1},}}(?![!-~])[ \t]*"
    )


def _noise(text: str):
    """Runs of short ASCII tokens that are mostly odd (symbols, letters mixed with digits)."""
    for m in _noise_pattern().finditer(text):
        tokens = m.group(0).split()
        odd = [tok for tok in tokens if not tok.isalpha() and not tok.isdigit()]
        mixed = any(re.search(r"[A-Za-z]", tok) and not tok.isalpha() for tok in tokens)
        if mixed and 2 * len(odd) >= len(tokens):
            yield m


# --- lines -------------------------------------------------------------------------------------


def _drop_lines(t: Tracked, dropped: list[Dropped]) -> tuple[Tracked, list[Dropped], str]:
    lines = t.text.split("\n")
    stripped = [line.strip() for line in lines]  # blank lines are never dropped
    is_furniture = line_rule(RULES, "lines")
    why: list[str | None] = [
        is_furniture(line) if body else None for line, body in zip(lines, stripped, strict=True)
    ]
    banner = _banner(stripped, why)
    _lists(lines, stripped, why)
    _trailer(lines, stripped, why)
    _duplicates(stripped, why)
    keep: list[tuple[int, int]] = []
    title_done = False
    a = 0
    for i, line in enumerate(lines):
        b = min(a + len(line) + 1, len(t.text))
        if why[i]:
            dropped.append((*t.span(a, a + len(line)), why[i]))
        elif not title_done and stripped[i] and i not in banner:
            title_done = True
            keep.extend(_title_spans(t, a, line, dropped))
            _keep(keep, a + len(line), b)
        else:
            _keep(keep, a, b)
        a += len(line) + 1
    return t.keep(keep), dropped, " ".join(stripped[i] for i in sorted(banner))


def _keep(spans: list[tuple[int, int]], a: int, b: int) -> None:
    """Add [a, b) to the spans kept, as one span with the one before when they meet."""
    if spans and spans[-1][1] == a:
        spans[-1] = (spans[-1][0], b)
    else:
        spans.append((a, b))


def _banner(stripped: list[str], why: list[str | None]) -> set[int]:
    """The site's name at the top: the lines above a navigation bar, or a first line that is a
    site's name alone above the headline."""
    top = list(islice((i for i, body in enumerate(stripped) if body), int(data(RULES)["banner_lines"])))
    navs = [i for i in top if why[i] == "navigation"]
    if navs:
        return {i for i in top if i < navs[-1] and not why[i]}
    if len(top) > 1 and line_rule(RULES, "site_name")(stripped[top[0]]):
        return {top[0]}
    return set()


def _lists(lines: list[str], stripped: list[str], why: list[str | None]) -> None:
    """A related-links heading and its items, up to a blank line, a byline or a long line."""
    limit = int(data(RULES)["max_item_length"])
    is_heading, is_trailer = line_rule(RULES, "lists"), line_rule(RULES, "trailer")
    i = 0
    while i < len(lines):
        rule = is_heading(lines[i]) if stripped[i] and not why[i] else None
        if not rule:
            i += 1
            continue
        why[i] = rule
        i += 1
        while i < len(lines) and stripped[i] and len(stripped[i]) <= limit:
            if byline_line(lines[i]) or is_trailer(lines[i]):
                break
            why[i] = why[i] or rule
            i += 1


def _trailer(lines: list[str], stripped: list[str], why: list[str | None]) -> None:
    """From the last line upwards: trailer lines go, until a line that is not one. Lines that are
    trailer only below a byline go when that line is a byline."""
    is_trailer, is_after_byline = line_rule(RULES, "trailer"), line_rule(RULES, "trailer_after_byline")
    pending: list[tuple[int, str]] = []  # trailer-after-byline lines, waiting for the line above
    for i in range(len(lines) - 1, -1, -1):
        if not stripped[i] or why[i]:
            continue
        rule = is_trailer(lines[i])
        if rule:
            why[i] = rule
            continue
        rule = is_after_byline(lines[i])
        if not rule:
            if pending and has_byline(lines[i]):
                for j, pending_rule in pending:
                    why[j] = pending_rule
            return
        pending.append((i, rule))


def _duplicates(stripped: list[str], why: list[str | None]) -> None:
    """A paragraph repeated at the start of one of the next few paragraphs: the first copy goes."""
    cfg = data(RULES)["duplicate_paragraphs"]
    window, min_length = int(cfg["window"]), int(cfg["min_length"])
    paras = [i for i, body in enumerate(stripped) if body and not why[i]]
    for n, i in enumerate(paras):
        text = stripped[i]
        if len(text) < min_length:
            continue
        if any(stripped[j].startswith(text) for j in paras[n + 1 : n + 1 + window]):
            why[i] = "duplicate-paragraph"


def _title_spans(t: Tracked, a: int, line: str, dropped: list[Dropped]) -> list[tuple[int, int]]:
    """The headline's spans to keep once the title rules (repost tags, site suffixes) have cut."""
    cut: list[tuple[int, int, str]] = []
    for rule, pattern in patterns(RULES, "title"):
        for m in pattern.finditer(line):
            if m.end() > m.start() and all(m.end() <= x or m.start() >= y for x, y, _ in cut):
                cut.append((m.start(), m.end(), rule))
    spans, pos = [], 0
    for x, y, rule in sorted(cut):
        dropped.append((*t.span(a + x, a + y), rule))
        spans.append((a + pos, a + x))
        pos = y
    spans.append((a + pos, a + len(line)))
    return spans


def strip_headline(title: str) -> str:
    """A headline read outside the text (an HTML <title>) without its repost tag and site suffix."""
    for _, pattern in patterns(RULES, "title"):
        title = pattern.sub("", title)
    return title.strip()
