"""The plan period is a closed span, and every year of it has a mode.

The plan period and the mode of each year (本格実施 or 移行準備事業) are what every other check is judged by: the
mandatory clauses are required year by year according to that year's mode. A period without an end (R6～) gives
no years to judge, and a year of the period that no 実施形態 entry covers is skipped by the mandatory-clause rule
(CL001), so both are warnings: state the last year, and give each year its mode. (A period that ends before it
starts cannot be read at all and is reported when the plan is loaded, as YR001.)

Fails (R8 has no mode)::

    計画期間: R6～R8
    実施形態:
      - {年度: R6, 形態: 移行準備事業}
      - {年度: R7, 形態: 本格実施}

Passes::

    計画期間: R6～R8
    実施形態:
      - {年度: R6, 形態: 移行準備事業}
      - {年度: R7～R8, 形態: 本格実施}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "YR004",
    "years.plan-period",
    Severity.WARNING,
    Message(ja="計画期間・年度ごとの実施形態の欠け", en="A plan period without an end, or years without a mode"),
)


def check(plan: Plan) -> Iterator[Finding]:
    period = plan.period_range
    if period is not None and period.is_open:
        yield CHECK.finding(
            Message(
                ja=f"計画期間（{period}）に終わりの年度がありません。各年度の必須の号を判定できないため、終わりの年度"
                "（例: R4～R8）を書いてください",
                en=f"the plan period ({period}) has no last year, so no year can be judged for the mandatory "
                "clauses; give the last year (e.g. R4～R8)",
            ),
            pointer_to(plan, "period"),
        )
    missing = [year for year in plan.years() if plan.mode_in(year) is None]
    if missing:
        shown = "、".join(str(year) for year in missing)
        yield CHECK.finding(
            Message(
                ja=f"{shown}の実施形態（本格実施・移行準備事業）がありません。その年度は必須の号の判定（CL001）から"
                "外れます。実施形態に年度を加えてください",
                en=f"{', '.join(str(y) for y in missing)}: no mode (本格実施 or 移行準備事業) is given, so the "
                "mandatory-clause check (CL001) skips these years; add them under 実施形態",
            ),
            pointer_to(plan, "modes"),
        )


DOC_JA = """計画期間は終わりのある期間で、その各年度に実施形態があります。

計画期間と年度ごとの実施形態（本格実施か移行準備事業か）は、ほかのすべての検査の基準です。必須の号は年度ごとに
その年度の実施形態に従って求められます。終わりのない期間（R6～）は判断する年度がなく、どの `実施形態` にも
含まれない年度は必須の号の検査（CL001）で飛ばされるので、どちらも警告です。最後の年度を書き、各年度に実施形態を
書きます（始まりより前に終わる期間は読めないので、読み込むときに YR001 になります）。
"""
