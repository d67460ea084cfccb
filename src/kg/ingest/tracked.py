"""Text that remembers where every character came from.

Every cleaning step (HTML stripping, pinyin removal, script conversion, punctuation, boilerplate)
rewrites the text; a `Tracked` value carries, for each character, the span of the original file it
came from. So a fact's evidence can always be shown exactly as the source printed it, whatever
cleaning did. All rewriting goes through one primitive, `edit`; the other methods are conveniences.

The map is kept as runs rather than one entry per character: a run either copies the original
verbatim (its k-th character is the original's character `start + k`) or stands wholly for one
original span (a replacement of another length, an inserted line break). A cleaning step touches
a few places of a long text, so its cost follows the places it touches, not the text's length;
`starts`/`ends` spell the map out per character when a `Document` needs it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator

# (start, end, replacement) in the current text; the replacement's characters map to the original
# span of [start, end), or keep the offsets of a same-length/verbatim source when one is given
Edit = tuple[int, int, str]
# (position in the text, original start, original end): from that position on, up to the next
# run, the characters are the original's from `start` on when `end` is None (verbatim), else
# each of them stands for the original span [start, end)
Run = tuple[int, int, int | None]


class Tracked:
    __slots__ = ("text", "runs")

    def __init__(self, text: str, runs: list[Run]):
        self.text = text
        self.runs = runs  # in text order; the first at position 0 unless the text is empty

    @classmethod
    def identity(cls, text: str, offset: int = 0) -> Tracked:
        """`text` as found at `offset` of the original: character i comes from offset + i."""
        return cls(text, [(0, offset, None)] if text else [])

    @classmethod
    def inserted(cls, text: str, at: int) -> Tracked:
        """Characters that stand for nothing in the original (a line break between HTML blocks)."""
        return cls(text, [(0, at, at)] if text else [])

    def __len__(self) -> int:
        return len(self.text)

    def segments(self) -> Iterator[tuple[int, int, int, int | None]]:
        """(a, b, start, end) for each run: text [a, b) and the run's original start and end."""
        runs = self.runs
        for i, (a, start, end) in enumerate(runs):
            yield a, runs[i + 1][0] if i + 1 < len(runs) else len(self.text), start, end

    @property
    def starts(self) -> list[int]:
        """starts[i]: offset in the original of character i."""
        out: list[int] = []
        for a, b, start, end in self.segments():
            out.extend(range(start, start + b - a) if end is None else [start] * (b - a))
        return out

    @property
    def ends(self) -> list[int]:
        """ends[i]: end offset (exclusive) in the original of character i."""
        out: list[int] = []
        for a, b, start, end in self.segments():
            out.extend(range(start + 1, start + 1 + b - a) if end is None else [end] * (b - a))
        return out

    def _at(self, i: int) -> tuple[int, int]:
        """The original span of character i."""
        pos, start, end = self.runs[bisect_right(self.runs, (i, _AFTER)) - 1]
        return (start + i - pos, start + i - pos + 1) if end is None else (start, end)

    def slice(self, start: int, end: int) -> Tracked:
        if start == 0 and end == len(self.text):
            return self  # a Tracked is never changed in place, so the whole can be shared
        out = _Runs()
        out.copy(self, start, end)
        return Tracked(self.text[start:end], out.runs)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of characters [start, end); an empty range gives the point where it would be."""
        if start < end:
            return (self._at(start)[0], self._at(end - 1)[1])
        if start < len(self.text):
            at = self._at(start)[0]
            return (at, at)
        at = self._at(len(self.text) - 1)[1] if self.text else 0
        return (at, at)

    def edit(self, edits: Iterable[Edit]) -> Tracked:
        """Apply non-overlapping replacements given in text order.

        A replacement of the same length as what it replaces maps character to character (script
        conversion, punctuation); any other replacement maps each of its characters to the whole
        original span of what it replaces, so nothing ever points outside its source.
        """
        text: list[str] = []
        out = _Runs()
        pos = 0
        for a, b, new in edits:
            if a < pos:
                raise ValueError(f"overlapping edit at {a} (previous one ended at {pos})")
            text.append(self.text[pos:a])
            out.copy(self, pos, a)
            if new:
                text.append(new)
                if len(new) == b - a:
                    out.copy(self, a, b)
                else:
                    out.add(len(new), *self.span(a, b))
            pos = b
        text.append(self.text[pos:])
        out.copy(self, pos, len(self.text))
        return Tracked("".join(text), out.runs)

    def keep(self, spans: Iterable[tuple[int, int]]) -> Tracked:
        """Only the characters inside `spans` (in order, non-overlapping), with their own offsets."""
        text: list[str] = []
        out = _Runs()
        for a, b in spans:
            text.append(self.text[a:b])
            out.copy(self, a, b)
        return Tracked("".join(text), out.runs)

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
            return Tracked(new, self.runs)
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

    def through(self, layer: Tracked) -> Tracked:
        """This text with offsets into `layer`'s original, when this text's offsets point into
        `layer.text` (a second layer of cleaning opened on top of the first)."""
        out = _Runs()
        for a, b, start, end in self.segments():
            if end is None:
                out.copy(layer, start, start + b - a)
            else:
                out.add(b - a, *layer.span(start, end))
        return Tracked(self.text, out.runs)

    @staticmethod
    def join(parts: list[Tracked]) -> Tracked:
        if len(parts) == 1:
            return parts[0]
        out = _Runs()
        for p in parts:
            out.copy(p, 0, len(p.text))
        return Tracked("".join(p.text for p in parts), out.runs)


_AFTER = float("inf")  # (i, _AFTER) sorts after every run that starts at position i


class _Runs:
    """Runs laid end to end as a new text is built; a run that continues the one before it (the
    next characters of the same verbatim stretch, or more characters for the same span) joins it."""

    __slots__ = ("runs", "length")

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.length = 0

    def add(self, n: int, start: int, end: int | None) -> None:
        """n characters: verbatim from `start` (end None), or each standing for [start, end)."""
        if n <= 0:
            return
        if self.runs:
            pos, s, e = self.runs[-1]
            if (end is None and e is None and start == s + self.length - pos) or (
                end is not None and s == start and e == end
            ):
                self.length += n
                return
        self.runs.append((self.length, start, end))
        self.length += n

    def copy(self, t: Tracked, a: int, b: int) -> None:
        """Characters [a, b) of `t`, with their offsets."""
        if a >= b:
            return
        runs = t.runs
        if len(runs) == 1:  # the commonest case: a text copied or replaced whole
            _, start, end = runs[0]
            self.add(b - a, start + a if end is None else start, end)
            return
        i = bisect_right(runs, (a, _AFTER)) - 1
        while a < b:
            pos, start, end = runs[i]
            stop = min(b, runs[i + 1][0] if i + 1 < len(runs) else len(t.text))
            self.add(stop - a, start + a - pos if end is None else start, end)
            a = stop
            i += 1


def _narrow(m: re.Match, new: str) -> list[Edit]:
    """The edits for one match: when the replacement is one group's text verbatim, delete around
    the group instead of replacing the whole match, so the group keeps its offsets."""
    a, b = m.span()
    for g in range(1, (m.re.groups or 0) + 1):
        ga, gb = m.span(g)
        if ga >= 0 and new and m.group(g) == new:
            return [e for e in ((a, ga, ""), (gb, b, "")) if e[0] < e[1]]
    return [(a, b, new)]
