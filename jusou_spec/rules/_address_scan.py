"""Finding postal addresses in linear time: the address pattern of PI003, matched without backtracking.

Written as one regular expression, the pattern is::

    N+丁目N+(?:番地?|-)(?:N+号?)?  |  N+番地(?:の?N+)?  |  N+番N+号
    | K*?[町村区市郡]P*?\\d+-\\d+(?:-\\d+)?C  |  (?<!P)P{2,8}\\d+-\\d+-\\d+C

(N a numeral, K a kanji, P a character of a place name, C the lookahead that refuses a count). Python's engine
tries every split of a run of kanji between ``K*?`` and ``P*?`` at every start: cubic in the run's length, so one
long line of kanji followed by a digit held the check for seconds, and a longer one for hours.

Each part of a match is decided by runs, though. A run of place characters can only end where a digit follows it,
because no place character is a digit, so both lazy loops can only stop at the end of the run; and the numerals
before 丁目/番 can only stop at the end of theirs. This module computes, once per text, where each run starting at
each position ends (right to left, linear), tries each alternative at each start in the regular expression's order
in constant time, and matches the short tails (``丁目…``, ``1-10-1``) with small regular expressions whose result is
kept per position. The matches are exactly those of ``re.finditer`` with the pattern above; the tests compare the
two on the rule cases, the bundled documents and generated text.
"""

from __future__ import annotations

import re

__all__ = ["COUNTER", "KANJI", "NUMERAL", "PLACE", "find_addresses"]

NUMERAL = r"[0-9一二三四五六七八九十〇]"
PLACE = r"[一-龥々ヶぁ-んァ-ヴー]"
KANJI = r"[一-龥々ヶ]"
COUNTER = (
    r"(?![\d\-]|\s*(?:箇所|か所|ヶ所|ヵ所|カ所|人|名|件|回|歳|才|年|月|日|時|分|%|割|校|地区|圏域|世帯|団体|施設|事業所"
    r"|グループ))"
)
"""A figure followed by a counter is a count or a range of counts (市内4-5箇所), never a house number."""

_TOWN = re.compile("[町村区市郡]")
_NUMERALS = re.compile(f"{NUMERAL}+")
_PLACES = re.compile(f"{PLACE}+")
_KANJI = re.compile(f"{KANJI}+")
_FIGURES = re.compile(r"\d-\d")
"""Every match holds 番 or 丁目 (the numeral alternatives) or a figure, a hyphen and a figure (the place-name ones):
a text with none of them has no address, and most texts are passed over on this alone."""

# What follows a run of numerals, in the pattern's order: 丁目…, 番地…, 番…号.
_AFTER_NUMERALS = re.compile(rf"丁目{NUMERAL}+(?:番地?|-)(?:{NUMERAL}+号?)?|番地(?:の?{NUMERAL}+)?|番{NUMERAL}+号")
# What follows a place name: chome-banchi figures, two or three of them after a town, three after a bare name.
_AFTER_TOWN = re.compile(rf"\d+-\d+(?:-\d+)?{COUNTER}")
_AFTER_NAME = re.compile(rf"\d+-\d+-\d+{COUNTER}")


def _run_ends(text: str, runs: re.Pattern[str]) -> list[int]:
    """For each position, where the run of member characters starting there ends (the position itself when the
    character is not a member); ``runs`` matches one whole run (``[…]+``)."""
    ends = list(range(len(text) + 1))
    for run in runs.finditer(text):
        start, end = run.span()
        ends[start:end] = [end] * (end - start)
    return ends


def _next_town(text: str) -> list[int]:
    """For each position, the first town character (町村区市郡) at or after it (``len(text)`` when none)."""
    found = [len(text)] * (len(text) + 1)
    after = 0
    for town in _TOWN.finditer(text):
        index = town.start()
        found[after : index + 1] = [index] * (index + 1 - after)
        after = index + 1
    return found


class _Tails:
    """A tail pattern matched at most once per position."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.ends: dict[int, int | None] = {}

    def end(self, start: int) -> int | None:
        if start not in self.ends:
            match = self.pattern.match(self.text, start)
            self.ends[start] = match.end() if match else None
        return self.ends[start]


def find_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of the address pattern in ``text``, left to right and not overlapping, as
    ``re.finditer`` would find them."""
    if "番" not in text and "丁目" not in text and not _FIGURES.search(text):
        return []
    numerals, kanji, places = _run_ends(text, _NUMERALS), _run_ends(text, _KANJI), _run_ends(text, _PLACES)
    towns = _next_town(text)
    after_numerals, after_town, after_name = (_Tails(p, text) for p in (_AFTER_NUMERALS, _AFTER_TOWN, _AFTER_NAME))
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = _match_at(start, numerals, kanji, places, towns, after_numerals, after_town, after_name)
        if end is None:
            start += 1
        else:
            found.append((start, end))
            start = end
    return found


def _match_at(
    start: int,
    numerals: list[int],
    kanji: list[int],
    places: list[int],
    towns: list[int],
    after_numerals: _Tails,
    after_town: _Tails,
    after_name: _Tails,
) -> int | None:
    if numerals[start] > start:
        end = after_numerals.end(numerals[start])
        if end is not None:
            return end
    name_end = places[start]
    if towns[start] < kanji[start]:
        end = after_town.end(name_end)
        if end is not None:
            return end
    if 2 <= name_end - start <= 8 and (start == 0 or places[start - 1] == start - 1):
        return after_name.end(name_end)
    return None
