"""Figures as planners read them: thousands separators, no trailing zeros, rates with one decimal.

>>> figure(1159), figure(10.20), figure(Fraction(2677)), rate_text(290.0)
('1,159', '10.2', '2,677', '290.0%')
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

__all__ = ["figure", "rate_text", "sum_text"]


def figure(value: int | float | Fraction) -> str:
    """A figure with thousands separators: 1,159; 10.2; a whole fraction as an integer."""
    if isinstance(value, Fraction):
        value = value.numerator if value.denominator == 1 else float(value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.10f}".rstrip("0").rstrip(".")
    return f"{value:,}"


def sum_text(parts: Iterable[int | float]) -> str:
    """The parts of a sum as written out: 539 + 482 + 138."""
    return " + ".join(figure(part) for part in parts)


def rate_text(rate: float | None) -> str:
    """A rate in percent with one decimal, or a dash where it is not defined."""
    return "—" if rate is None else f"{rate:.1f}%"
