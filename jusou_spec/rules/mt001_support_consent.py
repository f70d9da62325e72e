"""A 支援会議 never requires the person's consent.

社会福祉法第106条の6 lets a municipality hold a 支援会議 in which 支援関係機関 share information about a household
*without* the person's consent, because its members owe a statutory duty of confidentiality. That is its whole
point: it reaches households who have not (yet) agreed to be helped. A plan that describes its 支援会議 as
requiring consent either misnames a 重層的支援会議 or misstates the law, and both mislead the 支援関係機関 who
read it: an error. The meeting's type is read from 種別, never guessed from its name. A meeting declared as both a
支援会議 and a 重層的支援会議 handles consent case by case, and neither consent rule (MT001, MT003) judges it.

Fails::

    会議:
      - id: 支援会議
        名称: 支援会議
        種別: 支援会議
        本人同意: あり
        根拠法令: 社会福祉法第106条の6
        守秘義務: true

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
from jusou_spec.rules._meetings import only

CHECK = Check(
    "MT001",
    "meetings.support-consent",
    Severity.ERROR,
    Message(ja="本人同意を要件とする支援会議", en="A 支援会議 described as requiring consent"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for meeting in plan.meetings:
        if only(meeting, MeetingKind.SUPPORT, MeetingKind.MULTILAYERED) and meeting.consent is True:
            yield CHECK.finding(
                Message(
                    ja=f"「{meeting.name}」は支援会議（社会福祉法第106条の6）ですが、本人同意が「あり」です。支援会議は"
                    "本人の同意がなくても、守秘義務のもとで情報を共有できる会議です。本人同意を「なし」にするか、"
                    "同意を得て行う会議なら種別を重層的支援会議にしてください",
                    en=f"'{meeting.name}' is a 支援会議 (Social Welfare Act art. 106-6) but is described as requiring "
                    "consent (本人同意: あり); a 支援会議 shares information without consent, under a duty of "
                    "confidentiality. Set 本人同意 to なし, or if the meeting works with consent, make its type 重層的支援会議",
                ),
                pointer_to(meeting, "consent"),
            )


DOC_JA = """支援会議は、本人の同意を要件としません。

社会福祉法第106条の6は、構成員に法律上の守秘義務を課すことで、支援関係機関が本人の同意なしに世帯の情報を共有できる
支援会議を設けることを認めています。まだ支援に同意していない世帯に届くことが、支援会議のねらいそのものです。
支援会議を本人同意が必要と書く計画は、重層的支援会議の呼び名を誤っているか法を誤っているかで、どちらも会議に
招かれる支援関係機関を誤らせるので、エラーです。会議の種類は `種別` で読み、名称からは推測しません。支援会議と
重層的支援会議の両方として書かれた会議は同意をケースごとに扱うので、同意の規則（MT001、MT003）は判断しません。
"""
