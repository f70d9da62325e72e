"""The 計画値 a report prints beside an actual is the plan's target for that year.

A status report often repeats the plan's figure next to the actual (射水市: 実績 29 / 計画 10). When that printed
figure differs from the target in the plan, either the plan was revised without the report saying so, or one of
the two was mistyped; the rate the report implies and the one computed from the plan then disagree.

Fails (the report prints 12, the indicator's R6 target is 10)::

    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 計画値: 12}

Passes::

    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 計画値: 10}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Report, pointer_to
from jusou_spec.progress.rates import Scope, exact, goal_for
from jusou_spec.progress.text import figure
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN010",
    "indicators.planned-differs",
    Severity.WARNING,
    Message(ja="報告書の計画値が指標の目標と違う", en="A report's 計画値 differs from the indicator's target"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        entry = indicators.get(actual.indicator)
        if entry is None or actual.planned is None or actual.year is None:
            continue
        goal = goal_for(entry.indicator, actual.year)
        if goal is None or goal.scope is not Scope.YEAR or exact(goal.value) == exact(actual.planned):
            continue
        where_ja = "計画" if entry.defined_in == "plan" else "指標の定義"
        yield CHECK.finding(
            Message(
                ja=f"指標「{entry.indicator.name}」の{actual.year}の計画値 {figure(actual.planned)} が、{where_ja}の目標 "
                f"{figure(goal.value)} と違います。どちらかの誤りか、計画の改訂なら注記に書いてください",
                en=f"the {actual.year} 計画値 {figure(actual.planned)} of '{entry.indicator.name}' differs from the "
                f"target {figure(goal.value)} in the {'plan' if entry.defined_in == 'plan' else 'indicator definition'}; "
                "fix the one that is wrong, or note the plan's revision",
            ),
            pointer_to(actual, "planned"),
        )


DOC_JA = """報告書が実績の横に示す計画値は、その年度の計画の目標です。

実施状況報告は実績の横に計画の数値を繰り返すことがよくあります（射水市: 実績 29 / 計画 10）。その数値が計画の目標と
違うときは、報告書がそう書かずに計画が改訂されたか、どちらかの書き間違いで、報告書が示す率と計画から計算する率が
食い違います。
"""
