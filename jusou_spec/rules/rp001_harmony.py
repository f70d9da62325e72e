"""The plan names, under 関連計画, each of the four plans the law requires it to be in harmony with.

社会福祉法第106条の5第3項: the implementation plan must be in harmony (調和が保たれたもの) with the municipality's
地域福祉計画 (第107条第1項), 介護保険事業計画 (介護保険法第117条第1項), 障害福祉計画 (障害者総合支援法第88条第1項)
and 子ども・子育て支援事業計画 (子ども・子育て支援法第61条第1項). A plan that does not name one of them gives the
council no way to see that harmony: a warning for each one missing from 関連計画 (judged by 種別, so that
魚津市障がい（児）福祉計画 counts as the 障害福祉計画 it is). Being listed under 関連計画 is itself the statement
the law asks for; the law prescribes no wording of the relationship, so 関係 (上位計画, 整合, 連携 … in the
source's own words) is optional and its absence is not a finding.

Fails (only the 地域福祉計画 is named)::

    関連計画:
      - {id: 地域福祉計画, 名称: 第4次見本市地域福祉計画, 種別: 地域福祉計画, 関係: 上位計画}

Passes::

    関連計画:
      - {id: 地域福祉計画, 名称: 見本市地域福祉計画, 種別: 地域福祉計画, 関係: 上位計画}
      - {id: 介護, 名称: 見本市介護保険事業計画, 種別: 介護保険事業計画, 関係: 整合}
      - {id: 障害, 名称: 見本市障がい（児）福祉計画, 種別: 障害福祉計画, 関係: 整合}
      - {id: 子ども, 名称: 見本市子ども・子育て支援事業計画, 種別: 子ども・子育て支援事業計画, 関係: 整合}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "RP001",
    "related-plans.harmony",
    Severity.WARNING,
    Message(
        ja="第106条の5第3項の計画が関連計画にない",
        en="A plan required by art. 106-5(3) is not among the related plans",
    ),
)

REQUIRED = (
    ("地域福祉計画", "community welfare plan", "社会福祉法第107条第1項"),
    ("介護保険事業計画", "long-term care insurance plan", "介護保険法第117条第1項"),
    ("障害福祉計画", "disability welfare plan", "障害者総合支援法第88条第1項"),
    ("子ども・子育て支援事業計画", "children and child-rearing support plan", "子ども・子育て支援法第61条第1項"),
)


def check(plan: Plan) -> Iterator[Finding]:
    kinds = {related.kind for related in plan.related_plans}
    where = pointer_to(plan, "related_plans") if plan.related_plans else ""
    for kind, english, basis in REQUIRED:
        if kind not in kinds:
            yield CHECK.finding(
                Message(
                    ja=f"関連計画に{kind}（{basis}）がありません。社会福祉法第106条の5第3項は、実施計画が{kind}と"
                    f"調和することを求めています。関連計画に {{id: {kind}, 名称: 計画の名称, 種別: {kind}, 関係: 整合}} "
                    "のように書いてください（関係は原文の言葉で。書かなくても構いません）",
                    en=f"the {english} ({kind}, {basis}) is not among the related plans; Social Welfare Act art. "
                    f"106-5(3) requires harmony with it: add it under 関連計画, e.g. {{id: {kind}, 名称: <its name>, "
                    f"種別: {kind}, 関係: 整合}} (関係 in the source's words, optional)",
                ),
                where,
            )


DOC_JA = """計画は、法が調和を求める4つの計画を、それぞれ関連計画に挙げています。

社会福祉法第106条の5第3項: 実施計画は、市町村の地域福祉計画（第107条第1項）、介護保険事業計画（介護保険法
第117条第1項）、障害福祉計画（障害者総合支援法第88条第1項）、子ども・子育て支援事業計画（子ども・子育て支援法
第61条第1項）と調和が保たれたものでなければなりません。そのどれかを挙げていない計画では、議会はその調和を
確かめられません。関連計画にない計画ごとに警告です（`種別` で判断するので、魚津市障がい（児）福祉計画は
障害福祉計画として数えます）。関連計画に挙げることがそのまま法の求める記載で、法は関係の書き方を定めていないので、
`関係`（上位計画、整合、連携 … 原文の言葉で）は任意で、書いていなくても指摘しません。
"""
