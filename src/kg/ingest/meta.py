"""Article metadata from clean text: title, publication date, bylines, publisher."""

from __future__ import annotations

import re

from ..model import Byline, DateValue

ROLE_WORDS = "责任编辑|实习记者|特约记者|记者|编辑|通讯员|摄影|图片|作者|来源|供稿|审核|校对|撰稿|文字"
# roles written differently that mean the same (the guidelines' vocabulary)
ROLE_CANON = {
    "责任编辑": "编辑",
    "摄影": "图片",
    "实习记者": "记者",
    "特约记者": "记者",
    "文字": "作者",
    "撰稿": "作者",
}
PERSON_ROLES = {"记者", "编辑", "通讯员", "图片", "审核", "校对", "作者"}
NAME = r"[\u4e00-\u9fff·]{2,4}"
NOT_NAME = re.compile(r"浏览|时间|日期|模式|次数|发布|点击|阅读|只看|倒序|党委|街道|部$")
DATE_ISO = re.compile(r"(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?")
HEADER_DATE = re.compile(r"(发布时间|发布日期|发表于|时间|日期)[：:]?\s*")


def parse_date(text: str) -> DateValue | None:
    m = DATE_ISO.search(text or "")
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return DateValue(f"{y:04d}-{mo:02d}-{d:02d}", "day")


def header_date(lines: list[str]) -> DateValue | None:
    """A publication date from the first lines (发布时间：…, a dateline, a bare date under the title)."""
    for line in lines[:8]:
        if len(line) > 120:
            continue
        m = HEADER_DATE.search(line)
        if m:
            d = parse_date(line[m.end() :])
            if d:
                d.source = "header"
                return d
        d = parse_date(line)
        if d and len(line) < 60:
            d.source = "header"
            return d
    return None


def bylines(lines: list[str]) -> list[Byline]:
    """Byline roles and names from short lines near the top or bottom and from （记者 … 通讯员 …）groups."""
    out: list[Byline] = []
    seen = set()
    candidates = lines[:6] + lines[-12:]
    for line in candidates:
        segs = re.findall(r"[（(]([^（）()]{2,60})[）)]", line) if len(line) > 60 else [line]
        if len(line) <= 60:
            segs = [line]
        for seg in segs:
            if not re.search(ROLE_WORDS, seg):
                continue
            roles = list(re.finditer(ROLE_WORDS, seg))
            for i, m in enumerate(roles):
                role = ROLE_CANON.get(m.group(0), m.group(0))
                tail = seg[m.end() : roles[i + 1].start() if i + 1 < len(roles) else len(seg)]
                if role not in PERSON_ROLES or not re.match(r"\s*[：:/｜|]?\s*[\u4e00-\u9fff]", tail):
                    continue
                for name in [t for t in re.split(r"[\s、,，：:/｜|（）()]+", tail) if t]:
                    if not re.fullmatch(NAME, name) or NOT_NAME.search(name):
                        break
                    if (role, name) not in seen:
                        seen.add((role, name))
                        out.append(Byline(role=role, name=name))
    # a generic 作者 is dropped when the same person has a specific role
    specific = {b.name for b in out if b.role != "作者"}
    return [b for b in out if b.role != "作者" or b.name not in specific]
