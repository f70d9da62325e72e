"""A mark agrees with the figures under the marking rule the report itself declares.

Municipalities mark each indicator every year (〇, △, × …). No bundled document says how it chooses a mark (射水市
gives △ to an actual of 0 against a plan of 5), so marks are recorded as given and never inferred. But where a
report declares its rule (``評価基準``: each mark with the achievement rate it stands for), a mark that the
figures contradict, or a mark the rule does not define, is a slip the reader of the PDCA review should see.
The rate is the one ``jusou indicators`` shows (see docs/indicators.md).

Fails (29 against a plan of 10 is 290%, which the declared rule marks 〇)::

    評価基準:
      記号:
        - {記号: 〇, 意味: 達成, 達成率以上: 100}
        - {記号: △, 意味: 一部達成, 達成率以上: 50, 達成率未満: 100}
        - {記号: ×, 意味: 未達成, 達成率未満: 50}
    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 計画値: 10, 評価: △}

Passes::

    評価基準:
      記号:
        - {記号: 〇, 意味: 達成, 達成率以上: 100}
        - {記号: △, 意味: 一部達成, 達成率以上: 50, 達成率未満: 100}
        - {記号: ×, 意味: 未達成, 達成率未満: 50}
    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29, 計画値: 10, 評価: 〇}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import MarkingRule, Plan, Report, pointer_to
from jusou_spec.progress.marks import declared_marks, expected_mark
from jusou_spec.progress.rates import effective_direction, goal_for, rate, rounded
from jusou_spec.progress.text import figure, rate_text
from jusou_spec.progress.units import unit_text
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN004",
    "indicators.mark-contradicts-rule",
    Severity.WARNING,
    Message(ja="評価記号が報告書の評価基準と合わない", en="A mark contradicts the report's own marking rule"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    if not isinstance(report.marking, MarkingRule):
        return
    symbols = declared_marks(report.marking)
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        if not isinstance(actual.mark, str):
            continue
        if actual.mark not in symbols:
            yield CHECK.finding(
                Message(
                    ja=f"評価「{actual.mark}」は評価基準にない記号です（評価基準の記号: {'・'.join(symbols)}）。"
                    "記号を直すか、評価基準に加えてください",
                    en=f"the mark '{actual.mark}' is not one the marking rule defines ({', '.join(symbols)}); fix the "
                    "mark or add it to 評価基準",
                ),
                pointer_to(actual, "mark"),
            )
            continue
        entry = indicators.get(actual.indicator)
        if entry is None or actual.year is None or not isinstance(actual.value, int | Decimal):
            continue
        goal = goal_for(entry.indicator, actual.year, planned=actual.planned)
        if goal is None:
            continue
        exact_rate = rate(goal, actual.value, effective_direction(entry.indicator)[0])
        expected = expected_mark(report.marking, exact_rate)
        if expected is None or expected == actual.mark:
            continue
        shown = rate_text(rounded(exact_rate))
        unit = unit_text(entry.indicator.unit) or ""
        target = goal.text(unit or None)
        yield CHECK.finding(
            Message(
                ja=f"{actual.year}の実績 {figure(actual.value)}{unit} は目標 {target} に対して達成率 {shown} で、"
                f"評価基準では「{expected}」ですが、評価は「{actual.mark}」です。数値か評価を確かめてください",
                en=f"the {actual.year} actual {figure(actual.value)}{unit} against {target} is {shown}, which the marking "
                f"rule marks '{expected}', but the mark given is '{actual.mark}'; check the figures or the mark",
            ),
            pointer_to(actual, "mark"),
        )


DOC_JA = """評価記号は、報告書自身が定める評価基準に照らして数値と合っています。

市町村は毎年各指標に評価記号（〇、△、× …）を付けます。同梱の文書はどれも記号の決め方を書いていない（射水市は計画 5
に対する実績 0 に △ を付けています）ので、記号は書かれたとおりに記録し、推測しません。ただし報告書が基準を定めている
とき（`評価基準`: 各記号とそれが表す達成率）、数値と矛盾する記号や基準にない記号は、PDCA の振り返りの読み手が見るべき
誤りです。達成率は `jusou indicators` が示すものです（docs/indicators.md）。
"""
