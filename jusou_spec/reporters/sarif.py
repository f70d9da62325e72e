"""Findings as SARIF 2.1.0 (OASIS), the format code-scanning services read.

One run of one tool (jusou-spec) whose driver lists every check the catalogue knows, in code order, so that a
result's ``ruleIndex`` is stable. Columns count Unicode code points, as ours do (``columnKind``). A suppressed
finding keeps its result, with an in-source suppression carrying the document's reason; the JSON pointer of each
finding is kept as the result's logical location, so a reader can find the place in the document's data too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from jusou_spec._version import __version__
from jusou_spec.catalogue import all_checks
from jusou_spec.findings import Finding, Language, Severity
from jusou_spec.rules import RULES

__all__ = ["SARIF_SCHEMA", "sarif"]

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(file: str) -> str:
    """A URI reference for a checked file: relative paths stay relative (to the repository), others become file:."""
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _rules(lang: str) -> list[dict[str, Any]]:
    docs = {rule.code: rule.doc.partition("\n")[0] for rule in RULES}
    descriptors = []
    for check in all_checks():
        descriptor: dict[str, Any] = {
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": check.title.text(lang)},
        }
        if check.code in docs:
            descriptor["fullDescription"] = {"text": docs[check.code]}
        descriptor["defaultConfiguration"] = {"level": _LEVEL[check.severity]}
        descriptor["properties"] = {"tags": [check.name.split(".", 1)[0]]}
        descriptors.append(descriptor)
    return descriptors


def _result(finding: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    result["level"] = _LEVEL[finding.severity]
    result["message"] = {"text": finding.text(lang)}
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.file or "")}}
    if finding.line is not None:
        region = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer}]
    result["locations"] = [location]
    if finding.cell:
        result["properties"] = {"cell": finding.cell}
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result


def sarif(findings: Sequence[Finding], *, lang: str = "ja") -> str:
    """The SARIF log of ``findings`` as JSON text."""
    rules = _rules(lang)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jusou-spec",
                        "version": __version__,
                        "language": "en-US" if Language(lang) is Language.EN else "ja-JP",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index, lang) for finding in findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
