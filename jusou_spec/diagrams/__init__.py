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

__all__ = [
    "FORMATS",
    "PAGE_SIZES",
    "VIEWS",
    "GraphvizFailed",
    "GraphvizMissing",
    "japanese_font_missing",
    "render",
    "to_dot",
]

View = Callable[..., Dot]

VIEWS: dict[str, View] = {
    "flow": flow.draw,
    "clauses": clauses.draw,
    "initiatives": initiatives.draw,
    "departments": departments.draw,
}
"""The views by name: 会議体の流れ, 事業と法定の号, 取組と関連施策, 庁内連携体制."""


PAGE_SIZES = {"A4": (7.1, 10.5), "A3": (10.5, 15.1)}
"""The printable area of a portrait page in inches (A4 210×297 mm and A3 297×420 mm less 15 mm margins): with
``size``, Graphviz scales a larger drawing down to fit, and never scales a smaller one up."""


def to_dot(
    graph: nx.MultiDiGraph[str],
    view: str,
    *,
    findings: Iterable[Finding] = (),
    dpi: int | None = None,
    size: str | None = None,
) -> str:
    """The DOT text of one view of ``graph``; ``findings`` (from :func:`jusou_spec.check`) mark the nodes they
    are about; ``size`` (``A4`` or ``A3``) fits the drawing to that page's printable area. Pure: the same graph
    and findings always give the same text. Raises :class:`~jusou_spec.errors.InvalidArgument` for an unknown view
    or size."""
    draw = VIEWS.get(view)
    if draw is None:
        raise InvalidArgument(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    if size is not None and size not in PAGE_SIZES:
        raise InvalidArgument(f"unknown page size {size!r}; one of {', '.join(PAGE_SIZES)}")
    dot = draw(graph, marks=Overlay(marks(graph, findings)), dpi=dpi)
    if size is not None:
        width, height = PAGE_SIZES[size]
        dot.defaults("graph", size=f"{width},{height}")
    return dot.source()


def render(
    source: Plan | nx.MultiDiGraph[str],
    view: str,
    *,
    format: str = "svg",
    findings: Iterable[Finding] = (),
    size: str | None = None,
    dpi: int | None = None,
) -> bytes:
    """One view of a plan (or of its graph) as ``dot``, ``svg``, ``png`` or ``pdf`` bytes.

    ``size`` (``A4``, ``A3``) fits the drawing to a page; ``dpi`` is a PNG's resolution (150 by default).
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
        return to_dot(graph, view, findings=findings, size=size).encode("utf-8")
    text = to_dot(graph, view, findings=findings, dpi=(dpi or PNG_DPI) if format == "png" else None, size=size)
    return run_graphviz(text, format, size=(graph.number_of_nodes(), graph.number_of_edges()))


def _graph(plan: Plan) -> nx.MultiDiGraph[str]:
    if not isinstance(plan, Plan):
        raise WrongDocumentKind(f"render() draws a plan (jusou: plan/1) or its graph, not {type(plan).__name__}")
    return build_graph(plan)
