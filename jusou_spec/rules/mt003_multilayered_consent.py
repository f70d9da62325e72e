"""A 重層的支援会議 states that the person's consent is obtained.

The 重層的支援会議 (set up under the ministry's guideline, with no article of its own) is where cases are discussed
*with* the person's consent; sharing without consent is what the 支援会議 of 社会福祉法第106条の6 is for, under its
confidentiality duty. A plan that lists a 重層的支援会議 should say that consent is obtained, so that the members
know on which footing they share information: a warning when it does not say (芦屋市 places its 多機関協働支援会議
and 福祉のまちづくり委員会 as 重層的支援会議 without saying how consent is handled), and an error when it says
consent is not obtained, which would make the meeting a 支援会議 without the law's safeguards.

Fails (consent is not mentioned)::

    会議:
      - {id: B, 名称: 多機関協働支援会議, 種別: 重層的支援会議}

Passes::

    会議:
      - {id: B, 名称: 多機関協働支援会議, 種別: 重層的支援会議, 本人同意: あり}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import MeetingKind, NotStated, Plan, pointer_to
from jusou_spec.rules._meetings import only

CHECK = Check(
    "MT003",
    "meetings.multilayered-consent",
    Severity.WARNING,
    Message(ja="本人同意を記載していない重層的支援会議", en="A 重層的支援会議 that does not state consent"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for meeting in plan.meetings:
        if not only(meeting, MeetingKind.MULTILAYERED, MeetingKind.SUPPORT) or meeting.consent is True:
            continue
        if meeting.consent is False:
            yield CHECK.finding(
                Message(
                    ja=f"重層的支援会議「{meeting.name}」の本人同意が「なし」です。重層的支援会議は本人の同意を得て情報を"
                    "共有する会議です。同意なしに共有するなら、守秘義務のある支援会議（社会福祉法第106条の6）として"
                    "種別を直してください",
                    en=f"the 重層的支援会議 '{meeting.name}' is described as working without consent; a 重層的支援会議 "
                    "shares information with the person's consent. Sharing without consent belongs to a 支援会議 "
                    "(Social Welfare Act art. 106-6, with its confidentiality duty): correct the type",
                ),
                pointer_to(meeting, "consent"),
                severity=Severity.ERROR,
            )
            continue
        where = pointer_to(meeting, "consent") if isinstance(meeting.consent, NotStated) else meeting.pointer
        yield CHECK.finding(
            Message(
                ja=f"重層的支援会議「{meeting.name}」に本人同意の扱いが書かれていません。同意を得て情報を共有するなら"
                "「本人同意: あり」と書いてください（同意なしの共有は支援会議で行います）",
                en=f"the 重層的支援会議 '{meeting.name}' does not say how consent is handled; if it shares information "
                "with the person's consent, write '本人同意: あり' (sharing without consent is for a 支援会議)",
            ),
            where,
        )


DOC_JA = """重層的支援会議は、本人の同意を得ることを記載しています。

重層的支援会議（国の指針で設けられ、固有の条文はありません）は、本人の同意を得て事例を検討する場です。同意なしの
共有は、守秘義務のある社会福祉法第106条の6の支援会議の役目です。重層的支援会議を挙げる計画は、構成員がどの前提で
情報を共有するかわかるよう、同意を得ることを書きます。書いていないときは警告（芦屋市は多機関協働支援会議と
福祉のまちづくり委員会を重層的支援会議としていますが、同意の扱いを書いていません）、同意を得ないと書いているときは、
法の保護のない支援会議になってしまうので、エラーです。
"""
