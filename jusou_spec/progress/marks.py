"""The mark (〇・△ …) a document's own marking rule gives a rate; marks are never inferred without one.

A municipality marks each indicator every year. No bundled document says how (Imizu marks an actual of 0
against a plan of 5 with △, not ×), so a mark is recorded as given. Only when a report declares its rule
(``評価基準`` with 達成率以上 / 達成率未満 per mark) does the tool say which mark the figures call for, and a rule
warns where the given mark differs.
"""

from __future__ import annotations

from fractions import Fraction

from jusou_spec.model import MarkingRule, NotStated
from jusou_spec.progress.rates import exact

__all__ = ["declared_marks", "expected_mark"]


def declared_marks(rule: MarkingRule | NotStated | None) -> tuple[str, ...]:
    """The symbols a declared rule defines (none when the report declares no rule)."""
    if not isinstance(rule, MarkingRule):
        return ()
    return tuple(mark.mark for mark in rule.marks)


def expected_mark(rule: MarkingRule | NotStated | None, rate: Fraction | None) -> str | None:
    """The first mark whose bounds hold the rate (達成率以上 ≤ rate < 達成率未満); None without a rule, a rate,
    or a mark with bounds that hold it."""
    if not isinstance(rule, MarkingRule) or rate is None:
        return None
    for mark in rule.marks:
        if mark.rate_at_least is None and mark.rate_below is None:
            continue
        if mark.rate_at_least is not None and rate < exact(mark.rate_at_least):
            continue
        if mark.rate_below is not None and rate >= exact(mark.rate_below):
            continue
        return mark.mark
    return None
