"""The plan graph: one typed networkx multigraph of a plan, and the questions asked of it.

Building (:func:`build_graph`), querying (:mod:`jusou_spec.graph.queries`) and exporting (:func:`node_link`) are
separate, pure functions; drawing is :mod:`jusou_spec.diagrams`'s job. The checker never imports this package.
"""

from __future__ import annotations

from jusou_spec.graph.build import build_graph
from jusou_spec.graph.export import node_link, node_link_json
from jusou_spec.graph.kinds import EdgeKind, NodeKind
from jusou_spec.graph.queries import (
    clause_coverage,
    connected_to,
    escalation_paths,
    missing_clauses,
    node_at,
    nodes_of,
    programs_by_department,
    uncovered_measures,
)

__all__ = [
    "EdgeKind",
    "NodeKind",
    "build_graph",
    "clause_coverage",
    "connected_to",
    "escalation_paths",
    "missing_clauses",
    "node_at",
    "node_link",
    "node_link_json",
    "nodes_of",
    "programs_by_department",
    "uncovered_measures",
]
