"""Each pillar of the project has at least one numeric target.

The ministry's guideline asks each plan for 事業目標 and 評価指標 (相談受付件数 for consultation, 支援対象者数 and
協力事業者数 for participation, 拠点数 and 参加者数 for community building), and the Ministry of Finance's budget
review of 2024 found that about 8 in 10 municipalities ran the project with no quantitative target, asking for a
PDCA cycle. A plan without numbers is the common failure: for each pillar (相談支援 第1号, 参加支援 第2号, 地域づくり
第3号) and each new function (アウトリーチ等 第4号, 多機関協働 第5号・第6号) that has programs, at least one of
them should carry an indicator (成果目標) with a target value; a warning for each that has none.

Fails (the outreach program has no target)::

    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        所管課: [地域福祉課]

Passes::

    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        所管課: [地域福祉課]
        成果目標:
          - id: 相談件数
            名称: 地域住民及び関係機関からの相談件数
            単位: 件
            目標: [{年度: R6, 値: 10, 比較: 以上}]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.law import CLAUSES, Pillar
from jusou_spec.model import Plan, Program

CHECK = Check(
    "TG001",
    "targets.per-pillar",
    Severity.WARNING,
    Message(ja="数値目標のない柱", en="A pillar with no numeric target"),
)


def _has_target(program: Program) -> bool:
    return any(indicator.has_targets for indicator in program.indicators)


def check(plan: Plan) -> Iterator[Finding]:
    for pillar in Pillar:
        programs = plan.programs_under(pillar)
        if not programs or any(_has_target(program) for program in programs):
            continue
        labels = "・".join(c.label for c in CLAUSES if c.pillar is pillar)
        yield CHECK.finding(
            Message(
                ja=f"{pillar.value}（{labels}）の事業に数値目標（成果目標の目標値）がありません。財務省の予算執行調査"
                "（令和6年度）は、約8割の自治体が定量的な目標を置かずに事業を実施していると指摘しています。"
                "この柱の事業の成果目標に、目標値のある指標を書いてください",
                en=f"no program of {pillar.english} ({labels}) has an indicator with a target value; the Ministry of "
                "Finance's 2024 budget review found about 8 in 10 municipalities set no quantitative target. Give "
                "one of these programs an indicator (成果目標) with a target",
            ),
            programs[0].pointer,
        )


DOC_JA = """事業の柱ごとに、少なくとも一つの数値目標があります。

国の指針は各計画に事業目標と評価指標を求め（相談支援では相談受付件数、参加支援では支援対象者数・協力事業者数、
地域づくりでは拠点数・参加者数）、財務省の令和6年度予算執行調査は、約8割の市町村が数値目標なしに事業を実施して
いるとして PDCA サイクルを求めました。数値のない計画はよくある欠けです。事業のある柱（相談支援 第1号、参加支援
第2号、地域づくり 第3号）と新しい機能（アウトリーチ等 第4号、多機関協働 第5号・第6号）ごとに、少なくとも一つの
事業が目標値のある指標（`成果目標`）を持つべきで、ないものごとに警告です。
"""
