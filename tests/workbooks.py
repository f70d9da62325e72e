"""Helpers for the workbook tests: bundled documents, exporting to bytes, and building odd workbooks by hand."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import yaml

from jusou_spec.model import Plan, Report
from jusou_spec.workbook.layout import layout
from jusou_spec.workbook.read import parse_workbook
from jusou_spec.workbook.tables import flatten
from jusou_spec.workbook.write import workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted([*ROOT.glob("plans/*.yaml"), *ROOT.glob("reports/*.yaml"), *ROOT.glob("examples/*.yaml")])
SAMPLES = sorted(ROOT.glob("tests/fixtures/mihon*.yaml"))
"""The 見本市 fixtures: every structure of the format (umbrellas, budgets, staffing, areas, delivery by year, ratio
indicators, sources by URL and page) in one plan and its reports."""


def model_of(data: dict[str, Any]) -> Plan | Report:
    model = Plan if str(data["jusou"]).startswith("plan") else Report
    document, _ = model.from_document(data)
    return document


def bundled(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def export(data: dict[str, Any]) -> bytes:
    """The workbook of a schema-valid document, as ``jusou export`` writes it."""
    document = model_of(data)
    kind = "plan" if isinstance(document, Plan) else "report"
    flat = flatten(document.to_document(), layout(kind))
    assert flat.problems == []
    return workbook_bytes(layout(kind), flat, years=("R6", "R7"))


def reimport(raw: bytes) -> Plan | Report:
    source = parse_workbook(raw, name="計画.xlsx")
    assert [f for f in source.findings if f.severity.value == "error"] == [], source.findings
    assert isinstance(source.data, dict)
    return model_of(source.data)


def replace_part(raw: bytes, name: str, content: bytes) -> bytes:
    """The workbook with one zip part replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return buffer.getvalue()
