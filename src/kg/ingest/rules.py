"""The data files of ingestion (`src/kg/data/*.yaml`), loaded once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

import yaml


@cache
def data(name: str) -> dict:
    """One YAML file of `kg/data`, parsed."""
    return yaml.safe_load(resources.files("kg.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def patterns(name: str, section: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The rules of one section, `{rule name: [regex, …]}`, as (rule name, compiled pattern) pairs."""
    out = []
    for rule, regexes in (data(name).get(section) or {}).items():
        for regex in regexes:
            try:
                out.append((rule, re.compile(regex, re.M)))
            except re.error as e:
                raise ValueError(f"kg/data/{name}: rule {rule!r} has a bad pattern {regex!r}: {e}") from None
    return tuple(out)


def alternation(words) -> str:
    """A regex alternation of words, longest first (so 责任编辑 wins over 编辑)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _union(name: str, section: str) -> re.Pattern:
    """All patterns of one section as one regex, each in a group named after its index."""
    return re.compile(
        "|".join(f"(?P<r{i}>{p.pattern})" for i, (_, p) in enumerate(patterns(name, section))) or "(?!)", re.M
    )


def find_all(name: str, section: str, text: str) -> Iterator[tuple[re.Match, str]]:
    """The matches of a section's patterns in one scan of the text, as `re.finditer` of their
    union would give them, each with its rule's name. Each pattern is first searched alone: a
    pattern that starts with a literal or a character class is found by a fast scan, while their
    union is tried pattern by pattern at every position, several times slower; most texts match
    none of them and never need the union."""
    if any(p.search(text) for _, p in patterns(name, section)):
        for m in _union(name, section).finditer(text):
            yield m, rule_name(name, section, m)


def rule_name(name: str, section: str, m: re.Match) -> str:
    return patterns(name, section)[int(m.lastgroup[1:])][0]


@cache
def line_rule(name: str, section: str) -> Callable[[str], str | None]:
    """A function naming the first rule of the section that matches a line, or giving None.

    The patterns anchored at a line's start are tried at that one position (with `match`), the
    others searched; a kind that the section lacks is not tried at all (an empty union would be
    tried at every position of the line)."""
    anchored, floating = [], []
    for i, (_, p) in enumerate(patterns(name, section)):
        if p.pattern.startswith("^"):
            anchored.append(f"(?P<r{i}>{p.pattern[1:]})")
        else:
            floating.append(f"(?P<r{i}>{p.pattern})")
    tries = [re.compile("|".join(anchored)).match] if anchored else []
    tries += [re.compile("|".join(floating)).search] if floating else []
    rules = [rule for rule, _ in patterns(name, section)]

    def first(line: str) -> str | None:
        for find in tries:
            m = find(line)
            if m:
                return rules[int(m.lastgroup[1:])]
        return None

    return first
