"""What the schema step reports and the words it knows: its checks, the not-stated key, the synonyms of keys.

Declared apart from the engines, so that the model, the catalogue and the documentation read them without
importing either validator.
"""

from __future__ import annotations

from collections.abc import Mapping

from jusou_spec.findings import Check, Message, Severity

__all__ = [
    "CHECKS",
    "EMPTY_VALUE",
    "INVALID_VALUE",
    "MISSING_KEY",
    "NOT_STATED_KEY",
    "SYNONYMS",
    "UNKNOWN_KEY",
    "WRONG_TYPE",
]

NOT_STATED_KEY = "未記載"
"""The key of the schema's not-stated object, ``{未記載: 理由}`` (``$defs/未記載``); the model reads it as NotStated."""

MISSING_KEY = Check(
    "SV001", "schema.missing-key", Severity.ERROR, Message(ja="必須のキーがない", en="A required key is missing")
)
UNKNOWN_KEY = Check(
    "SV002", "schema.unknown-key", Severity.ERROR, Message(ja="使えないキー", en="A key the schema does not know")
)
WRONG_TYPE = Check(
    "SV003", "schema.wrong-type", Severity.ERROR, Message(ja="値の種類が違う", en="A value of the wrong type")
)
INVALID_VALUE = Check(
    "SV004", "schema.invalid-value", Severity.ERROR, Message(ja="使えない値", en="A value the schema does not allow")
)
EMPTY_VALUE = Check("SV005", "schema.empty", Severity.ERROR, Message(ja="空の値", en="An empty value"))
CHECKS = (MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE, INVALID_VALUE, EMPTY_VALUE)

SYNONYMS: Mapping[str, str] = {
    "評価指標": "成果目標",
    "実施計画評価指標": "成果目標",
    "支援機関": "活動場所",
    "活動場所等": "活動場所",
    "実施名称": "名称",
    "事業名": "名称",
    "所管": "所管課",
    "担当課": "所管課",
    "中心となる取組主体": "取組主体",
    "対象者": "支援対象者",
    "内容": "事業内容",
    "期間": "計画期間",
    "開催時期": "開催頻度",
    "参加者": "構成員",
}
"""Words the documents use for a concept whose key is another word (see docs/schema.md)."""
