"""Cleaning of article text: pinyin garbling, damaged characters, script, punctuation.

Each step works on `Tracked` text, so offsets into the original survive.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Damage
from .tracked import Tracked

CJK_CLASS = r"\u3400-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
SYLLABLE = rf"[a-z{TONED}]*[{TONED}][a-z{TONED}]*"  # at least one tone mark: not an English word
# a CJK character followed by its toneful pinyin in parentheses: 環(huán) → 環
INLINE_PINYIN = re.compile(rf"([{CJK_CLASS}])\(({SYLLABLE})\)")
# a lost character: `?` (or U+FFFD) where the character was, then its pinyin: 影?xiǎng)的 → 影的 (damage)
LOST = re.compile(rf"[?\ufffd]{{1,2}}(?:{SYLLABLE})\)\^?")
ASCII_PUNCT_BETWEEN_CJK = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def remove_pinyin(t: Tracked) -> Tracked:
    return t.sub(INLINE_PINYIN, lambda m: m.group(1))


def remove_damage(t: Tracked) -> tuple[Tracked, list[Damage]]:
    damage: list[Damage] = []
    out_len_before = 0
    pos = 0
    for m in LOST.finditer(t.text):
        out_len_before += m.start() - pos
        s, e = t.span(m.start(), m.end())
        damage.append(Damage(orig_start=s, orig_end=e, text=m.group(0), clean_at=out_len_before))
        pos = m.end()
    return t.sub(LOST, ""), damage


def to_simplified(t: Tracked) -> Tracked:
    return t.map_chars(_t2s())


def normalise_punctuation(t: Tracked) -> Tracked:
    t = t.sub(FULLWIDTH_ALNUM, lambda m: chr(ord(m.group(0)) - 0xFEE0))
    pattern = re.compile(rf"(?<=[{CJK_CLASS}”」）\)])\s*([,:;!?])\s*(?=[{CJK_CLASS}“「（\(\d])")
    return t.sub(pattern, lambda m: ASCII_PUNCT_BETWEEN_CJK[m.group(1)])


def tidy_whitespace(t: Tracked) -> Tracked:
    t = t.sub(re.compile(r"[ \t\u00a0\u200b\ufeff]+\n"), "\n")
    t = t.sub(re.compile(r"\n[ \t\u00a0\u200b\ufeff]+"), "\n")
    t = t.sub(re.compile(r"\n{3,}"), "\n\n")
    t = t.sub(re.compile(r"\r\n?"), "\n")
    # strip leading/trailing blank space
    m = re.match(r"\s*", t.text)
    lead = m.end() if m else 0
    trail = len(t.text.rstrip())
    return t.slice(lead, trail)


def clean(t: Tracked) -> tuple[Tracked, list[Damage]]:
    t = t.sub(re.compile(r"\r\n?"), "\n")
    t = remove_pinyin(t)
    t, damage = remove_damage(t)
    t = to_simplified(t)
    t = normalise_punctuation(t)
    t = tidy_whitespace(t)
    return t, damage
