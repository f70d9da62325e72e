"""Ratio indicators (分子 over 分母): the rate their parts give, and whether a stated rate agrees with it.

A ratio indicator (連携して支援した件数の割合) counts two things; a target or an actual may give the parts, the rate
the source prints, or both. The rate is recomputed exactly from the parts (× 100 when the indicator's unit is a
percentage), and a stated rate agrees with it when it equals the recomputed rate rounded half up to the number of
decimals the stated rate is written with: 33.3 agrees with 1/3 (33.33…%), and so do 33 and 33.33; 33.4 does not.

>>> from decimal import Decimal
>>> recompute(1, 3, percent=True)
Fraction(100, 3)
>>> agrees(Decimal("33.3"), Fraction(100, 3)), agrees(33, Fraction(100, 3)), agrees(Decimal("33.4"), Fraction(100, 3))
(True, True, False)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from jusou_spec.model import Actual, Indicator, Target
from jusou_spec.numeric import Number, decimals, round_half_up
from jusou_spec.progress.units import is_percent

__all__ = ["Ratio", "actual_ratio", "agrees", "recompute", "round_to", "target_ratio"]


def recompute(numerator: Number, denominator: Number, *, percent: bool) -> Fraction | None:
    """The rate the parts give, exactly; None for a denominator of 0 (no rate)."""
    if denominator == 0:
        return None
    value = Fraction(numerator) / Fraction(denominator)
    return value * 100 if percent else value


def round_to(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, exactly."""
    return round_half_up(value, places)


def agrees(stated: Number, recomputed: Fraction) -> bool:
    """Whether a stated rate is the recomputed one, rounded to the decimals it is written with."""
    return round_to(recomputed, decimals(stated)) == stated


@attrs.frozen
class Ratio:
    """The parts of one target or actual, the rate they give, and the rate the source states (if any)."""

    numerator: Number
    denominator: Number
    recomputed: Fraction | None
    stated: Number | None

    @property
    def disagrees(self) -> bool:
        """A stated rate the parts contradict."""
        return self.stated is not None and self.recomputed is not None and not agrees(self.stated, self.recomputed)

    @property
    def value(self) -> Number | Fraction | None:
        """The rate to measure with: the stated one, else the recomputed one."""
        return self.stated if self.stated is not None else self.recomputed


def _ratio(numerator: Number | None, denominator: Number | None, stated: object, indicator: Indicator) -> Ratio | None:
    if numerator is None or denominator is None:
        return None
    return Ratio(
        numerator=numerator,
        denominator=denominator,
        recomputed=recompute(numerator, denominator, percent=is_percent(indicator.unit)),
        stated=stated if isinstance(stated, int | Decimal) else None,
    )


def target_ratio(target: Target, indicator: Indicator) -> Ratio | None:
    """The parts of a target, when it gives them."""
    return _ratio(target.numerator, target.denominator, target.value, indicator)


def actual_ratio(actual: Actual, indicator: Indicator) -> Ratio | None:
    """The parts of an actual, when it gives them."""
    return _ratio(actual.numerator, actual.denominator, actual.value, indicator)
