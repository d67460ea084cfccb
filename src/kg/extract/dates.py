"""The dates of an article's sentences, read with `kg.ingest.dates` over the whole clean text.

Reading the whole text at once lets a month and day take the year (and a bare 3日 the month) the
text stated before it when the publication date is unknown; each sentence then gets its dates with
offsets relative to it. A year alone (2025年度) dates no event: it names a period.
"""

from __future__ import annotations

from dataclasses import replace

from ..ingest.dates import DateMention, find_dates
from ..ingest.rules import data
from ..model import Document
from .sentences import Sentence


def by_sentence(doc: Document, sentences: list[Sentence]) -> list[list[DateMention]]:
    """For each sentence, the day and month dates in it (offsets relative to the sentence). A word
    of the same day (同日, 当天) before any day is stated (a headline's …同日召开…) dates nothing."""
    found = []
    for d in find_dates(doc.text, doc.date):
        if d.precision == "year" or (_same_day(d) and not any(f.precision == "day" for f in found)):
            continue
        found.append(d)
    out: list[list[DateMention]] = []
    i = 0
    for s in sentences:
        while i < len(found) and found[i].start < s.start:
            i += 1
        j = i
        mine = []
        while j < len(found) and found[j].end <= s.end:
            mine.append(replace(found[j], start=found[j].start - s.start, end=found[j].end - s.start))
            j += 1
        out.append(mine)
    return out


def _same_day(d: DateMention) -> bool:
    """A date read from a word that means the day mentioned last (kg/data/dates.yaml)."""
    relative = data("dates.yaml")["relative"]
    return d.kind == "relative" and any(relative[w].get("same_day") for w in relative if d.text.startswith(w))
