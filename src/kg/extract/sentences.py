"""Sentence splitting with clean-text offsets: the unit of evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# a sentence ends at 。！？； or a line break; closing quotes/brackets stay with it
END = re.compile(r"[^。！？；!?\n]*(?:[。！？；!?]+[”’」』）)]*|\n|$)")


@dataclass
class Sentence:
    text: str
    start: int
    end: int


def split(text: str) -> Iterator[Sentence]:
    for m in END.finditer(text):
        raw = m.group(0)
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        yield Sentence(body, m.start() + lead, m.start() + lead + len(body))
