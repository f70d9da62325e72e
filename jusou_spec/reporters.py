"""Output formats for findings, chosen by name from a registry; the CLI only picks one.

- ``text``: the contract's ``file:line:col: severity CODE message``, one line per finding, suppressed findings as
  ``file:line:col: suppressed CODE message（抑制の理由: …）``, and a closing count line; coloured only when asked
  (the CLI asks when stdout is a terminal and ``NO_COLOR`` is not set).
- ``json``: a list of objects with ``file``, ``line``, ``column``, ``rule``, ``name``, ``severity``, ``message``,
  ``path`` (the JSON pointer) and ``suppressed`` (the reason, or null).
- ``github``: workflow commands that annotate the changed lines (``::error``, ``::warning``, ``::notice``);
  suppressed findings and the count as plain log lines, which annotate nothing.
- ``sarif``: SARIF 2.1.0, for code-scanning services (:mod:`jusou_spec._sarif`).
- ``junit``: JUnit XML, one test suite per file (:mod:`jusou_spec._junit`).

Every format is deterministic: the same findings give the same bytes.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence

import attrs

from jusou_spec.findings import Check, Finding, Language, Severity

__all__ = ["REPORTERS", "Summary", "check_of", "render"]


@attrs.frozen
class Summary:
    """What a run covered, for the closing line (and, in JUnit, a test suite for each file checked)."""

    files: int
    skipped: int
    paths: tuple[str, ...] = ()


@functools.cache
def _checks() -> dict[str, Check]:
    from jusou_spec.catalogue import all_checks

    return {check.code: check for check in all_checks()}


def check_of(code: str) -> Check | None:
    """The check a code belongs to (None for a code this version does not know)."""
    return _checks().get(code)


def count_line(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    """The closing line: findings by severity (suppressed ones apart), files checked and skipped."""
    live = [f for f in findings if not f.suppressed]
    counts = {severity: sum(1 for f in live if f.severity is severity) for severity in Severity}
    suppressed = len(findings) - len(live)
    if Language(lang) is Language.EN:
        skipped = f", {summary.skipped} skipped without the jusou: marker" if summary.skipped else ""
        quiet = f", {suppressed} suppressed" if suppressed else ""
        return (
            f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
            f"{quiet} in {summary.files} file(s){skipped}"
        )
    skipped = f"、jusou: の印がない {summary.skipped} ファイルは対象外" if summary.skipped else ""
    quiet = f"、抑制 {suppressed} 件" if suppressed else ""
    return (
        f"エラー {counts[Severity.ERROR]} 件、警告 {counts[Severity.WARNING]} 件、情報 {counts[Severity.INFO]} 件"
        f"{quiet}（{summary.files} ファイルを検査{skipped}）"
    )


def suppressed_reason(finding: Finding, lang: str) -> str:
    """Why a finding was suppressed, in words: 「抑制の理由: …」."""
    if Language(lang) is Language.EN:
        return f"suppressed: {finding.suppressed}"
    return f"抑制の理由: {finding.suppressed}"


def suppressed_note(finding: Finding, lang: str) -> str:
    """The reason a finding was suppressed, in brackets, as the text formats append it."""
    if Language(lang) is Language.EN:
        return f" ({suppressed_reason(finding, lang)})"
    return f"（{suppressed_reason(finding, lang)}）"


_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "suppressed": "\x1b[2m"}
_RESET = "\x1b[0m"


def text_line(finding: Finding, lang: str, *, colour: bool = False) -> str:
    """One finding in the contract's form (a suppressed one with ``suppressed`` for its severity)."""
    word = "suppressed" if finding.suppressed else finding.severity.value
    note = suppressed_note(finding, lang) if finding.suppressed else ""
    where = f"{finding.file}:{finding.line}:{finding.column}:"
    if colour:
        return f"{where} {_COLOURS[word]}{word}{_RESET} \x1b[1m{finding.code}{_RESET} {finding.text(lang)}{note}"
    return f"{where} {word} {finding.code} {finding.text(lang)}{note}"


def text(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    lines = [text_line(f, lang, colour=colour) for f in findings]
    closing = count_line(findings, summary, lang)
    lines.append(f"\x1b[1m{closing}{_RESET}" if colour else closing)
    return "\n".join(lines) + "\n"


def finding_record(finding: Finding, lang: str) -> dict[str, object]:
    """One finding as a JSON object: the contract's fields, its rule's dotted name, and a suppression's reason."""
    check = check_of(finding.code)
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "rule": finding.code,
        "name": check.name if check else None,
        "severity": finding.severity.value,
        "message": finding.text(lang),
        "path": finding.pointer,
        "suppressed": finding.suppressed,
    }


def as_json(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return json.dumps([finding_record(f, lang) for f in findings], ensure_ascii=False, indent=2) + "\n"


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


def _sarif(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    from jusou_spec._sarif import sarif

    return sarif(findings, lang=lang)


def _junit(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    from jusou_spec._junit import junit

    return junit(findings, summary, lang=lang)


Reporter = Callable[[Sequence[Finding], Summary, str, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": _sarif,
    "junit": _junit,
}


def render(name: str, findings: Sequence[Finding], summary: Summary, *, lang: str = "ja", colour: bool = False) -> str:
    """The findings in format ``name`` (a key of :data:`REPORTERS`); ``colour`` only affects ``text``."""
    return REPORTERS[name](findings, summary, lang, colour)
