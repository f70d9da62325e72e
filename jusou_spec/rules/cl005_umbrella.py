"""An umbrella program's lettered items are each carried by one of its members.

Plans group the programs of 第1号 under 包括的相談支援事業 and those of 第3号 under 地域づくり事業. Such an umbrella
(a program with 号全体, or one that others name as their 上位事業) implements nothing by itself: the mandatory-clause
rule (CL001) counts only the programs that carry a clause themselves. When the umbrella stands for a letter (イ, ロ,
ハ, ニ of its 号全体, or a lettered 号 it lists itself) that none of its members carries, a program is missing
from the group, or a member names the wrong umbrella; this rule says which letters. A program that names itself as
its umbrella, or a chain of 上位事業 that comes back to where it started, groups nothing and is reported too.

Fails (包括的相談支援事業 stands for the whole 第1号, but no member carries 第1号ハ)::

    事業:
      - {id: 包括的相談, 名称: 包括的相談支援事業, 号全体: 第1号, 所管課: [福祉政策課]}
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 上位事業: 包括的相談, 所管課: [高齢介護課]}
      - {id: 障害相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 上位事業: 包括的相談, 所管課: [障がい福祉課]}
      - {id: 自立相談, 名称: 自立相談支援事業, 号: 第1号ニ, 上位事業: 包括的相談, 所管課: [地域福祉課]}

Passes (every letter of 第1号 has a member)::

    事業:
      - {id: 包括的相談, 名称: 包括的相談支援事業, 号全体: 第1号, 所管課: [福祉政策課]}
      - {id: 包括, 名称: 地域包括支援センターの運営, 号: 第1号イ, 上位事業: 包括的相談, 所管課: [高齢介護課]}
      - {id: 障害相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 上位事業: 包括的相談, 所管課: [障がい福祉課]}
      - {id: 利用者支援, 名称: 利用者支援事業, 号: 第1号ハ, 上位事業: 包括的相談, 所管課: [こども課]}
      - {id: 自立相談, 名称: 自立相談支援事業, 号: 第1号ニ, 上位事業: 包括的相談, 所管課: [地域福祉課]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.law import Clause, items_of
from jusou_spec.model import Plan, Program, pointer_to

CHECK = Check(
    "CL005",
    "clauses.umbrella",
    Severity.WARNING,
    Message(
        ja="上位事業の号の区分（イ〜ニ）を実施する事業が、その上位事業の下にない",
        en="A lettered item of an umbrella program is carried by none of its members",
    ),
)


def _stands_for(program: Program) -> list[Clause]:
    """The lettered items an umbrella stands for: those of its whole 号, then the lettered 号 it lists itself."""
    letters = [item for number in program.whole for item in items_of(number) if item.letter]
    return letters + [item for item in program.clauses if item.letter and item not in letters]


def _carried(plan: Plan, umbrella: Program) -> set[Clause]:
    """Every clause carried by the umbrella's members, and by their members in turn."""
    carried: set[Clause] = set()
    seen = {id(umbrella)}
    waiting = list(plan.members_of(umbrella))
    while waiting:
        member = waiting.pop()
        if id(member) in seen:
            continue
        seen.add(id(member))
        carried.update(member.clauses)
        waiting.extend(plan.members_of(member))
    return carried


def _cycle(umbrella_of: dict[int, Program], program: Program) -> list[Program] | None:
    """The chain of 上位事業 from ``program`` when it comes back to ``program``; None when it ends (``umbrella_of``:
    each member's umbrella, by the member's ``id()``, built once per plan)."""
    chain = [program]
    current = umbrella_of.get(id(program))
    while current is not None and current not in chain:
        chain.append(current)
        current = umbrella_of.get(id(current))
    return chain if current is program else None


def check(plan: Plan) -> Iterator[Finding]:
    programs = plan.references.programs
    position = {id(program): index for index, program in enumerate(plan.programs)}
    umbrella_of = {id(member): umbrella for member, umbrella in plan.references.umbrella_links}
    for program in plan.programs:
        if program.umbrella is not None and programs.get(program.umbrella) is program:
            yield CHECK.finding(
                Message(
                    ja=f"「{program.label}」が自分自身を上位事業にしています。上位事業にはこの事業をまとめる別の事業の "
                    "id を書いてください",
                    en=f"'{program.label}' names itself as its umbrella (上位事業); name the program that groups it",
                ),
                pointer_to(program, "umbrella"),
            )
            continue
        chain = _cycle(umbrella_of, program)
        if chain is not None and position[id(program)] == min(position[id(p)] for p in chain):
            names = " → ".join(f"「{p.label}」" for p in [*chain, program])
            yield CHECK.finding(
                Message(
                    ja=f"上位事業が循環しています（{names}）。いちばん上の事業には上位事業を書きません",
                    en=f"the umbrellas (上位事業) form a cycle ({' → '.join(p.label for p in [*chain, program])}); "
                    "the topmost program names no umbrella",
                ),
                pointer_to(program, "umbrella"),
            )
    for program in plan.programs:
        if not plan.is_umbrella(program):
            continue
        carried = _carried(plan, program)
        missing = [item for item in _stands_for(program) if item not in carried]
        if not missing:
            continue
        labels = "、".join(item.label for item in missing)
        where = pointer_to(program, "whole") if program.whole else pointer_to(program)
        yield CHECK.finding(
            Message(
                ja=f"上位事業「{program.label}」の下に、{labels}を実施する事業がありません。上位事業はそれだけでは号を"
                f"実施したことになりません。{labels}の事業を書き、その「上位事業」に「{program.id}」と書いてください",
                en=f"no program under the umbrella '{program.label}' carries {', '.join(i.label for i in missing)}; "
                f"an umbrella implements nothing by itself. Add the program(s) with 上位事業: {program.id}",
            ),
            where,
        )


DOC_JA = """上位事業の号の記号（イ〜ニ）は、それぞれ下の事業のどれかが実施しています。

計画は第1号の事業を包括的相談支援事業の下に、第3号の事業を地域づくり事業の下にまとめて書きます。このような上位事業
（`号全体` のある事業、またはほかの事業が `上位事業` に指す事業）は、それだけでは何も実施しません。必須の号の規則
（CL001）は、自分で号を持つ事業だけを数えます。上位事業が表す記号（`号全体` のイ・ロ・ハ・ニ、または自分で書いた記号
つきの号）を、下の事業のどれも持たないときは、まとめられる事業が抜けているか、下の事業が違う上位事業を指しています。
この規則はその記号を示します。自分自身を上位事業とする事業や、`上位事業` をたどると元に戻る事業も、何もまとめないので
知らせます。
"""
