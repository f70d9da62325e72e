"""A 支援会議 cites 社会福祉法第106条の6 and the confidentiality duty its members owe.

Information about a household may be shared in a 支援会議 without consent only because 第106条の6 binds its members
to confidentiality (守秘義務). The plan is what tells the 支援関係機関 invited to the meeting that they are so
bound, so a 支援会議 should name its legal basis (根拠法令) and state the duty (守秘義務: true); a missing statement
is a warning. A 支援会議 whose members are said to owe no confidentiality contradicts the law: an error.

Fails (neither the article nor the duty is stated)::

    会議:
      - {id: 支援会議, 名称: 支援会議, 種別: 支援会議, 本人同意: なし}

Passes::

    会議:
      - id: 支援会議
        名称: 支援会議
        種別: 支援会議
        本人同意: なし
        根拠法令: 社会福祉法第106条の6
        守秘義務: true
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import MeetingKind, Plan, pointer_to
from jusou_spec.rules._meetings import ARTICLE_106_6, cites_106_6

CHECK = Check(
    "MT002",
    "meetings.support-basis",
    Severity.WARNING,
    Message(
        ja="支援会議の根拠法令（第106条の6）・守秘義務の記載の欠け",
        en="A 支援会議 that does not cite art. 106-6 or its confidentiality duty",
    ),
)


def check(plan: Plan) -> Iterator[Finding]:
    for meeting in plan.meetings:
        if not meeting.is_kind(MeetingKind.SUPPORT):
            continue
        if meeting.legal_basis is None:
            yield CHECK.finding(
                Message(
                    ja=f"支援会議「{meeting.name}」に根拠法令がありません。「根拠法令: {ARTICLE_106_6}」と書いてください"
                    "（構成員の守秘義務はこの条文によります）",
                    en=f"the 支援会議 '{meeting.name}' gives no legal basis; write '根拠法令: {ARTICLE_106_6}' (its "
                    "members' duty of confidentiality comes from that article)",
                ),
                meeting.pointer,
            )
        elif not cites_106_6(meeting.legal_basis):
            yield CHECK.finding(
                Message(
                    ja=f"支援会議「{meeting.name}」の根拠法令「{meeting.legal_basis}」が{ARTICLE_106_6}を挙げていません。"
                    f"支援会議の根拠は{ARTICLE_106_6}です",
                    en=f"the legal basis '{meeting.legal_basis}' of the 支援会議 '{meeting.name}' does not cite "
                    "art. 106-6 of the Social Welfare Act, on which every 支援会議 rests",
                ),
                pointer_to(meeting, "legal_basis"),
            )
        if meeting.confidentiality is None:
            yield CHECK.finding(
                Message(
                    ja=f"支援会議「{meeting.name}」に構成員の守秘義務の記載がありません。「守秘義務: true」と書いてください"
                    f"（{ARTICLE_106_6}）",
                    en=f"the 支援会議 '{meeting.name}' does not state its members' duty of confidentiality; write "
                    "'守秘義務: true' (Social Welfare Act art. 106-6)",
                ),
                meeting.pointer,
            )
        elif meeting.confidentiality is False:
            yield CHECK.finding(
                Message(
                    ja=f"支援会議「{meeting.name}」の守秘義務が false です。支援会議の構成員には{ARTICLE_106_6}による"
                    "守秘義務があります。true に直してください",
                    en=f"the 支援会議 '{meeting.name}' says its members owe no confidentiality; art. 106-6 of the "
                    "Social Welfare Act binds them to it: set 守秘義務 to true",
                ),
                pointer_to(meeting, "confidentiality"),
                severity=Severity.ERROR,
            )


DOC_JA = """支援会議は、社会福祉法第106条の6と、構成員の守秘義務を記載しています。

支援会議で同意なしに世帯の情報を共有できるのは、第106条の6が構成員に守秘義務を課しているからです。会議に招かれる
支援関係機関にそのことを伝えるのは計画なので、支援会議は根拠法令を挙げ、守秘義務を記載します（`守秘義務: true`）。
記載がないときは警告です。構成員に守秘義務がないと書かれた支援会議は法に反するので、エラーです。
"""
