"""The ``json`` format: a list of objects with ``file``, ``line``, ``column``, ``rule``, ``name``, ``severity``,
``message``, ``path`` (the JSON pointer) and ``suppressed`` (the reason, or null). Bytes of a file name that are
not UTF-8 are written as ``\\xNN`` (in ``file`` and in a message that quotes the name), so the output is UTF-8. A finding in a workbook adds
``cell`` (``事業!D12``), its ``line`` and ``column`` being the cell's row and column.

:func:`finding_record` is the one JSON form of a finding; ``jusou indicators --format json`` uses it too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding
from jusou_spec.reporters.locations import printable_name
from jusou_spec.reporters.text import Summary

__all__ = ["as_json", "finding_record"]


def finding_record(finding: Finding, lang: str) -> dict[str, object]:
    """One finding as a JSON object: the contract's fields, its rule's dotted name, and a suppression's reason."""
    check = check_of(finding.code)
    return {
        "file": None if finding.file is None else printable_name(finding.file),
        "line": finding.line,
        "column": finding.column,
        "rule": finding.code,
        "name": check.name if check else None,
        "severity": finding.severity.value,
        "message": printable_name(finding.text(lang)),
        "path": finding.pointer,
        "suppressed": finding.suppressed,
        **({"cell": finding.cell} if finding.cell else {}),
    }


def as_json(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return json.dumps([finding_record(f, lang) for f in findings], ensure_ascii=False, indent=2) + "\n"
