"""Japanese fiscal years (年度) and the spellings documents use for them.

A fiscal year runs from April to March and is named by the year it starts in: 令和6年度 = R6 = FY2024 (April
2024 – March 2025). Documents write years and periods many ways (R6, 令和６年度, 2024年度, 令和7～11年度,
平成28～令和7年度, 令和6年～令和8年); they all become :class:`FiscalYear` and :class:`FiscalRange` on load.
Calendar-year spellings (令和6年) in a period are read as the fiscal years they name, as plans use them.

>>> parse_year("令和６年度")
FiscalYear(2024)
>>> str(parse_range("令和7～11年度"))
'R7～R11'
>>> str(parse_range("平成28～令和7年度"))
'H28～R7'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs

from jusou_spec.errors import JusouError

__all__ = ["FiscalRange", "FiscalYear", "FiscalYearError", "holds_in", "parse_range", "parse_year"]

# era name → (initial, offset: western year = era year + offset)
_ERAS = {"令和": ("R", 2018), "平成": ("H", 1988), "昭和": ("S", 1925)}
_INITIALS = {initial: (name, offset) for name, (initial, offset) in _ERAS.items()}
# The last year of each era that ended: 昭和64年 (January 1989) and 平成31年 (to April 2019) were written, so they
# read; 昭和99年度 or 平成99年度 is a slip that would otherwise land in another era's years, so it is refused.
_LAST_YEAR = {"昭和": 64, "平成": 31}


class FiscalYearError(JusouError, ValueError):
    """A text that is not a fiscal year or period; carries Japanese and English explanations."""

    def __init__(self, text: str, *, reason_ja: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.text = text
        self.reason_ja = reason_ja
        self.reason_en = reason_en


@attrs.frozen(order=True, repr=False)
class FiscalYear:
    """A fiscal year, stored as the western year it starts in (FY2024 = 令和6年度)."""

    western: int

    @property
    def reiwa(self) -> int | None:
        return self.western - 2018 if self.western >= 2019 else None

    @property
    def label(self) -> str:
        """The short form plans use: R6, H28, S39."""
        for name, (initial, offset) in _ERAS.items():
            if 1 <= self.western - offset <= 99 and self._era_starts(name):
                return f"{initial}{self.western - offset}"
        return f"{self.western}年度"

    @property
    def japanese(self) -> str:
        """The long form: 令和6年度 (令和元年度 for the first year of an era)."""
        for name, (_, offset) in _ERAS.items():
            if 1 <= self.western - offset <= 99 and self._era_starts(name):
                number = self.western - offset
                return f"{name}{'元' if number == 1 else number}年度"
        return f"{self.western}年度"

    def _era_starts(self, name: str) -> bool:
        # The fiscal year that begins in April of an era's first calendar year takes that era's name.
        return self.western >= {"令和": 2019, "平成": 1989, "昭和": 1926}[name]

    def __add__(self, years: int) -> FiscalYear:
        return FiscalYear(self.western + years)

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"FiscalYear({self.western})"


@attrs.frozen(repr=False)
class FiscalRange:
    """An inclusive span of fiscal years; ``end`` is None for an open-ended period (昭和39年～)."""

    start: FiscalYear
    end: FiscalYear | None

    @property
    def is_open(self) -> bool:
        return self.end is None

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, FiscalYear):
            return False
        western = year.western  # compared as numbers: attrs' ordering builds tuples at every comparison
        return self.start.western <= western and (self.end is None or western <= self.end.western)

    def years(self) -> Iterator[FiscalYear]:
        """Every year of a closed range, in order (an open range yields nothing)."""
        if self.end is None:
            return
        for western in range(self.start.western, self.end.western + 1):
            yield FiscalYear(western)

    def overlaps(self, other: FiscalRange) -> bool:
        left_end = self.end.western if self.end else 10**6
        right_end = other.end.western if other.end else 10**6
        return self.start.western <= right_end and other.start.western <= left_end

    def within(self, other: FiscalRange) -> bool:
        """Whether every year of this range lies in ``other``.

        An open range (令和7年度～) is read as "from its start, for as long as ``other`` lasts", so it lies within
        ``other`` when its start does.

        >>> parse_range("R7～").within(parse_range("R6～R8")), parse_range("R9～").within(parse_range("R6～R8"))
        (True, False)
        """
        if self.start not in other:
            return False
        return self.end is None or self.end in other

    def closed_by(self, other: FiscalRange | None) -> FiscalRange:
        """This range with an open end closed by ``other``'s end (a plan period); unchanged when either end is
        given, or ``other`` is open or absent.

        >>> str(parse_range("R7～").closed_by(parse_range("R6～R8"))), str(parse_range("R7～").closed_by(None))
        ('R7～R8', 'R7～')
        """
        if self.end is not None or other is None or other.end is None or other.end < self.start:
            return self
        return FiscalRange(self.start, other.end)

    def __str__(self) -> str:
        if self.end is None:
            return f"{self.start}～"
        if self.end == self.start:
            return str(self.start)
        return f"{self.start}～{self.end}"

    def __repr__(self) -> str:
        return f"FiscalRange({self})"


def holds_in(years: FiscalRange | None, year: FiscalYear) -> bool:
    """Whether a value given for ``years`` holds in ``year``: one given for no years in particular (a program, a
    delivery or a mode without 年度) holds in every year."""
    return years is None or year in years


_DASHES = re.compile(r"[～〜~\-－–—‐]|から")
_YEAR = re.compile(
    r"^(?:(?P<era>令和|平成|昭和)(?P<era_year>[0-9]{1,2}|元)|(?P<initial>[RHS])(?P<initial_year>[0-9]{1,2})|"
    r"(?:FY)?(?P<western>(?:19|20|21)[0-9]{2}))(?:年度?)?$"
)


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", str(text))
    return "".join(folded.split()).upper().replace("年度まで", "年度").replace("まで", "")


def _year(text: str, *, era_hint: str | None, original: str) -> FiscalYear:
    match = _YEAR.match(text)
    if match is None and era_hint is not None and text.rstrip("年度").isdigit():
        match = _YEAR.match(f"{era_hint}{text}")
    if match is None:
        raise FiscalYearError(
            original,
            reason_ja=f"「{original}」は年度として読めません（例: R6、令和6年度、2024年度）",
            reason_en=f"'{original}' is not a fiscal year (e.g. R6, 令和6年度, 2024年度)",
        )
    if match["western"]:
        return FiscalYear(int(match["western"]))
    if match["era"]:
        name, number = match["era"], match["era_year"]
        offset = _ERAS[name][1]
    else:
        name, offset = _INITIALS[match["initial"]]
        number = match["initial_year"]
    value = 1 if number == "元" else int(number)
    if value < 1 or value > 99:
        raise FiscalYearError(
            original,
            reason_ja=f"「{original}」の{name}{value}年度はありません",
            reason_en=f"'{original}': there is no year {value} of {name}",
        )
    last = _LAST_YEAR.get(name)
    if last is not None and value > last:
        raise FiscalYearError(
            original,
            reason_ja=f"「{original}」の{name}{value}年度はありません（{name}は{last}年（{last + offset}年）まで）",
            reason_en=f"'{original}': there is no year {value} of {name}, which ended in its year {last} ({last + offset})",
        )
    return FiscalYear(value + offset)


def _era_prefix(text: str) -> str | None:
    """The era a period's first half is written in, so that 令和7～11年度 reads 11 as 令和11."""
    for name, (initial, _) in _ERAS.items():
        if text.startswith(name):
            return name
        if text.startswith(initial) and text[1:2].isdigit():
            return initial
    return None


