"""Writing a workbook with openpyxl: the template (no rows) and an export (a document's rows), byte for byte the
same for the same input.

Each sheet has its headers in row 1 (frozen, bold, each with its key's description as a comment), drop-downs where
the schema or the clause registry lists the values (号, 実施方式, 分野, 実施形態, 年度 of the plan period, the ids
of programs and meetings in the columns that refer to them), and column widths that fit Japanese text. The file's
timestamps and zip entries are fixed, so an unchanged plan gives an unchanged workbook.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jusou_spec.law import CLAUSES
from jusou_spec.workbook.cells import CellValue
from jusou_spec.workbook.layout import EXAMPLE_SHEET, HELP_SHEET, ROOT_SHEET, Column, Layout, Sheet
from jusou_spec.workbook.tables import Flat

__all__ = ["REFERENCES", "workbook_bytes"]

REFERENCES = {
    ("事業", "連携事業"): "事業",
    ("スケジュール", "事業"): "事業",
    ("会議の流れ", "元"): "会議",
    ("会議の流れ", "先"): "会議",
    ("項目", "再掲"): "項目",
    ("実績", "指標"): "指標",
}
"""Columns that hold the ids of another sheet's rows (by sheet and header): their drop-down lists those ids."""

_FIXED_TIME = "2000-01-01T00:00:00Z"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SPARE_ROWS = 500
"""Rows below the last one that still carry the drop-downs, for a planner to add items."""
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_KEY_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_AUTHOR = "jusou-spec"

_HELP = (
    "重層的支援体制整備事業実施計画（実施状況報告）の記入用ワークブック",
    "",
    "1. 「基本情報」シートの「値」の列に、計画名・自治体・計画期間などを書きます。jusou の行は変えないでください"
    "（この行で計画か報告かを見分けます）。",
    "2. 表のシート（事業、成果目標、会議 …）は、1 行が一つの項目です。見出しのセルにカーソルを合わせると、"
    "その列の説明が出ます。",
    "3. 「事業№」のような番号の列は行の番号です。成果目標の行の「事業№」には、その目標が属する事業の行の"
    "「事業№」を書きます。",
    "4. 一つのセルに複数の値（所管課、委託先 …）を書くときは、セル内で改行して（Alt+Enter）1 行に一つずつ"
    "書きます。文章の段落は空行で区切ります。",
    "5. 記載がない値は「未記載: 理由」と書きます（例: 未記載: 報告書に所管課の記載がない）。",
    "6. 年度は「令和6年度」「R6」「R4～R8」のように文字で書きます（日付として入力しないでください）。"
    "セルの結合、数式は使わないでください。",
    "7. 書き終えたら jusou check 計画.xlsx で検査し、jusou import 計画.xlsx -o 計画.yaml で YAML にします。"
    "指摘は「計画.xlsx:事業!D12」のようにシートとセルで示されます。",
    "",
    "「記入例」シートに、各列の書き方の例があります。",
)


def _width(values: Iterator[str]) -> float:
    """A column width in Excel's units (about one per half-width character), fitted to the longest line."""
    widest = 0
    for value in values:
        for line in value.split("\n"):
            width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
            widest = max(widest, width)
    return float(min(max(widest + 2, 8), 60))


def _comment(column: Column) -> Comment | None:
    parts = [part for part in (column.title, column.description) if part]
    if column.examples:
        parts.append("例: " + "、".join(column.examples[:3]))
    if not parts:
        return None
    comment = Comment("\n".join(parts), _AUTHOR)
    comment.width, comment.height = 320, 160
    return comment


def _set(sheet: Worksheet, row: int, column: int, value: CellValue) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a text that looks like a formula stays text


def _list_validation(values: Sequence[str], *, strict: bool) -> DataValidation | None:
    formula = ",".join(values)
    if not values or len(formula) > 250 or any('"' in value or "," in value for value in values):
        return None
    return DataValidation(
        type="list", formula1=f'"{formula}"', allow_blank=True, errorStyle="stop" if strict else "warning"
    )


def _validation(sheet: Sheet | None, column: Column, years: Sequence[str], layout: Layout) -> DataValidation | None:
    if sheet is not None and (sheet.name, column.header) in REFERENCES:
        target = layout.sheet(REFERENCES[(sheet.name, column.header)])
        if target is not None and "id" in target.headers:
            letter = get_column_letter(target.headers.index("id") + 1)
            return DataValidation(
                type="list", formula1=f"'{target.name}'!${letter}$2:${letter}$5000", allow_blank=True,
                errorStyle="warning",
            )  # fmt: skip
    if column.path and column.path[-1] == "号":
        return _list_validation([clause.label for clause in CLAUSES], strict=False)
    if column.kind == "year":
        return _list_validation(years, strict=False)
    if column.kind == "boolean":
        return _list_validation(["TRUE", "FALSE"], strict=True)
    if column.choices:
        single = column.kind not in ("lines", "prose") and not column.not_stated
        return _list_validation(column.choices, strict=single)
    return None


