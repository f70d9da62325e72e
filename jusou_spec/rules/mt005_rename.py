"""A meeting's renaming is recorded as a renaming, not as a flow or as a second meeting.

魚津市's 庁内連携会議 runs during the transition year and becomes the 連携会議 from full implementation: one body
under two names. Written as two meetings with a flow from one to the other, it would appear in the 関係図 as a
body that refers cases to another, and the plan would seem to have one more meeting than it has. The model has a
place for it (名称変更 with the year, or 旧称), and this rule points at a flow between two names of one meeting,
and at a meeting whose name is another meeting's former or later name: warnings, since the names alone cannot
prove it is the same body.

Fails (the renamed meeting is written as a second meeting)::

    会議:
      - {id: 庁内連携, 名称: 庁内連携会議, 種別: 庁内連携会議, 名称変更: [{年度: R7, 名称: 連携会議}]}
      - {id: 連携, 名称: 連携会議, 種別: 庁内連携会議}
    会議の流れ:
      - {元: 庁内連携, 先: 連携, 種類: その他}

Passes::

    会議:
      - {id: 庁内連携, 名称: 庁内連携会議, 種別: 庁内連携会議, 名称変更: [{年度: R7, 名称: 連携会議}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Meeting, Plan, pointer_to

CHECK = Check(
    "MT005",
    "meetings.rename",
    Severity.WARNING,
    Message(
        ja="名称変更を会議の流れや別の会議として書いている",
        en="A renaming written as a flow or as a second meeting",
    ),
)


def _other_names(meeting: Meeting) -> set[str]:
    names = {rename.name for rename in meeting.renames}
    if meeting.former_name:
        names.add(meeting.former_name)
    return names - {meeting.name}


def check(plan: Plan) -> Iterator[Finding]:
    references = plan.references
    for resolved in references.flows:
        source = references.meeting_of(resolved.source)
        for target_id in resolved.targets:
            target = references.meeting_of(target_id)
            if source is None or target is None or source is target:
                continue
            if target.name in _other_names(source) or source.name in _other_names(target):
                yield CHECK.finding(
                    Message(
                        ja=f"流れ「{source.name} → {target.name}」は同じ会議の名称変更のようです。名称変更は会議の流れ"
                        "ではありません。会議を一つにまとめ、名称変更（年度と新しい名称）に書いてください",
                        en=f"the flow '{source.name} → {target.name}' looks like one meeting renamed; a renaming is "
                        "not a flow: keep one meeting and record the new name under 名称変更 (with its year)",
                    ),
                    resolved.flow.pointer,
                )
    for index, meeting in enumerate(plan.meetings):
        for other in plan.meetings[:index]:
            if meeting.name in _other_names(other) or other.name in _other_names(meeting):
                yield CHECK.finding(
                    Message(
                        ja=f"会議「{meeting.name}」は会議「{other.name}」の名称変更前後の名前です。同じ会議なら一つに"
                        "まとめ、名称変更に書いてください",
                        en=f"meeting '{meeting.name}' is the former or later name of meeting '{other.name}'; if they "
                        "are one body, keep one meeting and record the renaming under 名称変更",
                    ),
                    pointer_to(meeting, "name"),
                )


DOC_JA = """会議の名称の変更は名称変更として書き、流れや別の会議としては書きません。

魚津市の庁内連携会議は移行準備の年度に開かれ、本格実施から連携会議になります。二つの名前を持つ一つの会議です。
二つの会議とその間の流れとして書くと、関係図では一方が他方に事例をつなぐ会議のように見え、計画には実際より一つ
多い会議があるように見えます。モデルにはその場所があり（年度つきの `名称変更`、または `旧称`）、この規則は一つの
会議の二つの名前の間の流れと、ほかの会議の旧称・新称を名前に持つ会議を指摘します。名前だけでは同じ会議と
言い切れないので、警告です。
"""
