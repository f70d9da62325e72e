"""Resolving a status report's references to indicators once, for the indicator rules and :func:`indicators`.

A report (``jusou: report/1``) gives actuals by indicator id. The id names an indicator of the linked plan
(``計画: {ファイル: …}``) or one the report defines itself (``指標``), as the unnamed city's report does, having no
plan. This module is the one place that looks those ids up, as :mod:`jusou_spec.model.resolve` is for a plan's own
references: what does not resolve is kept as :class:`~jusou_spec.model.resolve.Unresolved`, an id defined twice (or an
indicator reported twice for one year) as :class:`~jusou_spec.model.resolve.Duplicate`, each with its JSON pointer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

import attrs

from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import Actual, Indicator, NotStated, Plan, Program, Report, pointer_to
from jusou_spec.model.resolve import Duplicate, Unresolved, read_only

__all__ = ["IndicatorEntry", "ReportReferences", "linked_plan_path", "resolve_report"]


@attrs.frozen
class IndicatorEntry:
    """An indicator a report can refer to: the plan's (with its program) or the report's own."""

    indicator: Indicator
    program: Program | None
    defined_in: str
    """"plan" or "report": which document defines it."""

    @property
    def program_label(self) -> str | None:
        """The program the indicator measures: the plan's program, or the report's ``事業`` text."""
        if self.program is not None:
            return self.program.label
        return self.indicator.program_name


@attrs.frozen
class ReportReferences:
    """A report's indicator references, resolved against its plan (``plan`` is None when it has none)."""

    report: Report
    plan: Plan | None
    indicators: Mapping[str, IndicatorEntry] = attrs.field(converter=read_only)
    """Every indicator the report may name, by id: the plan's first, then the report's own, in document order."""
    actuals: Mapping[str, tuple[Actual, ...]] = attrs.field(converter=read_only)
    """The report's actuals by indicator id (resolved ids only), in document order."""
    unresolved: tuple[Unresolved, ...]
    duplicates: tuple[Duplicate, ...]

    def actual(self, indicator_id: str, year: FiscalYear) -> Actual | None:
        """The report's actual for an indicator in a fiscal year (the first, when it is given twice)."""
        return next((a for a in self.actuals.get(indicator_id, ()) if a.year == year), None)


def linked_plan_path(report: Report) -> Path | None:
    """The file of the plan a report names, relative to the report's own file; None when it names none."""
    if report.plan is None or isinstance(report.plan, NotStated):
        return None
    return Path(report.name).parent / report.plan.file


def resolve_report(report: Report, plan: Plan | None = None) -> ReportReferences:
    """Every indicator reference of ``report``, resolved against ``plan`` (the plan it links to, when read).

    Resolved once per report and plan: every report rule asks, and gets the same answer.
    """
    cached = report._resolved
    if cached is not None and cached[0] is plan:
        return cast(ReportReferences, cached[1])  # the model keeps the cache without knowing this layer's types
    references = _resolve(report, plan)
    object.__setattr__(report, "_resolved", (plan, references))
    return references


def _resolve(report: Report, plan: Plan | None) -> ReportReferences:
    duplicates: list[Duplicate] = []
    unresolved: list[Unresolved] = []
    entries: dict[str, IndicatorEntry] = {}
    pointers: dict[str, str] = {}
    if plan is not None:
        for ident, (program, indicator) in plan.references.indicators.items():
            entries[ident] = IndicatorEntry(indicator, program, "plan")
            pointers[ident] = indicator.pointer
    for indicator in report.indicators:
        if indicator.id in entries:
            duplicates.append(Duplicate("指標", indicator.id, pointer_to(indicator, "id"), pointers[indicator.id]))
            continue
        entries[indicator.id] = IndicatorEntry(indicator, None, "report")
        pointers[indicator.id] = indicator.pointer

    actuals: dict[str, list[Actual]] = {}
    first_of_year: dict[tuple[str, FiscalYear | None], Actual] = {}
    for actual in report.actuals:
        if actual.indicator not in entries:
            unresolved.append(Unresolved("指標", actual.indicator, pointer_to(actual, "indicator")))
            continue
        key = (actual.indicator, actual.year)
        if actual.year is not None and key in first_of_year:
            duplicates.append(
                Duplicate(
                    "実績", f"{actual.indicator} {actual.year}", pointer_to(actual, "year"), first_of_year[key].pointer
                )
            )
        else:
            first_of_year[key] = actual
        actuals.setdefault(actual.indicator, []).append(actual)

    return ReportReferences(
        report=report,
        plan=plan,
        indicators=entries,
        actuals={ident: tuple(found) for ident, found in actuals.items()},
        unresolved=tuple(unresolved),
        duplicates=tuple(duplicates),
    )
