"""The ``gitlab`` format: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array with one issue per finding that still counts (suppressed findings are left out: the document
explains them): ``description``, ``check_name`` (the code), ``fingerprint`` (the same identity as the SARIF log's,
stable while lines move), ``severity`` and ``location`` (the path relative to the repository's top, and the line).
GitLab compares the fingerprints of the merge request with those of the target branch to show what is new.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from jusou_spec.findings import Finding, Severity
from jusou_spec.reporters.locations import fingerprints, printable_name, shown_name, source_root
from jusou_spec.reporters.text import Summary

__all__ = ["gitlab"]

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    root = source_root([*summary.paths, *(f.file for f in findings if f.file)])
    issues = [
        {
            "description": printable_name(f"{f.code} {f.text(lang)}"),
            "check_name": f.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[f.severity],
            "location": {"path": printable_name(shown_name(f.file or "", root)), "lines": {"begin": f.line or 1}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings, root), strict=True)
        if not f.suppressed
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
