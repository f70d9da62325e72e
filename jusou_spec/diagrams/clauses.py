"""The ``clauses`` view: the three pillars and the new functions, each clause, and the programs implementing it.

One band per pillar (相談支援 … 多機関協働), the clauses of 社会福祉法第106条の4第2項 on the left and the programs
on the right, each with its 所管課 and 実施方式. A clause no program implements gets a red dashed placeholder when
the law requires it, an orange one when it is only expected (第3号 without a letter). A program implementing two
clauses (多機関協働事業 第5号・第6号) is one box with two lines.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import ERROR, GREY, PILLAR_COLOURS, PILLAR_TITLES, WARNING, Mark, detail, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind
from jusou_spec.graph.queries import nodes_of
from jusou_spec.law import Pillar

__all__ = ["delivery_text", "draw"]

NOTES = [
    "左: 社会福祉法第106条の4第2項の号　右: その号を実施する事業（所管課・実施方式）。"
    "赤の破線は必須の号に事業がないこと、橙の破線は想定される事業がないことを示します"
]


def delivery_text(delivery: list[dict[str, Any]]) -> str:
    """実施方式 as the documents write it: 直営・委託（社会福祉協議会 ほか1）.

    >>> delivery_text([{"mode": "直営", "parties": [], "party_type": None},
    ...                {"mode": "委託", "parties": ["A会", "B会", "C会"], "party_type": None}])
    '直営・委託（A会、B会 ほか1）'
    """
    words = []
    for entry in delivery:
        parties = entry["parties"]
        named = "、".join(parties[:2]) + (f" ほか{len(parties) - 2}" if len(parties) > 2 else "")
        who = named or entry.get("party_type") or ""
        words.append(entry["mode"] + (f"（{who}）" if who else ""))
    return "・".join(words)


def _program_label(attributes: dict[str, Any], mark: Mark | None) -> Html:
    rows = [text(attributes["label"], width=30)]
    departments = attributes["departments"]
    rows.append(detail("所管: " + ("・".join(departments) if departments else "未記載"), width=40))
    if attributes["delivery"]:
        rows.append(detail(delivery_text(attributes["delivery"]), width=40))
    elif not attributes["delivery_stated"]:
        rows.append(detail("実施方式: 未記載", width=40))
    if attributes.get("years"):
        rows.append(detail(f"実施年度: {attributes['years']}"))
    if mark is not None:
        rows.append(mark.line())
    return Html("<BR/>".join(rows))


def _clause_label(attributes: dict[str, Any]) -> Html:
    rows = [tags("<B>", text(attributes["label"]), "</B>")]
    if attributes.get("field"):
        rows.append(detail(attributes["field"]))
    return Html("<BR/>".join(rows))


def _placeholder_id(attributes: dict[str, Any]) -> str:
    return f"missing:{attributes['label']}"


def _placeholder(dot: Dot, clause: str, attributes: dict[str, Any]) -> None:
    """The red (required) or orange (expected) dashed box of a clause no program implements."""
    colour = ERROR if attributes["required"] else WARNING
    placeholder = _placeholder_id(attributes)
    wording = "事業なし（法定の必須事業）" if attributes["required"] else "事業なし（想定される事業）"
    dot.node(
        placeholder,
        label=tags(text(wording), "<BR/>", detail(attributes["program"], colour=colour)),
        style="dashed,rounded",
        color=colour,
        fontcolor=colour,
        penwidth=1.5,
    )
    dot.edge(clause, placeholder, arrowhead="none", style="dashed", color=colour)


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The clauses view of ``graph``."""
    dot = start(rankdir="LR", dpi=dpi, nodesep=0.15, ranksep=0.5, newrank=True)
    blocks: list[tuple[Pillar, list[tuple[str, list[str], bool]]]] = []
    placed: set[str] = set()
    for pillar in Pillar:
        rows = []
        for clause, _, kind in cast(KindEdges, graph.in_edges(f"pillar:{pillar.value}", data="kind")):
            if kind == EdgeKind.BELONGS_TO.value:
                implementing = cast(KindEdges, graph.in_edges(clause, data="kind"))
                programs = [s for s, _, k in implementing if k == EdgeKind.IMPLEMENTS.value]
                rows.append((clause, [p for p in programs if p not in placed], bool(programs)))
                placed.update(programs)
        blocks.append((pillar, rows))
    left: list[str] = []
    right: list[str] = []
    for _pillar, rows in blocks:
        for clause, programs, implemented in rows:
            left.append(clause)
            right.extend(programs if implemented else [_placeholder_id(graph.nodes[clause])])
    # Graphviz stacks an LR view's clusters bottom-up: drawn in reverse, the bands read in the law's order.
    for pillar, rows in reversed(blocks):
        with dot.subgraph(
            f"cluster_{pillar.name.lower()}",
            label=tags("<B>", text(PILLAR_TITLES[pillar]), "</B>"),
            style="filled,rounded",
            fillcolor=PILLAR_COLOURS[pillar],
            color=PILLAR_COLOURS[pillar],
            labeljust="l",
        ):
            for clause, programs, implemented in rows:
                attributes = graph.nodes[clause]
                dot.node(clause, label=_clause_label(attributes), width=0.9)
                for program in programs:
                    mark = marks.get(program)
                    dot.node(
                        program,
                        label=_program_label(graph.nodes[program], mark),
                        color=mark.colour if mark else None,
                        penwidth=2.5 if mark else None,
                    )
                if not implemented:
                    _placeholder(dot, clause, attributes)
                for program, _, kind in cast(KindEdges, graph.in_edges(clause, data="kind")):
                    if kind == EdgeKind.IMPLEMENTS.value:
                        dot.edge(clause, program, arrowhead="none")
    if "clause:第5号" in graph and "clause:第6号" in graph:
        # 支援プランの作成 (第6号) is carried out by the 多機関協働事業 (第5号): the law links the two clauses.
        dot.edge(
            "clause:第5号",
            "clause:第6号",
            dir="both",
            arrowsize=0.5,
            style="dashed",
            constraint=False,
            xlabel=detail("一体で実施"),
        )
    dot.comment("clauses in the law's order, programs in the order of their clauses, top to bottom")
    dot.same_rank(left, ordered=True, backwards=True)
    dot.same_rank(right, ordered=True, backwards=True)
    related = [p for p in nodes_of(graph, NodeKind.PROGRAM) if p not in placed]
    if related:
        with dot.subgraph("cluster_related", label=text("号に当たらない関連事業"), style="dashed,rounded", color=GREY):
            for program in related:
                mark = marks.get(program)
                dot.node(
                    program,
                    label=_program_label(graph.nodes[program], mark),
                    color=mark.colour if mark else None,
                    penwidth=2.5 if mark else None,
                )
    return finish(dot, graph.graph, "事業と法定の号（社会福祉法第106条の4第2項）", [*NOTES, *marks.caption()])
