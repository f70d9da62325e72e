"""No postal address down to the house number appears in the document's text.

A case description with the street address of a household identifies it as surely as a name, and plans and
status reports are published: an error. Place names (市内全域, 東山手, 釈迦堂) and counts of places (4か所) are
what plans are made of and are not addresses; only an address given to the house (番地, N番N号, N丁目N番, or a place
followed by chome-banchi figures such as 釈迦堂1-10-1) trips the rule. The address of a public facility written
on purpose may stay: suppress the finding with that as the reason.

Fails::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 訪問先 見本市本町3丁目5番12号の世帯

Passes::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 第2層（4圏域：東山手、西山手、精道、潮見）で様々な相談を受ける
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.rules._personal import addresses_in, found_in, mask, texts

DOCUMENT = "any"
READS = "data"

CHECK = Check(
    "PI003",
    "personal-info.address",
    Severity.ERROR,
    Message(ja="本文中の番地までの住所", en="A postal address down to the house number in the text"),
)


def check(document: Mapping[str, Any], *_: object) -> Iterator[Finding]:
    for text, addresses in found_in(texts(document), addresses_in):
        for address in addresses:
            yield CHECK.finding(
                Message(
                    ja=f"番地までの住所（{mask(address)}）が書かれています。この文書は公表されます。個人や世帯の住所は"
                    "削除してください（公共施設の所在地なら、その旨を理由にこの指摘を抑制します）",
                    en=f"an address down to the house number ({mask(address)}) is written here, and this document is "
                    "published; remove a person's or household's address (a public facility's may stay: suppress "
                    "this finding saying so)",
                ),
                text.pointer,
            )


DOC_JA = """文書の本文に番地までの住所がありません。

世帯の番地まで書いた事例の記述は、名前と同じように世帯を特定します。計画と実施状況報告は公表されるので、エラーです。
地名（市内全域、東山手、釈迦堂）や箇所数（4か所）は計画を形作るもので住所ではありません。番地まで書いた住所
（番地、N番N号、N丁目N番、または釈迦堂1-10-1 のような地名と丁目・番地の数字）だけが当たります。意図して書いた公共
施設の住所は残して構いません。そのことを理由として抑制します。
"""
