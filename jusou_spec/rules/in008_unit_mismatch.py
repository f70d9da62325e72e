"""An actual is counted in the unit its target is set in.

Comparing 29 件 with a target of 10 人 gives a rate that means nothing. An actual may name its unit (``単位``)
where the report prints one, and a target may name its own where it differs from the indicator's (``５企業・団体
以上`` under an indicator counted in 件); where both are written and they are different units, the figures cannot
be compared. Spellings of one unit (％ and %, 箇所 and か所) are the same unit.

Fails (the indicator counts 件, the actual is given in 人)::

    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 単位: 人}

Passes::

    指標:
      - id: 相談受付件数
        名称: 多機関協働事業における相談受付件数
        単位: 件
        目標: [{年度: R6, 値: 10}]
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 単位: 件}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Report, pointer_to
from jusou_spec.progress.rates import goal_for
from jusou_spec.progress.units import same_unit, unit_text
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN008",
    "indicators.unit-mismatch",
    Severity.ERROR,
    Message(ja="目標と実績の単位が違う", en="The target and the actual are in different units"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        given = unit_text(actual.unit)
        entry = indicators.get(actual.indicator)
        if given is None or entry is None:
            continue
        goal = goal_for(entry.indicator, actual.year) if actual.year is not None else None
        target_unit = (goal.unit if goal is not None else None) or unit_text(entry.indicator.unit)
        if target_unit is None or same_unit(given, target_unit):
            continue
        yield CHECK.finding(
            Message(
                ja=f"指標「{entry.indicator.name}」の実績の単位「{given}」が、目標の単位「{target_unit}」と違います。"
                "同じ単位で比べられるよう、実績か指標の単位を確かめてください",
                en=f"the actual of '{entry.indicator.name}' is in '{given}', but its target is in '{target_unit}'; "
                "the figures cannot be compared. Check the actual's or the indicator's unit",
            ),
            pointer_to(actual, "unit"),
        )


DOC_JA = """実績は、目標と同じ単位で数えます。

29 件を 10 人の目標と比べた率には意味がありません。実績は報告書が印字しているとき単位（`単位`）を書け、目標は指標と
違う単位で書かれているとき自分の単位を書けます（件で数える指標の下の「５企業・団体以上」）。両方が書かれていて
違う単位のとき、数値は比べられません。一つの単位の表記の違い（％ と %、箇所 と か所）は同じ単位です。
"""
