"""The plan states its relationship to the four plans the law requires it to be in harmony with.

社会福祉法第106条の5第3項: the implementation plan must be in harmony (調和が保たれたもの) with the municipality's
地域福祉計画 (第107条第1項), 介護保険事業計画 (介護保険法第117条第1項), 障害福祉計画 (障害者総合支援法第88条第1項)
and 子ども・子育て支援事業計画 (子ども・子育て支援法第61条第1項). A plan that does not say how it relates to one of
them gives the council no way to see that harmony: a warning for each one missing from 関連計画 (judged by 種別,
so that 魚津市障がい（児）福祉計画 counts as the 障害福祉計画 it is).

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
        ja="第106条の5第3項の計画との関係の記載の欠け",
        en="A plan required by art. 106-5(3) whose relationship is not stated",
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
                    ja=f"{kind}（{basis}）との関係が書かれていません。社会福祉法第106条の5第3項は、実施計画が{kind}と"
                    f"調和することを求めています。関連計画に{kind}（種別: {kind}）と、この計画との関係を書いてください",
                    en=f"the plan does not state its relationship to the {english} ({kind}, {basis}); Social Welfare "
                    f"Act art. 106-5(3) requires harmony with it: add it under 関連計画 (種別: {kind}) with the relation",
                ),
                where,
            )
