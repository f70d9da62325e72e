"""The ``clauses`` view: the three pillars and the new functions, each clause, and the programs implementing it.

One band per pillar (相談支援 … 多機関協働), the clauses of 社会福祉法第106条の4第2項 on the left and the programs
on the right, each with its 所管課 and 実施方式. A clause no program implements gets a red dashed placeholder when
the law requires it, an orange one when it is only expected (第3号 without a letter). A program implementing two
clauses (多機関協働事業 第5号・第6号) is one box with two lines. An umbrella program (包括的相談支援事業 over the 第1号
programs) is drawn as a group around its members inside their band, with its own details in the group's heading; it
implements no clause by itself. A delivery that changes by year reads 直営（R6） → 委託（社会福祉協議会、R7～R8）.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.overlay import Overlay
from jusou_spec.diagrams.style import ERROR, GREY, PILLAR_COLOURS, PILLAR_TITLES, WARNING, Mark, detail, finish, start
from jusou_spec.graph.kinds import EdgeKind, KindEdges, NodeKind
from jusou_spec.graph.queries import nodes_of
from jusou_spec.law import Pillar, clause

__all__ = ["delivery_text", "draw"]

NOTES = [
    "左: 社会福祉法第106条の4第2項の号　右: その号を実施する事業（所管課・実施方式）。"
    "赤の破線は必須の号に事業がないこと、橙の破線は想定される事業がないことを示します"
]
UMBRELLA_NOTE = "白い枠は上位事業（号全体）で、枠の中の事業がその号を実施します"


def delivery_text(delivery: list[dict[str, Any]]) -> str:
    """実施方式 as the documents write it: 直営・委託（社会福祉協議会 ほか1）; by year, 直営（R6） → 委託（A会、R7～R8）.

    >>> delivery_text([{"mode": "直営", "parties": [], "party_type": None},
    ...                {"mode": "委託", "parties": ["A会", "B会", "C会"], "party_type": None}])
    '直営・委託（A会、B会 ほか1）'
    >>> delivery_text([{"mode": "直営", "parties": [], "party_type": None, "years": "R6"},
    ...                {"mode": "委託", "parties": ["A会"], "party_type": None, "years": "R7～R8"}])
    '直営（R6） → 委託（A会、R7～R8）'
    """
    words = []
    for entry in delivery:
        parties = entry["parties"]
        named = "、".join(parties[:2]) + (f" ほか{len(parties) - 2}" if len(parties) > 2 else "")
        details = [part for part in (named or entry.get("party_type"), entry.get("years")) if part]
        words.append(entry["mode"] + (f"（{'、'.join(details)}）" if details else ""))
    by_year = bool(delivery) and all(entry.get("years") for entry in delivery)
    return (" → " if by_year else "・").join(words)


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


def _umbrella_label(attributes: dict[str, Any], mark: Mark | None) -> Html:
    """The heading of an umbrella's group: its name, the whole 号 it stands for, its department and delivery."""
    whole = "・".join(attributes["whole"])
    rows = [tags("<B>", text(attributes["label"], width=40), "</B>")]
    rows.append(detail(f"上位事業（{whole}全体）" if whole else "上位事業", width=40))
    departments = attributes["departments"]
    rows.append(detail("所管: " + ("・".join(departments) if departments else "未記載"), width=40))
    if attributes["delivery"]:
        rows.append(detail(delivery_text(attributes["delivery"]), width=40))
    if mark is not None:
        rows.append(mark.line())
    return Html("<BR/>".join(rows))


def _umbrella_chain(graph: nx.MultiDiGraph[str], program: str) -> list[str]:
    """The umbrellas above ``program``, outermost first (a cycle of 上位事業 stops where it repeats)."""
    chain: list[str] = []
    current = program
    while True:
        above = [
            t for _, t, k in cast(KindEdges, graph.out_edges(current, data="kind")) if k == EdgeKind.MEMBER_OF.value
        ]
        if not above or above[0] in chain or above[0] == program:
            return list(reversed(chain))
        chain.append(above[0])
        current = above[0]


def _program_node(dot: Dot, graph: nx.MultiDiGraph[str], program: str, marks: Overlay) -> None:
    mark = marks.get(program)
    dot.node(
        program,
        label=_program_label(graph.nodes[program], mark),
        color=mark.colour if mark else None,
        penwidth=2.5 if mark else None,
    )


def _grouped(
    dot: Dot, graph: nx.MultiDiGraph[str], programs: list[str], marks: Overlay, *, depth: int = 0, prefix: str = ""
) -> None:
    """Draw ``programs``, each inside the nested groups of its umbrellas (``depth`` levels already open)."""
    loose = [p for p in programs if len(_umbrella_chain(graph, p)) <= depth]
    for program in loose:
        _program_node(dot, graph, program, marks)
    umbrellas: list[str] = []
    for program in programs:
        chain = _umbrella_chain(graph, program)
        if len(chain) > depth and chain[depth] not in umbrellas:
            umbrellas.append(chain[depth])
    for umbrella in umbrellas:
        inside = [
            p
            for p in programs
            if len(_umbrella_chain(graph, p)) > depth and _umbrella_chain(graph, p)[depth] == umbrella
        ]
        mark = marks.get(umbrella)
        with dot.subgraph(
            f"cluster_{prefix}umbrella_{list(graph.nodes).index(umbrella)}",
            label=_umbrella_label(graph.nodes[umbrella], mark),
            style="rounded,filled",
            fillcolor="#ffffff",
            color=mark.colour if mark else GREY,
            penwidth=2.5 if mark else None,
            labeljust="l",
        ):
            _grouped(dot, graph, inside, marks, depth=depth + 1, prefix=prefix)


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


