"""A meeting and a program with the same id.

Ids are unique within their kind (ID001), and the document refers to each kind by id: flows name meetings (and
their 類型), schedule rows and 連携事業 name programs. A meeting called by a program's id reads, to the person who
edits the flows or the schedule, as either; a slip from one to the other still resolves, to the wrong thing. Give
them different ids.

Fails (the program and the meeting are both 支援会議)::

    事業:
      - {id: 支援会議, 名称: 多機関協働事業, 号: 第5号, 所管課: [地域福祉課]}
    会議:
      - {id: 支援会議, 名称: 重層的支援会議, 種別: 事例検討}

Passes::

    事業:
      - {id: 多機関協働, 名称: 多機関協働事業, 号: 第5号, 所管課: [地域福祉課]}
    会議:
      - {id: 支援会議, 名称: 重層的支援会議, 種別: 事例検討}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "ID003",
    "identifiers.meeting-program",
    Severity.WARNING,
    Message(ja="会議と事業で同じ id", en="A meeting and a program share an id"),
)


def check(plan: Plan) -> Iterator[Finding]:
    programs = plan.references.programs
    for meeting in plan.meetings:
        bodies = [(meeting.id, pointer_to(meeting, "id"))]
        bodies += [(part.id, pointer_to(part, "id")) for part in meeting.parts]
        for ident, pointer in bodies:
            program = programs.get(ident)
            if program is None:
                continue
            yield CHECK.finding(
                Message(
                    ja=f"会議の id「{ident}」は事業（{program.pointer}）の id と同じです。流れは会議を、日程と連携事業は"
                    "事業を id で指すため、取り違えても気づけません。どちらかの id を変えてください",
                    en=f"the meeting id '{ident}' is also the id of a program ({program.pointer}); flows name meetings "
                    "and schedules name programs by id, so a slip between them goes unnoticed: change one of the ids",
                ),
                pointer,
            )


DOC_JA = """会議と事業に同じ id。

id は種類ごとに一意で（ID001）、文書は種類ごとに id で参照します。会議の流れは会議（とその類型）を、スケジュールの
行や連携事業は事業を指します。事業と同じ id の会議は、流れやスケジュールを直す人にはどちらとも読め、取り違えても
参照は解決してしまいます（別のものに）。別の id にしてください。
"""
