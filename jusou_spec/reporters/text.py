"""The ``text`` format: the contract's ``file:line:col: severity CODE message``, one line per finding, and a closing
count line.

A suppressed finding is shown as ``file:line:col: 抑制 CODE message（抑制の理由: …）`` (``suppressed`` in English); colour only when asked
(the CLI asks when stdout is a terminal and ``NO_COLOR`` is not set). In a workbook the place is the sheet and cell:
``計画.xlsx:事業!D12: error CL001 …``. The other formats reuse the line of one
finding, the reason of a suppression and the count line, so they live here, below them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from jusou_spec.findings import Finding, Language, Severity

__all__ = ["Summary", "count_line", "one_line", "suppressed_note", "suppressed_reason", "text", "text_line"]


@attrs.frozen
class Summary:
    """What a run covered, for the closing line (and, in JUnit, a test suite for each file checked)."""

    files: int
    skipped: int
    paths: tuple[str, ...] = ()
    strict_files: frozenset[str] = frozenset()
    """The files whose warnings fail the check (``--strict`` or ``strict = true``): JUnit makes them failures."""
    docs_url: str | None = None
    """The documentation's base URL, for the formats that link rules to it (SARIF); None leaves links out."""


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


def suppressed_word(lang: str) -> str:
    """What stands in a suppressed finding's severity place: 抑制, or ``suppressed`` in English. A suppressed
    finding fails nothing, so CI parsers that read the severity word have nothing to match in it."""
    return "suppressed" if Language(lang) is Language.EN else "抑制"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` as printable characters on one line: a control character (a newline in a file name) is written as
    its escape (``\\n``, ``\\x1b``), so a record never splits and no terminal sequence is sent; a byte of a file
    name that was not UTF-8 (a lone surrogate) becomes U+FFFD.

    >>> one_line("a\\nb.yaml")
    'a\\\\nb.yaml'
    """
    text = _CONTROL.sub(
        lambda m: _NAMED.get(
            m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )
    return _SURROGATE.sub("\ufffd", text)


def text_line(finding: Finding, lang: str, *, colour: bool = False) -> str:
    """One finding in the contract's form (a suppressed one with 抑制 / ``suppressed`` for its severity), always
    one line."""
    key = "suppressed" if finding.suppressed else finding.severity.value
    word = suppressed_word(lang) if finding.suppressed else key
    note = suppressed_note(finding, lang) if finding.suppressed else ""
    place = finding.cell if finding.cell else f"{finding.line}:{finding.column}"
    where = f"{one_line(str(finding.file))}:{one_line(place)}:"
    message = one_line(f"{finding.text(lang)}{note}")
    if colour:
        return f"{where} {_COLOURS[key]}{word}{_RESET} \x1b[1m{finding.code}{_RESET} {message}"
    return f"{where} {word} {finding.code} {message}"


def text(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    lines = [text_line(f, lang, colour=colour) for f in findings]
    closing = count_line(findings, summary, lang)
    lines.append(f"\x1b[1m{closing}{_RESET}" if colour else closing)
    return "\n".join(lines) + "\n"
