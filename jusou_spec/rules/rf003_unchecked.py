"""Numbers of a related plan's items that cannot be checked, because the document does not list that plan's items.

An initiative's 〔地域福祉計画関連施策：…〕 numbers can only be verified against the related plan's own list of 施策
(RF002). When the document names the related plan but not its items, as for 芦屋市's 地域福祉計画 whose text is not
among the sources, the numbers are transcribed as printed and left unchecked. One note per related plan says so,
so that nobody takes silence for a verified link; listing the items under 関連計画 → 施策 / アクション turns the
check on.

Fails (the related plan's 施策 are not listed)::

    関連計画:
      - {id: 地域福祉計画, 名称: 第4次見本市地域福祉計画, 種別: 地域福祉計画}
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        関連施策: {計画: 地域福祉計画, 番号: [1, 2, 4]}

Passes::

    関連計画:
      - id: 地域福祉計画
        名称: 第4次見本市地域福祉計画
        種別: 地域福祉計画
        施策: [{番号: 1, 名称: 相談支援の充実}, {番号: 2, 名称: 居場所づくり}, {番号: 4, 名称: 権利擁護}]
    取組:
      - id: "(1)"
        名称: 多機関協働の体制整備
        関連施策: {計画: 地域福祉計画, 番号: [1, 2, 4]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, RelatedPlan

CHECK = Check(
    "RF003",
    "references.unchecked",
    Severity.INFO,
    Message(
        ja="関連計画の項目の一覧がないため照合していない番号",
        en="Numbers not checked because the related plan's items are not listed",
    ),
)


def _sort_key(number: int | str) -> tuple[int, int | str]:
    return (0, number) if isinstance(number, int) else (1, str(number))


def check(plan: Plan) -> Iterator[Finding]:
    unchecked: dict[tuple[str, str], tuple[RelatedPlan, set[int | str]]] = {}
    for link in plan.references.item_links:
        if link.checked or link.plan is None:
            continue
        entry = unchecked.setdefault((link.plan.pointer, link.relation), (link.plan, set()))
        entry[1].add(link.number)
    for (_, relation), (related, numbers) in unchecked.items():
        shown = sorted(numbers, key=_sort_key)
        listed_ja = "、".join(map(str, shown))
        yield CHECK.finding(
            Message(
                ja=f"関連計画「{related.name}」の{relation}の一覧がこの文書にないため、取組が参照する{relation}の番号"
                f"（{listed_ja}）は照合していません。照合するには、関連計画に{relation}の一覧（番号と名称）を書きます",
                en=f"the document does not list the {relation} of the related plan '{related.name}', so the numbers "
                f"the initiatives refer to ({', '.join(map(str, shown))}) are not checked; list them (番号 and 名称) "
                f"under the related plan's {relation} to check them",
            ),
            related.pointer,
        )


DOC_JA = """関連計画の項目の一覧が文書にないため、照合できない番号を知らせます。

取組の〔地域福祉計画関連施策：…〕の番号は、関連計画の施策の一覧と照らし合わせて初めて確かめられます（RF002）。
文書が関連計画を挙げていてもその項目を書いていないとき（芦屋市の地域福祉計画のように本文が出典にないとき）、番号は
印字のまま転記され、照合されません。関連計画ごとに一つの情報でそのことを伝え、照合済みと取り違えないようにします。
関連計画 → 施策 / アクション に項目を書くと照合が始まります。
"""
