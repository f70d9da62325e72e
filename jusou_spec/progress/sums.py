"""Do the parts of a breakdown add up to the total the document states?

Reports split a figure by 校区, 相談方法, 相談内容 … and print a 合計. This module lists every sum a document lets
us check, passed or failed, so the rule can report the failures and a test can prove the passes:

* a breakdown's items against its ``合計``;
* a breakdown without ``合計`` against the value it splits (the actual's value, or the item's value above it);
* a two-way table with totals in both directions (rows 初期相談・継続相談 × columns 北部・中部・南部, each with a
  合計): written as a breakdown of rows whose items are broken down by the column axis, beside a breakdown of the
  column totals. Each column total is checked against the sum of that column over the rows.

No sum is checked where a part or the total is not stated (``{未記載: …}``: the document gives no figure, and a
missing figure is not 0), nor for percentages, whose parts do not add up to the whole.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from fractions import Fraction

import attrs

from jusou_spec.model import Breakdown, NotStated, pointer_to
from jusou_spec.progress.rates import exact

__all__ = ["Basis", "SumCheck", "sum_checks"]

from jusou_spec.numeric import Number


class Basis(enum.Enum):
    """Which stated figure the parts are checked against."""

    TOTAL = "合計"
    PARENT = "親の値"
    COLUMN = "列の合計"


@attrs.frozen
class SumCheck:
    """One sum: the named parts, the figure they should add up to, and where that figure is in the document."""

    axis: str
    basis: Basis
    names: tuple[str, ...]
    parts: tuple[Number, ...]
    stated: Number
    pointer: str
    column: str | None = None
    """For a column total of a two-way table: the column's name (北部)."""
    rows_axis: str | None = None
    """For a column total: the axis of the rows whose cells were added (相談区分)."""

    @property
    def computed(self) -> Fraction:
        return sum((exact(part) for part in self.parts), Fraction(0))

    @property
    def ok(self) -> bool:
        return self.computed == exact(self.stated)


def sum_checks(
    breakdowns: Sequence[Breakdown], *, parent: Number | NotStated | None, parent_pointer: str
) -> Iterator[SumCheck]:
    """Every checkable sum in ``breakdowns`` (and the breakdowns nested in their items), which split the figure
    ``parent`` found at ``parent_pointer``."""
    for breakdown in breakdowns:
        yield from _own(breakdown, parent, parent_pointer)
        for item in breakdown.items:
            if item.breakdowns:
                yield from sum_checks(item.breakdowns, parent=item.value, parent_pointer=pointer_to(item, "value"))
    yield from _columns(breakdowns)


def _numbers(values: Sequence[Number | NotStated]) -> tuple[Number, ...] | None:
    numbers = tuple(value for value in values if not isinstance(value, NotStated))
    return numbers if len(numbers) == len(values) else None


def _own(breakdown: Breakdown, parent: Number | NotStated | None, parent_pointer: str) -> Iterator[SumCheck]:
    parts = _numbers([item.value for item in breakdown.items])
    if parts is None:
        return
    names = tuple(item.name for item in breakdown.items)
    if breakdown.total is not None:
        if not isinstance(breakdown.total, NotStated):
            yield SumCheck(breakdown.axis, Basis.TOTAL, names, parts, breakdown.total, pointer_to(breakdown, "total"))
        return
    if parent is not None and not isinstance(parent, NotStated):
        yield SumCheck(breakdown.axis, Basis.PARENT, names, parts, parent, parent_pointer)


def _columns(breakdowns: Sequence[Breakdown]) -> Iterator[SumCheck]:
    """Column totals of two-way tables among sibling breakdowns."""
    for rows in breakdowns:
        if not rows.items or not all(item.breakdowns for item in rows.items):
            continue
        for columns in breakdowns:
            if columns is rows:
                continue
            inner = [next((b for b in item.breakdowns if b.axis == columns.axis), None) for item in rows.items]
            if any(b is None for b in inner):
                continue
            for column in columns.items:
                if isinstance(column.value, NotStated):
                    continue
                cells = [next((c for c in b.items if c.name == column.name), None) for b in inner if b is not None]
                if any(cell is None for cell in cells):
                    continue
                parts = _numbers([cell.value for cell in cells if cell is not None])
                if parts is None:
                    continue
                yield SumCheck(
                    columns.axis,
                    Basis.COLUMN,
                    tuple(item.name for item in rows.items),
                    parts,
                    column.value,
                    pointer_to(column, "value"),
                    column=column.name,
                    rows_axis=rows.axis,
                )
