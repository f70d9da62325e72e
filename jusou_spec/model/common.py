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

__all__ = [
    "Baseline",
    "Comparison",
    "Direction",
    "DocumentSource",
    "Indicator",
    "Municipality",
    "Narrative",
    "Provenance",
    "Target",
]


@attrs.frozen
class Provenance:
    """Where an item came from in its source document: the section by its heading (numbers repeat in some)."""

    section: str = key("節")
    page: str | int | None = key("頁")
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
class Target:
    """One target figure: 「５人以上」 is value 5 with comparison 以上."""

    years: FiscalRange | NotStated | None = key("年度", not_stated_or(year_range))
    value: int | float = key("値", number)
    upper: int | float | None = key("上限", number)
    comparison: Comparison | None = key("比較", enum_of(Comparison))
    unit: str | None = key("単位")
    """Only when the target is written in another unit than its indicator's (checked against the actuals)."""
    original: str | None = key("原文")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Baseline:
    year: FiscalYear | None = key("年度", year)
    value: int | float = key("値", number)
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Indicator:
    """A figure the plan measures itself by (成果目標 / 評価指標), referred to by reports through its id."""

    id: str = key("id")
    name: str = key("名称")
    unit: str | NotStated | None = key("単位", not_stated_or(plain))
    direction: Direction | None = key("方向", enum_of(Direction))
    negative: bool = key("負の値", default=False)
    """True when a value below zero means something (an increase or decrease, a balance); otherwise a negative
    target or actual is a warning (TG002, IN011)."""
    baseline: Baseline | None = key("基準値", nested(Baseline))
    targets: tuple[Target, ...] | NotStated = key("目標", not_stated_or(tuple_of(nested(Target))), default=())
    program_name: str | None = key("事業")
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()
