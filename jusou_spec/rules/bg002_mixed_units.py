"""One program's budgets are written in one unit.

A program's budget per year is compared across years (R7 → R8, the change a committee asks about). Written partly
in 円 and partly in 千円, the figures read a thousandfold apart; a transcription that keeps the source's unit per
table must still bring one program's figures to one unit, or the comparison is wrong by a factor of 1,000.

Fails (R7 in 千円, R8 in 円)::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        予算:
          - {年度: R7, 金額: 3000, 単位: 千円}
          - {年度: R8, 金額: 3200000, 単位: 円}

Passes::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        予算:
          - {年度: R7, 金額: 3000, 単位: 千円}
          - {年度: R8, 金額: 3200, 単位: 千円}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "BG002",
    "budget.mixed-units",
    Severity.WARNING,
    Message(ja="一つの事業の予算に円と千円が混ざっている", en="One program's budgets mix 円 and 千円"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for program in plan.programs:
        if not program.budgets:
            continue
        first = program.budgets[0].unit
        for budget in program.budgets[1:]:
            if budget.unit is not first:
                yield CHECK.finding(
                    Message(
                        ja=f"「{program.label}」の予算（{budget.year}）の単位が{budget.unit.value}ですが、最初の予算は"
                        f"{first.value}です。一つの事業の予算は同じ単位でそろえてください（1千円 = 1,000円）",
                        en=f"the budget of '{program.label}' for {budget.year} is in {budget.unit.value}, its first "
                        f"budget in {first.value}; write one program's budgets in one unit (1 千円 = 1,000 円)",
                    ),
                    pointer_to(budget, "unit"),
                )


DOC_JA = """一つの事業の予算は、一つの単位で書きます。

事業の年度ごとの予算は年度の間で比べられます（R7 → R8、審議会で問われる増減）。円と千円が混ざると、数字は千倍
ずれて読まれます。表ごとに出典の単位を守る転記でも、一つの事業の数字は一つの単位にそろえないと、比較が 1,000 倍
狂います。
"""
