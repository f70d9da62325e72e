"""One document's rows for the tables of :mod:`jusou_spec.analysis.tables`, read from the model.

Rows are plain tuples in the columns' order, in document order, so that the same inputs give the same rows in the
same order. Each row ends with its source position, found from the pointer the model object keeps.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from jusou_spec.findings import Finding, Severity
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.law import CLAUSES, Field, items_of
from jusou_spec.model import (
    Indicator,
    Mode,
    Municipality,
    NotStated,
    Plan,
    Program,
    Report,
    pointer_to,
)
from jusou_spec.model.documents import PlanLink
from jusou_spec.numeric import Number

__all__ = ["Locate", "Rows", "document_rows"]

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]
_ORDER = {clause: index for index, clause in enumerate(CLAUSES)}

Locate = Callable[[str], tuple[int, int]]
"""A pointer's 1-based line and column in the document's file."""


class _Out:
    """The rows being collected for one document, each stamped with its source position."""

    def __init__(self, key: str, locate: Locate) -> None:
        self.key = key
        self.locate = locate
        self.rows: Rows = {}

    def add(self, table: str, pointer: str, *values: Any) -> None:
        line, column = self.locate(pointer)
        self.rows.setdefault(table, []).append((*values, self.key, line, column, pointer))


def _text(value: object) -> str | None:
    return None if value is None or isinstance(value, NotStated) else str(value)


def _reason(value: object) -> str | None:
    return value.reason if isinstance(value, NotStated) else None


def _float(value: Number | NotStated | None) -> float | None:
    return None if value is None or isinstance(value, NotStated) else float(value)


def _start(years: FiscalRange | NotStated | None) -> int | None:
    return years.start.western if isinstance(years, FiscalRange) else None


def _end(years: FiscalRange | NotStated | None) -> int | None:
    return years.end.western if isinstance(years, FiscalRange) and years.end is not None else None


def _year(year: FiscalYear | None) -> int | None:
    return None if year is None else year.western


def municipality_key(municipality: Municipality, document_key: str) -> str:
    """都道府県/名称; an unnamed municipality is its own, named by the document (未記載:reports/x.yaml)."""
    if isinstance(municipality.name, NotStated):
        return f"未記載:{document_key}"
    prefecture = "" if isinstance(municipality.prefecture, NotStated) else municipality.prefecture
    return f"{prefecture}/{municipality.name}"


def document_rows(
    key: str, kind: str | None, document: Plan | Report | None, findings: Iterable[Finding], locate: Locate, lang: str
) -> Rows:
    """The rows of the file ``key``: its ``documents`` row, its findings, and what its model holds."""
    out = _Out(key, locate)
    found = list(findings)
    counts = {severity: sum(f.severity is severity and not f.suppressed for f in found) for severity in Severity}
    municipality = municipality_key(document.municipality, key) if document is not None else None
    out.add(
        "documents",
        "",
        key,
        kind,
        document is not None,
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        municipality,
    )
    if document is not None:
        _municipality(out, document, municipality)
        if isinstance(document, Plan):
            _plan(out, document)
        else:
            _report(out, document)
    for finding in found:
        line, column = finding.line or 1, finding.column or 1
        out.rows.setdefault("findings", []).append(
            (
                key,
                finding.code,
                finding.severity.value,
                finding.text(lang),
                finding.suppressed,
                key,
                line,
                column,
                finding.pointer,
            )
        )
    return out.rows


def _municipality(out: _Out, document: Plan | Report, key: str | None) -> None:
    place = document.municipality
    pointer = pointer_to(document, "municipality")
    out.add("municipalities", pointer, key, _text(place.prefecture), _text(place.name), _reason(place.name))


def _plan(out: _Out, plan: Plan) -> None:
    key = out.key
    years = plan.years()
    periods = [plan.mode_period(year) for year in years]
    modes = [None if period is None else period.mode for period in periods]
    full = [year.western for year, mode in zip(years, modes, strict=True) if mode is Mode.FULL]
    out.add(
        "plans",
        "",
        key,
        municipality_key(plan.municipality, key),
        plan.title,
        _text(plan.period),
        _start(plan.period),
        _end(plan.period),
        _reason(plan.period),
        min(full, default=None),
        sum(mode is Mode.TRANSITION for mode in modes),
        len(plan.programs),
        plan.source.title if plan.source is not None else None,
    )
    for year, mode, period in zip(years, modes, periods, strict=True):
        pointer = period.pointer if period is not None else pointer_to(plan, "modes")
        out.add("plan_years", pointer, key, year.western, year.label, None if mode is None else mode.value)
    for program in plan.programs:
        _program(out, plan, program)
    for meeting in plan.meetings:
        members = None if isinstance(meeting.members, NotStated) else len(meeting.members)
        out.add(
            "meetings",
            meeting.pointer,
            f"{key}#{meeting.id}",
            key,
            meeting.id,
            meeting.name,
            sorted(kind.value for kind in meeting.kinds),
            _text(meeting.frequency),
            None if isinstance(meeting.consent, NotStated) else meeting.consent,
            meeting.legal_basis,
            meeting.confidentiality,
            members,
        )
    for ordinal, flow in enumerate(plan.flows):
        for index, target in enumerate(flow.targets):
            pointer = pointer_to(flow, "targets", index) if len(flow.targets) > 1 else pointer_to(flow, "targets")
            out.add(
                "flows",
                pointer,
                key,
                ordinal,
                flow.source,
                target,
                f"{key}#{flow.source}",
                f"{key}#{target}",
                flow.kind.value,
                flow.content,
            )


def _program(out: _Out, plan: Plan, program: Program) -> None:
    key = f"{out.key}#{program.id}"
    umbrella = program.umbrella
    out.add(
        "programs",
        program.pointer,
        key,
        out.key,
        program.id,
        program.name,
        program.label,
        program.variant,
        program.section,
        program.field.value if isinstance(program.field, Field) else None,
        umbrella,
        f"{out.key}#{umbrella}" if umbrella else None,
        plan.is_umbrella(program),
        program.related_only,
        _start(program.years),
        _end(program.years),
        _reason(program.delivery),
        _reason(program.departments),
    )
    own = [(clause, pointer_to(program, "clauses", index), False) for index, clause in enumerate(program.clauses)]
    whole = [
        (clause, pointer_to(program, "whole", index), True)
        for index, number in enumerate(program.whole)
        for clause in items_of(number)
        if clause not in program.clauses
    ]
    for ordinal, (clause, pointer, via_whole) in enumerate(own + whole):
        out.add(
            "program_clauses",
            pointer,
            key,
            out.key,
            ordinal,
            clause.label,
            _ORDER[clause],
            clause.number,
            clause.letter,
            clause.pillar.value,
            None if clause.field is None else clause.field.value,
            clause.required,
            via_whole,
        )
    if not isinstance(program.delivery, NotStated):
        for ordinal, way in enumerate(program.delivery):
            out.add(
                "delivery",
                way.pointer,
                key,
                out.key,
                ordinal,
                way.mode.value,
                _start(way.years),
                _end(way.years),
                [name for name in way.contractors if isinstance(name, str)],
                sum(isinstance(name, NotStated) for name in way.contractors),
                way.contractor_type,
                [name for name in way.recipients if isinstance(name, str)],
                way.recipient_type,
            )
    if not isinstance(program.departments, NotStated):
        for ordinal, department in enumerate(program.departments):
            out.add("departments", pointer_to(program, "departments", ordinal), key, out.key, ordinal, department)
    for indicator in program.indicators:
        _indicator(out, indicator, key)


def _indicator(out: _Out, indicator: Indicator, program_key: str | None) -> None:
    key = f"{out.key}#{indicator.id}"
    baseline = indicator.baseline
    out.add(
        "indicators",
        indicator.pointer,
        key,
        out.key,
        program_key,
        indicator.id,
        indicator.name,
        _text(indicator.unit),
        None if indicator.direction is None else indicator.direction.value,
        indicator.is_ratio,
        None if baseline is None else _year(baseline.year),
        None if baseline is None else float(baseline.value),
        _reason(indicator.targets),
    )
    if isinstance(indicator.targets, NotStated):
        return
    for ordinal, target in enumerate(indicator.targets):
        out.add(
            "targets",
            target.pointer,
            key,
            out.key,
            program_key,
            ordinal,
            _start(target.years),
            _end(target.years),
            _float(target.value),
            _text(target.value),  # exactly, as a decimal text
            None if target.comparison is None else target.comparison.value,
            _float(target.upper),
            target.unit,
            target.original,
        )


def _plan_key(report_key: str, link: PlanLink | NotStated | None) -> str | None:
    """The key the report's plan has when exported beside it: its file, relative to the report's folder."""
    if not isinstance(link, PlanLink):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(report_key), link.file.replace("\\", "/")))


def _report(out: _Out, report: Report) -> None:
    key = out.key
    plan_key = _plan_key(key, report.plan)
    out.add(
        "reports",
        "",
        key,
        municipality_key(report.municipality, key),
        report.title,
        _start(report.years),
        _end(report.years),
        report.plan.file if isinstance(report.plan, PlanLink) else None,
        plan_key,
    )
    own = {indicator.id for indicator in report.indicators}
    for indicator in report.indicators:
        _indicator(out, indicator, None)
    for actual in report.actuals:
        if actual.indicator in own:
            indicator_key: str | None = f"{key}#{actual.indicator}"
        else:
            indicator_key = f"{plan_key}#{actual.indicator}" if plan_key is not None else None
        out.add(
            "actuals",
            actual.pointer,
            key,
            actual.indicator,
            indicator_key,
            _year(actual.year),
            _float(actual.value),
            _text(actual.value),  # exactly, as a decimal text
            _reason(actual.value),
            _float(actual.numerator),
            _float(actual.denominator),
            _float(actual.planned),
            _text(actual.mark),
        )
