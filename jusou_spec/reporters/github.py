"""The ``github`` format: workflow commands that annotate the changed lines (``::error``, ``::warning``,
``::notice``); suppressed findings and the count as plain log lines, which annotate nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding, Severity
from jusou_spec.reporters.text import Summary, count_line, text_line

__all__ = ["github"]


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in findings:
        if f.suppressed:
            lines.append(text_line(f, lang))
            continue
        check = check_of(f.code)
        title = f"{f.code} {check.name}" if check else f.code
        lines.append(
            f"::{command[f.severity]} file={_escape_property(f.file or '')},line={f.line},col={f.column},"
            f"title={_escape_property(title)}::{_escape_data(f.text(lang))}"
        )
    lines.append(count_line(findings, summary, lang))
    return "".join(line + "\n" for line in lines)
