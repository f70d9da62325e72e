"""Output formats for findings, chosen by name from a registry; the CLI only picks one.

``text`` is the contract's ``file:line:col: severity CODE message`` with a closing count line, ``json`` a list
of objects, ``github`` workflow commands that annotate the changed lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import attrs

from jusou_spec.findings import Finding, Language, Severity

__all__ = ["REPORTERS", "Summary", "render"]


@attrs.frozen
class Summary:
    """What a run covered, for the closing line."""

    files: int
    skipped: int


def _count_line(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    if Language(lang) is Language.EN:
        skipped = f", {summary.skipped} skipped without the jusou: marker" if summary.skipped else ""
        return (
            f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info "
            f"in {summary.files} file(s){skipped}"
        )
    skipped = f"、jusou: の印がない {summary.skipped} ファイルは対象外" if summary.skipped else ""
    return (
        f"エラー {counts[Severity.ERROR]} 件、警告 {counts[Severity.WARNING]} 件、情報 {counts[Severity.INFO]} 件"
        f"（{summary.files} ファイルを検査{skipped}）"
    )


def text(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    lines = [
        f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.text(lang)}" for f in findings
    ]
    lines.append(_count_line(findings, summary, lang))
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    records = [
        {
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "rule": f.code,
            "severity": f.severity.value,
            "message": f.text(lang),
            "path": f.pointer,
        }
        for f in findings
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = [
        f"::{command[f.severity]} file={_escape_property(f.file or '')},line={f.line},col={f.column},"
        f"title={_escape_property(f.code)}::{_escape_data(f.text(lang))}"
        for f in findings
    ]
    return "".join(line + "\n" for line in lines)


REPORTERS: dict[str, Callable[[Sequence[Finding], Summary, str], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
}


def render(name: str, findings: Sequence[Finding], summary: Summary, *, lang: str = "ja") -> str:
    """The findings in format ``name`` (a key of :data:`REPORTERS`)."""
    return REPORTERS[name](findings, summary, lang)
