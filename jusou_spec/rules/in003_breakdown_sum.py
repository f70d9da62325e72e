"""The parts of a breakdown add up to the total the document states.

Status reports split their figures by 校区, 相談方法 or 相談内容 and print a 合計; when the parts and the total
disagree, one of them is wrong (in the source or in the transcription), and every rate computed from it is too.
This is the arithmetic nobody checks in the spreadsheet. A breakdown is checked against its ``合計``; one without
``合計`` against the value it splits (the actual's 値, or the 値 of the item it belongs to); and in a two-way
table with totals in both directions, each column total against its column. Nothing is checked where a figure is
not stated (``{未記載: 理由}``: a missing figure is not 0), nor for percentages, whose parts do not add up.

Fails (539 + 482 + 138 is 1,159, not 1,169)::

    年度: R5
    指標:
      - {id: 相談件数, 名称: 相談件数, 単位: 件}
    実績:
      - 指標: 相談件数
        年度: R5
        値: 1,169
        内訳:
          - 名称: 状況区分
            項目:
              - {名称: 新規, 値: 539}
              - {名称: 継続, 値: 482}
              - {名称: フォロー, 値: 138}

Passes::

    年度: R5
    指標:
      - {id: 相談件数, 名称: 相談件数, 単位: 件}
    実績:
      - 指標: 相談件数
        年度: R5
        値: 1,159
        内訳:
          - 名称: 状況区分
            項目:
              - {名称: 新規, 値: 539}
              - {名称: 継続, 値: 482}
              - {名称: フォロー, 値: 138}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Report, pointer_to
from jusou_spec.progress.sums import Basis, SumCheck, sum_checks
from jusou_spec.progress.text import figure, sum_text
from jusou_spec.progress.units import is_percent
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN003",
    "indicators.breakdown-sum",
    Severity.ERROR,
    Message(ja="内訳の和が合計と一致しない", en="A breakdown's parts do not add up to its total"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        entry = indicators.get(actual.indicator)
        unit = actual.unit if actual.unit is not None else (entry.indicator.unit if entry else None)
        if is_percent(unit):
            continue
        for found in sum_checks(actual.breakdowns, parent=actual.value, parent_pointer=pointer_to(actual, "value")):
            if not found.ok:
                yield CHECK.finding(_message(found), found.pointer)
    for activity in report.activities:
        for item in activity.figures:
            if is_percent(item.unit):
                continue
            for found in sum_checks(item.breakdowns, parent=item.value, parent_pointer=pointer_to(item, "value")):
                if not found.ok:
                    yield CHECK.finding(_message(found), found.pointer)


def _message(found: SumCheck) -> Message:
    parts, computed, stated = sum_text(found.parts), figure(found.computed), figure(found.stated)
    fix_ja = "原文の数値を確かめ、転記の誤りなら直してください（原文の誤りなら注記に書いてください）"
    fix_en = "check the figures against the source and fix the transcription (or note the source's error)"
    if found.basis is Basis.COLUMN:
        return Message(
            ja=f"「{found.axis}」の「{found.column}」の合計 {stated} が、「{found.rows_axis}」の各行の値の和 {computed}"
            f"（{parts}）と一致しません。{fix_ja}",
            en=f"the total {stated} of {found.axis} '{found.column}' is not the sum {computed} ({parts}) of that "
            f"column over the rows of {found.rows_axis}; {fix_en}",
        )
    if found.basis is Basis.PARENT:
        return Message(
            ja=f"「{found.axis}」の内訳の和 {computed}（{parts}）が、内訳する値 {stated} と一致しません"
            f"（合計を書かない内訳は、上の値を分けたものとして照合します）。{fix_ja}",
            en=f"the parts of '{found.axis}' add up to {computed} ({parts}), not to the value {stated} they "
            f"break down (a breakdown without 合計 is checked against the value above it); {fix_en}",
        )
    return Message(
        ja=f"「{found.axis}」の内訳の和 {computed}（{parts}）が、合計 {stated} と一致しません。{fix_ja}",
        en=f"the parts of '{found.axis}' add up to {computed} ({parts}), not to the stated total {stated}; {fix_en}",
    )


DOC_JA = """内訳の和は、文書が示す合計と一致します。

実施状況報告は数値を校区、相談方法、相談内容などに分けて合計を示します。内訳と合計が合わないときは、どちらかが
（出典か転記で）誤っており、それから計算するすべての率も誤ります。表計算で誰も確かめない計算です。内訳は `合計` と、
`合計` のない内訳はそれが分ける値（実績の `値`、または属する項目の `値`）と照らし合わせ、両方向に合計のある二元表では
列ごとに列の合計と照らし合わせます。値が書かれていないところ（`{未記載: 理由}`: 記載のない数は 0 ではありません）と、
足し合わせられない百分率は確かめません。
"""
