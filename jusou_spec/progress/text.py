"""Figures as planners read them: thousands separators, no trailing zeros, rates with one decimal.

>>> figure(1159), figure(10.20), figure(Fraction(2677)), rate_text(290.0)
('1,159', '10.2', '2,677', '290.0%')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from jusou_spec.numeric import round_half_up

__all__ = ["figure", "rate_text", "sum_text"]


def figure(value: int | Decimal | Fraction | float) -> str:
    """A figure with thousands separators, exactly as far as it goes: 1,159; 10.2; a whole fraction as an integer;
    a fraction that does not end (a recomputed 1/3) to ten decimal places."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return f"{value.numerator:,}"
        value = round_half_up(value, 10)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return f"{int(value):,}"
        whole, _, fraction = f"{abs(value):f}".partition(".")
        return f"{'-' if value < 0 else ''}{int(whole):,}.{fraction.rstrip('0')}"
    return f"{value:,}"


def sum_text(parts: Iterable[int | Decimal]) -> str:
    """The parts of a sum as written out: 539 + 482 + 138."""
    return " + ".join(figure(part) for part in parts)


def rate_text(rate: float | None) -> str:
    """A rate in percent with one decimal, or a dash where it is not defined."""
    return "—" if rate is None else f"{rate:.1f}%"
