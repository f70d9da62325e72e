"""An initiative's 施策/アクション numbers exist in the related plan, when the plan lists that plan's items.

Initiatives are tied to the municipality's 地域福祉計画 and 地域福祉推進計画 by number
(〔地域福祉計画関連施策：１・２・４〕). 社会福祉法第106条の5第3項 requires the implementation plan to be in harmony
with the 地域福祉計画, and these numbers are where that harmony is checked item by item. When the document lists the
related plan's items (関連計画 → 施策 / アクション), a number that is not among them is an error: a mistyped or
renumbered reference sends the reader to the wrong 施策. When it does not list them, RF003 says the numbers are
unchecked.

Fails (施策 9 is not in the listed 施策)::

    関連計画:
      - id: 地域福祉計画
        名称: 第4次見本市地域福祉計画
        種別: 地域福祉計画
        施策: [{番号: 1, 名称: 相談支援の充実}, {番号: 2, 名称: 居場所づくり}]
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        関連施策: {計画: 地域福祉計画, 番号: [1, 9]}

Passes::

    関連計画:
      - id: 地域福祉計画
        名称: 第4次見本市地域福祉計画
        種別: 地域福祉計画
        施策: [{番号: 1, 名称: 相談支援の充実}, {番号: 2, 名称: 居場所づくり}]
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        関連施策: {計画: 地域福祉計画, 番号: [1, 2]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan

CHECK = Check(
    "RF002",
    "references.item-number",
    Severity.ERROR,
    Message(ja="関連計画にない施策・アクションの番号", en="A 施策/アクション number the related plan does not have"),
)

_RELATION_EN = {"施策": "measure (施策)", "アクション": "action (アクション)"}


def check(plan: Plan) -> Iterator[Finding]:
    for link in plan.references.item_links:
        if not link.checked or link.item is not None or link.plan is None:
            continue
        listed = getattr(link.plan, "measures" if link.relation == "施策" else "actions") or ()
        numbers = "、".join(str(entry.number) for entry in listed)
        yield CHECK.finding(
            Message(
                ja=f"取組「{link.initiative.name}」の関連{link.relation}の番号 {link.number} は、関連計画"
                f"「{link.plan.name}」の{link.relation}（{numbers}）にありません。番号を確かめてください",
                en=f"initiative '{link.initiative.name}' refers to {_RELATION_EN.get(link.relation, link.relation)} "
                f"{link.number}, which the related plan '{link.plan.name}' does not have (it lists {', '.join(str(e.number) for e in listed)}); "
                "check the number",
            ),
            link.pointer,
        )


DOC_JA = """取組の施策・アクションの番号は、計画が関連計画の項目を書いているとき、その中にあります。

取組は番号で地域福祉計画・地域福祉推進計画に結び付けられます（〔地域福祉計画関連施策：１・２・４〕）。
社会福祉法第106条の5第3項は実施計画が地域福祉計画と調和することを求めており、この番号がその調和を項目ごとに
確かめる所です。文書が関連計画の項目（関連計画 → 施策 / アクション）を書いているとき、その中にない番号はエラーです。
書き間違えた番号や番号の振り直しは、読み手を違う施策に案内します。項目を書いていないときは RF003 が照合していない
ことを知らせます。
"""
