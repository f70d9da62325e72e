"""The ``departments`` view: the cooperation matrix (庁内連携体制) as a graph of departments and pillars.

Departments on the left, the pillars (and any other column of the matrix, such as 庁内連携会議等) on the right. A
solid line is a ○ in the plan's matrix, drawn bold when the department also owns a program in that pillar; a dashed
line means it owns one there without a ○ (a plan with no matrix, like 芦屋市's, shows ownership only). Each department lists the programs
it owns, so the picture answers "who does what" as well as "who works with whom".
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import INK, PILLAR_COLOURS, detail, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind, clause_id
from jusou_spec.graph.queries import nodes_of
from jusou_spec.law import Pillar

__all__ = ["draw"]

OWNS = "#5577aa"

MATRIX_NOTES = [
    "実線: 庁内連携体制の表で○のある柱　太線: ○があり、その柱の事業も所管　破線: その柱の事業を所管（表に○なし）"
]
OWNERSHIP_NOTES = ["線: その柱の事業を所管（この計画には庁内連携体制の表がありません）"]


def _links(graph: nx.MultiDiGraph[str]) -> dict[tuple[str, str], set[str]]:
    """(department, pillar or column) → {"matrix", "owns"}, in the order first met."""
    links: dict[tuple[str, str], set[str]] = {}
    for department in nodes_of(graph, NodeKind.DEPARTMENT):
        for _, target, attributes in graph.out_edges(department, data=True):
            if attributes["kind"] == EdgeKind.COOPERATES_WITH.value:
                links.setdefault((department, target), set()).add("matrix")
        for program, _, kind in cast(KindEdges, graph.in_edges(department, data="kind")):
            if kind != EdgeKind.OWNED_BY.value:
                continue
            implemented = [
                clause
                for _, clause, k in cast(KindEdges, graph.out_edges(program, data="kind"))
                if k == EdgeKind.IMPLEMENTS.value
            ]
            # An umbrella implements no clause, but its department owns a program of its whole 号's pillar.
            for clause in [
                *implemented,
                *(clause_id(label) for label in graph.nodes[program].get("whole_items") or ()),
            ]:
                for _, pillar, pillar_kind in cast(KindEdges, graph.out_edges(clause, data="kind")):
                    if pillar_kind == EdgeKind.BELONGS_TO.value:
                        links.setdefault((department, pillar), set()).add("owns")
    return links


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The departments view of ``graph``."""
    dot = start(rankdir="LR", dpi=dpi, nodesep=0.12, ranksep=1.4)
    links = _links(graph)
    matrix = any("matrix" in how for how in links.values())
    targets = {target for _, target in links}
    departments = nodes_of(graph, NodeKind.DEPARTMENT)
    for department in departments:
        attributes = graph.nodes[department]
        mark = marks.get(department)
        owned = [
            graph.nodes[s]["label"]
            for s, _, k in cast(KindEdges, graph.in_edges(department, data="kind"))
            if k == EdgeKind.OWNED_BY.value
        ]
        rows = [tags("<B>", text(attributes["label"], width=24), "</B>")]
        if owned:
            rows.append(detail("所管: " + "、".join(owned), width=34))
        if mark:
            rows.append(mark.line())
        dot.node(
            department,
            label=Html("<BR/>".join(rows)),
            color=mark.colour if mark else None,
            penwidth=2.5 if mark else None,
        )
    ordered = [f"pillar:{pillar.value}" for pillar in Pillar] + nodes_of(graph, NodeKind.COLUMN)
    shown = [node for node in ordered if node in targets or graph.nodes[node]["kind"] == NodeKind.COLUMN.value]
    colours = {f"pillar:{pillar.value}": PILLAR_COLOURS[pillar] for pillar in Pillar}
    for node in shown:
        dot.node(
            node,
            label=tags("<B>", text(graph.nodes[node]["label"], width=16), "</B>"),
            fillcolor=colours.get(node, "#eeeeee"),
            width=1.4,
        )
    dot.comment("departments in the plan's order, then the pillars in the law's order, top to bottom")
    dot.same_rank(departments, ordered=True)
    dot.same_rank(shown, ordered=True)
    for (department, target), how in links.items():
        if "matrix" in how:
            dot.edge(department, target, arrowhead="none", color=INK, penwidth=2.2 if "owns" in how else 1.0)
        else:
            dot.edge(department, target, arrowhead="none", color=OWNS, style="dashed" if matrix else "solid")
    notes = MATRIX_NOTES if matrix else OWNERSHIP_NOTES
    if not departments:
        notes = ["この計画には所管課と庁内連携体制の記載がありません"]
    return finish(dot, graph.graph, "庁内連携体制（担当課と柱）", [*notes, *marks.caption()])
