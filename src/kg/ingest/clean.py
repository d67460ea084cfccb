"""The cleaning chain: characters → garbling → script → punctuation → boilerplate → whitespace.

Each step works on `Tracked` text, so offsets into the original survive. Script conversion opens
a second layer whose offsets point into the unconverted text; `clean` composes the two at the end,
which gives both the offsets into the original and the text as the source printed it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..model import Damage, Removed
from . import boilerplate, garble
from .tracked import Edit, Tracked

CJK_CLASS = garble.CJK_CLASS
OPENCC_CONFIG = "tw2s"  # Traditional (Taiwan standard, which also covers Hong Kong forms) → Simplified
ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
# Each pattern below that runs over the whole text starts with a literal or a character class
# (or with alternatives that each start with a literal): the regex engine then jumps from one
# candidate to the next, while a pattern that starts with a repeat or a lookbehind is tried at
# every position, 5–20 times slower on an article. So ` +` is written `[ ] *` and a lookbehind
# comes after the character it looks back from.
#
# ASCII punctuation between Chinese text (or before a number) is full-width in edited Chinese
ASCII_BETWEEN_CJK = re.compile(
    rf"(?<=[{CJK_CLASS}”’」』）》】])[ \t]*([,:;!?])[ \t]*(?=[{CJK_CLASS}“‘「『（《【\d])"
)  # tried only at an ASCII mark (see _full_width_edits)
ASCII_MARK = re.compile(r"[,:;!?]")
ASCII_PARENS_AROUND_CJK = re.compile(rf"\(([^()\n]*[{CJK_CLASS}][^()\n]*)\)")
# NFKC only where it is safe: full-width letters, digits and arithmetic signs, compatibility and
# radical forms of ideographs. Full-width ，。：；！？（） are the right forms in Chinese and stay.
NFKC_SAFE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff03\uff05\uff06\uff0b\uff0d\uff0f\uff20"
                       r"\uf900-\ufaff\u2f00-\u2fdf\u2e80-\u2eff]")  # fmt: skip
DIGIT_DOT = re.compile(r"．(?<=\d．)(?=\d)")  # a full-width point between digits
ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u2060\ufeff\u00ad]")
# two or more spaces, or a tab or an ideographic space alone
SPACE_RUN = re.compile(r"[ \t\u3000](?:[ \t\u3000]+|(?<=[\t\u3000]))")
SPACE_AT_LINE_END = re.compile(r"[ ] *\n *|\n +")
BLANK_LINES = re.compile(r"\n\n\n+")
# a space beside full-width punctuation is never meant (it comes from &nbsp; or a line wrap)
SPACE_BY_PUNCT = re.compile(r"[ ] *(?=[，。、；：！？”’）》】」』])|[ ](?<=[，。、；：！？“‘（《【「『] ) *")
BELOW_CJK = re.compile(r"[\x00-\u33ff]")  # what `_printed` never takes from the source
NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass
class Cleaned:
    text: Tracked  # clean Simplified text; offsets into the original
    printed: str  # the same text with each character as the source printed it
    damage: list[Damage]
    removed: list[Removed]
    site: str  # the site's banner line, kept in the text (see boilerplate.remove)


def clean(body: Tracked) -> Cleaned:
    """Clean decoded article text (or HTML main text) whose offsets point into the original."""
    u = normalise_characters(body.sub(NEWLINES, "\n"))
    u, damage = garble.repair(u)
    s = to_simplified(Tracked.identity(u.text))  # second layer: offsets into u
    converted = s.text != u.text
    s = normalise_punctuation(s)
    s, dropped, site = boilerplate.remove(s)
    s = tidy_whitespace(s)
    text, printed = _compose(u, s, converted)
    starts = text.starts if damage else []
    for d in damage:
        d.clean_at = bisect.bisect_left(starts, d.orig_end)
    removed = [Removed(*u.span(a, b), rule, u.text[a:b]) for a, b, rule in dropped]
    return Cleaned(text, printed, damage, removed, site)


def _compose(u: Tracked, s: Tracked, converted: bool) -> tuple[Tracked, str]:
    """Offsets into the original of `s` (whose offsets point into `u`), and its printed form: a
    character converted one-for-one from a Chinese character is printed as that character (when
    script conversion changed nothing, the printed form is the text itself)."""
    text = s.through(u)
    return text, _printed(u.text, s) if converted else s.text


def _printed(source: str, s: Tracked) -> str:
    """`s` with each Chinese character that stands for one Chinese character of `source` as
    `source` has it."""
    out = []
    for a, b, start, end in s.segments():
        new = s.text[a:b]
        if end is None:  # one for one
            out.append(_as_printed(source[start : start + b - a], new))
        elif end - start == 1:
            out.append(_as_printed(source[start] * (b - a), new))
        else:
            out.append(new)
    return "".join(out)


def _as_printed(old: str, new: str) -> str:
    """Of two strings of one length, character by character: the old one where both are Chinese
    (from U+3400 on), else the new one. Patched from the old string at the few places either
    has another character (digits, spaces, 、。“”), rather than chosen one character at a time."""
    if old == new:
        return new
    places = {m.start() for m in BELOW_CJK.finditer(old)} | {m.start() for m in BELOW_CJK.finditer(new)}
    if not places:
        return old
    chars = list(old)
    for i in places:
        chars[i] = new[i]
    return "".join(chars)


def normalise_characters(t: Tracked) -> Tracked:
    """Safe NFKC, odd spaces → space, zero-width characters dropped."""
    t = t.sub(NFKC_SAFE, _nfkc)
    t = t.sub(DIGIT_DOT, ".")
    t = t.sub(ODD_SPACE, " ")
    return t.sub(ZERO_WIDTH, "")


def _nfkc(m: re.Match) -> str:
    out = unicodedata.normalize("NFKC", m.group(0))
    return out if len(out) == 1 else m.group(0)


@cache
def _converter():
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG).convert


def to_simplified(t: Tracked) -> Tracked:
    return t.map_text(_converter())


def simplified(text: str) -> str:
    """Plain-string Traditional → Simplified, for metadata read outside the text (HTML <title>)."""
    return _converter()(text)


def normalise_punctuation(t: Tracked) -> Tracked:
    edits = _full_width_edits(t.text)
    t = t.edit(edits) if edits else t
    return t.sub(ASCII_PARENS_AROUND_CJK, lambda m: f"（{m.group(1)}）")


def _full_width_edits(text: str) -> list[Edit]:
    """What `ASCII_BETWEEN_CJK` replaces, tried only at the ASCII marks: a match starts at the
    spaces just before its mark (after a Chinese character), and the pattern itself, which starts
    with a lookbehind, would be tried at every position of the text."""
    edits: list[Edit] = []
    for mark in ASCII_MARK.finditer(text):
        start = mark.start()
        while start and text[start - 1] in " \t":
            start -= 1
        m = ASCII_BETWEEN_CJK.match(text, start)
        if m:
            edits.append((start, m.end(), ASCII_PUNCT[m.group(1)]))
    return edits


def tidy_whitespace(t: Tracked) -> Tracked:
    """One space for any run of spaces in a line, no spaces at line ends, at most one blank line
    between paragraphs, nothing blank at either end."""
    t = t.sub(SPACE_RUN, " ")
    t = t.sub(SPACE_BY_PUNCT, "")
    t = t.sub(SPACE_AT_LINE_END, "\n")
    t = t.sub(BLANK_LINES, "\n\n")
    lead = len(t.text) - len(t.text.lstrip())
    return t.slice(lead, len(t.text.rstrip()))
