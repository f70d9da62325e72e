"""Indicators over the years: targets, actuals, achievement rates, statuses and breakdown sums.

The pieces are small and separate: :mod:`.rates` (which target applies, rate, met or not), :mod:`.marks` (the mark a
declared marking rule calls for), :mod:`.ratios` (a ratio's parts and the rate they give), :mod:`.sums`
(breakdown totals), :mod:`.units` and :mod:`.text` (units and figures
in words), :mod:`.series` (:func:`indicators`, the frozen values). The checker's rules use them, so this package
sits between the model and the rules and imports neither the checker nor the rules; the ``jusou indicators`` table,
its charts and the grouping of files live above the checker, in :mod:`jusou_spec.indicator_table`.
"""

from __future__ import annotations

from jusou_spec.progress.rates import Goal, Scope
from jusou_spec.progress.series import IndicatorProgress, Status, ToDate, Trend, YearProgress, indicators

__all__ = ["Goal", "IndicatorProgress", "Scope", "Status", "ToDate", "Trend", "YearProgress", "indicators"]
