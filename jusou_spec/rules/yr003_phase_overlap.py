"""The phases of one item's 年度計画 do not overlap.

An item's yearly plan is divided into headed phases (芦屋市: 【R4～5】 推進委員会の設置, 【R6～8】 協働体制の強化),
each saying what the item aims at in those years. Two phases that share a year give two aims for it, and a reader
of the plan (or the 関係図, which draws phases side by side) cannot tell which holds: an error.

Fails (R5 is in both phases)::

    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        項目:
          - id: "(1)ア"
            名称: 多機関による協働体制の強化
            年度計画:
              段階: [{期間: R4～5, 名称: 推進委員会の設置}, {期間: R5～8, 名称: 協働体制の強化}]

Passes::

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
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "YR003",
    "years.phase-overlap",
    Severity.ERROR,
    Message(ja="年度の重なる段階", en="Phases of one item that overlap"),
)


def _shared(left: FiscalRange, right: FiscalRange) -> str:
    start = max(left.start, right.start)
    ends = [end for end in (left.end, right.end) if end is not None]
    end: FiscalYear | None = min(ends) if ends else None
    return str(FiscalRange(start, end))


def check(plan: Plan) -> Iterator[Finding]:
    for initiative in plan.initiatives:
        for item in initiative.items:
            if item.schedule is None:
                continue
            phases = [phase for phase in item.schedule.phases if phase.period is not None]
            for index, later in enumerate(phases):
                for earlier in phases[:index]:
                    assert later.period is not None and earlier.period is not None
                    if later.period.overlaps(earlier.period):
                        yield CHECK.finding(
                            Message(
                                ja=f"項目「{item.id}」の段階「{later.name}」（{later.period}）と「{earlier.name}」"
                                f"（{earlier.period}）は年度（{_shared(later.period, earlier.period)}）が重なっています。"
                                "段階の期間が重ならないように直してください",
                                en=f"phase '{later.name}' ({later.period}) of item '{item.id}' overlaps phase "
                                f"'{earlier.name}' ({earlier.period}) in {_shared(later.period, earlier.period)}; "
                                "make the phases' periods disjoint",
                            ),
                            pointer_to(later, "period"),
                        )


DOC_JA = """一つの項目の年度計画の段階は、年度が重なりません。

項目の年度計画は見出しつきの段階に分かれ（芦屋市: 【R4～5】推進委員会の設置、【R6～8】協働体制の強化）、それぞれが
その年度の目標を述べます。二つの段階が同じ年度を含むと、その年度に目標が二つあり、計画の読み手（段階を並べて描く
関係図も）どちらが有効かわかりません。エラーです。
"""
