"""A program that draws up support plans (第6号) is the multi-agency program (第5号) or is linked to it.

社会福祉法第106条の4第2項第6号 is the support plan (支援プラン) for residents "whom the municipality recognises as
needing support through the program of the preceding item", that is, through 多機関協働事業 (第5号). A support
plan made apart from multi-agency collaboration is not the plan the law means. Most municipalities run both in one
program (芦屋市 多機関協働事業【第５号、第６号】); a separate 第6号 program names its 第5号 program under 連携事業.

Fails (the support-plan program stands alone)::

    事業:
      - {id: 多機関, 名称: 多機関協働事業, 号: 第5号, 所管課: [地域福祉課]}
      - {id: プラン, 名称: 支援プランの作成, 号: 第6号, 所管課: [地域福祉課]}

Passes (one program for both, or a link)::

    事業:
      - {id: 多機関, 名称: 多機関協働事業, 号: 第5号・第6号, 所管課: [地域福祉課]}
      - {id: 多機関2, 名称: 多機関協働事業（北部）, 号: 第5号, 所管課: [地域福祉課]}
      - {id: プラン, 名称: 支援プランの作成, 号: 第6号, 連携事業: [多機関2], 所管課: [地域福祉課]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.law import clause
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "CL004",
    "clauses.support-plan",
    Severity.ERROR,
    Message(
        ja="第6号（支援プラン）の事業が第5号（多機関協働）の事業につながっていない",
        en="A support-plan program (item 6) is not part of, or linked to, a multi-agency program (item 5)",
    ),
)

_ITEM_5 = clause("第5号")
_ITEM_6 = clause("第6号")
_WHY_JA = "第6号の支援プランは、前号（第5号）の多機関協働事業による支援が必要と認めた人のためのものです（社会福祉法第106条の4第2項第6号）"
_WHY_EN = "the support plan of item 6 is for people the multi-agency program of item 5 finds in need (Social Welfare Act art. 106-4(2)(vi))"


def check(plan: Plan) -> Iterator[Finding]:
    links = plan.references.program_links
    for program in plan.programs:
        if _ITEM_6 not in program.clauses or _ITEM_5 in program.clauses:
            continue
        linked = [target for source, target in links if source is program]
        if any(_ITEM_5 in target.clauses for target in linked):
            continue
        if linked:
            names = "、".join(f"「{target.label}」" for target in linked)
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」の連携事業{names}は第5号（多機関協働事業）の事業ではありません。{_WHY_JA}。"
                    "連携事業には第5号の事業の id を書いてください",
                    en=f"the programs linked from '{program.label}' ({', '.join(t.label for t in linked)}) do not "
                    f"implement item 5 (multi-agency collaboration); {_WHY_EN}. Link the item-5 program",
                ),
                pointer_to(program, "linked"),
            )
            continue
        yield CHECK.finding(
            Message(
                ja=f"「{program.label}」は第6号（支援プランの作成）の事業ですが、第5号（多機関協働事業）を兼ねておらず、"
                f"連携事業で第5号の事業も指していません。{_WHY_JA}。号に第5号を加えるか、連携事業に第5号の事業の id を"
                "書いてください",
                en=f"'{program.label}' implements item 6 (support plans) but neither implements item 5 (multi-agency "
                f"collaboration) nor links to a program that does; {_WHY_EN}. Add 第5号 to its clauses, or name the "
                "item-5 program under 連携事業",
            ),
            pointer_to(program, "clauses"),
        )


DOC_JA = """支援プランを作成する事業（第6号）は、多機関協働事業（第5号）そのものか、それにつながっています。

社会福祉法第106条の4第2項第6号の支援プランは、「前号に掲げる事業による支援が必要であると市町村が認める地域住民」、
つまり多機関協働事業（第5号）を通じて支援が必要と認められた人のためのものです。多機関協働から切り離して作る
支援プランは、法の言う支援プランではありません。多くの市町村は両方を一つの事業で行います（芦屋市
多機関協働事業【第５号、第６号】）。第6号の事業を別に書くときは、`連携事業` に第5号の事業の id を書きます。
"""
