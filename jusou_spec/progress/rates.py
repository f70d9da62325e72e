"""Achievement: which target applies to a fiscal year, whether an actual meets it, and the achievement rate.

The definitions are written out for planners in ``docs/indicators.md``; this module is their one implementation.
Figures are compared exactly (as decimal fractions, so 10.2 is 102/10), and a rate is rounded half up to one
decimal place only when it is shown.

>>> from jusou_spec.model import Direction
>>> goal = Goal(value=10, scope=Scope.YEAR)
>>> rate(goal, 29, Direction.HIGHER), meets(goal, 29, Direction.HIGHER)
(Fraction(290, 1), True)
>>> rate(Goal(value=0, scope=Scope.YEAR), 3, Direction.HIGHER) is None
True
>>> rate(Goal(value=4, scope=Scope.YEAR), 5, Direction.LOWER)
Fraction(80, 1)
"""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model import Comparison, Direction, Indicator, NotStated, Target
from jusou_spec.progress.ratios import round_to, target_ratio
from jusou_spec.progress.text import figure

__all__ = [
    "Goal",
    "Scope",
    "effective_direction",
    "exact",
    "goal_for",
    "goals",
    "meets",
    "rate",
    "rounded",
]

from jusou_spec.numeric import Number, round_half_up


class Scope(enum.Enum):
    """What a goal is: a target for one year, for a period, the report's 計画値, or one whose year is not stated."""

    YEAR = "年度目標"
    PERIOD = "期間目標"
    PLANNED = "計画値"
    UNDATED = "年度未記載の目標"

    def label(self, lang: str = "ja") -> str:
        if lang == "en":
            return {
                "年度目標": "yearly target",
                "期間目標": "period target",
                "計画値": "planned value (report)",
                "年度未記載の目標": "target with no year",
            }[self.value]
        return self.value


@attrs.frozen
class Goal:
    """A target as it applies to an indicator: the value, its comparison (以上 …), its years and where it is."""

    value: Number | Fraction
    """The target figure; for a ratio target that gives only its parts, the rate they give (exactly)."""
    scope: Scope
    years: FiscalRange | None = None
    upper: Number | None = None
    comparison: Comparison | None = None
    unit: str | None = None
    original: str | None = None
    pointer: str = ""

    numerator: Number | None = None
    denominator: Number | None = None

    @classmethod
    def from_target(cls, target: Target, indicator: Indicator, period: FiscalRange | None = None) -> Goal | None:
        """The goal a target sets; None for a ratio target whose parts give no rate (a denominator of 0).

        An open-ended target year (R7～) runs to the end of ``period`` (the plan period) where that is given.
        """
        years = target.years.closed_by(period) if isinstance(target.years, FiscalRange) else None
        if years is None:
            scope = Scope.UNDATED
        elif years.end == years.start:
            scope = Scope.YEAR
        else:
            scope = Scope.PERIOD
        ratio = target_ratio(target, indicator)
        value = target.value if target.value is not None else ratio.value if ratio is not None else None
        if value is None:
            return None
        return cls(
            value=value,
            numerator=target.numerator,
            denominator=target.denominator,
            scope=scope,
            years=years,
            upper=target.upper,
            comparison=target.comparison,
            unit=target.unit,
            original=target.original,
            pointer=target.pointer,
        )

    def text(self, unit: str | None = None) -> str:
        """The goal as a planner writes it: 10件以上, 40～60%."""
        unit = self.unit or unit or ""
        value = figure(self.value if not isinstance(self.value, Fraction) else round_to(self.value, 1))
        parts = ""
        if self.numerator is not None and self.denominator is not None:
            parts = f"（{figure(self.numerator)}/{figure(self.denominator)}）"
        if self.upper is not None:
            return f"{value}～{figure(self.upper)}{unit}{parts}"
        comparison = self.comparison.value if self.comparison else ""
        return f"{value}{unit}{comparison}{parts}"


