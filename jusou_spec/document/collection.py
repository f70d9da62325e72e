"""A folder (or several files) rendered at once: every plan with the reports that link to it, every report whose
plan is not among them on its own, and an index page listing them all.

A report is matched to its plan through its own link (``計画: {ファイル: ../plans/imizu.yaml}``), compared as
resolved paths, so the same report is found however the folder was named on the command line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from jusou_spec.checker import CheckedDocument, check_document, discover
from jusou_spec.document.build import build, render_files
from jusou_spec.document.html import environment
from jusou_spec.document.markdown import md
from jusou_spec.document.pdf import render_pdf
from jusou_spec.document.report import build_report, render_report_html
from jusou_spec.findings import Finding, Severity
from jusou_spec.model import NotStated, Plan, Report
from jusou_spec.resolve_report import linked_plan_path

__all__ = ["Entry", "Rendered", "render_collection"]


@attrs.frozen
class Entry:
    municipality: str
    title: str
    href: str
    period: str
    reports: tuple[str, ...]
    summary: str


@attrs.frozen
class Rendered:
    files: dict[str, bytes]
    """File name (relative to the output folder) → bytes, the index last."""
    failed: tuple[Finding, ...]
    """The errors of the documents that could not be modelled (not rendered)."""


def _summary(findings: Iterable[Finding]) -> str:
    counted = [f for f in findings if not f.suppressed]
    errors = sum(1 for f in counted if f.severity is Severity.ERROR)
    warnings = sum(1 for f in counted if f.severity is Severity.WARNING)
    return f"エラー {errors} 件・警告 {warnings} 件" if errors or warnings else "指摘なし"


def _name(value: str | NotStated) -> str:
    return "（自治体名の記載なし）" if isinstance(value, NotStated) else value


def _stem(path: Path, taken: set[str]) -> str:
    stem, number = path.stem, 2
    while stem in taken:
        stem, number = f"{path.stem}-{number}", number + 1
    taken.add(stem)
    return stem


def render_collection(paths: Sequence[str | os.PathLike[str]], *, format: str) -> Rendered:
    """Every plan and report under ``paths`` in ``format`` (html, pdf or md), with ``index.html``/``index.md``."""
    files, _ = discover(paths)
    checked: list[tuple[Path, CheckedDocument]] = [(path, check_document(path)) for path in files]
    failed = [f for _, c in checked if c.document is None for f in c.findings if f.severity is Severity.ERROR]
    plans = [(path, c) for path, c in checked if isinstance(c.document, Plan)]
    reports = [(path, c) for path, c in checked if isinstance(c.document, Report)]
    by_plan: dict[Path, list[Report]] = {}
    alone: list[tuple[Path, CheckedDocument]] = []
    plan_paths = {path.resolve() for path, _ in plans}
    for path, c in reports:
        assert isinstance(c.document, Report)
        link = linked_plan_path(c.document)
        target = link.resolve() if link is not None else None
        if target in plan_paths and target is not None:
            by_plan.setdefault(target, []).append(c.document)
        else:
            alone.append((path, c))
    out: dict[str, bytes] = {}
    entries: list[Entry] = []
    taken: set[str] = set()
    for path, c in plans:
        plan = c.document
        assert isinstance(plan, Plan)
        stem = _stem(path, taken)
        linked = by_plan.get(path.resolve(), [])
        content = build(plan, reports=linked, findings=c.findings)
        out.update(render_files(content, format, stem=stem))
        entries.append(
            Entry(
                _name(plan.municipality.name),
                plan.title,
                f"{stem}.{format}",
                content.period,
                tuple(r.title for r in linked),
                _summary(c.findings),
            )
        )
    for path, c in alone:
        report = c.document
        assert isinstance(report, Report)
        stem = _stem(path, taken)
        alone_content = build_report(report, findings=c.findings)
        if format == "md":
            env = environment()
            env.filters["md"] = md
            out[f"{stem}.md"] = env.get_template("md/report.md.j2").render(c=alone_content).encode("utf-8")
        else:
            html = render_report_html(alone_content)
            out[f"{stem}.{format}"] = html.encode("utf-8") if format == "html" else render_pdf(html)
        years = str(report.years) if report.years else ""
        entries.append(
            Entry(alone_content.municipality, report.title, f"{stem}.{format}", years, (), _summary(c.findings))
        )
    env = environment()
    env.filters["md"] = md
    if format == "md":
        out["index.md"] = env.get_template("md/index.md.j2").render(entries=entries).encode("utf-8")
    else:
        out["index.html"] = env.get_template("html/index.html.j2").render(entries=entries).encode("utf-8")
    return Rendered(files=out, failed=tuple(failed))
