"""Where a program's delivery changes by year, every year it runs has one way of delivering it.

Delivery changes over a plan: a program run 直営 in R6 is contracted out from R7, once a contractor is chosen. Each
実施方式 entry may then give its 年度; an entry without 年度 holds for every year. Once any entry of a program names
years, each fiscal year in which the program runs (its 実施年度, within the plan period) is judged: a year with no
entry in force leaves the reader not knowing who delivers the program that year, and a year with two entries of
different modes, both for the whole program (neither limited by 対象), says two things at once. Entries limited by
対象 (委託 for some sites, 直営 for the rest) are the ordinary mixed delivery and are not a conflict. Programs whose
entries give no year at all are not judged here: their delivery holds throughout.

Fails (R8 has no delivery, R7 has two)::

    計画期間: R6～R8
    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        実施方式:
          - {方式: 直営, 年度: R6～R7}
          - {方式: 委託, 年度: R7, 委託先: [社会福祉協議会]}
        所管課: [地域福祉課]

Passes (直営 in R6, contracted out from R7)::

    計画期間: R6～R8
    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        実施方式:
          - {方式: 直営, 年度: R6}
          - {方式: 委託, 年度: R7～R8, 委託先: [社会福祉協議会]}
        所管課: [地域福祉課]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalYear, holds_in
from jusou_spec.model import Delivery, DeliveryMode, Plan, Program, pointer_to

CHECK = Check(
    "DL004",
    "delivery.by-year",
    Severity.WARNING,
    Message(
        ja="実施方式が年度で変わる事業に、実施方式のない年度か、食い違う実施方式の年度がある",
        en="A program whose delivery changes by year has a year with no delivery, or with two conflicting ones",
    ),
)


def in_force(program: Program, year: FiscalYear) -> list[Delivery]:
    """The program's 実施方式 entries that hold in ``year`` (an entry without 年度 holds in every year)."""
    if not isinstance(program.delivery, tuple):
        return []
    return [d for d in program.delivery if holds_in(d.years, year)]


def _years_text(years: list[FiscalYear]) -> str:
    return "、".join(str(year) for year in years)


def check(plan: Plan) -> Iterator[Finding]:
    years = plan.years()
    for program in plan.programs:
        if not isinstance(program.delivery, tuple) or all(d.years is None for d in program.delivery):
            continue
        running = [year for year in years if plan.runs_in(program, year)]
        missing = [year for year in running if not in_force(program, year)]
        if missing:
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」は{_years_text(missing)}に実施する事業ですが、その年度の実施方式がありません。"
                    "実施方式の「年度」を確かめ、その年度の方式を書いてください",
                    en=f"'{program.label}' runs in {', '.join(map(str, missing))} but no 実施方式 holds for that "
                    "year; check the entries' 年度 and add the year's delivery",
                ),
                pointer_to(program, "delivery"),
            )
        conflicts: dict[str, tuple[list[str], list[FiscalYear]]] = {}
        for year in running:
            whole = [d for d in in_force(program, year) if not d.applies_to]
            modes = sorted({d.mode.value for d in whole}, key=[m.value for m in DeliveryMode].index)
            if len(modes) > 1:
                second = next(d for d in whole if d.mode.value != whole[0].mode.value)
                conflicts.setdefault(pointer_to(second), (modes, []))[1].append(year)
        for pointer, (modes, conflicting) in conflicts.items():
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の{_years_text(conflicting)}の実施方式が{'と'.join(modes)}の二つあります。"
                    "年度で方式が変わるなら各方式の「年度」が重ならないように、一部だけの方式なら「対象」を書いてください",
                    en=f"'{program.label}' has two deliveries in {', '.join(map(str, conflicting))} "
                    f"({', '.join(modes)}); if the delivery changes by year, make the entries' 年度 not overlap; if "
                    "one covers only part, give its 対象",
                ),
                pointer,
            )


DOC_JA = """実施方式が年度で変わる事業は、実施する各年度に一つの実施方式があります。

実施方式は計画の途中で変わります。R6 は直営の事業を、委託先が決まった R7 から委託する、といった場合です。そのとき
`実施方式` の各項目に `年度` を書けます（`年度` のない項目はすべての年度に当たります）。ある事業のどれかの項目が年度を
書いたら、その事業を実施する各年度（計画期間の中の `実施年度`）を確かめます。当たる項目のない年度は、その年度に誰が
事業を行うのか読み手にわからず、事業全体についての（`対象` で限っていない）違う方式の項目が二つある年度は、二つの
ことを同時に言っています。`対象` で限った項目（一部の拠点は委託、残りは直営）はふつうの組み合わせで、食い違いでは
ありません。どの項目も年度を書いていない事業はここでは判断しません（実施方式は計画期間を通じて当たります）。
"""
