"""Article metadata read from clean text: headline, publication date, bylines, publisher.

The words it looks for (byline roles, date and source labels, datelines) are in
`kg/data/metadata.yaml`. Bylines are read where newspapers and websites print them: short lines
near the top or the bottom, and （记者 … 通讯员 …） groups in a dateline paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..model import Byline, DateValue
from .dates import find_dates, parse_date
from .rules import alternation, data

RULES = "metadata.yaml"
CJK = r"\u4e00-\u9fff"
NAME = re.compile(rf"[{CJK}]{{2,4}}|[{CJK}]{{1,6}}·[{CJK}]{{1,6}}")
SEPARATOR = "：:｜|/"
NAME_SPLIT = re.compile(rf"[^\s、,，{SEPARATOR}（）()【】\[\]_]+")
HEAD_LINES, TAIL_LINES = 6, 12  # where bylines are looked for
SHORT_LINE = 60  # a line longer than this is a paragraph: only its （…） groups can hold a byline
HEADER_LINES = 8  # publication dates and sources are read from the first lines


@cache
def _roles() -> dict[str, str]:
    return data(RULES)["roles"]


@cache
def _role_pattern() -> re.Pattern:
    return re.compile(alternation(_roles()))


@cache
def _byline_start() -> re.Pattern:
    return re.compile(rf"\s*[（(]?\s*(?:{alternation(_roles())})\s*[{SEPARATOR} ]")


@cache
def _date_label() -> re.Pattern:
    return re.compile(rf"(?:{alternation(data(RULES)['date_labels'])})\s*[：:]?\s*")


@cache
def _source_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """来源：X (the value after a label), X供稿 (the unit before one) and a label alone (a fast
    scan: the second pattern, tried at every character, is worth trying only when it is there)."""
    labels = alternation(data(RULES)["source_labels"])
    return (
        re.compile(rf"(?:{labels})\s*[{SEPARATOR}]\s*([^\s{SEPARATOR}（）()]{{2,30}})"),
        re.compile(rf"([{CJK}]{{2,20}}?)(?:{labels})(?:[\s）)]|$)"),
        re.compile(labels),
    )


@cache
def _not_name() -> re.Pattern:
    return re.compile(data(RULES)["not_name"])


def byline_line(line: str) -> bool:
    """Whether a line starts with a byline role and a separator (编辑｜…, 来源：…, （记者 …）."""
    return bool(_byline_start().match(line))


def has_byline(line: str) -> bool:
    """Whether a line names a person of the byline (记者 …, （通讯员：…）, 责任编辑：…)."""
    return any(any(_named_roles(seg)) for _, seg in _segments(0, line.strip()))


def lines_of(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets, stripped."""
    out, pos = [], 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            out.append((pos + line.index(body[0]), body))
        pos += len(line) + 1
    return out


# --- bylines -----------------------------------------------------------------------------------


def bylines(lines: list[tuple[int, str]], authors: Iterable[str] = ()) -> list[Byline]:
    """Persons of the byline with their roles (as the facts table writes them) and clean offsets;
    `authors` (an HTML page's <meta name="author">) are added as 作者 when they name a person the
    text does not name (offsets -1: they are not in the text)."""
    out: list[Byline] = []
    seen = set()
    picked = sorted(
        set(range(min(HEAD_LINES, len(lines)))) | set(range(max(0, len(lines) - TAIL_LINES), len(lines)))
    )
    for i in picked:
        for seg_at, seg in _segments(*lines[i]):
            for role, name, at in _named_roles(seg):
                if (role, name) not in seen:
                    seen.add((role, name))
                    out.append(Byline(role=role, name=name, start=seg_at + at, end=seg_at + at + len(name)))
    for name in authors:
        if NAME.fullmatch(name) and not _not_name().search(name) and name not in {b.name for b in out}:
            out.append(Byline(role="作者", name=name))
    # a generic 作者 is dropped when the same person has a specific role
    specific = {b.name for b in out if b.role != "作者"}
    return [b for b in out if b.role != "作者" or b.name not in specific]


def _segments(at: int, line: str) -> Iterator[tuple[int, str]]:
    """A short line is one segment; a paragraph's segments are its parenthesised groups."""
    if len(line) <= SHORT_LINE:
        yield at, line
        return
    for m in re.finditer(r"[（(]([^（）()]{2,60})[）)]", line):
        yield at + m.start(1), m.group(1)


@cache
def _name_then_role() -> re.Pattern:
    roles = alternation(data(RULES)["roles_after_name"])
    return re.compile(rf"(?:^|(?<=[\s（(【]))([{CJK}]{{2,4}})\s*/\s*({roles})(?![{CJK}])")


def _named_roles(seg: str) -> Iterator[tuple[str, str, int]]:
    """(role, name, offset in seg) for each person named after a role word, or before a slash and
    a role (甲/文 乙/图)."""
    for m in _name_then_role().finditer(seg):
        if not _not_name().search(m.group(1)):
            yield data(RULES)["roles_after_name"][m.group(2)], m.group(1), m.start(1)
    roles = [m for m in _role_pattern().finditer(seg) if _is_role(seg, m)]
    for i, m in enumerate(roles):
        role = _roles()[m.group(0)]
        end = roles[i + 1].start() if i + 1 < len(roles) else len(seg)
        tail = seg[m.end() : end]
        if role in ("publisher", "") or not re.match(rf"\s*[{SEPARATOR}]?\s*[{CJK}]", tail):
            continue
        for tok in NAME_SPLIT.finditer(tail):
            if not NAME.fullmatch(tok.group(0)) or _not_name().search(tok.group(0)):
                break
            yield role, tok.group(0), m.end() + tok.start()


def _is_role(seg: str, m: re.Match) -> bool:
    """A role word counts where a byline field starts (see `role_prefixes` in metadata.yaml): 记者
    in 本报记者 王五, not 作者 in 工作者; a one-character role (文, 图) only with a separator after it."""
    before = seg[: m.start()]
    at_field_start = (
        not before or before[-1] in f" \u3000（(【[。，,；;{SEPARATOR}" or before.endswith(_role_prefixes())
    )
    if len(m.group(0)) > 1:
        return at_field_start
    return at_field_start and bool(re.match(rf"\s*[{SEPARATOR}]", seg[m.end() :]))


@cache
def _role_prefixes() -> tuple[str, ...]:
    return tuple(data(RULES)["role_prefixes"])


# --- publication date, source, headline --------------------------------------------------------


def publication_date(
    lines: list[tuple[int, str]], text: str, given: str = "", meta_dates: tuple[str, ...] = ()
) -> DateValue | None:
    """The publication date: given by the caller, from HTML <meta>, a header line (发布时间：…, a
    date under the headline), a dateline (…12月28日电), or else the first full date of the text."""
    for value, source in ((given, "given"), *((d, "meta") for d in meta_dates)):
        d = parse_date(value, source) if value else None
        if d:
            return d
    return _header_date(lines) or _dateline(lines) or _first_date(text)


def _header_date(lines: list[tuple[int, str]]) -> DateValue | None:
    for _, line in lines[:HEADER_LINES]:
        m = _date_label().search(line)
        d = parse_date(line[m.end() :], "header") if m else None
        if d is None and len(line) <= SHORT_LINE:
            d = parse_date(line, "header")
        if d:
            return d
    return None


def _dateline(lines: list[tuple[int, str]]) -> DateValue | None:
    """新华网上海12月28日电: the date takes its year from the text before it (the headline)."""
    for n, (_, line) in enumerate(lines[:4]):
        for pattern in data(RULES)["datelines"]:
            m = re.search(pattern, line)
            if m:
                context = "\n".join(ln for _, ln in lines[:n])
                found = find_dates(f"{context}\n{m.group('date')}")
                if found and found[-1].precision == "day":
                    return found[-1].value("dateline")
    return None


def _first_date(text: str) -> DateValue | None:
    """The first day-precise date of the text, the year taken from context (inferred)."""
    for d in find_dates(text[:2000]):
        if d.precision == "day":
            return DateValue(d.iso, "day", True, "text")
    return None


def publisher(lines: list[tuple[int, str]], site: str = "") -> str:
    """The unit that published or supplied the article (来源：…, 供稿：…, …供稿), else the site."""
    value, suffix, label = _source_patterns()
    candidates = lines[:HEADER_LINES] + lines[-TAIL_LINES:]
    for _, line in candidates:
        m = value.search(line) or (label.search(line) and suffix.search(line))
        if m:
            return m.group(1)
    return site


def site_from_title(page_title: str) -> str:
    """The site's name a page's <title> ends with (…框架协议-西安雁川科技学院新闻网), or ''."""
    parts = [p.strip() for p in re.split(r"\s*[-_|｜—–]+\s*", page_title) if p.strip()]
    last = parts[-1] if len(parts) > 1 else ""
    words = tuple(data("metadata.yaml")["site_title_words"])
    return last if 4 <= len(last) <= 30 and last.endswith(words) and " " not in last else ""


def headline(lines: list[tuple[int, str]], page_title: str = "", banner: str = "") -> str:
    """The first line below the site's banner when it reads like a headline, else the page's <title>."""
    first = next((line for _, line in lines if not (banner and line in banner)), "")
    return first if first and len(first) <= 100 else page_title
