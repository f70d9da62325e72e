"""Every fiscal year that has ended has an actual for each indicator with a target, or a reason why not.

The PDCA review compares each year's actual with its target. A year that has ended with a target and no actual
is a hole in that review, and a silent one: nobody can tell a forgotten figure from one that does not exist.
So a report gives, for every year it covers up to the ``as-of`` year, each indicator's actual, or says why there
is none with ``値: {未記載: 理由}`` (「令和4年度からの取組につき実績集計はなし」). A year counts when a target
applies to it: a target for that year, or a period target whose years include it. ``jusou check`` takes the
report's own last year as ``as-of``; ``jusou indicators --as-of`` sets it.

Fails (the indicator has an R6 target and the R6 report gives no actual)::

    年度: R6
    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績: []

Passes (the report says why there is no figure)::

    年度: R6
    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: {未記載: 集計方法の見直し中で令和6年度は集計していない}}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import Plan, Report, pointer_to
from jusou_spec.progress.rates import goal_for
from jusou_spec.progress.units import unit_text
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

OPTIONS = {"as_of": None}
"""``as_of``: the last fiscal year taken as ended (a :class:`~jusou_spec.fiscal.FiscalYear`); None takes every year
the report covers, as ``jusou check`` does. ``jusou indicators --as-of`` sets it."""

CHECK = Check(
    "IN006",
    "indicators.missing-actual",
    Severity.WARNING,
    Message(ja="終わった年度に実績も理由もない", en="A year that has ended has no actual and no reason"),
)


def check(report: Report, plan: Plan | None, *, as_of: FiscalYear | None = None) -> Iterator[Finding]:
    if report.years is None or report.years.is_open:
        return
    years = [year for year in report.years.years() if as_of is None or year <= as_of]
    references = resolve_report(report, plan)
    pointer = pointer_to(report, "actuals" if report.actuals else "years")
    for ident, entry in references.indicators.items():
        for year in years:
            goal = goal_for(entry.indicator, year)
            if goal is None or references.actual(ident, year) is not None:
                continue
            target = goal.text(unit_text(entry.indicator.unit))
            yield CHECK.finding(
                Message(
                    ja=f"{year}の指標「{entry.indicator.name}」（{ident}）の実績がありません（{goal.scope.label()} {target}）。"
                    f"実績を書くか、ない理由を「{{指標: {ident}, 年度: {year}, 値: {{未記載: 理由}}}}」と書いてください",
                    en=f"no {year} actual for indicator '{entry.indicator.name}' ({ident}), which has a "
                    f"{goal.scope.label('en')} of {target}; give the actual, or the reason there is none as "
                    f"{{指標: {ident}, 年度: {year}, 値: {{未記載: reason}}}}",
                ),
                pointer,
            )


DOC_JA = """終わった年度には、目標のある各指標に実績があるか、ない理由があります。

PDCA の振り返りは各年度の実績を目標と比べます。目標があるのに実績のない終わった年度は振り返りの穴で、しかも
気付かれない穴です。書き忘れた数値か存在しない数値か区別できません。そこで報告書は、対象とする `as-of` の年度までの
各年度について、各指標の実績を書くか、`値: {未記載: 理由}` でない理由を書きます（「令和4年度からの取組につき実績
集計はなし」）。その年度の目標か、その年度を含む期間の目標があるときに、その年度を数えます。`jusou check` は
報告書自身の最後の年度を `as-of` とし、`jusou indicators --as-of` で指定できます。
"""
