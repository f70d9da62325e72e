"""Every id is used once in its kind of item.

Items refer to each other by id: flows to meetings, 再掲 to items, reports to indicators, schedule rows to programs.
An id used twice makes every reference to it ambiguous (the model keeps the first and the graph loses the second),
so it is an error. Meetings and their 類型 share one namespace, because flows may name either.

Fails (two programs share an id)::

    事業:
      - {id: 相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 所管課: [障がい福祉課]}
      - {id: 相談, 名称: 生活困窮者自立相談支援事業, 号: 第1号ニ, 所管課: [地域福祉課]}

Passes::

    事業:
      - {id: 障害相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 所管課: [障がい福祉課]}
      - {id: 自立相談, 名称: 生活困窮者自立相談支援事業, 号: 第1号ニ, 所管課: [地域福祉課]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan

CHECK = Check(
    "ID001",
    "identifiers.duplicate",
    Severity.ERROR,
    Message(ja="重複した id", en="A duplicate id"),
)

_KIND_EN = {
    "事業": "program",
    "取組": "initiative",
    "取組項目": "initiative item",
    "会議": "meeting or meeting type",
    "指標": "indicator",
    "関連計画": "related plan",
    "列": "matrix column",
    "圏域": "area",
}


def check(plan: Plan) -> Iterator[Finding]:
    for duplicate in plan.references.duplicates:
        yield CHECK.finding(
            Message(
                ja=f"{duplicate.kind}の id「{duplicate.id}」が二度使われています（最初は {duplicate.first_pointer}）。"
                "id は文書の中で一つにしてください",
                en=f"the {_KIND_EN.get(duplicate.kind, duplicate.kind)} id '{duplicate.id}' is used twice (first at "
                f"{duplicate.first_pointer}); make each id unique",
            ),
            f"{duplicate.pointer}/id",
        )


DOC_JA = """id は、同じ種類の項目の中で一度だけ使います。

項目は id で互いを指します。会議の流れは会議を、再掲は項目を、報告は指標を、スケジュールの行は事業を指します。
二度使われた id はそれを指すすべての参照をあいまいにする（モデルは最初のものを残し、グラフは二つ目を失います）ので、
エラーです。会議とその類型は、流れがどちらも指せるので、一つの名前空間を共有します。
"""
