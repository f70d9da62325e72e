"""Findings as JUnit XML, the test-report format CI servers (Jenkins, GitLab, Azure) display.

The document follows the Jenkins xunit plugin's JUnit schema (``junit-10.xsd``), which GitLab also reads: one test
suite per checked file with ``tests``, ``failures``, ``errors``, ``skipped`` and ``time``; one test case per
finding, named ``CODE line:column`` (numbered when two findings share a place, so names are unique within a
suite); one passing case for a file without findings, so every checked file appears.

An error is a failure. A warning is a failure only where warnings fail the check (``--strict`` or ``strict =
true``); otherwise, like an informational finding, it is a passing case whose ``system-out`` holds the finding, so
a run that exits 0 shows no failed tests. A suppressed finding is a skipped case whose message is the document's
reason. Nothing is an ``error`` in the JUnit sense (that means the test itself broke). ``time`` is 0: the report is
deterministic, byte for byte, and a check's time is not a test result.

File names whose bytes are not UTF-8 are written with ``\\xNN`` escapes, so the XML stays well formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence

from jusou_spec.findings import Finding, Severity
from jusou_spec.reporters.locations import printable_name
from jusou_spec.reporters.text import Summary, suppressed_reason, text_line

__all__ = ["junit"]


def _name(finding: Finding, used: Counter[str]) -> str:
    place = finding.cell or (None if finding.line is None else f"{finding.line}:{finding.column or 0}")
    base = finding.code if place is None else f"{finding.code} {place}"
    used[base] += 1
    return base if used[base] == 1 else f"{base} ({used[base]})"


def _case(suite: ET.Element, file: str, finding: Finding, name: str, lang: str, *, strict: bool) -> str:
    """Add the test case of one finding; returns its outcome: failure, skipped or passed."""
    case = ET.SubElement(suite, "testcase", {"name": name, "classname": file, "time": "0"})
    line = printable_name(text_line(finding, lang))
    if finding.suppressed:
        ET.SubElement(case, "skipped", {"message": suppressed_reason(finding, lang)})
        return "skipped"
    if finding.severity is Severity.ERROR or (finding.severity is Severity.WARNING and strict):
        failure = ET.SubElement(
            case, "failure", {"type": finding.severity.value, "message": printable_name(finding.text(lang))}
        )
        failure.text = line
        return "failure"
    ET.SubElement(case, "system-out").text = line
    return "passed"


def junit(findings: Sequence[Finding], summary: Summary, *, lang: str = "ja") -> str:
    """The JUnit XML report of ``findings`` for the files in ``summary``."""
    files = list(dict.fromkeys([*summary.paths, *(f.file or "" for f in findings)]))
    root = ET.Element("testsuites", {"name": "jusou check"})
    totals: Counter[str] = Counter()
    for file in files:
        shown = printable_name(file)
        suite = ET.SubElement(root, "testsuite", {"name": shown})
        mine = [f for f in findings if (f.file or "") == file]
        used: Counter[str] = Counter()
        strict = file in summary.strict_files
        outcomes = [_case(suite, shown, f, _name(f, used), lang, strict=strict) for f in mine]
        if not mine:
            ET.SubElement(suite, "testcase", {"name": "jusou check", "classname": shown, "time": "0"})
            outcomes = ["passed"]
        counts = {
            "tests": len(outcomes),
            "failures": outcomes.count("failure"),
            "errors": 0,
            "skipped": outcomes.count("skipped"),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