def parse_year(text: str | int) -> FiscalYear:
    """One fiscal year: R6, Ｒ６, 令和6年度, 令和元年度, H28, 2024年度, FY2024, or an integer 2024.

    >>> parse_year("R6").japanese
    '令和6年度'
    >>> parse_year(2019).label
    'R1'
    """
    if isinstance(text, bool):
        raise FiscalYearError(str(text), reason_ja="年度が真偽値です", reason_en="a fiscal year cannot be true/false")
    if isinstance(text, int):
        if 1900 <= text <= 2199:
            return FiscalYear(text)
        raise FiscalYearError(
            str(text), reason_ja=f"{text}は年度として読めません", reason_en=f"{text} is not a fiscal year"
        )
    folded = _fold(text)
    if _DASHES.search(folded):
        raise FiscalYearError(
            text,
            reason_ja=f"「{text}」は期間です。ここには一つの年度を書きます",
            reason_en=f"'{text}' is a period; a single fiscal year is expected here",
        )
    return _year(folded, era_hint=None, original=text)


def parse_range(text: str | int) -> FiscalRange:
    """A period: R4～R8, R4～5, 令和4年度～令和8年度, 令和7～11年度, 平成28～令和7年度, 令和6年～令和8年, 昭和39年～.

    A single year is a one-year range. The end must not come before the start.

    >>> str(parse_range("【R4～5】"))
    'R4～R5'
    >>> parse_range("昭和39年～").is_open
    True
    """
    if isinstance(text, int) and not isinstance(text, bool):
        year = parse_year(text)
        return FiscalRange(year, year)
    folded = _fold(str(text)).strip("【】[]()（）")
    parts = _DASHES.split(folded)
    if len(parts) == 1:
        year = _year(parts[0], era_hint=None, original=str(text))
        return FiscalRange(year, year)
    if len(parts) != 2 or not parts[0]:
        raise FiscalYearError(
            str(text),
            reason_ja=f"「{text}」は期間として読めません（例: R4～R8、令和7～11年度）",
            reason_en=f"'{text}' is not a period (e.g. R4～R8, 令和7～11年度)",
        )
    start = _year(parts[0], era_hint=None, original=str(text))
    if not parts[1]:
        return FiscalRange(start, None)
    end = _year(parts[1], era_hint=_era_prefix(parts[0]), original=str(text))
    if end < start:
        raise FiscalYearError(
            str(text),
            reason_ja=f"「{text}」は終わり（{end}）が始まり（{start}）より前です",
            reason_en=f"'{text}' ends ({end}) before it starts ({start})",
        )
    return FiscalRange(start, end)
