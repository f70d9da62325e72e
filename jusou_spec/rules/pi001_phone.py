"""No telephone number appears in the document's text.

Plans and status reports are published (社会福祉法第106条の5第4項 asks the municipality to publish its plan), and
a status report describes real cases (射水市: 事例1–6). A telephone number in a case description, a note or any
other text identifies a person or a household and must not be published: an error. The pattern needs a number
that starts with 0 (or +81) and has 10 or 11 digits, so counts (1,113 件), periods (R4～5) and times (午後1時30分～
3時10分) never trip it. The public number of a municipal counter may be written deliberately: suppress the
finding with that as the reason. The finding shows the number masked, so the log does not repeat it.

Fails::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 相談者Aさん（電話 090-1234-5678）から継続相談

Passes::

    事業:
      - id: 相談
        名称: 生活困窮者自立相談支援事業
        号: 第1号ニ
        所管課: [地域福祉課]
        注記: 総合相談窓口で延べ1,113件の相談を受けた（午後1時30分～3時10分に開催）
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.rules._personal import found_in, mask, phones_in, texts

DOCUMENT = "any"
READS = "data"

CHECK = Check(
    "PI001",
    "personal-info.phone",
    Severity.ERROR,
    Message(ja="本文中の電話番号", en="A telephone number in the text"),
)


def check(document: Mapping[str, Any], *_: object) -> Iterator[Finding]:
    for text, numbers in found_in(texts(document), phones_in, needs_digit=True):
        for number in numbers:
            yield CHECK.finding(
                Message(
                    ja=f"電話番号（{mask(number)}）が書かれています。この文書は公表されます。個人や世帯の電話番号は削除して"
                    "ください（市の窓口の公開番号なら、その旨を理由にこの指摘を抑制します）",
                    en=f"a telephone number ({mask(number)}) is written here, and this document is published; remove a "
                    "person's or household's number (a municipal counter's public number may stay: suppress this "
                    "finding saying so)",
                ),
                text.pointer,
            )


DOC_JA = """文書の本文に電話番号がありません。

計画と実施状況報告は公表され（社会福祉法第106条の5第4項は計画の公表を求めています）、実施状況報告は実際の事例を
述べます（射水市: 事例1〜6）。事例の記述や注記などの本文にある電話番号は個人や世帯を特定するので、公表しては
なりません。エラーです。0（または +81）で始まる 10 桁か 11 桁の番号だけが当たるので、件数（1,113 件）、期間
（R4～5）、時刻（午後1時30分～3時10分）は当たりません。市の窓口の公開の番号を意図して書くときは、そのことを理由と
して抑制します。指摘は番号を伏せて示すので、ログに番号が繰り返されません。
"""
