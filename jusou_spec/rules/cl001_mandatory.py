"""Every clause the law makes mandatory has a program in each year the project runs in full.

社会福祉法第106条の4第2項 defines the project as running all of its items "as one body" (一体のものとして):
a municipality in 本格実施 runs every item of 第1号イ–ニ, 第2号, 第3号イ–ニ, 第4号, 第5号 and 第6号. The
community-building project for people in need (第3号 without a letter) is a budget project under 第3号 and is
expected rather than required, so its absence is a warning. Each fiscal year is judged by that year's mode: in a
移行準備事業 year a program or a scheduled start later in the plan is enough, and a clause with neither is a
warning.

A program runs in the years of its 実施年度, or throughout the plan when it gives none. A clause is covered only by
a program that carries it itself: an umbrella (a program with 号全体, or one that others name as their 上位事業)
covers nothing by itself, so removing the one program of a clause under its umbrella is a finding here.

Fails (no program implements 第4号 in a 本格実施 year)::

    実施形態: 本格実施
    事業:
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 所管課: [高齢介護課]}
      - {id: 多機関協働, 名称: 多機関協働事業, 号: 第5号・第6号, 所管課: [地域福祉課]}

Passes (every clause has a program; 第2号 and 第4号 start in R7, the first 本格実施 year)::

    計画期間: R6～R8
    実施形態:
      - {年度: R6, 形態: 移行準備事業}
      - {年度: R7～R8, 形態: 本格実施}
    事業:
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 所管課: [高齢介護課]}
      - {id: 障害相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 所管課: [障がい福祉課]}
      - {id: 利用者支援, 名称: 利用者支援事業, 号: 第1号ハ, 所管課: [こども課]}
      - {id: 自立相談, 名称: 自立相談支援事業, 号: 第1号ニ, 所管課: [地域福祉課]}
      - {id: 参加支援, 名称: 参加支援事業, 号: 第2号, 実施年度: R7～R8, 所管課: [地域福祉課]}
      - {id: 介護予防, 名称: 地域介護予防活動支援事業, 号: 第3号イ, 所管課: [高齢介護課]}
      - {id: 生活支援, 名称: 生活支援体制整備事業, 号: 第3号ロ, 所管課: [高齢介護課]}
      - {id: 地活, 名称: 地域活動支援センター事業, 号: 第3号ハ, 所管課: [障がい福祉課]}
      - {id: 拠点, 名称: 地域子育て支援拠点事業, 号: 第3号ニ, 所管課: [こども課]}
      - {id: 地域づくり, 名称: 生活困窮者支援等のための地域づくり事業, 号: 第3号, 所管課: [地域福祉課]}
      - {id: アウトリーチ, 名称: アウトリーチ等を通じた継続的支援事業, 号: 第4号, 実施年度: R7～R8, 所管課: [地域福祉課]}
      - {id: 多機関協働, 名称: 多機関協働事業, 号: 第5号・第6号, 所管課: [地域福祉課]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalYear
from jusou_spec.law import ACT, ARTICLE, CLAUSES, Clause
from jusou_spec.model import Mode, Plan, Program, pointer_to

CHECK = Check(
    "CL001",
    "clauses.mandatory",
    Severity.ERROR,
    Message(ja="法定の号に事業がない年度がある", en="A mandatory clause has no program in some year"),
)


def _years_text(years: list[FiscalYear]) -> str:
    return "、".join(str(year) for year in years)


def _missing(plan: Plan, covering: tuple[Program, ...], year: FiscalYear) -> bool:
    return not any(plan.runs_in(program, year) for program in covering)


def _scheduled_later(covering: tuple[Program, ...], year: FiscalYear) -> bool:
    return any(program.years is not None and program.years.start > year for program in covering)


def check(plan: Plan) -> Iterator[Finding]:
    years = plan.years()
    modes = {year: plan.mode_in(year) for year in years}  # asked once per year, not once per year and clause
    for clause in CLAUSES:
        severity = Severity.ERROR if clause.required else Severity.WARNING
        covering = plan.covering(clause)
        if not years:
            if any(period.mode is Mode.FULL for period in plan.modes) and not covering:
                yield CHECK.finding(_message(clause, []), pointer_to(plan, "programs"), severity=severity)
            continue
        full = [y for y in years if modes[y] is Mode.FULL and _missing(plan, covering, y)]
        if full:
            yield CHECK.finding(_message(clause, full), pointer_to(plan, "programs"), severity=severity)
        if full:
            continue  # the error already names the clause; a warning about the preparation years adds nothing
        preparing = [
            y
            for y in years
            if modes[y] is Mode.TRANSITION and _missing(plan, covering, y) and not _scheduled_later(covering, y)
        ]
        if preparing:
            yield CHECK.finding(
                Message(
                    ja=f"移行準備事業の年度（{_years_text(preparing)}）に、{clause.label}（{clause.program}）の事業も"
                    f"その後の開始予定（実施年度）もありません（{ACT}{ARTICLE}）",
                    en=f"in the transition year(s) {', '.join(map(str, preparing))}, {clause.label} "
                    f"({clause.program_en}) has neither a program nor a later scheduled start (実施年度) "
                    f"(Social Welfare Act art. 106-4(2))",
                ),
                pointer_to(plan, "programs"),
                severity=Severity.WARNING,
            )


def _message(clause: Clause, years: list[FiscalYear]) -> Message:
    when_ja = f"本格実施の年度（{_years_text(years)}）に" if years else "本格実施なのに"
    when_en = f"in the full-implementation year(s) {', '.join(map(str, years))}" if years else "in full implementation"
    expected_ja = "が必須です" if clause.required else "が想定されています"
    return Message(
        ja=f"{when_ja}{clause.label}（{clause.program}）を実施する事業がありません。{clause.citation}の事業{expected_ja}",
        en=f"{when_en}, no program implements {clause.label} ({clause.program_en}); {clause.citation} "
        f"{'requires' if clause.required else 'expects'} it (Social Welfare Act art. 106-4(2))",
    )


DOC_JA = """法が必須とする号には、本格実施の各年度に、その号を実施する事業があります。

社会福祉法第106条の4第2項は、重層的支援体制整備事業を各号の事業を「一体のものとして」実施する事業と定めています。
本格実施の市町村は第1号イ〜ニ、第2号、第3号イ〜ニ、第4号、第5号、第6号のすべてを実施します。生活困窮者のための
地域づくり事業（記号のない第3号）は第3号の予算事業で、必須ではなく期待されるものなので、ないときは警告です。
各年度はその年度の実施形態で判断します。移行準備事業の年度は、事業があるか計画の後の年度に開始予定があれば足り、
どちらもない号は警告です。

事業は `実施年度` の年度に、書いていなければ計画期間全体に実施されるものとして数えます。
"""
