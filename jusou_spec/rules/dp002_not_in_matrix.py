"""Departments that run programs appear in the cooperation matrix, when the plan has one.

The cooperation matrix (庁内連携体制: 魚津市 section 6, departments × pillars) is the plan's statement of which
departments take part in the joined-up system. A department responsible for a program but missing from the matrix
is a gap in that statement (or a spelling that does not match): a warning. A department written with its 部 prefix
(民生部社会福祉課) matches the bare name in the matrix (社会福祉課); a name that differs only in interchangeable
spellings (子ども課 / こども課) is DP003's, not this rule's. Plans without a matrix are not judged.

Fails (高齢介護課 is not in the matrix)::

    事業:
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 所管課: [高齢介護課]}
    庁内連携体制:
      列: [{id: 相談, 名称: 相談支援}]
      担当課:
        - {課: 社会福祉課, 連携: [相談]}

Passes::

    事業:
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 所管課: [民生部社会福祉課]}
    庁内連携体制:
      列: [{id: 相談, 名称: 相談支援}]
      担当課:
        - {課: 社会福祉課, 連携: [相談]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to
from jusou_spec.model.resolve import department_key
from jusou_spec.rules._departments import fold, matrix_departments, program_departments

CHECK = Check(
    "DP002",
    "departments.not-in-matrix",
    Severity.WARNING,
    Message(ja="庁内連携体制にない所管課", en="A responsible department missing from the cooperation matrix"),
)


def check(plan: Plan) -> Iterator[Finding]:
    matrix = matrix_departments(plan)
    if plan.matrix is None:
        return
    exact = {department_key(name) for name in matrix}
    near = {fold(name) for name in matrix}
    for program, index, name in program_departments(plan):
        if department_key(name) in exact or fold(name) in near:
            continue
        yield CHECK.finding(
            Message(
                ja=f"「{program.label}」の所管課「{name}」が庁内連携体制の担当課にありません。担当課に加えるか、"
                "表記を担当課に揃えてください",
                en=f"the department '{name}' responsible for '{program.label}' is not in the cooperation matrix "
                "(庁内連携体制); add it to the matrix, or spell it as the matrix does",
            ),
            pointer_to(program, "departments", index),
        )


DOC_JA = """事業を所管する課は、計画に庁内連携体制があるとき、その表に載っています。

庁内連携体制（魚津市の 6 章、課 × 柱の表）は、どの課が包括的な支援体制に加わるかを述べるものです。事業を所管する
のに表にない課は、その記述の欠け（または表記の食い違い）なので、警告です。部つきの課名（民生部社会福祉課）は表の
課名（社会福祉課）と一致するものとします。表記の揺れだけが違う名前（子ども課 / こども課）は DP003 が扱います。
庁内連携体制のない計画は判断しません。
"""
