"""Model classes shared by plans and reports: provenance, municipality, prose sections, indicators."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model._build import (
    BuildContext,
    NotStated,
    enum_of,
    key,
    location,
    nested,
    not_stated_or,
    number,
    plain,
    prose,
    tuple_of,
    year,
    year_range,
)
from jusou_spec.numeric import Number

__all__ = [
    "Baseline",
    "Comparison",
    "Direction",
    "DocumentSource",
    "Indicator",
    "Municipality",
    "Narrative",
    "Provenance",
    "RatioPart",
    "Target",
]


@attrs.frozen
class Provenance:
    """Where an item came from in its source document: the section by its heading (numbers repeat in some), the
    page or page range (12, "12-14"), or the web page it was read on; at least one of them."""

    section: str | None = key("節")
    page: str | int | None = key("頁")
    url: str | None = key("URL")
    note: tuple[str, ...] = key("注記", prose, default=())


def provenance(value: object, pointer: str, context: BuildContext) -> Provenance:
    """The schema allows a bare heading string as shorthand for ``{節: heading}``."""
    if isinstance(value, str):
        return Provenance(section=value)
    return nested(Provenance)(value, pointer, context)


def source_field() -> Any:
    return key("出典", provenance)


@attrs.frozen
class DocumentSource:
    """The document a plan or report was transcribed from."""

    title: str = key("文書")
    publisher: str | None = key("発行者")
    issued: str | None = key("発行")
    file: str | None = key("ファイル")
    url: str | None = key("URL")
    """Where the document is published on the web."""
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Municipality:
    name: str | NotStated = key("名称", not_stated_or(plain))
    """The municipality's name; NotStated where the source does not name it (the unnamed city's actuals)."""
    prefecture: str | NotStated = key("都道府県", not_stated_or(plain))


@attrs.frozen
class Narrative:
    """Prose with no structured home (はじめに, 現状と課題 …), kept under its heading so nothing is dropped."""

    heading: str = key("見出し")
    content: tuple[str, ...] = key("内容", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


class Direction(enum.Enum):
    """Which way an indicator improves."""

    HIGHER = "増加"
    LOWER = "減少"
    RANGE = "範囲"
    EXACT = "一致"


class Comparison(enum.Enum):
    AT_LEAST = "以上"
    AT_MOST = "以下"
    BELOW = "未満"
    ABOVE = "超"


@attrs.frozen
class RatioPart:
    """The numerator or denominator of a ratio indicator: what is counted, and in which unit."""

    name: str = key("名称")
    unit: str | NotStated | None = key("単位", not_stated_or(plain))
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Target:
    """One target figure: 「５人以上」 is value 5 with comparison 以上.

    A ratio indicator's target may give its parts (分子, 分母) besides or instead of the stated rate (値).
    """

    years: FiscalRange | NotStated | None = key("年度", not_stated_or(year_range))
    value: Number | None = key("値", number)
    """The stated figure (for a ratio, the stated rate); None where only the parts are given."""
    numerator: Number | None = key("分子", number)
    denominator: Number | None = key("分母", number)
    upper: Number | None = key("上限", number)
    comparison: Comparison | None = key("比較", enum_of(Comparison))
    unit: str | None = key("単位")
    """Only when the target is written in another unit than its indicator's (checked against the actuals)."""
    original: str | None = key("原文")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Baseline:
    year: FiscalYear | None = key("年度", year)
    value: Number = key("値", number)
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Indicator:
    """A figure the plan measures itself by (成果目標 / 評価指標), referred to by reports through its id."""

    id: str = key("id")
    name: str = key("名称")
    unit: str | NotStated | None = key("単位", not_stated_or(plain))
    direction: Direction | None = key("方向", enum_of(Direction))
    numerator: RatioPart | None = key("分子", nested(RatioPart))
    """What a ratio indicator counts above the line (with 分母 below it); None for a plain count."""
    denominator: RatioPart | None = key("分母", nested(RatioPart))
    negative: bool = key("負の値", default=False)
    """True when a value below zero means something (an increase or decrease, a balance); otherwise a negative
    target or actual is a warning (TG002, IN012)."""
    baseline: Baseline | None = key("基準値", nested(Baseline))
    targets: tuple[Target, ...] | NotStated = key("目標", not_stated_or(tuple_of(nested(Target))), default=())
    program_name: str | None = key("事業")
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()

    @property
    def has_targets(self) -> bool:
        """Whether the indicator states at least one target (a numeric target, as TG001 asks for)."""
        return isinstance(self.targets, tuple) and bool(self.targets)

    @property
    def is_ratio(self) -> bool:
        """Whether the indicator is a ratio (分子 over 分母)."""
        return self.numerator is not None and self.denominator is not None
