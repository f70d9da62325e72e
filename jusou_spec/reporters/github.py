"""The ``github`` format: workflow commands that annotate the changed lines, and the job's step summary.

GitHub shows at most 10 annotations of each type (error, warning, notice) per step, and drops the rest without a
word. So errors come first, then warnings, then informational findings, at most 10 of each as annotations; the
findings past the limit are written as plain log lines, and one notice says how many were not annotated. Suppressed
findings and the count are plain log lines too, which annotate nothing.

:func:`step_summary` is the Markdown the command appends to ``$GITHUB_STEP_SUMMARY``: the counts per file and
per rule, and the first findings as a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding, Language, Message, Severity
from jusou_spec.reporters.locations import printable_name
from jusou_spec.reporters.text import Summary, count_line, text_line

__all__ = ["ANNOTATION_LIMIT", "SUMMARY_ROWS", "github", "step_summary"]

ANNOTATION_LIMIT = 10
"""GitHub's documented limit of annotations of one type per step."""
SUMMARY_ROWS = 50
"""How many findings the step summary's table lists."""

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding, lang: str) -> str:
    check = check_of(finding.code)
    title = f"{finding.code} {check.name}" if check else finding.code
    return (
        f"::{_COMMAND[finding.severity]} file={_escape_property(finding.file or '')},line={finding.line},"
        f"col={finding.column},title={_escape_property(title)}::{_escape_data(finding.text(lang))}"
    )


def _more(hidden: int, lang: str) -> str:
    message = Message(
        ja=f"ほかに {hidden} 件の指摘は注釈にしていません（GitHub は種類ごとに {ANNOTATION_LIMIT} 件まで表示します）。ログを見てください",
        en=f"{hidden} more finding(s) not annotated (GitHub shows {ANNOTATION_LIMIT} per type); see the log",
    )
    return f"::notice title=jusou check::{_escape_data(message.text(lang))}"


def github(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    live = [f for f in findings if not f.suppressed]
    by_severity = {severity: [f for f in live if f.severity is severity] for severity in _ORDER}
    overflow = any(len(group) > ANNOTATION_LIMIT for group in by_severity.values())
    annotated: list[Finding] = []
    for severity, group in by_severity.items():
        # The notice about the rest is itself a notice: it takes one place of that type.
        room = ANNOTATION_LIMIT - (1 if overflow and severity is Severity.INFO else 0)
        annotated += group[:room]
    shown = set(map(id, annotated))
    rest = [f for f in findings if id(f) not in shown]
    lines = [_annotation(f, lang) for f in annotated]
    lines += [text_line(f, lang) for f in rest]
    hidden = len(live) - len(annotated)
    if hidden:
        lines.append(_more(hidden, lang))
    lines.append(count_line(findings, summary, lang))
    return printable_name("".join(line + "\n" for line in lines))


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def step_summary(findings: Sequence[Finding], summary: Summary, lang: str) -> str:
    """The run as Markdown for the job's summary page: counts per file and per rule, then the first findings."""
    en = Language(lang) is Language.EN
    live = [f for f in findings if not f.suppressed]
    lines = ["## jusou check", "", count_line(findings, summary, lang), ""]
    if live:
        per_file = Counter(f.file or "" for f in live)
        per_rule = Counter(f.code for f in live)
        lines += ["| " + ("file" if en else "ファイル") + " | " + ("findings" if en else "指摘") + " |", "|---|--:|"]
        lines += [f"| {_cell(file)} | {count} |" for file, count in sorted(per_file.items())]
        lines += ["", "| " + ("rule" if en else "規則") + " | " + ("findings" if en else "指摘") + " |", "|---|--:|"]
        for code, count in sorted(per_rule.items()):
            check = check_of(code)
            lines.append(f"| {code} {check.title.text(lang) if check else ''} | {count} |")
        ordered = sorted(live, key=lambda f: _ORDER.index(f.severity))
        header = ("severity", "place", "rule", "message") if en else ("重大度", "場所", "規則", "メッセージ")
        lines += ["", "| " + " | ".join(header) + " |", "|---|---|---|---|"]
        for f in ordered[:SUMMARY_ROWS]:
            place = f"{f.file}:{f.line}:{f.column}"
            lines.append(f"| {f.severity.label(lang)} | {_cell(place)} | {f.code} | {_cell(f.text(lang))} |")
        if len(ordered) > SUMMARY_ROWS:
            more = len(ordered) - SUMMARY_ROWS
            lines += ["", f"… {more} more (see the log)" if en else f"…ほか {more} 件（ログを見てください）"]
    return printable_name("\n".join(lines) + "\n\n")
