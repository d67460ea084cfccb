"""Text that remembers where every character came from.

Every cleaning step (HTML stripping, pinyin removal, script conversion, punctuation, boilerplate)
rewrites the text; a `Tracked` value carries, for each character, the span of the original file it
came from. So a fact's evidence can always be shown exactly as the source printed it, whatever
cleaning did. All rewriting goes through one primitive, `edit`; the other methods are conveniences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# (start, end, replacement) in the current text; the replacement's characters map to the original
# span of [start, end), or keep the offsets of a same-length/verbatim source when one is given
Edit = tuple[int, int, str]


@dataclass
class Tracked:
    text: str
    starts: list[int]  # starts[i]: offset in the original of character i
    ends: list[int]  # ends[i]: end offset (exclusive) in the original of character i

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> Tracked:
        """`text` as found at `offset` of the original: character i comes from offset + i."""
        n = len(text)
        return cls(text, list(range(offset, offset + n)), list(range(offset + 1, offset + n + 1)))

    @classmethod
    def inserted(cls, text: str, at: int) -> Tracked:
        """Characters that stand for nothing in the original (a line break between HTML blocks)."""
        return cls(text, [at] * len(text), [at] * len(text))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> Tracked:
        return Tracked(self.text[start:end], self.starts[start:end], self.ends[start:end])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of characters [start, end); an empty range gives the point where it would be."""
        if start < end:
            return (self.starts[start], self.ends[end - 1])
        if start < len(self.starts):
            return (self.starts[start], self.starts[start])
        at = self.ends[-1] if self.ends else 0
        return (at, at)

    def edit(self, edits: Iterable[Edit]) -> Tracked:
        """Apply non-overlapping replacements given in text order.

        A replacement of the same length as what it replaces maps character to character (script
        conversion, punctuation); any other replacement maps each of its characters to the whole
        original span of what it replaces, so nothing ever points outside its source.
        """
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for a, b, new in edits:
            if a < pos:
                raise ValueError(f"overlapping edit at {a} (previous one ended at {pos})")
            text.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            if new:
                text.append(new)
                if len(new) == b - a:
                    starts.extend(self.starts[a:b])
                    ends.extend(self.ends[a:b])
                else:
                    s, e = self.span(a, b)
                    starts.extend([s] * len(new))
                    ends.extend([e] * len(new))
            pos = b
        text.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return Tracked("".join(text), starts, ends)

    def keep(self, spans: Iterable[tuple[int, int]]) -> Tracked:
        """Only the characters inside `spans` (in order, non-overlapping), with their own offsets."""
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for a, b in spans:
            text.append(self.text[a:b])
            starts.extend(self.starts[a:b])
            ends.extend(self.ends[a:b])
        return Tracked("".join(text), starts, ends)

    def sub(self, pattern: re.Pattern | str, repl: str | Callable[[re.Match], str]) -> Tracked:
        """Like `re.sub`, through `edit`. A replacement that equals one group's text keeps that
        group's own offsets, so removing an annotation around a character (環(huán) → 環) does not
        blur where the character was."""
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        edits: list[Edit] = []
        literal = isinstance(repl, str) and "\\" not in repl
        for m in pattern.finditer(self.text):
            new = repl if literal else repl(m) if callable(repl) else m.expand(repl)
            edits.extend(_narrow(m, new))
        return self.edit(edits) if edits else self

    def map_text(self, fn: Callable[[str], str]) -> Tracked:
        """Apply a length-preserving conversion of the whole text (OpenCC keeps lengths); when it
        does not keep the length, fall back to converting line by line, then character by character."""
        new = fn(self.text)
        if len(new) == len(self.text):
            return Tracked(new, self.starts, self.ends)
        edits: list[Edit] = []
        pos = 0
        for line in self.text.splitlines(keepends=True):
            conv = fn(line)
            if conv != line:
                if len(conv) == len(line):
                    edits.append((pos, pos + len(line), conv))
                else:
                    edits.extend((pos + i, pos + i + 1, fn(ch)) for i, ch in enumerate(line) if fn(ch) != ch)
            pos += len(line)
        return self.edit(edits)

    @staticmethod
    def join(parts: list[Tracked]) -> Tracked:
        starts: list[int] = []
        ends: list[int] = []
        for p in parts:
            starts += p.starts
            ends += p.ends
        return Tracked("".join(p.text for p in parts), starts, ends)


def _narrow(m: re.Match, new: str) -> list[Edit]:
    """The edits for one match: when the replacement is one group's text verbatim, delete around
    the group instead of replacing the whole match, so the group keeps its offsets."""
    a, b = m.span()
    for g in range(1, (m.re.groups or 0) + 1):
        ga, gb = m.span(g)
        if ga >= 0 and new and m.group(g) == new:
            return [e for e in ((a, ga, ""), (gb, b, "")) if e[0] < e[1]]
    return [(a, b, new)]
