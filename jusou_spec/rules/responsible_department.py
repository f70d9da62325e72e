"""Every program has a responsible department.

The plan's 提供体制 (社会福祉法第106条の5第1項; the ministry's guideline: who delivers each function, how, where,
with which department in charge) makes one department answerable for each program, and the integrated grant
(第106条の8) is administered program by program. The schema requires 所管課, so a program can only lack one by
saying 未記載; that gap is reported here as what it is, a program nobody in the municipality is named for, beside
the general note NS001 gives every unstated value. A warning: a status report (射水市) may not name departments.

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
from jusou_spec.model import NotStated, Plan

CHECK = Check(
    "DP001",
    "departments.responsible",
    Severity.WARNING,
    Message(ja="所管課の定まらない事業", en="A program without a responsible department"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for program in plan.programs:
        if isinstance(program.departments, NotStated):
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」に所管課がありません（未記載: {program.departments.reason}）。実施計画は"
                    "事業ごとの提供体制を定めるものです。所管課が決まったら書いてください",
                    en=f"'{program.label}' has no responsible department (not stated: {program.departments.reason}); "
                    "the plan sets out who provides each program: name the department once it is decided",
                ),
                f"{program.pointer}/所管課",
            )
