"""What the workbook commands share: loading openpyxl's side of the package on demand (the ``excel`` extra), and
reading a document into its model for export, reported as ``jusou check`` reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import attrs

from jusou_spec.checker import check_source, read_document
from jusou_spec.commands._common import UsageError
from jusou_spec.engine_checks import PLAN_NOT_FOUND
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.model import Plan, Report
from jusou_spec.reporters import Summary, render
from jusou_spec.source import SourceDocument, SourceUnreadable

__all__ = ["Loaded", "excel", "load", "report_findings"]

_MISSING = Message(
    ja="ワークブック（.xlsx）の読み書きには openpyxl が必要です。pip install 'jusou-spec[excel]' で入れてください",
    en="workbooks (.xlsx) need openpyxl: install it with pip install 'jusou-spec[excel]'",
)


def excel(part: str) -> ModuleType:
    """``jusou_spec.workbook.read`` or ``.write``, which import openpyxl; a missing extra is a usage error."""
    try:
        if part == "read":
            import jusou_spec.workbook.read as read

            return read
        import jusou_spec.workbook.write as write

        return write
    except ImportError as error:
        raise UsageError(_MISSING) from error


@attrs.frozen
class Loaded:
    source: SourceDocument
    document: Plan | Report | None
    findings: tuple[Finding, ...]

    @property
    def failed(self) -> bool:
        """Whether the document could not be modelled whole (a report's missing plan does not count: the report's
        own values are all there)."""
        return self.document is None or any(
            f.severity is Severity.ERROR and f.code != PLAN_NOT_FOUND.code for f in self.findings
        )


def load(path: str) -> Loaded:
    """A plan or report (YAML or workbook) read and modelled, without running the rules."""
    if not os.path.exists(path):
        raise UsageError(Message(ja=f"{path}: ファイルがありません", en=f"{path}: no such file"))
    if os.path.isdir(path):
        raise UsageError(Message(ja=f"{path}: フォルダではなくファイルを指定してください", en=f"{path} is a folder"))
    try:
        source = read_document(path)
    except SourceUnreadable as error:
        raise UsageError(error.message) from error
    checked = check_source(source, rules=())
    return Loaded(source, checked.document, checked.findings)


def report_findings(findings: Sequence[Finding], files: Sequence[str], lang: str, *, stream: Any = None) -> None:
    """The findings in the text format, with the count line, on standard error (standard output may be data)."""
    if not findings:
        return
    summary = Summary(files=len(files), skipped=0, paths=tuple(files))
    (stream or sys.stderr).write(render("text", list(findings), summary, lang=lang))
