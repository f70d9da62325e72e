"""Questions a planner asks of a plan, as plain functions of its graph returning plain data.

Each takes the graph :func:`~jusou_spec.graph.build_graph` returns. The examples use a small plan shaped like
芦屋市's (meetings A → B → C/D, two initiatives, a 【再掲】), ``tests/fixtures/graph-ashiya-like.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import networkx as nx

from jusou_spec.graph.kinds import ESCALATION_EDGES, EdgeKind, KindEdges, NodeKind

__all__ = [
    "clause_coverage",
    "connected_to",
    "escalation_paths",
    "missing_clauses",
    "node_at",
    "nodes_of",
    "programs_by_department",
    "uncovered_measures",
]


def nodes_of(graph: nx.MultiDiGraph[str], kind: NodeKind) -> list[str]:
    """The nodes of one kind, in document order.

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> nodes_of(graph, NodeKind.MEETING)[:3]
    ['meeting:A', 'meeting:B', 'meeting:B-1']
    """
    # networkx's stubs type a data="kind" view as yielding the whole attribute dict; it yields the value.
    kinds = cast("Iterable[tuple[str, str | None]]", graph.nodes(data="kind"))
    return [node for node, found in kinds if found == kind.value]


def _sources(graph: nx.MultiDiGraph[str], node: str, kind: EdgeKind) -> list[str]:
    return [
        source
        for source, _, key in graph.in_edges(node, keys=True)
        if graph.edges[source, node, key]["kind"] == kind.value
    ]


def _targets(graph: nx.MultiDiGraph[str], node: str, kind: EdgeKind) -> list[str]:
    return [
        target
        for _, target, key in graph.out_edges(node, keys=True)
        if graph.edges[node, target, key]["kind"] == kind.value
    ]


def clause_coverage(graph: nx.MultiDiGraph[str]) -> dict[str, dict[str, list[str]]]:
    """For each pillar, each of its clauses and the programs implementing it (an empty list is a gap).

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> coverage = clause_coverage(graph)
    >>> list(coverage)
    ['相談支援', '参加支援', '地域づくり', 'アウトリーチ等', '多機関協働']
    >>> coverage["相談支援"]["第1号ハ"]
    ['program:利用者支援特定型', 'program:利用者支援センター型']
    >>> coverage["多機関協働"]
    {'第5号': ['program:多機関協働'], '第6号': ['program:多機関協働']}
    """
    coverage: dict[str, dict[str, list[str]]] = {}
    for pillar in nodes_of(graph, NodeKind.PILLAR):
        clauses = _sources(graph, pillar, EdgeKind.BELONGS_TO)
        coverage[graph.nodes[pillar]["label"]] = {
            graph.nodes[clause]["label"]: _sources(graph, clause, EdgeKind.IMPLEMENTS) for clause in clauses
        }
    return coverage


def missing_clauses(graph: nx.MultiDiGraph[str], *, required_only: bool = False) -> list[str]:
    """The clauses no program implements (labels, in the law's order); ``required_only`` leaves out 第3号.

    This reads the whole plan; the checker's rule ``CL001`` also judges each fiscal year by its mode.

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> missing_clauses(graph)
    []
    """
    return [
        graph.nodes[clause]["label"]
        for clause in nodes_of(graph, NodeKind.CLAUSE)
        if not _sources(graph, clause, EdgeKind.IMPLEMENTS) and (graph.nodes[clause]["required"] or not required_only)
    ]


def uncovered_measures(graph: nx.MultiDiGraph[str], *, kind: NodeKind = NodeKind.MEASURE) -> list[str]:
    """The 施策 (or, with ``kind=NodeKind.ACTION``, アクション) that no 取組 relates to.

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> uncovered_measures(graph)
    ['measure:地域福祉計画:3', 'measure:地域福祉計画:4']
    """
    edge = EdgeKind.RELATES_TO_MEASURE if kind is NodeKind.MEASURE else EdgeKind.RELATES_TO_ACTION
    return [node for node in nodes_of(graph, kind) if not _sources(graph, node, edge)]


def programs_by_department(graph: nx.MultiDiGraph[str]) -> dict[str, list[str]]:
    """Each department (by the name the plan first writes it with) and the programs it owns (所管).

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> programs_by_department(graph)["高齢介護課"]
    ['program:包括', 'program:介護予防', 'program:生活支援']
    """
    return {
        graph.nodes[department]["label"]: _sources(graph, department, EdgeKind.OWNED_BY)
        for department in nodes_of(graph, NodeKind.DEPARTMENT)
    }


def _meeting_of(graph: nx.MultiDiGraph[str], node: str) -> str:
    """A meeting part's meeting (B-1 → B); a meeting is its own."""
    parents = _targets(graph, node, EdgeKind.PART_OF)
    return parents[0] if parents and graph.nodes[parents[0]]["kind"] == NodeKind.MEETING.value else node


def escalation_paths(graph: nx.MultiDiGraph[str]) -> list[list[str]]:
    """Every path a case or an issue can travel, from a meeting that receives nothing to one that passes nothing on.

    Only flows that carry something upward count (つなぐ, 提案, 報告); 相互連携 is cooperation, not escalation.
    A flow to or from a part of a meeting (B-1) counts as the meeting's.

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> for path in escalation_paths(graph):
    ...     print(" → ".join(node.removeprefix("meeting:") for node in path))
    A → B → C
    A → B → D
    """
    upward: nx.DiGraph[str] = nx.DiGraph()
    for source, target, kind in cast(KindEdges, graph.edges(data="kind")):
        if EdgeKind(kind) in ESCALATION_EDGES:
            upward.add_edge(_meeting_of(graph, source), _meeting_of(graph, target))
    order = {node: index for index, node in enumerate(graph.nodes)}
    starts = sorted((n for n in upward if upward.in_degree(n) == 0), key=order.__getitem__)
    ends = sorted((n for n in upward if upward.out_degree(n) == 0), key=order.__getitem__)
    paths = [path for start in starts for end in ends for path in nx.all_simple_paths(upward, start, end)]
    return sorted(paths, key=lambda path: [order[node] for node in path])


_HUBS = frozenset(
    kind.value
    for kind in (
        NodeKind.PLAN,
        NodeKind.PILLAR,
        NodeKind.CLAUSE,
        NodeKind.DEPARTMENT,
        NodeKind.ORGANISATION,
        NodeKind.INITIATIVE,
        NodeKind.MEASURE,
        NodeKind.ACTION,
        NodeKind.MEETING,
        NodeKind.COLUMN,
        NodeKind.AREA,
    )
)


def connected_to(graph: nx.MultiDiGraph[str], node: str) -> nx.MultiDiGraph[str]:
    """Everything about one node: its neighbours, and theirs through programs, sub-items and indicators.

    Shared nodes (the plan, pillars, clauses, departments, organisations, meetings, initiatives, 施策) are
    included when reached but not walked through, so a department's picture holds its own programs with their
    clauses and contractors, not every program of every clause it touches.

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> sorted(connected_to(graph, "department:障害福祉課"))
    ['clause:第1号ロ', 'clause:第3号ハ', 'department:障害福祉課', 'program:地活', 'program:障害相談']
    >>> sorted(connected_to(graph, "clause:第1号ハ"))  # doctest: +NORMALIZE_WHITESPACE
    ['clause:第1号ハ', 'department:こども家庭・保健センター', 'department:子育て推進課', 'pillar:相談支援',
     'program:利用者支援センター型', 'program:利用者支援特定型']
    """
    if node not in graph:
        raise KeyError(node)
    seen = {node}
    frontier = [node]
    while frontier:
        current = frontier.pop()
        for neighbour in _neighbours(graph, current):
            if neighbour in seen or graph.nodes[neighbour]["kind"] == NodeKind.PLAN.value:
                continue
            seen.add(neighbour)
            if graph.nodes[neighbour]["kind"] not in _HUBS:
                frontier.append(neighbour)
    return graph.subgraph([n for n in graph.nodes if n in seen]).copy()


def _neighbours(graph: nx.MultiDiGraph[str], node: str) -> Iterable[str]:
    yield from graph.successors(node)
    yield from graph.predecessors(node)


def node_at(graph: nx.MultiDiGraph[str], pointer: str) -> str | None:
    """The node a JSON pointer is about: the one whose own pointer is the longest prefix of it (None: the plan).

    >>> from jusou_spec import build_graph, load
    >>> graph = build_graph(load("tests/fixtures/graph-ashiya-like.yaml"))
    >>> node_at(graph, "/会議/1/本人同意")
    'meeting:B'
    >>> node_at(graph, "/会議/1/類型/0/名称")
    'meeting:B-1'
    >>> node_at(graph, "/事業") is None
    True
    """
    best, length = None, -1
    for candidate, pointers in graph.nodes(data="pointers"):
        for own in pointers or ():
            if own and (pointer == own or pointer.startswith(own + "/")) and len(own) > length:
                best, length = candidate, len(own)
    return best
