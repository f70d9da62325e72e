"""The same program is not listed twice under one clause, unless a variant tells the two apart.

A program appears once per clause; 芦屋市 lists 利用者支援事業 twice under 第1号ハ, but as (ｱ)特定型 and (ｲ)こども家庭
センター型, two variants (類型) with their own site and department. Two entries with the same name, the same clause
and no distinguishing variant double the program in every count (sites, targets, the 関係図) and are an error:
merge them, or give each its 類型.

Fails::

    事業:
      - {id: 利用者支援1, 名称: 利用者支援事業, 号: 第1号ハ, 所管課: [ほいく課]}
      - {id: 利用者支援2, 名称: 利用者支援事業, 号: 第1号ハ, 所管課: [こども家庭・保健センター]}

Passes::

    事業:
      - {id: 利用者支援1, 名称: 利用者支援事業, 類型: 特定型, 号: 第1号ハ, 所管課: [ほいく課]}
      - {id: 利用者支援2, 名称: 利用者支援事業, 類型: こども家庭センター型, 号: 第1号ハ, 所管課: [こども家庭・保健センター]}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, Program, pointer_to

CHECK = Check(
    "ID002",
    "identifiers.duplicate-program",
    Severity.ERROR,
    Message(ja="同じ号に同じ事業が二つ", en="The same program twice under one clause"),
)


def _key(program: Program) -> tuple[str, str]:
    def fold(text: str | None) -> str:
        return "".join(unicodedata.normalize("NFKC", text or "").split())

    return fold(program.name), fold(program.variant)


def check(plan: Plan) -> Iterator[Finding]:
    for index, program in enumerate(plan.programs):
        for earlier in plan.programs[:index]:
            shared = [clause for clause in program.clauses if clause in earlier.clauses]
            if shared and _key(program) == _key(earlier):
                clause = shared[0]
                yield CHECK.finding(
                    Message(
                        ja=f"「{program.label}」が{clause.label}の事業として二度あります（最初は {earlier.pointer}）。"
                        "同じ事業なら一つにまとめ、別の事業なら類型（例: 特定型）で区別してください",
                        en=f"'{program.label}' is listed twice under {clause.label} (first at {earlier.pointer}); "
                        "merge the two, or tell them apart with 類型 (e.g. 特定型)",
                    ),
                    pointer_to(program, "name"),
                )
                break


DOC_JA = """同じ号に同じ事業を二度書きません。類型で区別するときを除きます。

事業は号ごとに一度書きます。芦屋市は第1号ハに利用者支援事業を二度挙げますが、(ｱ)特定型と(ｲ)こども家庭センター型の
二つの類型で、それぞれ拠点と所管課があります。名称も号も同じで区別する類型のない二つの項目は、あらゆる数（拠点、
目標、関係図）で事業を二重に数えるので、エラーです。一つにまとめるか、それぞれに `類型` を書きます。
"""
