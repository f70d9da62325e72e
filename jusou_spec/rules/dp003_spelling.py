"""A department spelled differently in a program and in the cooperation matrix is pointed out, with both spellings.

Japanese administrative names mix kanji and kana freely (子ども課 / こども課, 障害 / 障がい), and a single plan may
print one department both ways: 魚津市 writes 民生部子ども課 on the 利用者支援事業 card and こども課 in its
cooperation matrix. The tool matches them (so DP002 is not raised), but whether they are one department is for
the planner to confirm, and a transcription must keep the source's spelling: a warning that shows both, and that
is suppressed with the source as the reason when the source itself differs.

Fails::

    事業:
      - {id: 利用者支援, 名称: 利用者支援事業, 号: 第1号ハ, 所管課: [民生部子ども課]}
    庁内連携体制:
      列: [{id: 相談, 名称: 相談支援}]
      担当課:
        - {課: こども課, 連携: [相談]}

Passes::

    事業:
      - {id: 利用者支援, 名称: 利用者支援事業, 号: 第1号ハ, 所管課: [民生部こども課]}
    庁内連携体制:
      列: [{id: 相談, 名称: 相談支援}]
      担当課:
        - {課: こども課, 連携: [相談]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to
from jusou_spec.model.resolve import department_key
from jusou_spec.rules._departments import fold, matrix_departments, program_departments

CHECK = Check(
    "DP003",
    "departments.spelling",
    Severity.WARNING,
    Message(ja="庁内連携体制と表記の違う所管課", en="A department spelled differently from the cooperation matrix"),
)


def check(plan: Plan) -> Iterator[Finding]:
    matrix = matrix_departments(plan)
    exact = {department_key(name) for name in matrix}
    for program, index, name in program_departments(plan):
        if department_key(name) in exact:
            continue
        spelled = next((other for other in matrix if fold(other) == fold(name)), None)
        if spelled is None:
            continue
        yield CHECK.finding(
            Message(
                ja=f"「{program.label}」の所管課「{name}」は、庁内連携体制では「{spelled}」と書かれています。同じ課か"
                "確かめ、表記を揃えてください（出典の表記が違うときは、その旨を理由にこの指摘を抑制します）",
                en=f"the department '{name}' responsible for '{program.label}' is spelled '{spelled}' in the "
                "cooperation matrix; confirm they are one department and use one spelling (where the source "
                "itself differs, suppress this finding with that as the reason)",
            ),
            pointer_to(program, "departments", index),
        )


DOC_JA = """事業と庁内連携体制とで表記の違う課を、両方の表記を示して知らせます。

日本の行政の名称は漢字とかなを自由に使い分け（子ども課 / こども課、障害 / 障がい）、一つの計画が同じ課を両方で
書くこともあります。魚津市は利用者支援事業のカードに民生部子ども課、庁内連携体制にこども課と書いています。
ツールはこれを同じ課とみなします（DP002 は出ません）が、同じ課かどうかは担当者が確かめることで、転記は出典の表記を
守ります。両方の表記を示す警告で、出典自体が違うときは、そのことを理由として抑制します。
"""
