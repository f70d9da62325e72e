"""The ``initiatives`` view: each 取組 with its sub-items, linked to the related plans' 施策 and アクション numbers.

A two-sided (bipartite) picture: the 取組 in the middle, each a box whose rows are its sub-items (ア・イ・ウ) with
their lead bodies; the 地域福祉計画's 施策 on the right and the 推進計画's アクション on the left, grouped by plan.
A 【再掲】 row is linked to the row it repeats by a dashed line. A 施策 the related plan lists but no 取組 names is
drawn grey, so the gap shows; a number the related plan does not list is drawn dashed.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import GREY, INK, detail, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind
from jusou_spec.graph.queries import nodes_of

__all__ = ["draw"]

NOTES = [
    "中央: 取組と項目（中心となる取組主体）　右: 関連する施策　左: 関連するアクション。"
    "灰色は取組から参照されていない施策・アクション、破線の枠は関連計画の一覧にない番号です"
]


def _of_kind(graph: nx.MultiDiGraph[str], node: str, kind: EdgeKind, *, incoming: bool) -> list[str]:
    edges = cast(KindEdges, graph.in_edges(node, data="kind") if incoming else graph.out_edges(node, data="kind"))
    return [(s if incoming else t) for s, t, k in edges if k == kind.value]


def _initiative(dot: Dot, graph: nx.MultiDiGraph[str], initiative: str, marks: Overlay) -> dict[str, str]:
    attributes = graph.nodes[initiative]
    mark = marks.get(initiative)
    heading = text(" ".join(filter(None, [attributes.get("number"), attributes["name"]])), width=34)
    rows = [tags("<B>", heading, "</B>")]
    if attributes.get("domains"):
        rows.append(detail("・".join(attributes["domains"]), width=40))
    if mark:
        rows.append(mark.line())
    cells = ['<TR><TD PORT="main" CELLPADDING="5">' + "<BR/>".join(rows) + "</TD></TR>"]
    ports = {initiative: "main"}
    for index, item in enumerate(_of_kind(graph, initiative, EdgeKind.PART_OF, incoming=True)):
        item_attributes = graph.nodes[item]
        ports[item] = f"p{index}"
        item_mark = marks.get(item)
        name = " ".join(filter(None, [item_attributes.get("mark"), item_attributes["name"]]))
        if item_attributes.get("repeats") and "再掲" not in name:
            name = f"【再掲】{name}"
        lines = [text(name, width=36)]
        leads = item_attributes.get("leads") or []
        if leads:
            lines.append(detail("主体: " + "・".join(leads), width=40))
        if item_mark:
            lines.append(item_mark.line())
        colour = f' COLOR="{item_mark.colour}"' if item_mark else ""
        cells.append(
            f'<TR><TD PORT="p{index}" BORDER="1" SIDES="T"{colour} ALIGN="LEFT" BALIGN="LEFT" '
            f'CELLPADDING="4">' + "<BR/>".join(lines) + "</TD></TR>"
        )
    table = (
        f'<TABLE BORDER="{3 if mark else 1}" CELLBORDER="0" CELLSPACING="0" STYLE="rounded" '
        f'COLOR="{mark.colour if mark else INK}" BGCOLOR="white">' + "".join(cells) + "</TABLE>"
    )
    dot.node(initiative, label=Html(table), shape="plain", style=None)
    return ports


def _numbered(dot: Dot, graph: nx.MultiDiGraph[str], kind: NodeKind, marks: Overlay, links: EdgeKind) -> list[str]:
    by_plan: dict[str, list[str]] = {}
    for node in nodes_of(graph, kind):
        by_plan.setdefault(graph.nodes[node]["plan"], []).append(node)
    word = "施策" if kind is NodeKind.MEASURE else "アクション"
    for index, nodes in enumerate(by_plan.values()):
        first = graph.nodes[nodes[0]]
        note = "" if all(graph.nodes[n]["checked"] for n in nodes) else "（一覧は計画に記載なし）"
        with dot.subgraph(
            f"cluster_{kind.value}_{index}",
            label=text(f"{first['plan_name']} {word}{note}", width=30),
            style="rounded",
            color=GREY,
            fontsize=10,
        ):
            for node in nodes:
                attributes = graph.nodes[node]
                mark = marks.get(node)
                linked = bool(_of_kind(graph, node, links, incoming=True))
                label = text(
                    f"{word}{attributes['number']}" + (f" {attributes['name']}" if attributes["name"] else ""), width=22
                )
                if mark:
                    label = tags(label, "<BR/>", mark.line())
                style = "rounded,filled" if attributes["listed"] or not attributes["checked"] else "rounded,dashed"
                dot.node(
                    node,
                    label=label,
                    style=style,
                    fillcolor="white" if linked else "#eeeeee",
                    fontcolor=INK if linked else GREY,
                    color=mark.colour if mark else (INK if linked else GREY),
                    penwidth=2.5 if mark else None,
                )
    return [node for nodes in by_plan.values() for node in nodes]


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The initiatives view of ``graph``."""
    dot = start(rankdir="LR", dpi=dpi, nodesep=0.12, ranksep=0.6)
    actions = _numbered(dot, graph, NodeKind.ACTION, marks, EdgeKind.RELATES_TO_ACTION)
    ports: dict[str, tuple[str, str]] = {}
    for initiative in nodes_of(graph, NodeKind.INITIATIVE):
        for node, port in _initiative(dot, graph, initiative, marks).items():
            ports[node] = (initiative, port)
    measures = _numbered(dot, graph, NodeKind.MEASURE, marks, EdgeKind.RELATES_TO_MEASURE)
    dot.comment("three columns: アクション, 取組, 施策; each in document order, top to bottom")
    for column in (actions, nodes_of(graph, NodeKind.INITIATIVE), measures):
        dot.same_rank(column, ordered=True)
    for initiative in nodes_of(graph, NodeKind.INITIATIVE):
        for action in _of_kind(graph, initiative, EdgeKind.RELATES_TO_ACTION, incoming=False):
            dot.edge(action, initiative, target_port="main:w", arrowhead="none", color=GREY)
        for measure in _of_kind(graph, initiative, EdgeKind.RELATES_TO_MEASURE, incoming=False):
            dot.edge(initiative, measure, source_port="main:e", arrowhead="none", color=GREY)
    for item, (initiative, port) in ports.items():
        for target in _of_kind(graph, item, EdgeKind.REPEATS, incoming=False):
            if target in ports:
                other, other_port = ports[target]
                dot.edge(
                    initiative,
                    other,
                    source_port=f"{port}:w",
                    target_port=f"{other_port}:w",
                    style="dashed",
                    label=text("再掲"),
                    constraint=False,
                    color=INK,
                )
    notes = NOTES if nodes_of(graph, NodeKind.INITIATIVE) else ["この計画には取組の記載がありません"]
    return finish(dot, graph.graph, "取組と関連計画の施策・アクション", [*notes, *marks.caption()])
