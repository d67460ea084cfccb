"""Date expressions in clean text, resolved against the article's publication date.

`find_dates(text, anchor)` is what extraction calls to date events: it finds absolute dates
(2024年12月26日, 2024-12-26, 二〇二四年十二月, 12月26日下午 and 26日 with the year and month from
context) and relative ones (近日, 日前, 上周, 上月, 今年3月, 昨天: words in `kg/data/dates.yaml`),
each with its span in the text, an ISO value at its precision and whether the text stated it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..model import DateValue
from .rules import alternation, data

RULES = "dates.yaml"
CN_DIGITS = "〇零一二三四五六七八九"
CN_VALUE = {c: max(0, i - 1) for i, c in enumerate(CN_DIGITS)}
YEAR = rf"(?:\d{{4}}|[{CN_DIGITS}]{{4}})"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span in the text and what it resolves to."""

    start: int
    end: int
    text: str
    iso: str  # 2024-12-26, 2024-12 or 2024
    precision: str  # day | month | year
    inferred: bool  # False when the text states the whole value; True when context completed it
    kind: str  # absolute | relative

    def value(self, source: str = "text") -> DateValue:
        return DateValue(self.iso, self.precision, self.inferred, source)


def find_dates(text: str, anchor: DateValue | str | None = None) -> list[DateMention]:
    """Every date expression of `text`, in order, resolved against `anchor` (the publication date).

    - Absolute dates with a year are stated (`inferred=False`); a month-day takes its year from the
      anchor (the previous year when that would put it more than `future_slack_days` after the
      anchor), a bare day (26日) its month too; without an anchor, from the last year and month
      the text stated before it.
    - Relative words are resolved from the anchor, and skipped when there is none; words of the
      same day (当天, 同日) take the day the text mentioned last, else the anchor.
    - `precision` is what the expression gives: 2024年 → year, 今年3月 → month, 12月26日 → day.
    """
    ref = _anchor(anchor)
    out: list[DateMention] = []
    year = month = None  # the last ones the text stated
    for m in _pattern().finditer(text):
        last_day = next((d.iso for d in reversed(out) if d.precision == "day"), None)
        found = _resolve(m, ref, year, month, last_day)
        if found is None:
            continue
        iso, precision, inferred, kind = found
        if not inferred and kind == "absolute":
            year = int(iso[:4])
            month = int(iso[5:7]) if precision != "year" else None
        out.append(DateMention(m.start(), m.end(), m.group(0), iso, precision, inferred, kind))
    return out


def parse_date(text: str, source: str = "text") -> DateValue | None:
    """The first date with year, month and day stated in a short string: a <meta> value, a header line."""
    for d in find_dates(text or ""):
        if not d.inferred and d.precision == "day":
            return d.value(source)
    return None


# --- the pattern -------------------------------------------------------------------------------


@cache
def _pattern() -> re.Pattern:
    cfg = data(RULES)
    part = rf"(?:{alternation(cfg['parts_of_day'])})?"
    relative = []
    for word, spec in cfg["relative"].items():
        guard = f"(?<![{re.escape(spec['not_after'])}])" if spec.get("not_after") else ""
        relative.append(guard + re.escape(word))
    rel = "|".join(sorted(relative, key=len, reverse=True))
    year_words = alternation(w for w, s in cfg["relative"].items() if "years" in s)
    # every branch begins with a digit or a relative word: the lookahead lets the scan pass
    # any other character with one test instead of trying each branch there
    first = re.escape("".join(sorted(set(CN_DIGITS + "十") | {w[0] for w in cfg["relative"]})))
    return re.compile(
        rf"(?=[\d{first}])"
        rf"(?:(?<!\d)(?P<ny>\d{{4}})\s*[-/.]\s*(?P<nm>\d{{1,2}})\s*[-/.]\s*(?P<nd>\d{{1,2}})(?!\d)"
        rf"|(?<![\d{CN_DIGITS}])(?P<y>{YEAR})\s*年(?:度)?(?:\s*(?P<m>{MONTH})\s*月(?:份)?(?:\s*(?P<d>{DAY})\s*[日号])?)?{part}"
        rf"|(?P<rel>{year_words})\s*(?P<rm>{MONTH})\s*月(?:份)?(?:\s*(?P<rd>{DAY})\s*[日号])?{part}"
        rf"|(?<![\d{CN_DIGITS}年])(?P<m2>{MONTH})\s*月(?:份)?(?:\s*(?P<d2>{DAY})\s*[日号])?{part}"
        rf"|(?<![\d.第月至到~\-—－])(?P<d3>3[01]|[12]\d|0?[1-9])\s*日(?![内游间制均])(?:{part})"
        rf"|(?P<word>{rel}){part})"
    )


