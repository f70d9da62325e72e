"""A program run through a grant (補助金) says who receives it, by name or at least by type.

As for a contract (DL001), the plan's 提供体制 (社会福祉法第106条の5第1項) includes who delivers the service; for a
grant that is the recipient: 補助先 by name, or at least by type (補助先種別: 団体又は個人, as 芦屋市 writes for its
通いの場 grant). A 補助金 without either is a warning.

Fails::

    事業:
      - id: 地活
        名称: 地域活動支援センター機能強化事業
        号: 第3号ハ
        実施方式: [補助金]
        所管課: [障がい福祉課]

Passes::

    事業:
      - id: 地活
        名称: 地域活動支援センター機能強化事業
        号: 第3号ハ
        実施方式: [{方式: 補助金, 補助先: [はまゆう, みんなの麦の家]}]
        所管課: [障がい福祉課]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import DeliveryMode, Plan
from jusou_spec.rules._delivery import deliveries

CHECK = Check(
    "DL002",
    "delivery.recipient",
    Severity.WARNING,
    Message(ja="補助先のない補助金", en="A grant without its recipients"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for program, delivery in deliveries(plan):
        if delivery.mode is DeliveryMode.GRANT and not delivery.recipients and not delivery.recipient_type:
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の実施方式が補助金ですが、補助先がありません。補助先（名称）か補助先種別"
                    "（例: 団体又は個人）を書いてください",
                    en=f"'{program.label}' is run through a grant (補助金) but names no recipient; give the recipients "
                    "(補助先) or at least their type (補助先種別, e.g. 団体又は個人)",
                ),
                delivery.pointer,
            )


DOC_JA = """補助金で行う事業は、補助先を名称で、少なくとも種別で書いています。

委託（DL001）と同じく、計画の提供体制（社会福祉法第106条の5第1項）には誰がサービスを提供するかが含まれます。
補助金ではそれが補助先です。名称か、少なくとも種別（芦屋市が通いの場の補助金について書くように
`補助先種別: 団体又は個人`）を書きます。どちらもない補助金は警告です。
"""
