"""Findings as JUnit XML, the test-report format CI servers (GitLab, Jenkins, Azure) display.

Each checked file is a test suite; each finding is a test case named by its code and position. An error or a
warning is a failure (its ``type`` says which; a CI server shows a warning-only run as unstable while the exit
code still passes it), an informational finding is a passing case with the message as its output, and a
suppressed finding is a skipped case whose message is the document's reason. A file without findings has one
passing case, so every checked file appears in the report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from jusou_spec.findings import Finding, Severity
from jusou_spec.reporters.text import Summary, suppressed_reason, text_line

__all__ = ["junit"]


def _case(suite: ET.Element, file: str, finding: Finding, lang: str) -> str:
    """Add the test case of one finding; returns its outcome: failure, skipped or passed."""
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": file, "name": f"{finding.code} {finding.cell or f'{finding.line}:{finding.column}'}"},
    )
    line = text_line(finding, lang)
    if finding.suppressed:
        ET.SubElement(case, "skipped", {"message": suppressed_reason(finding, lang)})
        return "skipped"
    if finding.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = line
        return "passed"
    failure = ET.SubElement(case, "failure", {"type": finding.severity.value, "message": finding.text(lang)})
    failure.text = line
    return "failure"


def junit(findings: Sequence[Finding], summary: Summary, *, lang: str = "ja") -> str:
    """The JUnit XML report of ``findings`` for the files in ``summary``."""
    files = list(dict.fromkeys([*summary.paths, *(f.file or "" for f in findings)]))
    root = ET.Element("testsuites", {"name": "jusou check"})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file in files:
        suite = ET.SubElement(root, "testsuite", {"name": file})
        mine = [f for f in findings if (f.file or "") == file]
        outcomes = [_case(suite, file, finding, lang) for finding in mine]
        if not mine:
            ET.SubElement(suite, "testcase", {"classname": file, "name": "jusou check"})
            outcomes = ["passed"]
        counts = {"tests": len(outcomes), "failures": outcomes.count("failure"), "skipped": outcomes.count("skipped")}
        for name, value in counts.items():
            suite.set(name, str(value))
            totals[name] += value
    for name, value in totals.items():
        root.set(name, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
