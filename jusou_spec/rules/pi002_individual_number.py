"""No individual number (マイナンバー) appears in the document's text.

An individual number identifies a person for life, and the マイナンバー法 restricts its use to the procedures it
lists; publishing one in a plan or a status report is never allowed: an error. The pattern needs 12 digits,
contiguous or in groups of four, whose check digit holds (the algorithm of the law's enforcement rules), so other
12-digit figures are almost never mistaken for one; three years side by side (2022 2023 2024) are not one either.
The finding shows the number masked.

Fails::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 個人番号 1234 5678 9018 で照会

Passes::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 延べ相談件数 17,878 回、25,967 人
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.rules._personal import found_in, individual_numbers_in, mask, texts

DOCUMENT = "any"
READS = "data"

CHECK = Check(
    "PI002",
    "personal-info.individual-number",
    Severity.ERROR,
    Message(ja="本文中の個人番号（マイナンバー）", en="An individual number (マイナンバー) in the text"),
)


def check(document: Mapping[str, Any], *_: object) -> Iterator[Finding]:
    for text, numbers in found_in(texts(document), individual_numbers_in, needs_digit=True):
        for number in numbers:
            yield CHECK.finding(
                Message(
                    ja=f"個人番号（マイナンバー）と思われる12桁の番号（{mask(number)}）が書かれています。この文書は公表されます。"
                    "削除してください",
                    en=f"a 12-digit number that is a valid individual number (マイナンバー) ({mask(number)}) is written "
                    "here, and this document is published; remove it",
                ),
                text.pointer,
            )


DOC_JA = """文書の本文に個人番号（マイナンバー）がありません。

個人番号は一生その人を特定する番号で、番号法はその利用を定められた手続に限っています。計画や実施状況報告に載せる
ことは決して認められません。エラーです。12 桁の数字（続けて、または4桁ずつ区切って）で、検査用数字が合うもの
（番号法の施行規則の計算方法）だけが当たるので、ほかの 12 桁の数はほとんど取り違えません。年度を三つ並べたもの
（2022 2023 2024）も当たりません。指摘は番号を伏せて示します。
"""
