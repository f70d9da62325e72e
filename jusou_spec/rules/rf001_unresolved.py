"""Every reference inside the plan names something the plan contains.

A plan's parts refer to each other by id: a 【再掲】 item names the item it repeats, a meeting flow names its
meetings (or a meeting's 類型, such as 芦屋市 B-1), an initiative names the related plan whose 施策 it serves, a
schedule row and a 連携事業 name programs, and a row of the cooperation matrix names its columns. A reference to
nothing is a broken link in the plan's 関係図 and usually a typo, so it is an error. The references are resolved
once, in the model (``plan.references``); this rule reports what did not resolve.

Fails (the flow names a meeting that is not in the plan)::

    会議:
      - {id: A, 名称: 重層的支援のチーム会議, 種別: 事例検討}
    会議の流れ:
      - {元: A, 先: B, 種類: つなぐ}

Passes::

    会議:
      - {id: A, 名称: 重層的支援のチーム会議, 種別: 事例検討}
      - id: B
        名称: 多機関協働支援会議
        種別: 重層的支援会議
        本人同意: あり
        類型: [{id: B-1, 名称: 定例型}]
    会議の流れ:
      - {元: A, 先: B-1, 種類: つなぐ}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to
from jusou_spec.model.resolve import Unresolved

CHECK = Check(
    "RF001",
    "references.unresolved",
    Severity.ERROR,
    Message(ja="文書の中に見つからない参照", en="A reference to something the document does not contain"),
)

_WHAT = {
    "再掲": (
        "取組項目",
        "initiative item",
        "再掲には再掲元の取組項目の id を書きます",
        "under 再掲, write the id of the item repeated",
    ),
    "会議": (
        "会議（または類型）",
        "meeting (or meeting type)",
        "会議の流れには会議か類型の id を書きます",
        "a flow names meetings or meeting types (類型) by id",
    ),
    "計画": ("関連計画", "related plan", "関連計画の id を書きます", "write the id of an entry under 関連計画"),
    "事業": ("事業", "program", "事業の id を書きます", "write the id of a program"),
    "列": (
        "庁内連携体制の列",
        "column of the cooperation matrix",
        "庁内連携体制の列の id を書きます",
        "write the id of one of the matrix's columns (列)",
    ),
}


def check(plan: Plan) -> Iterator[Finding]:
    references = plan.references
    for unresolved in references.unresolved:
        yield CHECK.finding(_message(unresolved), unresolved.pointer)
    for item, target in references.repeats:
        if item is target:
            yield CHECK.finding(
                Message(
                    ja=f"取組項目「{item.id}」が自分自身を再掲しています。再掲には繰り返す元の項目の id を書いてください",
                    en=f"initiative item '{item.id}' repeats itself; under 再掲, write the id of the item it repeats",
                ),
                pointer_to(item, "repeats"),
            )


def _message(unresolved: Unresolved) -> Message:
    what_ja, what_en, how_ja, how_en = _WHAT.get(
        unresolved.kind, (unresolved.kind, unresolved.kind, "参照先の id を確かめます", "check the id referred to")
    )
    return Message(
        ja=f"「{unresolved.target}」という{what_ja}はこの文書にありません。{how_ja}（綴りと大文字・小文字を確かめてください）",
        en=f"there is no {what_en} '{unresolved.target}' in this document; {how_en} (check spelling and case)",
    )


DOC_JA = """計画の中の参照は、計画の中にあるものを指しています。

計画の各部分は id で互いを指します。【再掲】の項目は再掲元の項目を、会議の流れは会議（または芦屋市 B-1 のような
会議の類型）を、取組は施策が属する関連計画を、スケジュールの行と連携事業は事業を、庁内連携体制の行は列を指します。
何も指さない参照は関係図の切れたつながりで、たいていは書き間違いなので、エラーです。参照はモデルで一度だけ解決され
（`plan.references`）、この規則は解決できなかったものを知らせます。
"""