def goals(indicator: Indicator, *, period: FiscalRange | None = None) -> tuple[Goal, ...]:
    """Every target of an indicator as a goal, in document order (none when its targets are not stated); open
    target years closed by ``period``."""
    if isinstance(indicator.targets, NotStated):
        return ()
    found = (Goal.from_target(target, indicator, period) for target in indicator.targets)
    return tuple(goal for goal in found if goal is not None)


def goal_for(
    indicator: Indicator, year: FiscalYear, *, planned: Number | None = None, period: FiscalRange | None = None
) -> Goal | None:
    """The goal an actual of ``year`` is measured against.

    A target for that very year comes first; then the 計画値 a report prints beside the actual; then a target for
    a period that contains the year (a period target is a level to reach by the period's last year).
    """
    found = goals(indicator, period=period)
    for goal in found:
        if goal.scope is Scope.YEAR and goal.years is not None and goal.years.start == year:
            return goal
    if planned is not None:
        return Goal(value=planned, scope=Scope.PLANNED, years=FiscalRange(year, year))
    for goal in found:
        if goal.scope is Scope.PERIOD and goal.years is not None and year in goal.years:
            return goal
    return None


def effective_direction(indicator: Indicator) -> tuple[Direction, bool]:
    """The direction to compute with, and whether the document states it.

    The direction is stated by 方向, or implied by the targets: a 上限 makes a range, 以上/超 higher-is-better,
    以下/未満 lower-is-better. Otherwise higher-is-better is assumed (the second value is then False, and rules
    that depend on the direction do not run).
    """
    if indicator.direction is not None:
        return indicator.direction, True
    found = goals(indicator)
    if found and any(goal.upper is not None for goal in found):
        return Direction.RANGE, True
    comparisons = {goal.comparison for goal in found if goal.comparison is not None}
    if comparisons and comparisons <= {Comparison.AT_LEAST, Comparison.ABOVE}:
        return Direction.HIGHER, True
    if comparisons and comparisons <= {Comparison.AT_MOST, Comparison.BELOW}:
        return Direction.LOWER, True
    return Direction.HIGHER, False


def exact(value: Number | Fraction) -> Fraction:
    """A figure as an exact fraction of its decimal spelling (10.2 is 51/5, not the nearest binary float)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def meets(goal: Goal, actual: Number | Fraction, direction: Direction) -> bool | None:
    """Whether ``actual`` meets ``goal``; None when the goal cannot be judged (a range with no 上限)."""
    a, v = exact(actual), exact(goal.value)
    if goal.upper is not None:
        return v <= a <= exact(goal.upper)
    if goal.comparison is Comparison.AT_LEAST:
        return a >= v
    if goal.comparison is Comparison.ABOVE:
        return a > v
    if goal.comparison is Comparison.AT_MOST:
        return a <= v
    if goal.comparison is Comparison.BELOW:
        return a < v
    if direction is Direction.HIGHER:
        return a >= v
    if direction is Direction.LOWER:
        return a <= v
    if direction is Direction.EXACT:
        return a == v
    return None


def rate(goal: Goal, actual: Number | Fraction, direction: Direction) -> Fraction | None:
    """The achievement rate in percent, or None where it is not defined (a target of 0, an actual of 0 for a
    lower-is-better indicator, a range with no 上限)."""
    a, v = exact(actual), exact(goal.value)
    if goal.upper is not None or direction is Direction.RANGE:
        if goal.upper is None:
            return None
        upper = exact(goal.upper)
        if v <= a <= upper:
            return Fraction(100)
        if a < v:
            return a / v * 100 if v > 0 else None
        return upper / a * 100 if a > 0 else None
    if direction is Direction.LOWER:
        return v / a * 100 if a > 0 else None
    return a / v * 100 if v != 0 else None


def rounded(value: Fraction | None) -> float | None:
    """A rate for display and JSON: rounded half up to one decimal place."""
    if value is None:
        return None
    return float(round_half_up(value, 1))
