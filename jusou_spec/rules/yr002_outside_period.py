"""Every year and period the plan schedules lies inside the plan period.

A plan is adopted for its period (計画期間); a program year, a mode, a phase of an item's 年度計画, a schedule cell,
a target year or a meeting's renaming outside that period is either a typo (R9 for R6) or a commitment the plan
cannot make, and a program running outside the period is not judged by the mandatory-clause rule at all. Ranges
are compared whole: 【R6～9】 in a plan for R4～R8 is outside by its last year. When the plan period is not stated
there is nothing to compare with, and the rule says nothing.

Fails (the phase runs past R8)::

    計画期間: R4～R8
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        項目:
          - id: "(1)ア"
            名称: 多機関による協働体制の強化
            年度計画:
              段階: [{期間: R4～5, 名称: 推進委員会の設置}, {期間: R6～9, 名称: 協働体制の強化}]

Passes::

    計画期間: R4～R8
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        項目:
          - id: "(1)ア"
            名称: 多機関による協働体制の強化
            年度計画:
              段階: [{期間: R4～5, 名称: 推進委員会の設置}, {期間: R6～8, 名称: 協働体制の強化}]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalRange
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "YR002",
    "years.outside-period",
    Severity.ERROR,
    Message(ja="計画期間の外の年度", en="A year outside the plan period"),
)


def _ranges(plan: Plan) -> Iterator[tuple[FiscalRange, str, str, str]]:
    """(range, pointer, what in Japanese, what in English) for every dated part of the plan."""
    for period in plan.modes:
        if period.years is not None:
            yield period.years, pointer_to(period, "years"), "実施形態の年度", "the mode's years"
    for program in plan.programs:
        if program.years is not None:
            yield (
                program.years,
                pointer_to(program, "years"),
                f"事業「{program.label}」の実施年度",
                f"the years of program '{program.label}'",
            )
        for indicator in program.indicators:
            targets = indicator.targets if isinstance(indicator.targets, tuple) else ()
            for target in targets:
                if isinstance(target.years, FiscalRange):
                    yield (
                        target.years,
                        pointer_to(target, "years"),
                        f"指標「{indicator.name}」の目標の年度",
                        f"the target year of indicator '{indicator.name}'",
                    )
    for initiative in plan.initiatives:
        for item in initiative.items:
            if item.schedule is None:
                continue
            for phase in item.schedule.phases:
                if phase.period is not None:
                    yield (
                        phase.period,
                        pointer_to(phase, "period"),
                        f"項目「{item.id}」の段階「{phase.name}」",
                        f"phase '{phase.name}' of item '{item.id}'",
                    )
            for cell in item.schedule.cells:
                if cell.years is not None:
                    yield (
                        cell.years,
                        pointer_to(cell, "years"),
                        f"項目「{item.id}」の年度計画のセル",
                        f"a schedule cell of item '{item.id}'",
                    )
    for row in plan.schedule:
        for cell in row.cells:
            if cell.years is not None:
                yield (
                    cell.years,
                    pointer_to(cell, "years"),
                    f"スケジュール「{row.name}」のセル",
                    f"a cell of schedule row '{row.name}'",
                )
    for meeting in plan.meetings:
        for rename in meeting.renames:
            if rename.years is not None:
                yield (
                    rename.years,
                    pointer_to(rename, "years"),
                    f"会議「{meeting.name}」の名称変更の年度",
                    f"the renaming year of meeting '{meeting.name}'",
                )


def check(plan: Plan) -> Iterator[Finding]:
    period = plan.period_range
    if period is None:
        return
    for years, pointer, what_ja, what_en in _ranges(plan):
        if not years.within(period):
            yield CHECK.finding(
                Message(
                    ja=f"{what_ja}（{years}）が計画期間（{period}）の外にあります。年度の書き間違いなら直し、"
                    "計画期間の後のことなら注記に書いてください",
                    en=f"{what_en} ({years}) lie outside the plan period ({period}); correct the year if it is a "
                    "typo, or move what lies beyond the period into a note",
                ),
                pointer,
            )


DOC_JA = """計画に書かれた年度と期間は、計画期間の中にあります。

計画はその計画期間について策定されます。事業の実施年度、実施形態、年度計画の段階、スケジュールのセル、目標の年度、
会議の名称変更が計画期間の外にあるのは、書き間違い（R6 のつもりの R9）か、計画がすることのできない約束です。
計画期間の外の事業は必須の号の検査でも数えられません。期間は全体で比べます。R4～R8 の計画の【R6～9】は
最後の年度が外です。計画期間が書かれていないときは比べるものがないので、何も言いません。
"""
