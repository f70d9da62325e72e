"""One plan or report exported as a workbook (.xlsx) or CSV files (one per sheet): ``jusou export PLAN -o OUT``.

Loaded by :mod:`jusou_spec.commands.export` when it writes one document, with the workbook layout it needs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from jusou_spec.atomic import write_bytes_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK
from jusou_spec.commands._workbooks import Loaded, excel, load, report_findings
from jusou_spec.findings import Finding, Message
from jusou_spec.model import Plan, Report
from jusou_spec.workbook.cells import text_of
from jusou_spec.workbook.checks import UNREPRESENTABLE
from jusou_spec.workbook.layout import ROOT_SHEET, layout
from jusou_spec.workbook.tables import Flat, flatten

__all__ = ["EXPORTERS", "export_document"]


def _years(document: Plan | Report) -> tuple[str, ...]:
    if isinstance(document, Plan):
        return tuple(str(year) for year in document.years())
    return tuple(str(year) for year in document.years.years()) if document.years is not None else ()


def _xlsx(document: Plan | Report, flat: Flat, output: str) -> None:
    kind = "plan" if isinstance(document, Plan) else "report"
    write_bytes_atomically(output, excel("write").workbook_bytes(layout(kind), flat, years=_years(document)))


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[text_of(value) for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _csv(document: Plan | Report, flat: Flat, output: str) -> None:
    """One CSV per sheet (基本情報 as 項目,値), UTF-8 with BOM and CRLF, as Excel writes and reads them."""
    kind = "plan" if isinstance(document, Plan) else "report"
    folder = Path(output)
    write_bytes_atomically(folder / f"{ROOT_SHEET}.csv", _csv_bytes([("項目", "値"), *flat.root.items()]))
    for sheet in layout(kind).sheets:
        rows: list[Sequence[object]] = [sheet.headers, *flat.sheets.get(sheet.name, [])]
        write_bytes_atomically(folder / f"{sheet.name}.csv", _csv_bytes(rows))


EXPORTERS: dict[str, Callable[[Plan | Report, Flat, str], None]] = {"xlsx": _xlsx, "csv": _csv}
"""Each single-document format's writer: the modelled document, its rows, the output path."""


def _unrepresentable(loaded: Loaded, flat: Flat) -> list[Finding]:
    found = []
    for pointer, reason in flat.problems:
        at = loaded.source.source_map.locate(pointer)
        finding = UNREPRESENTABLE.finding(
            Message(ja=f"{reason.ja}。ワークブックに書き出せません", en=f"{reason.en}: cannot export it"), pointer
        )
        found.append(finding.evolve(file=loaded.source.name, line=at.line, column=at.column, cell=at.cell))
    return found


def export_document(path: str, chosen: str, output: str, lang: str) -> int:
    """Export the document at ``path`` in format ``chosen`` to ``output``; its findings instead when it cannot be
    modelled or holds a value no cell can hold (exit 1)."""
    loaded = load(path)
    if loaded.failed or loaded.document is None:
        report_findings(loaded.findings, [loaded.source.name], lang)
        return EXIT_FINDINGS
    document = loaded.document
    kind = "plan" if isinstance(document, Plan) else "report"
    flat = flatten(document.to_document(), layout(kind))
    problems = _unrepresentable(loaded, flat)
    if problems:
        report_findings(problems, [loaded.source.name], lang)
        return EXIT_FINDINGS
    EXPORTERS[chosen](document, flat, output)
    return EXIT_OK
