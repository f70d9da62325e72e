"""The ``departments`` view: the cooperation matrix (庁内連携体制) as the ○ table the plans print.

Rows are the departments in the plan's order, with the duties the plan lists for each; columns are the matrix's own
columns with the plan's own headings (「(1) 相談支援」 … 「(4) 庁内連携会議等」), and a ○ marks where the plan puts
one. A network of crossing lines was tried first and read badly: every source prints this table, so the diagram
is the table. A plan without a matrix (芦屋市's) gets the same table built from what it does say: the pillars in
the law's order, and ● where a department owns a program of that pillar, with a note saying so.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import DETAIL_SIZE, INK, PILLAR_COLOURS, TEXT_SIZE, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind, clause_id, pillar_id
from jusou_spec.graph.queries import nodes_of
from jusou_spec.law import Pillar

__all__ = ["draw", "matrix_cells"]

MATRIX_NOTES = ["○: 庁内連携体制の表で、その課が連携・協力する主な事業（計画の表のとおり）"]
OWNERSHIP_NOTES = [
    "●: その柱の事業を所管（この計画には庁内連携体制の表がないため、各事業の所管課から作成）",
]
HEADER = "#e9e9e9"
TABLE_NODE = "matrix"


def _owned_pillars(graph: nx.MultiDiGraph[str], department: str) -> set[str]:
    """The pillar nodes of the programs ``department`` owns."""
    found: set[str] = set()
    for program, _, kind in cast(KindEdges, graph.in_edges(department, data="kind")):
        if kind != EdgeKind.OWNED_BY.value:
            continue
        implemented = [
            clause
            for _, clause, k in cast(KindEdges, graph.out_edges(program, data="kind"))
            if k == EdgeKind.IMPLEMENTS.value
        ]
        # An umbrella implements no clause, but its department owns a program of its whole 号's pillar.
        for clause in [*implemented, *(clause_id(label) for label in graph.nodes[program].get("whole_items") or ())]:
            for _, pillar, pillar_kind in cast(KindEdges, graph.out_edges(clause, data="kind")):
                if pillar_kind == EdgeKind.BELONGS_TO.value:
                    found.add(pillar)
    return found


def matrix_cells(graph: nx.MultiDiGraph[str]) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]], str]:
    """The ○ table of ``graph``: its columns as (key, heading), its rows as (department node, keys marked), and the
    mark used (○ from the plan's matrix, whose rows are the matrix's own; ● from program ownership where the plan
    has no matrix)."""
    departments = nodes_of(graph, NodeKind.DEPARTMENT)
    columns = graph.graph.get("matrix_columns")
    if columns:
        rows = []
        for department, _ in graph.graph.get("matrix_rows", []):
            marked = {
                attributes.get("column")
                for _, _, attributes in graph.out_edges(department, data=True)
                if attributes["kind"] == EdgeKind.COOPERATES_WITH.value
            }
            rows.append((department, [ident for ident, _ in columns if ident in marked]))
        return [(ident, name) for ident, name in columns], rows, "○"
    owned = {department: _owned_pillars(graph, department) for department in departments}
    used = [pillar for pillar in Pillar if any(pillar_id(pillar) in pillars for pillars in owned.values())]
    pillar_columns = [(pillar_id(pillar), pillar.value) for pillar in used]
    rows = [(d, [ident for ident, _ in pillar_columns if ident in owned[d]]) for d in departments]
    return pillar_columns, rows, "●"


def _cell(content: str, *, colour: str | None = None, align: str = "CENTER", header: bool = False) -> str:
    background = f' BGCOLOR="{colour or HEADER}"' if header or colour else ""
    return f'<TD ALIGN="{align}" BALIGN="LEFT" CELLPADDING="4"{background}>{content}</TD>'


def _small(value: str) -> str:
    return tags(f'<FONT POINT-SIZE="{DETAIL_SIZE}">', value, "</FONT>")


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The departments view of ``graph``: one table node."""
    dot = start(rankdir="TB", dpi=dpi)
    columns, rows, sign = matrix_cells(graph)
    matrix = sign == "○"
    colours = {pillar_id(pillar): PILLAR_COLOURS[pillar] for pillar in Pillar}
    second = "関連する事業・業務・相談等" if matrix else "所管する事業"
    head = [
        _cell(tags("<B>", text("担当課"), "</B>"), header=True),
        _cell(tags("<B>", text(second), "</B>"), header=True),
    ]
    for ident, name in columns:
        target = ident if not matrix else _column_node(graph, ident)
        head.append(_cell(tags("<B>", text(name, width=10), "</B>"), colour=colours.get(target or "", HEADER)))
    lines = ["<TR>" + "".join(head) + "</TR>"]
    for department, marked in rows:
        attributes = graph.nodes[department]
        mark = marks.get(department)
        if matrix:
            detail_items = attributes.get("duties") or []
        else:
            detail_items = [
                graph.nodes[s]["label"]
                for s, _, k in cast(KindEdges, graph.in_edges(department, data="kind"))
                if k == EdgeKind.OWNED_BY.value
            ]
        printed = dict(graph.graph.get("matrix_rows", [])).get(department, attributes["label"]) if matrix else None
        name = tags("<B>", text(printed or attributes["label"], width=16), "</B>")
        if mark:
            name = tags(name, "<BR/>", mark.line())
        duties = "<BR/>".join(text(item, width=40) for item in detail_items) or text("―")
        cells = [
            _cell(name, align="LEFT", colour="#fff0e0" if mark else None),
            _cell(_small(duties), align="LEFT"),
        ]
        cells.extend(_cell(text(sign) if ident in marked else "") for ident, _ in columns)
        lines.append("<TR>" + "".join(cells) + "</TR>")
    if not rows:
        lines.append(
            f'<TR><TD COLSPAN="{2 + len(columns)}">' + text("所管課と庁内連携体制の記載がありません") + "</TD></TR>"
        )
    table = (
        f'<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" COLOR="{INK}" BGCOLOR="white">' + "".join(lines) + "</TABLE>"
    )
    dot.node(TABLE_NODE, label=Html(f'<FONT POINT-SIZE="{TEXT_SIZE}">{table}</FONT>'), shape="plain", style=None)
    notes = MATRIX_NOTES if matrix else OWNERSHIP_NOTES
    if not rows:
        notes = []
    dot.comment("one table: departments in the plan's order, columns in the matrix's order (or the law's)")
    return finish(dot, graph.graph, "庁内連携体制（担当課と柱）", [*notes, *marks.caption()])


def _column_node(graph: nx.MultiDiGraph[str], ident: str) -> str | None:
    """The pillar node a matrix column stands for (its fill colour), or None for another column."""
    for _, target, attributes in graph.edges(data=True):
        if attributes.get("kind") == EdgeKind.COOPERATES_WITH.value and attributes.get("column") == ident:
            return target if str(target).startswith("pillar:") else None
    return None
