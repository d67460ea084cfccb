"""Dates in a sentence: absolute (2024年12月26日, 12月26日) and relative to the publication (近日, 上周).

Kept small and in one place on purpose: the ingestion stage is growing a date finder of its own
(`kg.ingest.dates`), and this module is the one to swap for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

DAY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")
# relative words → (days before the publication date, precision of the result)
RELATIVE = {
    "近日": (0, "month"),
    "日前": (0, "month"),
    "近期": (0, "month"),
    "上周": (7, "month"),
    "上月": (30, "month"),
    "本周": (0, "month"),
    "本月": (0, "month"),
    "昨天": (1, "day"),
    "昨日": (1, "day"),
    "今天": (0, "day"),
    "今日": (0, "day"),
}
SAME_DAY = ("同日", "当天", "当日", "同一天")


@dataclass
class Found:
    start: int
    end: int
    iso: str
    precision: str
    inferred: bool


def year_of(doc_date: str | None, *texts: str) -> int | None:
    """The year an article's dates without a year belong to: the publication's, else the first written."""
    if doc_date:
        return int(doc_date[:4])
    for text in texts:
        m = YEAR.search(text)
        if m:
            return int(m.group(1))
    return None


def find(text: str, year: int | None, published: str | None) -> list[Found]:
    """Dates written in `text`, earliest position first."""
    out: list[Found] = []
    for m in DAY.finditer(text):
        y = int(m.group(1)) if m.group(1) else _year_for(int(m.group(2)), int(m.group(3)), year, published)
        if y is None or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
            continue
        iso = f"{y:04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        out.append(Found(m.start(), m.end(), iso, "day", not m.group(1)))
    for m in MONTH.finditer(text):
        if not any(f.start <= m.start() < f.end for f in out):
            out.append(
                Found(m.start(), m.end(), f"{int(m.group(1)):04d}-{int(m.group(2)):02d}", "month", False)
            )
    if published:
        for word, (back, precision) in RELATIVE.items():
            at = text.find(word)
            if at >= 0:
                d = date.fromisoformat(published[:10]) - timedelta(days=back)
                iso = d.isoformat() if precision == "day" else d.isoformat()[:7]
                out.append(Found(at, at + len(word), iso, precision, True))
    return sorted(out, key=lambda f: f.start)


def same_day(text: str) -> bool:
    """A sentence that dates itself to the day of the event before it (同日下午…)."""
    return any(w in text[:6] for w in SAME_DAY)


def _year_for(month: int, day: int, year: int | None, published: str | None) -> int | None:
    """A month and day take the publication's year, or the one before when they would fall after it."""
    if year is None:
        return None
    if published and len(published) >= 10:
        pub = date.fromisoformat(published[:10])
        try:
            if date(pub.year, month, day) > pub + timedelta(days=1):
                return pub.year - 1
        except ValueError:
            return None
        return pub.year
    return year
