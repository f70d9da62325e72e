"""A value the source document does not give is reported, so nobody mistakes a gap for a fact.

Wherever a value is expected, a document may write ``{未記載: 理由}``: the source does not state it, and why.
That keeps a transcription honest (nothing is guessed) and keeps the gap visible: each such value is a warning
that names the reason, so the planner can fill it in when the municipality decides it.

Fails (the department is not stated)::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: {未記載: 報告書に所管課の記載がない}

Passes::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.jsonpointer import tokens
from jusou_spec.model import NotStated, walk

DOCUMENT = "any"

CHECK = Check(
    "NS001",
    "not-stated.value",
    Severity.WARNING,
    Message(ja="出典に記載のない値（未記載）", en="A value the source does not state (未記載)"),
)


def check(document: object, *_: object) -> Iterator[Finding]:
    for value in walk(document):
        if isinstance(value, NotStated):
            # an item of a list (委託先: [{未記載: …}]) is named by its list's key
            key = next((token for token in reversed(tokens(value.pointer)) if not token.isdigit()), "")
            yield CHECK.finding(
                Message(ja=f"「{key}」は未記載です: {value.reason}", en=f"'{key}' is not stated: {value.reason}"),
                value.pointer,
            )


DOC_JA = """出典の文書にない値を知らせ、記載の欠けを事実と取り違えないようにします。

値を書く場所にはどこでも `{未記載: 理由}` と書けます。出典がその値を記載していないこととその理由です。
転記は推測をせず正直なまま、欠けは見えるままになります。未記載の値はそれぞれ理由を添えた警告になるので、
市町村が決めたときに埋められます。出典にない値を転記しているときは、この警告はそのままで構いません。
"""
