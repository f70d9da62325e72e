"""Every program has a responsible department.

The plan's 提供体制 (社会福祉法第106条の5第1項; the ministry's guideline: who delivers each function, how, where,
with which department in charge) makes one department answerable for each program, and the integrated grant
(第106条の8) is administered program by program. The schema requires 所管課, so a program can only lack one by
saying 未記載, which NS001 already notes at each place. This rule says what the gaps add up to: one warning for
the plan, at the program when only one lacks a department, at 事業 with the count and the names when several
do (a status report, such as 射水市's, may name no department at all).

Fails::

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
from jusou_spec.model import NotStated, Plan, pointer_to

CHECK = Check(
    "DP001",
    "departments.responsible",
    Severity.WARNING,
    Message(ja="所管課の定まらない事業", en="A program without a responsible department"),
)


def check(plan: Plan) -> Iterator[Finding]:
    missing = [program for program in plan.programs if isinstance(program.departments, NotStated)]
    if len(missing) == 1:
        (program,) = missing
        assert isinstance(program.departments, NotStated)
        yield CHECK.finding(
            Message(
                ja=f"「{program.label}」に所管課がありません（未記載: {program.departments.reason}）。実施計画は"
                "事業ごとの提供体制を定めるものです。所管課が決まったら書いてください",
                en=f"'{program.label}' has no responsible department (not stated: {program.departments.reason}); "
                "the plan sets out who provides each program: name the department once it is decided",
            ),
            pointer_to(program, "departments"),
        )
    elif missing:
        names_ja = "、".join(f"「{p.label}」" for p in missing[:3]) + ("ほか" if len(missing) > 3 else "")
        names_en = ", ".join(f"'{p.label}'" for p in missing[:3]) + (" and others" if len(missing) > 3 else "")
        yield CHECK.finding(
            Message(
                ja=f"{len(plan.programs)} 事業のうち {len(missing)} 事業（{names_ja}）に所管課がありません（未記載）。"
                "実施計画は事業ごとの提供体制を定めるものです。所管課が決まったら書いてください",
                en=f"{len(missing)} of {len(plan.programs)} programs ({names_en}) have no responsible department (not "
                "stated); the plan sets out who provides each program: name the departments once they are decided",
            ),
            pointer_to(plan, "programs"),
        )


DOC_JA = """すべての事業に所管課があります。

計画の提供体制（社会福祉法第106条の5第1項。国の指針は各機能を誰が、どのように、どこで、どの課の所管で行うかを
求めています）は、事業ごとに責任を持つ課を一つ定め、一体的な交付金（第106条の8）も事業ごとに執行されます。
スキーマは `所管課` を必須としているので、所管課のない事業は未記載と書くほかなく、それぞれの場所は NS001 が
知らせます。この規則は欠けの全体を伝えます。計画に一つの警告で、所管課のない事業が一つならその事業に、複数なら
`事業` に件数と名称を添えて出します（射水市のように所管課をまったく書かない実施状況報告もあります）。
"""
