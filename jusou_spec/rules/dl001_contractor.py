"""A contracted program (委託) says who it is contracted to, by name or at least by type.

The implementation plan sets out the provision of each item (社会福祉法第106条の5第1項: 提供体制に関する事項; the
ministry's guideline asks who delivers each function, how, where, with which department in charge). For a
contracted program the "who" is the contractor: 委託先 by name (社会福祉協議会), or at least its type as the
documents often give it (委託先種別: 社会福祉法人等). A 委託 without either leaves the plan's reader unable to tell
who delivers the service: a warning (some published plans simply do not say; suppress it with the source's
wording as the reason).

Fails::

    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        実施方式: [委託]
        所管課: [地域福祉課]

Passes::

    事業:
      - id: アウトリーチ
        名称: アウトリーチ等を通じた継続的支援事業
        号: 第4号
        実施方式: [{方式: 委託, 委託先種別: 社会福祉法人等}]
        所管課: [地域福祉課]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import DeliveryMode, Plan
from jusou_spec.rules._delivery import deliveries

CHECK = Check(
    "DL001",
    "delivery.contractor",
    Severity.WARNING,
    Message(ja="委託先のない委託", en="A contracted program without its contractor"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for program, delivery in deliveries(plan):
        if delivery.mode is DeliveryMode.CONTRACT and not delivery.contractors and not delivery.contractor_type:
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の実施方式が委託ですが、委託先がありません。委託先（名称）か委託先種別"
                    "（例: 社会福祉法人等）を書いてください",
                    en=f"'{program.label}' is contracted out (委託) but names no contractor; give the contractor "
                    "(委託先) or at least its type (委託先種別, e.g. 社会福祉法人等)",
                ),
                delivery.pointer,
            )


DOC_JA = """委託の事業は、委託先を名称で、少なくとも種別で書いています。

実施計画は各事業の提供体制を定めます（社会福祉法第106条の5第1項「提供体制に関する事項」。国の指針は、各機能を
誰が、どのように、どこで、どの課の所管で行うかを求めています）。委託の事業では「誰が」は委託先です。名称
（社会福祉協議会）か、文書によくあるように少なくともその種別（`委託先種別: 社会福祉法人等`）を書きます。どちらも
ない委託は、誰がサービスを提供するか読み手にわからないので、警告です（公表された計画が書いていないときは、
その旨を理由として抑制します）。
"""
