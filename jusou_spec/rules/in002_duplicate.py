"""An indicator is defined once, and reported once per fiscal year.

A report may define indicators of its own beside the plan's, but not under an id the plan already uses: which
definition (name, unit, targets) would the actuals belong to? And one indicator given twice for the same year
in one report leaves the reader with two figures and no way to tell which one the municipality means.

Fails (R6 is reported twice)::

    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29}
      - {指標: 相談受付件数, 年度: 令和6年度, 値: 27}

Passes::

    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Report
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN002",
    "indicators.duplicate",
    Severity.ERROR,
    Message(
        ja="指標の定義または同じ年度の実績が重複している", en="An indicator defined twice, or reported twice for a year"
    ),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    for duplicate in resolve_report(report, plan).duplicates:
        if duplicate.kind == "指標":
            yield CHECK.finding(
                Message(
                    ja=f"指標の id「{duplicate.id}」は計画ですでに使われています。計画の指標の実績なら「指標」の定義を"
                    "削除し、別の指標なら別の id にしてください",
                    en=f"the indicator id '{duplicate.id}' is already the plan's. If these are the plan "
                    "indicator's actuals, remove this definition; otherwise choose another id",
                ),
                duplicate.pointer,
            )
        else:
            indicator, _, year = duplicate.id.rpartition(" ")
            yield CHECK.finding(
                Message(
                    ja=f"指標「{indicator}」の{year}の実績が二度書かれています（最初は {duplicate.first_pointer}）。"
                    "一つにまとめてください",
                    en=f"the {year} actual of indicator '{indicator}' is given twice (first at "
                    f"{duplicate.first_pointer}); keep one",
                ),
                duplicate.pointer,
            )


DOC_JA = """指標の定義は一度だけ、実績は年度ごとに一度だけです。

報告書は計画の指標のほかに独自の指標を定められますが、計画が使っている id では定められません。実績がどちらの定義
（名称、単位、目標）に属するのか決まらないからです。また一つの報告書で同じ指標の同じ年度の実績を二度書くと、読み手
には二つの数値があり、市町村がどちらを意図しているかわかりません。
"""
