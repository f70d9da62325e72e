"""An actual's year lies within the plan period and within the years the report covers.

An actual for R3 in a plan that runs R4–R8, or an R7 figure in a report on R6, is nearly always a mistyped
year; left alone it lands in the wrong column of the review and leaves the right year empty.

Fails (the report covers R6, the actual says R7)::

    年度: R6
    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R7, 値: 29}

Passes::

    年度: R6
    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Report, pointer_to

DOCUMENT = "report"

CHECK = Check(
    "IN005",
    "indicators.year-outside-period",
    Severity.WARNING,
    Message(
        ja="実績の年度が計画期間・報告の対象年度の外にある",
        en="An actual's year is outside the plan period or the report's years",
    ),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    period = plan.period_range if plan is not None else None
    for actual in report.actuals:
        if actual.year is None:
            continue
        where = pointer_to(actual, "year")
        if period is not None and actual.year not in period:
            yield CHECK.finding(
                Message(
                    ja=f"指標「{actual.indicator}」の実績の年度 {actual.year} は計画期間（{period}）の外です。年度を確かめてください",
                    en=f"the actual of '{actual.indicator}' is for {actual.year}, outside the plan period ({period}); "
                    "check the year",
                ),
                where,
            )
        elif report.years is not None and actual.year not in report.years:
            yield CHECK.finding(
                Message(
                    ja=f"指標「{actual.indicator}」の実績の年度 {actual.year} は報告書の対象年度（{report.years}）の外です。"
                    "実績の年度か、報告書の「年度」を確かめてください",
                    en=f"the actual of '{actual.indicator}' is for {actual.year}, outside the years the report covers "
                    f"({report.years}); check the year, or the report's 年度",
                ),
                where,
            )


DOC_JA = """実績の年度は、計画期間の中、かつ報告書の対象年度の中にあります。

R4〜R8 の計画に R3 の実績、R6 についての報告書に R7 の数値があるのは、ほとんどが年度の書き間違いです。そのままでは
振り返りの違う列に入り、正しい年度が空になります。
"""