def _bands(
    graph: nx.MultiDiGraph[str], blocks: list[tuple[Pillar, list[tuple[str, list[str], bool]]]], placed: set[str]
) -> tuple[dict[Pillar, list[str]], list[str]]:
    """The programs drawn in each pillar's band, and the rest (drawn as related programs).

    A program implementing a clause is in that clause's band. A program that implements none but sits under an
    umbrella drawn in a band joins it there (地域支え合いネットワーク事業 under 地域づくり事業); an umbrella none of whose
    members is placed is drawn, as a box, in the band of the whole 号 it stands for.
    """
    bands = {pillar: [p for _, programs, _ in rows for p in programs] for pillar, rows in blocks}
    drawn_in: dict[str, Pillar] = {}
    for pillar, programs in bands.items():
        for program in programs:
            for umbrella in _umbrella_chain(graph, program):
                drawn_in.setdefault(umbrella, pillar)
    programs = nodes_of(graph, NodeKind.PROGRAM)
    umbrellas = {u for p in programs for u in _umbrella_chain(graph, p)} | {
        p for p in programs if graph.nodes[p].get("whole")
    }
    rest: list[str] = []
    for program in programs:
        if program in placed or program in drawn_in:
            continue
        chain = _umbrella_chain(graph, program)
        home = next((drawn_in[u] for u in chain if u in drawn_in), None)
        whole = graph.nodes[program].get("whole_items")
        if home is None and program in umbrellas and whole:
            home = clause(whole[0]).pillar
        if home is not None:
            bands[home].append(program)
        else:
            rest.append(program)
    return bands, rest


def draw(graph: nx.MultiDiGraph[str], *, marks: Overlay, dpi: int | None) -> Dot:
    """The clauses view of ``graph``."""
    dot = start(rankdir="LR", dpi=dpi, nodesep=0.15, ranksep=0.5, newrank=True)
    blocks: list[tuple[Pillar, list[tuple[str, list[str], bool]]]] = []
    placed: set[str] = set()
    for pillar in Pillar:
        rows = []
        for clause_node, _, kind in cast(KindEdges, graph.in_edges(f"pillar:{pillar.value}", data="kind")):
            if kind == EdgeKind.BELONGS_TO.value:
                implementing = cast(KindEdges, graph.in_edges(clause_node, data="kind"))
                programs = [s for s, _, k in implementing if k == EdgeKind.IMPLEMENTS.value]
                rows.append((clause_node, [p for p in programs if p not in placed], bool(programs)))
                placed.update(programs)
        blocks.append((pillar, rows))
    bands, related = _bands(graph, blocks, placed)
    left: list[str] = []
    right: list[str] = []
    for pillar, rows in blocks:
        for clause_node, programs, implemented in rows:
            left.append(clause_node)
            right.extend(programs if implemented else [_placeholder_id(graph.nodes[clause_node])])
        right.extend(p for p in bands[pillar] if p not in placed)
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
            grouped = [p for p in bands[pillar] if _umbrella_chain(graph, p) or p not in placed]
            deferred: list[tuple[str, str]] = []
            for clause_node, programs, implemented in rows:
                attributes = graph.nodes[clause_node]
                dot.node(clause_node, label=_clause_label(attributes), width=0.9)
                for program in programs:
                    if program not in grouped:
                        _program_node(dot, graph, program, marks)
                if not implemented:
                    _placeholder(dot, clause_node, attributes)
                for program, _, kind in cast(KindEdges, graph.in_edges(clause_node, data="kind")):
                    if kind == EdgeKind.IMPLEMENTS.value:
                        if program in grouped:
                            deferred.append((clause_node, program))
                        else:
                            dot.edge(clause_node, program, arrowhead="none")
            _grouped(dot, graph, grouped, marks, prefix=f"{pillar.name.lower()}_")
            for clause_node, program in deferred:
                dot.edge(clause_node, program, arrowhead="none")
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
    if related:
        with dot.subgraph("cluster_related", label=text("号に当たらない関連事業"), style="dashed,rounded", color=GREY):
            _grouped(dot, graph, related, marks, prefix="related_")
    has_umbrellas = any(
        graph.nodes[p].get("whole") or graph.nodes[p].get("umbrella") for p in nodes_of(graph, NodeKind.PROGRAM)
    )
    notes = [*NOTES, UMBRELLA_NOTE] if has_umbrellas else NOTES
    return finish(dot, graph.graph, "事業と法定の号（社会福祉法第106条の4第2項）", [*notes, *marks.caption()])