def _number(s: str) -> int:
    """Arabic or Chinese numerals: 26, 二十六, 十二; a year (二〇二四) is read digit by digit."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return int("".join(str(CN_VALUE[c]) for c in s))
    tens, _, units = s.partition("十")
    return (CN_VALUE[tens] if tens else 1) * 10 + (CN_VALUE[units] if units else 0)


def _anchor(anchor: DateValue | str | None) -> dt.date | None:
    iso = anchor.iso if isinstance(anchor, DateValue) else anchor
    if not iso:
        return None
    y, m, d = (int(x) for x in (iso.split("-") + ["1", "1"])[:3])
    return dt.date(y, m, d)


# --- resolution --------------------------------------------------------------------------------


def _resolve(m: re.Match, ref: dt.date | None, year: int | None, month: int | None, last_day: str | None):
    """(iso, precision, inferred, kind) of one match, or None when it is not a valid date."""
    g = m.groupdict()
    if g["ny"]:
        return _absolute(int(g["ny"]), int(g["nm"]), int(g["nd"]), False)
    if g["y"]:
        y = _number(g["y"])
        mo = _number(g["m"]) if g["m"] else None
        return _absolute(y, mo, _number(g["d"]) if g["d"] else None, False)
    if g["rel"]:
        if ref is None:
            return None
        base = _shift(ref, years=data(RULES)["relative"][g["rel"]]["years"])
        found = _absolute(base.year, _number(g["rm"]), _number(g["rd"]) if g["rd"] else None, True)
        return found and (*found[:3], "relative")
    if g["m2"]:
        mo, d = _number(g["m2"]), (_number(g["d2"]) if g["d2"] else None)
        y = _year_for(ref, mo, d or 1) if ref else year
        return _absolute(y, mo, d, True) if y else None
    if g["d3"]:
        d = _number(g["d3"])
        if ref:
            y, mo = _month_for(ref, d)
        elif year and month:
            y, mo = year, month
        else:
            return None
        return _absolute(y, mo, d, True)
    spec = data(RULES)["relative"][g["word"]]
    if spec.get("same_day") and last_day:
        return (last_day, "day", True, "relative")
    return _relative(spec, ref)


def _absolute(y: int, mo: int | None, d: int | None, inferred: bool):
    if not 1900 <= y <= 2100:
        return None
    try:
        if d is not None:
            return (dt.date(y, mo, d).isoformat(), "day", inferred, "absolute")
        if mo is not None:
            dt.date(y, mo, 1)
            return (f"{y:04d}-{mo:02d}", "month", inferred, "absolute")
        return (f"{y:04d}", "year", inferred, "absolute")
    except (ValueError, TypeError):
        return None


def _relative(spec: dict, ref: dt.date | None):
    if ref is None:
        return None
    if "weeks" in spec:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=spec["weeks"])
        when, unit = monday + dt.timedelta(days=3), "month"  # the week's Thursday says its month
    elif "months" in spec:
        when, unit = _shift(ref, months=spec["months"]), "month"
    elif "years" in spec:
        when, unit = _shift(ref, years=spec["years"]), "year"
    else:
        when, unit = ref + dt.timedelta(days=spec.get("days", 0)), "day"
    precision = spec.get("precision", unit)
    iso = {"day": when.isoformat(), "month": when.isoformat()[:7], "year": when.isoformat()[:4]}[precision]
    return (iso, precision, True, "relative")


def _shift(ref: dt.date, years: int = 0, months: int = 0) -> dt.date:
    n = ref.year * 12 + ref.month - 1 + years * 12 + months
    return dt.date(n // 12, n % 12 + 1, 1)


def _year_for(ref: dt.date, mo: int, d: int) -> int:
    """The anchor's year, or the one before when the date would fall too far after the anchor."""
    slack = int(data(RULES)["future_slack_days"])
    try:
        if dt.date(ref.year, mo, d) > ref + dt.timedelta(days=slack):
            return ref.year - 1
    except ValueError:
        pass
    return ref.year


def _month_for(ref: dt.date, d: int) -> tuple[int, int]:
    """The anchor's month for a bare day, or the month before when the day is still to come."""
    if d <= ref.day + 1:
        return ref.year, ref.month
    prev = _shift(ref, months=-1)
    return prev.year, prev.month
