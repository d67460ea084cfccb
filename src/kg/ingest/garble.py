"""Repairs of text damaged on its way to us: mojibake copies, lost characters, inline pinyin.

Mirror sites that convert Simplified to Traditional sometimes print the pinyin of a character
after it (`環(huán)`), lose characters in a re-encoding (`影?xiǎng)的`, `入?yún)^(qū)黨`) or glue a
copy of the headline, decoded with the wrong encoding, in front of it (`鈥滆仛鍚堝姏 “聚合力…`).
Pinyin annotations are removed; lost characters and mojibake copies are removed and recorded as
`Damage` with their original offsets. Nothing is ever guessed back.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Damage
from .tracked import Edit, Tracked

CJK_CLASS = r"\u3400-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# a toneful pinyin syllable: at least one tone mark, so no English word or code is taken for one
SYLLABLE = rf"[a-zü{TONED}]*[{TONED}][a-zü{TONED}]*"
# pinyin in parentheses after the CJK character it reads: 環(huán) → 環 (the lookbehind comes
# after the parenthesis, so that the regex engine jumps from one parenthesis to the next)
INLINE_PINYIN = re.compile(rf"[(（](?<=[{CJK_CLASS}][(（]){SYLLABLE}[)）]")
PLACEHOLDER = "?\ufffd"  # what a re-encoding leaves where a character was
JUNK = "^~*#@$%&|\\"  # marks a re-encoding may leave before a pinyin annotation
# one lost character: a placeholder and its pinyin whose "(" was eaten (`?xiǎng)`), or a pinyin
# annotation whose character is gone, maybe with a junk placeholder before it (`^(qū)`)
LOST = re.compile(
    rf"[{PLACEHOLDER}]{SYLLABLE}[)）]"
    rf"|(?<![{CJK_CLASS}])[{PLACEHOLDER}{re.escape(JUNK)}]?[(（]{SYLLABLE}[)）]"
    rf"|\ufffd+"
)
# the characters a LOST match can start with: LOST is tried only there (it starts with a
# lookbehind, which the regex engine would otherwise try at every position)
LOST_START = re.compile(rf"[{PLACEHOLDER}{re.escape(JUNK)}(（]")
# every lost mark and inline annotation has a tone mark or a replacement character: a text
# without one (most texts) needs no slower scan for them
DAMAGE_SIGN = re.compile(rf"[{TONED}\ufffd]")
MAX_JUNK = 4  # rare characters between two damage marks belong to the damage (`?xiàng)纳鷦訉?`)
MAX_MOJIBAKE = 80  # characters of a mojibake copy at the start of a line


def repair(t: Tracked) -> tuple[Tracked, list[Damage]]:
    """Remove mojibake copies, lost characters and inline pinyin; the first two become damage."""
    damage: list[Damage] = []
    edits = _mojibake_edits(t, damage)
    t = t.edit(edits) if edits else t
    if not DAMAGE_SIGN.search(t.text):
        return t, damage
    edits = _lost_edits(t, damage)
    t = t.edit(edits) if edits else t
    return t.sub(INLINE_PINYIN, ""), damage


# --- lost characters -------------------------------------------------------------------------


def _lost_edits(t: Tracked, damage: list[Damage]) -> list[Edit]:
    """One edit per damaged stretch: consecutive lost-character marks, with the stray placeholders
    and the short runs of rare characters between them."""
    text = t.text
    edits: list[Edit] = []
    pos = 0
    while m := _next_lost(text, pos):
        a, b = m.span()
        while (end := _continuation(text, b)) != b:
            b = end
        s, e = t.span(a, b)
        damage.append(Damage(orig_start=s, orig_end=e, text=text[a:b], clean_at=-1, kind="lost"))
        edits.append((a, b, ""))
        pos = b
    return edits


def _next_lost(text: str, pos: int) -> re.Match | None:
    """`LOST.search(text, pos)`, trying LOST only where a match can start."""
    while start := LOST_START.search(text, pos):
        m = LOST.match(text, start.start())
        if m:
            return m
        pos = start.start() + 1
    return None


def _continuation(text: str, b: int) -> int:
    """Where a damaged stretch ending at `b` really ends: it goes on over another lost mark, or
    over a placeholder that follows directly or after a few rare (not common-use) characters."""
    m = LOST.match(text, b)
    if m:
        return m.end()
    window = text[b : b + MAX_JUNK + 1]
    for i, ch in enumerate(window):
        if ch in PLACEHOLDER:
            if i and all(is_common(c) for c in window[:i]):
                return b
            m = LOST.match(text, b + i)
            return m.end() if m else b + i + 1
        if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"):
            return b
    return b


@cache
def is_common(ch: str) -> bool:
    """A character in common use: GB2312 level 1 (3755 Simplified) or Big5 level 1 (5401 Traditional)."""
    try:
        b = ch.encode("gb2312")
        if len(b) == 2 and 0xB0 <= b[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E
    except UnicodeEncodeError:
        return False


# --- mojibake copies -------------------------------------------------------------------------


@cache
def _mojibake_chars() -> frozenset[str]:
    """Characters that UTF-8 bytes decoded as GBK turn into: both bytes in 0x80–0xEF, the range
    of UTF-8's lead and continuation bytes for Chinese text and punctuation."""
    out = set()
    for b1 in range(0x81, 0xF0):
        for b2 in range(0x80, 0xF0):
            try:
                out.add(bytes((b1, b2)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


@cache
def _copy_start() -> re.Pattern:
    """A line's first character when it can start a mojibake copy (see `mojibake_prefix`):
    only such lines are looked at."""
    starts = sorted(c for c in _mojibake_chars() if c.encode("gb18030")[0] >= 0xC2)
    return re.compile(f"^[{re.escape(''.join(starts))}]", re.M)


def _mojibake_edits(t: Tracked, damage: list[Damage]) -> list[Edit]:
    edits: list[Edit] = []
    for start in _copy_start().finditer(t.text):
        pos = start.start()
        end = t.text.find("\n", pos)
        line = t.text[pos : end if end >= 0 else len(t.text)]
        k = mojibake_prefix(line)
        if k:
            s, e = t.span(pos, pos + k)
            readable = line[:k].encode("gb18030").decode("utf-8", errors="ignore")
            note = f"UTF-8 read as GBK, a garbled copy of: {readable or line[k : k + 1]}"
            damage.append(Damage(s, e, line[:k], -1, kind="mojibake", note=note))
            edits.append((pos, pos + k, ""))
    return edits


def mojibake_prefix(line: str) -> int:
    """Length of a mojibake copy glued before the text it copies, or 0.

    The copy is the following text's UTF-8 bytes read as GBK (two bytes a character, so about
    1.5 characters for each one copied; a byte lost in that decoding may drop a character). It is
    found by re-encoding: the prefix's GBK bytes decode as UTF-8 to the start of what follows.
    """
    chars = _mojibake_chars()
    if not line or line[0] not in chars or line[0].encode("gb18030")[0] < 0xC2:
        return 0  # a copy starts with a UTF-8 lead byte
    n = 1
    while n < min(len(line), MAX_MOJIBAKE) and (line[n] in chars or " " <= line[n] <= "~"):
        n += 1
    raw = line[:n].encode("gb18030")
    first = raw[:3].decode("utf-8", errors="ignore")[:1]  # the first character copied
    best = 0
    for k in range(1, n + 1):
        at = k  # where the copied text starts, placeholders and spaces skipped
        while at < len(line) and line[at] in PLACEHOLDER + " ":
            at += 1
        if line[at : at + 1] == first or (k == n and not first):
            if _copies(line[:k].encode("gb18030"), line[at:]):
                best = k
    return best


def _copies(raw: bytes, rest: str) -> bool:
    """Whether `raw` (a candidate's GBK bytes) are the UTF-8 of the start of `rest`, exactly or
    with a few characters lost."""
    if rest.encode("utf-8").startswith(raw) and sum(1 for x in raw if x >= 0x80) >= 2:
        return True
    decoded = raw.decode("utf-8", errors="ignore")
    cjk = [c for c in decoded if not c.isascii()]
    if len(cjk) < 3 or not rest.startswith(decoded[:1]):
        return False
    window = iter(rest[: len(decoded) + len(decoded) // 3 + 2])
    found = sum(1 for c in decoded if c in window)  # in order: a subsequence of the window
    return found >= 0.8 * len(decoded)
