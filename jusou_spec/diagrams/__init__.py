"""Drawing the plan graph: views turned into DOT by pure functions, then rendered by Graphviz.

>>> import jusou_spec
>>> plan = jusou_spec.load("tests/fixtures/graph-ashiya-like.yaml")
>>> dot = to_dot(jusou_spec.build_graph(plan), "flow")
>>> dot.splitlines()[0]
'digraph "jusou" {'
>>> svg = jusou_spec.render(plan, "flow", format="svg")
>>> svg.startswith(b"<?xml")
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

from jusou_spec.diagrams import clauses, departments, flow, initiatives
from jusou_spec.diagrams.dot import Dot
from jusou_spec.diagrams.overlay import Overlay, marks
from jusou_spec.diagrams.run import FORMATS, GraphvizFailed, GraphvizMissing, japanese_font_missing, run_graphviz
from jusou_spec.diagrams.style import PNG_DPI
from jusou_spec.errors import InvalidArgument, WrongDocumentKind
from jusou_spec.findings import Finding
from jusou_spec.graph import build_graph
from jusou_spec.model import Plan

__all__ = ["FORMATS", "VIEWS", "GraphvizFailed", "GraphvizMissing", "japanese_font_missing", "render", "to_dot"]

View = Callable[..., Dot]

VIEWS: dict[str, View] = {
    "flow": flow.draw,
    "clauses": clauses.draw,
    "initiatives": initiatives.draw,
    "departments": departments.draw,
}
"""The views by name: 会議体の流れ, 事業と法定の号, 取組と関連施策, 庁内連携体制."""


def to_dot(graph: nx.MultiDiGraph[str], view: str, *, findings: Iterable[Finding] = (), dpi: int | None = None) -> str:
    """The DOT text of one view of ``graph``; ``findings`` (from :func:`jusou_spec.check`) mark the nodes they
    are about. Pure: the same graph and findings always give the same text. Raises
    :class:`~jusou_spec.errors.InvalidArgument` for an unknown view."""
    draw = VIEWS.get(view)
    if draw is None:
        raise InvalidArgument(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    return draw(graph, marks=Overlay(marks(graph, findings)), dpi=dpi).source()


def render(
    source: Plan | nx.MultiDiGraph[str], view: str, *, format: str = "svg", findings: Iterable[Finding] = ()
) -> bytes:
    """One view of a plan (or of its graph) as ``dot``, ``svg``, ``png`` or ``pdf`` bytes.

    ``dot`` needs nothing else; the others run Graphviz' ``dot`` (:class:`GraphvizMissing` when it is not
    installed, :class:`GraphvizFailed` when it fails or runs out of time or memory). DOT, SVG and PNG are
    byte-identical between runs; PDF carries Graphviz' creation time. An unknown view or format raises
    :class:`~jusou_spec.errors.InvalidArgument`, a report where a plan belongs
    :class:`~jusou_spec.errors.WrongDocumentKind`; all are :class:`~jusou_spec.errors.JusouError`.
    """
    if format not in FORMATS:
        raise InvalidArgument(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    if view not in VIEWS:
        raise InvalidArgument(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    graph = source if isinstance(source, nx.MultiDiGraph) else _graph(source)
    findings = list(findings)
    if format == "dot":
        return to_dot(graph, view, findings=findings).encode("utf-8")
    text = to_dot(graph, view, findings=findings, dpi=PNG_DPI if format == "png" else None)
    return run_graphviz(text, format, size=(graph.number_of_nodes(), graph.number_of_edges()))


def _graph(plan: Plan) -> nx.MultiDiGraph[str]:
    if not isinstance(plan, Plan):
        raise WrongDocumentKind(f"render() draws a plan (jusou: plan/1) or its graph, not {type(plan).__name__}")
    return build_graph(plan)
