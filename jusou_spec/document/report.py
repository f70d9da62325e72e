"""A status report on its own (no plan found beside it): its indicators with actuals, activities, tables, prose."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from jusou_spec.document.content import FindingLine, IndicatorTable, finding_lines, indicator_tables_of, place_names
from jusou_spec.document.html import environment
from jusou_spec.findings import Finding
from jusou_spec.indicator_table.chart import chart_svg
from jusou_spec.model import NotStated, Report

__all__ = ["ReportContent", "build_report", "render_report_html"]


@attrs.frozen
class ReportContent:
    report: Report
    indicators: tuple[IndicatorTable, ...]
    findings: tuple[FindingLine, ...]

    @property
    def municipality(self) -> str:
        name = self.report.municipality.name
        return "（自治体名の記載なし）" if isinstance(name, NotStated) else name


def build_report(report: Report, *, findings: Iterable[Finding] = ()) -> ReportContent:
    return ReportContent(
        report=report,
        indicators=indicator_tables_of(None, [report], chart_svg),
        findings=finding_lines(findings, place_names(report)),
    )


def render_report_html(content: ReportContent) -> str:
    return environment().get_template("html/report.html.j2").render(c=content)
