"""Text that remembers where every character came from.

Every cleaning step (HTML stripping, pinyin removal, script conversion, punctuation) rewrites the
text; a `Tracked` value carries, for each character, the span of the original file it came from.
So a fact's evidence can always be shown exactly as the source printed it, whatever cleaning did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Tracked:
    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> Tracked:
        return cls(
            text, list(range(offset, offset + len(text))), list(range(offset + 1, offset + len(text) + 1))
        )

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> Tracked:
        return Tracked(self.text[start:end], self.starts[start:end], self.ends[start:end])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of characters [start, end)."""
        if start >= end or not self.starts:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])

    def sub(self, pattern: re.Pattern | str, repl: str | Callable[[re.Match], str]) -> Tracked:
        """Like re.sub; replacement characters map to the whole span of the match they replace.

        A replacement that keeps a group's text verbatim keeps that text's own offsets, so removing
        an annotation around a character does not blur where the character was.
        """
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        out_text: list[str] = []
        out_s: list[int] = []
        out_e: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            a, b = m.span()
            out_text.append(self.text[pos:a])
            out_s.extend(self.starts[pos:a])
            out_e.extend(self.ends[pos:a])
            new = repl(m) if callable(repl) else m.expand(repl)
            if new:
                self._map_replacement(m, new, out_s, out_e)
                out_text.append(new)
            pos = b
        out_text.append(self.text[pos:])
        out_s.extend(self.starts[pos:])
        out_e.extend(self.ends[pos:])
        return Tracked("".join(out_text), out_s, out_e)

    def _map_replacement(self, m: re.Match, new: str, out_s: list[int], out_e: list[int]) -> None:
        a, b = m.span()
        # a replacement equal to one group's text keeps that group's offsets
        for g in range(1, (m.re.groups or 0) + 1):
            ga, gb = m.span(g)
            if ga >= 0 and m.group(g) == new:
                out_s.extend(self.starts[ga:gb])
                out_e.extend(self.ends[ga:gb])
                return
        if len(new) == b - a:  # same length: map one to one
            out_s.extend(self.starts[a:b])
            out_e.extend(self.ends[a:b])
            return
        s, e = (self.starts[a], self.ends[b - 1]) if b > a else self.span(a, a)
        out_s.extend([s] * len(new))
        out_e.extend([e] * len(new))

    def map_chars(self, fn: Callable[[str], str]) -> Tracked:
        """Apply a character-wise conversion; falls back to per-character mapping if lengths differ."""
        new = fn(self.text)
        if len(new) == len(self.text):
            return Tracked(new, self.starts, self.ends)
        parts = [fn(ch) for ch in self.text]
        s: list[int] = []
        e: list[int] = []
        for i, p in enumerate(parts):
            s.extend([self.starts[i]] * len(p))
            e.extend([self.ends[i]] * len(p))
        return Tracked("".join(parts), s, e)

    @staticmethod
    def join(parts: list[Tracked], sep: str = "\n") -> Tracked:
        text: list[str] = []
        s: list[int] = []
        e: list[int] = []
        for i, p in enumerate(parts):
            if i and sep:
                at = p.starts[0] if p.starts else (e[-1] if e else 0)
                text.append(sep)
                s.extend([at] * len(sep))
                e.extend([at] * len(sep))
            text.append(p.text)
            s.extend(p.starts)
            e.extend(p.ends)
        return Tracked("".join(text), s, e)
