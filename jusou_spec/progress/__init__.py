"""Indicators over the years: targets, actuals, achievement rates, statuses, breakdown sums and charts.

The pieces are small and separate: :mod:`.rates` (which target applies, rate, met or not), :mod:`.marks` (the mark a
declared marking rule calls for), :mod:`.sums` (breakdown totals), :mod:`.series` (:func:`indicators`, the frozen
values), :mod:`.formats` (text, JSON, CSV) and :mod:`.chart` (SVG). The checker's rules use the first three; none of
them imports networkx or graphviz.
"""

from __future__ import annotations

from jusou_spec.progress.rates import Goal, Scope
from jusou_spec.progress.series import IndicatorProgress, Status, ToDate, Trend, YearProgress, indicators

__all__ = ["Goal", "IndicatorProgress", "Scope", "Status", "ToDate", "Trend", "YearProgress", "indicators"]
