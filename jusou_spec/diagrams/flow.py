"""The ``flow`` view: meetings (会議体) and what passes between them (芦屋市 図1・図2, 魚津市 推進体制).

A meeting is one box; its parts (B-1 定例型, B-2 随時型) are cells along its top, so a flow to a part comes
down into the part's cell. Each arrow is labelled with what passes along (つなぐ: ケース, 提案: 課題 …); 相互連携 is a dashed
two-headed line that does not push either meeting below the other. Meetings outside every flow are set out below
in rows of three. A rename (庁内連携会議 ⇒ 連携会議) is written in the box, never drawn as a flow.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import DETAIL_SIZE, GREY, INK, detail, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind
from jusou_spec.graph.queries import nodes_of

__all__ = ["draw"]

FLOW_EDGES = {
    EdgeKind.REFERS_TO.value,
    EdgeKind.PROPOSES_TO.value,
    EdgeKind.REPORTS_TO.value,
    EdgeKind.EVALUATES.value,
    EdgeKind.FEEDS_BACK.value,
    EdgeKind.COOPERATES_WITH.value,
    EdgeKind.RELATES_TO.value,
}
ROW = 3
NOTES = ["矢印のラベルは渡るもの（つなぐ・提案・報告・評価）。破線の両矢印は相互連携。名称変更は流れではなく枠内に記載"]


def _short_id(ident: str) -> bool:
    """A letter id the document uses as a mark (A, B-1), shown before the name as the figures do."""
    return len(ident) <= 4 and ident.isascii() and ident.replace("-", "").isalnum()


def _heading(attributes: dict[str, Any]) -> Html:
    name = attributes["name"]
    ident = attributes["doc_id"]
    if _short_id(ident) and not name.startswith(ident):
        return tags("<B>", text(ident), "</B> ", text(name, width=26))
    return text(name, width=28)


def _details(attributes: dict[str, Any]) -> list[Html]:
    found = []
    kinds = "・".join(kind for kind in attributes.get("kinds") or [] if kind != attributes["name"])
    consent = attributes.get("consent")
    if kinds:
        found.append(detail(kinds, width=40))
    if consent:
        found.append(detail(f"本人同意: {consent}"))
    if attributes.get("former_name"):
        found.append(detail(f"旧称: {attributes['former_name']}", width=40))
    for rename in attributes.get("renames") or []:
        found.append(detail(f"{rename['years']}「{rename['name']}」に名称変更", width=40))
    marks = [*(attributes.get("functions") or []), *(attributes.get("activities") or [])]
    if marks:
        found.append(detail("・".join(marks), width=40))
    return found


def _meeting(dot: Dot, graph: nx.MultiDiGraph[str], meeting: str, parts: list[str], marks: Overlay) -> dict[str, str]:
    """Draw one meeting as a table; returns each node's port (the meeting's own is ``main``)."""
    attributes = graph.nodes[meeting]
    mark = marks.get(meeting)
    colour = mark.colour if mark else INK
    rows = [_heading(attributes), *_details(attributes)]
    if mark:
        rows.append(mark.line())
    span = max(len(parts), 1)
    cells = [f'<TR><TD PORT="main" COLSPAN="{span}" CELLPADDING="6">' + "<BR/>".join(rows) + "</TD></TR>"]
    ports = {meeting: "main"}
    if parts:
        row = []
        for index, part in enumerate(parts):
            port = f"p{index}"
            ports[part] = port
            part_attributes = graph.nodes[part]
            part_mark = marks.get(part)
            label = text(part_attributes["name"], width=16)
            if _short_id(part_attributes["doc_id"]) and not part_attributes["name"].startswith(
                part_attributes["doc_id"]
            ):
                label = tags("<B>", text(part_attributes["doc_id"]), "</B> ", label)
            if part_mark:
                label = tags(label, "<BR/>", part_mark.line())
            border = f' COLOR="{part_mark.colour}"' if part_mark else ""
            row.append(f'<TD PORT="{port}" BORDER="1"{border} CELLPADDING="4">{label}</TD>')
        cells.insert(0, "<TR>" + "".join(row) + "</TR>")
    width = 3 if mark else 1
    table = (
        f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="4" STYLE="rounded" COLOR="{colour}" '
        f'BGCOLOR="white">' + "".join(cells) + "</TABLE>"
    )
    dot.node(meeting, label=Html(table), shape="plain", style=None)
    return ports


def _edge_label(attributes: dict[str, Any]) -> Html:
    words = [text(attributes["flow"])]
    if attributes.get("content"):
        words.append(
            tags(
                f'<FONT POINT-SIZE="{DETAIL_SIZE - 1}" COLOR="{GREY}">',
                text(attributes["content"], width=16),
                "</FONT>",
            )
        )
    return Html("<BR/>".join(words))


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The flow view of ``graph``."""
    dot = start(rankdir="TB", dpi=dpi, nodesep=0.5, ranksep=0.6)
    meetings = [n for n in nodes_of(graph, NodeKind.MEETING) if graph.nodes[n].get("part_of") is None]
    parts = {
        m: [s for s, _, k in cast(KindEdges, graph.in_edges(m, data="kind")) if k == EdgeKind.PART_OF.value]
        for m in meetings
    }
    owner = {part: meeting for meeting, found in parts.items() for part in found}
    ports: dict[str, tuple[str, str]] = {}
    for meeting in meetings:
        for node, port in _meeting(dot, graph, meeting, parts[meeting], marks).items():
            ports[node] = (owner.get(node, meeting), port)
    flows = [(s, t, a) for s, t, a in graph.edges(data=True) if a["kind"] in FLOW_EDGES and s in ports and t in ports]
    in_flows = {owner.get(n, n) for s, t, _ in flows for n in (s, t)}
    drawn_mutual: set[frozenset[str]] = set()
    for source, target, attributes in flows:
        (tail, tail_port), (head, head_port) = ports[source], ports[target]
        style: dict[str, object] = {}
        if attributes["kind"] == EdgeKind.COOPERATES_WITH.value:
            pair = frozenset((source, target))
            if pair in drawn_mutual:
                continue
            drawn_mutual.add(pair)
            style = {"dir": "both", "style": "dashed", "constraint": False}
        elif attributes["kind"] in (EdgeKind.EVALUATES.value, EdgeKind.RELATES_TO.value):
            style = {"style": "dashed"}
        elif attributes["kind"] == EdgeKind.FEEDS_BACK.value:
            style = {"style": "dashed", "constraint": False}  # goes back down: it does not rank the sender
        if head_port != "main" and style.get("constraint") is not False:
            head_port += ":n"
        dot.edge(tail, head, source_port=tail_port, target_port=head_port, label=_edge_label(attributes), **style)
    alone = [m for m in meetings if m not in in_flows]
    if alone:
        dot.comment("meetings outside every flow, in rows of three")
        anchor = [m for m in meetings if m in in_flows and not any(s == m for s, _, _ in flows)][:1]
        rows = [alone[i : i + ROW] for i in range(0, len(alone), ROW)]
        for row in rows:
            dot.same_rank(row, ordered=True)
            middle = row[len(row) // 2]
            for above in anchor:
                dot.edge(above, middle, style="invis")
            anchor = [middle]
    notes = NOTES if nodes_of(graph, NodeKind.MEETING) else ["この計画には会議体の記載がありません"]
    return finish(dot, graph.graph, "会議体の流れ", [*notes, *marks.caption()])