def _header(sheet: Worksheet, number: int, text: str, column: Column | None) -> None:
    cell = sheet.cell(row=1, column=number, value=text)
    cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    if column is not None:
        cell.comment = _comment(column)


def _table(book: Workbook, sheet: Sheet, rows: list[list[CellValue]], years: Sequence[str], layout: Layout) -> None:
    out = book.create_sheet(sheet.name)
    columns: list[Column | None] = [None] * len(sheet.keys)
    if sheet.scalar is not None:
        columns.append(sheet.scalar)
    columns.extend(sheet.columns)
    for number, (text, column) in enumerate(zip(sheet.headers, columns, strict=True), start=1):
        _header(out, number, text, column)
        if column is None:
            out.cell(row=1, column=number).fill = _KEY_FILL
    for row_number, row in enumerate(rows, start=2):
        for number, value in enumerate(row, start=1):
            if value is not None:
                _set(out, row_number, number, value)
    last = len(rows) + 1 + _SPARE_ROWS
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        shown = (str(row[number - 1]) for row in rows if row[number - 1] is not None)
        out.column_dimensions[letter].width = _width(iter([sheet.headers[number - 1], *shown]))
        if column is None:
            continue
        if column.kind in ("lines", "prose"):
            for row_number in range(2, len(rows) + 2):
                out.cell(row=row_number, column=number).alignment = _WRAP
        validation = _validation(sheet, column, years, layout)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{last}")
            out.add_data_validation(validation)
    out.freeze_panes = out.cell(row=2, column=len(sheet.keys) + 1)


def _root(book: Workbook, layout: Layout, values: dict[str, CellValue], years: Sequence[str]) -> None:
    out = book.create_sheet(ROOT_SHEET)
    for number, text in enumerate(("項目", "値", "説明"), start=1):
        _header(out, number, text, None)
    for row_number, column in enumerate(layout.root, start=2):
        out.cell(row=row_number, column=1, value=column.header).fill = _KEY_FILL
        value = values.get(column.header)
        if value is not None:
            _set(out, row_number, 2, value)
        out.cell(row=row_number, column=2).alignment = _WRAP
        about = "：".join(part for part in (column.title, column.description) if part)
        out.cell(row=row_number, column=3, value=about or None).alignment = _WRAP
        validation = _validation(None, column, years, layout)
        if validation is not None:
            validation.add(f"B{row_number}")
            out.add_data_validation(validation)
    out.column_dimensions["A"].width = _width(column.header for column in layout.root)
    out.column_dimensions["B"].width = 60
    out.column_dimensions["C"].width = 60
    out.freeze_panes = "B2"


def _examples(book: Workbook, layout: Layout) -> None:
    out = book.create_sheet(EXAMPLE_SHEET)
    for number, text in enumerate(("シート", "列", "説明", "記入例"), start=1):
        _header(out, number, text, None)
    row_number = 2
    listed = [(ROOT_SHEET, column) for column in layout.root]
    listed += [(sheet.name, column) for sheet in layout.sheets for column in sheet.columns]
    for sheet_name, column in listed:
        example = "、".join(column.examples) or "、".join(column.choices)
        about = column.description or column.title
        if not example and not about:
            continue
        for number, value in enumerate((sheet_name, column.header, about, example or None), start=1):
            out.cell(row=row_number, column=number, value=value).alignment = _WRAP
        row_number += 1
    for letter, width in zip("ABCD", (22, 22, 60, 40), strict=True):
        out.column_dimensions[letter].width = width
    out.freeze_panes = "A2"


def _help(book: Workbook) -> None:
    out = book.create_sheet(HELP_SHEET)
    for row_number, line in enumerate(_HELP, start=1):
        out.cell(row=row_number, column=1, value=line or None).alignment = _WRAP
    out["A1"].font = Font(bold=True, size=14)
    out.column_dimensions["A"].width = 120


def workbook_bytes(layout: Layout, flat: Flat | None, *, years: Sequence[str] = ()) -> bytes:
    """The .xlsx of ``flat`` (None: the empty template), with ``years`` offered in the fiscal-year drop-downs."""
    book = Workbook()
    book.remove(book.worksheets[0])
    _help(book)
    root: dict[str, CellValue] = dict(flat.root) if flat is not None else {"jusou": f"{layout.kind}/1"}
    _root(book, layout, root, years)
    for sheet in layout.sheets:
        _table(book, sheet, flat.sheets.get(sheet.name, []) if flat is not None else [], years, layout)
    _examples(book, layout)
    book.active = 1
    book.properties.creator = _AUTHOR
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed(buffer.getvalue())


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed(data: bytes) -> bytes:
    """The same zip with fixed entry times and fixed document timestamps (openpyxl stamps the time of saving)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>" + _FIXED_TIME.encode() + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return buffer.getvalue()
