"""Building one plan's document: load, check, draw its diagrams, gather its reports, lay it out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from jusou_spec.checker import check_document, check_plan
from jusou_spec.diagrams import render as draw
from jusou_spec.diagrams.run import run_graphviz
from jusou_spec.document.content import Content, build_content
from jusou_spec.document.html import render_html
from jusou_spec.document.markdown import render_markdown
from jusou_spec.document.pdf import render_pdf
from jusou_spec.document.position import position_dot
from jusou_spec.findings import Finding, Severity
from jusou_spec.graph import build_graph
from jusou_spec.indicator_table.chart import chart_svg
from jusou_spec.model import Plan, Report
from jusou_spec.resolve_report import linked_plan_path

__all__ = ["FORMATS", "DocumentNotRendered", "build", "render_document", "render_files"]

FORMATS = ("html", "pdf", "md")
VIEWS = ("flow", "clauses", "initiatives")
"""The diagrams the document carries; the departments view is the ○ table itself."""


class DocumentNotRendered(ValueError):
    """A file that is not a plan that can be modelled; ``findings`` say why, with file, line and column."""

    def __init__(self, name: str, findings: Sequence[Finding]) -> None:
        self.name = name
        self.findings = list(findings)
        super().__init__(f"{name} cannot be rendered")


def _load(path: str | os.PathLike[str]) -> tuple[Plan | Report, list[Finding]]:
    checked = check_document(path)
    if checked.document is None:
        errors = [f for f in checked.findings if f.severity is Severity.ERROR] or list(checked.findings)
        raise DocumentNotRendered(str(path), errors)
    return checked.document, list(checked.findings)


def _report(value: Report | str | os.PathLike[str]) -> Report:
    if isinstance(value, Report):
        return value
    document, _ = _load(value)
    if not isinstance(document, Report):
        raise DocumentNotRendered(str(value), [])
    return document


def build(
    source: Plan | str | os.PathLike[str],
    *,
    reports: Iterable[Report | str | os.PathLike[str]] = (),
    findings: Iterable[Finding] | None = None,
) -> Content:
    """The content of a plan's document: its diagrams drawn, its reports' actuals, and the check's findings
    (``jusou check``'s, with lines, when ``source`` is a file; the rules' pointers when it is a plan in memory).

    ``source`` may also be a report's file: the plan it links to is rendered, with that report's actuals."""
    reports = list(reports)
    if isinstance(source, Plan):
        plan, found = source, check_plan(source) if findings is None else list(findings)
    else:
        document, found = _load(source)
        if isinstance(document, Report):
            link = linked_plan_path(document)
            if link is None or not link.is_file():
                raise DocumentNotRendered(str(source), [])
            reports.insert(0, document)
            document, found = _load(link)
        if not isinstance(document, Plan):
            raise DocumentNotRendered(str(source), [])
        plan = document
        found = found if findings is None else list(findings)
    graph = build_graph(plan)
    diagrams = {view: draw(graph, view, format="svg").decode("utf-8") for view in VIEWS}
    if not plan.initiatives:
        diagrams.pop("initiatives")
    if plan.related_plans:
        diagrams["position"] = run_graphviz(position_dot(plan), "svg").decode("utf-8")
    return build_content(
        plan, reports=[_report(r) for r in reports], findings=found, diagrams=diagrams, chart=chart_svg
    )


def render_files(content: Content, format: str, *, stem: str = "plan") -> dict[str, bytes]:
    """The files of one document: ``stem.<format>`` first, then (Markdown only) the SVG diagrams it links to."""
    if format == "html":
        return {f"{stem}.html": render_html(content).encode("utf-8")}
    if format == "pdf":
        return {f"{stem}.pdf": render_pdf(render_html(content))}
    if format == "md":
        text, attachments = render_markdown(content, stem=stem)
        return {f"{stem}.md": text.encode("utf-8"), **{name: svg.encode("utf-8") for name, svg in attachments.items()}}
    raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")


def render_document(
    source: Plan | str | os.PathLike[str],
    *,
    reports: Iterable[Report | str | os.PathLike[str]] = (),
    format: str = "html",
    findings: Iterable[Finding] | None = None,
) -> bytes:
    """A plan's council document as ``html``, ``pdf`` or ``md`` bytes (Markdown's diagrams: :func:`render_files`).

    HTML and Markdown are byte-identical between runs; a PDF's text and pages are, its bytes may differ only by
    WeasyPrint's metadata.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    stem = Path(str(source)).stem if not isinstance(source, Plan) else "plan"
    files = render_files(build(source, reports=reports, findings=findings), format, stem=stem)
    return next(iter(files.values()))
