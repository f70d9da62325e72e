"""What the indicator rules that read plans and reports alike share: the indicators a document defines, and a
report's actuals with the indicator each refers to."""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.model import Actual, Indicator, Plan, Report
from jusou_spec.resolve_report import IndicatorEntry, resolve_report


def defined_indicators(document: Plan | Report) -> Iterator[Indicator]:
    """The indicators a plan (under its programs) or a report (its own 指標) defines."""
    if isinstance(document, Plan):
        for _, indicator in document.all_indicators():
            yield indicator
    else:
        yield from document.indicators


def actuals_with_indicators(report: Report, plan: Plan | None) -> Iterator[tuple[Actual, IndicatorEntry | None]]:
    """Each actual of ``report`` with the indicator it names (None when the id does not resolve)."""
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        yield actual, indicators.get(actual.indicator)
