"""A contractor belongs to a contract, a grant recipient to a grant.

Each entry of 実施方式 is one mode with its counterpart: 委託 with its 委託先, 補助金 with its 補助先. A contractor
written under 直営 or under 補助金 (or a recipient under 委託) usually means two modes were merged into one entry
while transcribing 「直営、委託（社会福祉法人）」; the reader can no longer tell which part is contracted. A warning:
split the entry into one per mode.

Fails (the contractor is under 直営)::

    事業:
      - id: 拠点
        名称: 地域子育て支援拠点事業
        号: 第3号ニ
        実施方式: [{方式: 直営, 委託先種別: 社会福祉法人}]
        所管課: [こども家庭・保健センター]

Passes::

    事業:
      - id: 拠点
        名称: 地域子育て支援拠点事業
        号: 第3号ニ
        実施方式: [直営, {方式: 委託, 委託先種別: 社会福祉法人}]
        所管課: [こども家庭・保健センター]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import DeliveryMode, Plan
from jusou_spec.rules._delivery import deliveries

CHECK = Check(
    "DL003",
    "delivery.party",
    Severity.WARNING,
    Message(ja="実施方式と相手方の食い違い", en="A delivery's counterpart does not fit its mode"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for program, delivery in deliveries(plan):
        if delivery.mode is not DeliveryMode.CONTRACT and (delivery.contractors or delivery.contractor_type):
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の実施方式「{delivery.mode.value}」に委託先があります。委託先は方式が委託の"
                    "項目に書きます（直営と委託を併せて行うなら、方式ごとに項目を分けてください）",
                    en=f"'{program.label}': the delivery '{delivery.mode.value}' names a contractor; contractors belong "
                    "to a 委託 entry (for combined delivery, write one entry per mode)",
                ),
                delivery.pointer,
            )
        if delivery.mode is not DeliveryMode.GRANT and (delivery.recipients or delivery.recipient_type):
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の実施方式「{delivery.mode.value}」に補助先があります。補助先は方式が補助金の"
                    "項目に書きます（方式ごとに項目を分けてください）",
                    en=f"'{program.label}': the delivery '{delivery.mode.value}' names a grant recipient; recipients "
                    "belong to a 補助金 entry (write one entry per mode)",
                ),
                delivery.pointer,
            )


DOC_JA = """委託先は委託に、補助先は補助金に属します。

`実施方式` の各項目は、一つの方式とその相手方です。委託には委託先、補助金には補助先。直営や補助金の項目に書かれた
委託先（または委託の項目の補助先）は、たいてい「直営、委託（社会福祉法人）」を転記するときに二つの方式を一つの
項目にまとめてしまったもので、どの部分が委託なのか読み手にわからなくなります。警告です。方式ごとに項目を分けます。
"""
