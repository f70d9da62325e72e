"""The flow of cases and issues between meetings has no cycle, except declared mutual cooperation.

A plan's meetings pass cases and issues along (芦屋市: A 重層的支援のチーム会議 screens cases and refers them to B
多機関協働支援会議, which proposes the issues it finds to C 多機関協働推進委員会 and D 福祉のまちづくり委員会). The
flow says who takes a case or an issue next; a cycle (A → B → A) leaves no meeting responsible for deciding it. Two
bodies that work together as equals are declared as such with the flow type 相互連携 (芦屋市: C ↔ D), which is not
an escalation and is left out. So are the flows that come back down, 評価 and フィードバック: a committee that
reports up (報告) and gets its evaluation or feedback back is the ordinary PDCA loop, and nothing in it is handed on
twice. A cycle of hand-offs (つなぐ, 提案, 報告) still leaves no one responsible, and is reported. A 類型 of a meeting (B-1 定例型) stands for its meeting, so a flow between a meeting
and its own 類型 is not a cycle. A renaming (魚津市: 庁内連携会議 ⇒ 連携会議) is not a flow at all (MT005).

Fails (C proposes back to B, which proposes to C)::

    会議:
      - {id: B, 名称: 多機関協働支援会議, 種別: 重層的支援会議, 本人同意: あり}
      - {id: C, 名称: 多機関協働推進委員会, 種別: 推進・評価}
    会議の流れ:
      - {元: B, 先: C, 種類: 提案}
      - {元: C, 先: B, 種類: 提案}

Passes (a report up and feedback back down is a PDCA loop, not a cycle)::

    会議:
      - {id: B, 名称: 多機関協働支援会議, 種別: 重層的支援会議, 本人同意: あり}
      - {id: C, 名称: 多機関協働推進委員会, 種別: 推進・評価}
    会議の流れ:
      - {元: B, 先: C, 種類: 報告}
      - {元: C, 先: B, 種類: フィードバック}

Passes (mutual cooperation is declared as such)::

    会議:
      - {id: B, 名称: 多機関協働支援会議, 種別: 重層的支援会議, 本人同意: あり}
      - {id: C, 名称: 多機関協働推進委員会, 種別: 推進・評価}
      - {id: D, 名称: 福祉のまちづくり委員会, 種別: 推進・評価}
    会議の流れ:
      - {元: B, 先: [C, D], 種類: 提案}
      - {元: C, 先: D, 種類: 相互連携}
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import FlowKind, Plan
from jusou_spec.model.resolve import References

CHECK = Check(
    "MT004",
    "meetings.flow-cycle",
    Severity.ERROR,
    Message(ja="会議の流れの循環", en="A cycle in the flow between meetings"),
)


def _meeting_id(references: References, node: str) -> str:
    meeting = references.meeting_of(node)
    return meeting.id if meeting is not None else node


RETURNS = frozenset({FlowKind.MUTUAL, FlowKind.EVALUATE, FlowKind.FEEDBACK})
"""Flows that hand nothing on: cooperation between equals, and evaluation or feedback coming back down."""


def _edges(plan: Plan) -> dict[tuple[str, str], str]:
    """(from meeting, to meeting) → the pointer of the first flow that draws it; the returns left out."""
    references = plan.references
    edges: dict[tuple[str, str], str] = {}
    for resolved in references.flows:
        if resolved.flow.kind in RETURNS:
            continue
        for target in resolved.targets:
            source, sink = _meeting_id(references, resolved.source), _meeting_id(references, target)
            if source == sink and resolved.source != target:
                continue  # a meeting and its own 類型 (B → B-1) are one body, not a cycle
            edges.setdefault((source, sink), resolved.flow.pointer)
    return edges


def _cycles(edges: dict[tuple[str, str], str]) -> Iterator[list[str]]:
    """Each cycle graphlib finds, breaking it at its closing edge until none is left."""
    remaining = dict(edges)
    while True:
        graph: dict[str, set[str]] = {}
        for source, sink in remaining:
            graph.setdefault(sink, set()).add(source)
            graph.setdefault(source, set())
        try:
            graphlib.TopologicalSorter(graph).prepare()
        except graphlib.CycleError as error:
            # Each node of the list is a predecessor of the next, so it follows the flows: [B, C, B].
            cycle = list(error.args[1])
            yield cycle
            del remaining[(cycle[-2], cycle[-1])]
            continue
        return


def _name(plan: Plan, ident: str) -> str:
    meeting = plan.references.meeting_of(ident)
    return f"{ident}（{meeting.name}）" if meeting is not None and meeting.name != ident else ident


def check(plan: Plan) -> Iterator[Finding]:
    edges = _edges(plan)
    for cycle in _cycles(edges):
        start = min(range(len(cycle) - 1), key=lambda i: cycle[i])
        ring = cycle[start:-1] + cycle[:start] + [cycle[start]]
        path = " → ".join(_name(plan, ident) for ident in ring)
        closing = edges[(ring[-2], ring[-1])]
        yield CHECK.finding(
            Message(
                ja=f"会議の流れが循環しています: {path}。互いに協力する関係なら流れの種類を「相互連携」に、"
                "結果や評価を返す流れなら「フィードバック」か「評価」にし、そうでなければ流れの向きを直してください",
                en=f"the meeting flow has a cycle: {path}; if these bodies cooperate as equals, make the flow's type "
                "相互連携; if a flow returns results or an evaluation, make it フィードバック or 評価; otherwise "
                "correct the direction of a flow",
            ),
            closing,
        )


DOC_JA = """会議の間の事例・課題の流れは、相互連携と宣言したものを除き、循環しません。

計画の会議は事例や課題を受け渡します（芦屋市: A 重層的支援のチーム会議が事例を選り分けて B 多機関協働支援会議に
つなぎ、B は見つけた課題を C 多機関協働推進委員会と D 福祉のまちづくり委員会に提案します）。流れは次に誰が事例や
課題を引き受けるかを示します。循環（A → B → A）では、決める責任を持つ会議がなくなります。対等に協力し合う二つの
会議は流れの種類を `相互連携` とし（芦屋市: C ↔ D）、これは上位への受け渡しではないので数えません。会議の類型
（B-1 定例型）はその会議を表すので、会議とその類型の間の流れは循環ではありません。名称変更（魚津市: 庁内連携会議 ⇒
連携会議）はそもそも流れではありません（MT005）。
"""
