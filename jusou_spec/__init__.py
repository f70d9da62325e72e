"""jusou-spec: 重層的支援体制整備事業実施計画 as declarative, checkable YAML.

The public API::

    >>> import jusou_spec
    >>> plan = jusou_spec.load("tests/fixtures/minimal-plan.yaml")
    >>> plan.municipality.name
    '見本市'
    >>> [program.name for program in plan.programs][:2]
    ['地域包括支援センターの運営', '障害者相談支援事業']
    >>> [f.code for f in jusou_spec.check("tests/fixtures/minimal-plan.yaml")]
    []

``diff(old, new)`` gives the changes between two versions of a plan or report (files, ``REV:PATH`` read with git,
or models), each placed in both files (see docs/api.md). ``indicators(plan, reports=[…])`` gives every indicator's targets, actuals, rates and statuses per fiscal year
(see docs/indicators.md). Bad input raises a subclass of :class:`JusouError` (docs/api.md lists them per function)
or comes back as findings; nothing else is raised for what a caller passes. ``load``, ``check`` and ``indicators``
import neither networkx nor graphviz; ``build_graph`` and ``render`` (one diagram) load them on first use,
``indicators`` its module, which checking does not need, and
``render_document`` (the whole plan as HTML, PDF or Markdown, see docs/guide.md) loads Jinja2 too, and WeasyPrint
for a PDF. ``compare(plans)`` sets plans side by side (``jusou compare``), loading its package on first use.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from jusou_spec._version import __version__
from jusou_spec.checker import DocumentError, check_document, check_plan, check_report
from jusou_spec.errors import InvalidArgument, JusouError, WrongDocumentKind
from jusou_spec.findings import Finding, Severity
from jusou_spec.model import Plan, Report

if TYPE_CHECKING:
    from jusou_spec.changes import diff
    from jusou_spec.comparison import compare
    from jusou_spec.diagrams import render
    from jusou_spec.document import render_document
    from jusou_spec.graph import build_graph
    from jusou_spec.progress.series import indicators

__all__ = [
    "DocumentError",
    "Finding",
    "InvalidArgument",
    "JusouError",
    "Plan",
    "Report",
    "Severity",
    "WrongDocumentKind",
    "__version__",
    "build_graph",
    "check",
    "compare",
    "diff",
    "indicators",
    "load",
    "render",
    "render_document",
]


def load(path: str | os.PathLike[str]) -> Plan | Report:
    """The plan or report in the YAML file at ``path``.

    Raises :class:`DocumentError` (with the located findings) when the file is not a valid document, and
    :class:`jusou_spec.source.SourceUnreadable` when it cannot be read at all (missing, a folder, a named pipe,
    no permission); both are :class:`JusouError`.
    """
    checked = check_document(path, rules=())
    errors = [f for f in checked.findings if f.severity is Severity.ERROR]
    if checked.document is None or errors:
        raise DocumentError(str(path), errors or list(checked.findings))
    return checked.document


def check(target: str | os.PathLike[str] | Plan | Report) -> list[Finding]:
    """Every finding for a file (with lines and columns) or for a plan or report in memory (with JSON pointers).

    Raises :class:`jusou_spec.source.SourceUnreadable` (a :class:`JusouError`) when the file cannot be read at all.
    """
    if isinstance(target, Plan):
        return check_plan(target)
    if isinstance(target, Report):
        return check_report(target)
    return list(check_document(target).findings)


def __getattr__(name: str) -> Any:
    # The graph and its rendering pull in networkx and graphviz; load them only when asked for (the one kind of
    # import that may sit inside a function: tests/test_layers.py lists them).
    if name == "build_graph":
        from jusou_spec.graph import build_graph

        return build_graph
    if name == "render":
        # The drawing code is the package jusou_spec.diagrams: a submodule named "render" would replace this
        # function on the package as soon as it was imported.
        from jusou_spec.diagrams import render

        return render
    if name == "render_document":
        from jusou_spec.document import render_document

        return render_document
    if name == "diff":
        # Comparing versions (jusou diff) is not needed by checking; the package is jusou_spec.changes, so that no
        # submodule named "diff" replaces this function on the package.
        from jusou_spec.changes import diff

        return diff
    if name == "indicators":
        # The indicator figures over the years: needed by `jusou indicators` and by callers, not by checking.
        import jusou_spec.progress.series as series

        return series.indicators
    if name == "compare":
        # Plans side by side: needed by `jusou compare` and by callers, not by checking. The package is named
        # comparison so that it never shadows this function.
        from jusou_spec.comparison import compare

        return compare
    raise AttributeError(f"module 'jusou_spec' has no attribute {name!r}")
