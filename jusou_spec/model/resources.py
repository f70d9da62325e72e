"""What a program has to work with, year by year, and where: budgets, staffing, and the plan's areas.

Plans state a program's 予算額 per fiscal year (in 円 or 千円, with the source's own words for the 財源), its staff
per year (職種, 人数, 配置場所), and the areas it serves (圏域・地区・校区). Areas are declared once, at the top of a
plan (or of a report that has no plan), each with an id, and every other part refers to them by that id, so that a
report's figures by 校区 and a plan's programs by 圏域 meet on the same names.
"""

from __future__ import annotations

import enum

import attrs

from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model._build import (
    NotStated,
    enum_of,
    key,
    location,
    not_stated_or,
    number,
    prose,
    texts,
    year,
    year_range,
)
from jusou_spec.model.common import Provenance, source_field
from jusou_spec.numeric import Number

__all__ = ["Area", "Budget", "BudgetUnit", "Staffing"]


@attrs.frozen
class Area:
    """An area of the municipality the plan names (東山手圏域, 北部校区 …), declared once and referred to by id."""

    id: str = key("id")
    name: str = key("名称")
    kind: str | None = key("種別")
    """The source's word for this level of area: 圏域, 地区, 校区, 第2層 …"""
    parent: str | None = key("上位")
    """The id of the larger area this one lies in (a 校区 in its 圏域), when the source says so."""
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


class BudgetUnit(enum.Enum):
    """The unit a budget figure is printed in."""

    YEN = "円"
    THOUSAND_YEN = "千円"

    @property
    def yen(self) -> int:
        """How many 円 one unit is."""
        return 1000 if self is BudgetUnit.THOUSAND_YEN else 1


@attrs.frozen
class Budget:
    """A program's budget (予算額) for one fiscal year, in the unit and with the 財源 wording the source prints."""

    year: FiscalYear | None = key("年度", year)
    amount: Number | NotStated = key("金額", not_stated_or(number))
    unit: BudgetUnit = key("単位", enum_of(BudgetUnit))
    funding: tuple[str, ...] = key("財源", prose, default=())
    """The source's own words for where the money comes from (国庫補助金、一般財源 …), never normalised."""
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class Staffing:
    """Staff of one role in a program for some years (the whole plan when 年度 is not given), and where they sit."""

    years: FiscalRange | None = key("年度", year_range)
    role: str = key("職種")
    count: Number | NotStated | None = key("人数", not_stated_or(number))
    place: str | None = key("配置場所")
    areas: tuple[str, ...] = key("圏域", texts, default=())
    """Ids of the declared areas these staff serve."""
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()
