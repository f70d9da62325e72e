"""A program's budget and staffing are for years of the plan period.

A budget (予算) is stated per fiscal year, and a staffing entry (職員配置) for some years. A year outside the plan
period (計画期間) is either a typo (R9 for R6) or a figure the plan cannot commit to; a figure for the year before
the plan (a 前年度 budget kept for comparison) belongs in a note. When the plan period is not stated there is
nothing to compare with, and the rule says nothing.

Fails (a budget for R9 in a plan for R6～R8)::

    計画期間: R6～R8
    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        予算:
          - {年度: R8, 金額: 3000, 単位: 千円}
          - {年度: R9, 金額: 3000, 単位: 千円}

Passes::

    計画期間: R6～R8
    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        予算:
          - {年度: R7, 金額: 3000, 単位: 千円}
          - {年度: R8, 金額: 3200, 単位: 千円}
        職員配置:
          - {年度: R7～R8, 職種: 参加支援コーディネーター, 人数: 1}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalRange
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "BG001",
    "budget.outside-period",
    Severity.WARNING,
    Message(ja="予算・職員配置の年度が計画期間の外にある", en="A budget or staffing year outside the plan period"),
)


def check(plan: Plan) -> Iterator[Finding]:
    period = plan.period_range
    if period is None:
        return
    for program in plan.programs:
        for budget in program.budgets:
            if budget.year is not None and budget.year not in period:
                yield CHECK.finding(
                    Message(
                        ja=f"「{program.label}」の予算の年度（{budget.year}）が計画期間（{period}）の外にあります。"
                        "年度の書き間違いなら直し、前年度などの参考の額なら注記に書いてください",
                        en=f"the budget year of '{program.label}' ({budget.year}) lies outside the plan period "
                        f"({period}); correct a typo, or move a reference figure (a previous year's) into a note",
                    ),
                    pointer_to(budget, "year"),
                )
        for staff in program.staff:
            if isinstance(staff.years, FiscalRange) and not staff.years.within(period):
                yield CHECK.finding(
                    Message(
                        ja=f"「{program.label}」の職員配置（{staff.role}）の年度（{staff.years}）が計画期間（{period}）の"
                        "外にあります。年度の書き間違いなら直してください",
                        en=f"the staffing years of '{program.label}' ({staff.role}, {staff.years}) lie outside the "
                        f"plan period ({period}); correct the years",
                    ),
                    pointer_to(staff, "years"),
                )


DOC_JA = """事業の予算と職員配置は、計画期間の年度についてのものです。

予算（`予算`）は年度ごとに、職員配置（`職員配置`）はいくつかの年度について書きます。計画期間の外の年度は、書き間違い
（R6 のつもりの R9）か、計画が約束できない数字です。比べるために残した計画の前年度の予算は、注記に書きます。計画期間が
書かれていないときは比べるものがないので、何も言いません。
"""
