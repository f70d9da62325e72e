"""Reading a workbook into a document, as the YAML loader does: data, a source map and findings, never a crash.

The zip is inspected first (:mod:`.safety`); then openpyxl reads the cells (their computed values; a second pass
only when a formula is present, to find formulas that have none). The 基本情報 sheet's ``jusou`` cell says which
layout applies. Every value's JSON pointer is tied to its cell, so each later finding names the sheet and cell.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jusou_spec.findings import Finding, Message, sort_findings
from jusou_spec.source import MAX_FILE_BYTES, Position, SourceDocument, SourceMap, read_marker, read_raw
from jusou_spec.workbook import checks, safety
from jusou_spec.workbook.layout import EXAMPLE_SHEET, HELP_SHEET, ROOT_SHEET, Layout, layout
from jusou_spec.workbook.tables import Cell, unflatten

__all__ = ["carries_workbook_marker", "cell_name", "parse_workbook", "read_workbook"]

MAX_ROWS = safety.MAX_ROWS
_MARKER_KEYS = ("jusou",)


def cell_name(sheet: str, row: int, column: int) -> str:
    """``事業!D12``: a cell as a planner finds it (sheet names with spaces or marks are quoted, as Excel does)."""
    plain = all(char.isalnum() or char in "・_" for char in sheet)
    shown = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{shown}!{get_column_letter(column)}{row}"


def _finding(code: str, message: Message, name: str, sheet: str, row: int, column: int, pointer: str = "") -> Finding:
    return (
        checks.BY_CODE[code]
        .finding(message, pointer)
        .evolve(file=name, line=row, column=column, cell=cell_name(sheet, row, column))
    )


def _whole(code: str, message: Message, name: str) -> SourceDocument:
    finding = checks.BY_CODE[code].finding(message).evolve(file=name, line=1, column=1)
    return SourceDocument(name, None, SourceMap(), (finding,), "xlsx", None, None)


def read_workbook(path: str | os.PathLike[str], *, name: str | None = None) -> SourceDocument:
    """Read a workbook file; only a path that cannot be read at all raises (SourceUnreadable)."""
    shown = os.fsdecode(os.fspath(path))
    return parse_workbook(read_raw(path), name=shown if name is None else name)


def parse_workbook(raw: bytes, *, name: str = "<workbook>") -> SourceDocument:
    """A workbook's bytes as a document; never raises, whatever the bytes."""
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        return _whole(
            "XL002",
            Message(
                ja=f"このワークブックは読み込みません: ファイルが大きすぎます（上限 {limit} MiB）",
                en=f"workbook refused: the file is too large (the limit is {limit} MiB)",
            ),
            name,
        )
    inspection = safety.inspect(io.BytesIO(raw))
    if inspection.refusal is not None:
        return _whole("XL001" if inspection.unreadable else "XL002", inspection.refusal, name)
    try:
        return _parse(raw, name, inspection.formulas)
    except Exception as error:  # openpyxl's own refusals of a damaged file; the promise is "no traceback"
        return _whole(
            "XL001",
            Message(
                ja=f"ワークブックを読めません（{type(error).__name__}）。Excel または LibreOffice で .xlsx として保存し直してください",
                en=f"the workbook cannot be read ({type(error).__name__}: {error}); save it again as .xlsx",
            ),
            name,
        )


def _load(raw: bytes, *, values: bool) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops (conditional formats …)
        return load_workbook(io.BytesIO(raw), data_only=values, keep_links=False, rich_text=False)


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Finding] = []

    def problem(self, code: str, message: Message, sheet: str, row: int, column: int, pointer: str = "") -> None:
        self.findings.append(_finding(code, message, self.name, sheet, row, column, pointer))

    def cells(self, sheet: Worksheet, formulas: Worksheet | None) -> Iterator[tuple[int, int, Any]]:
        """Every non-empty cell as (row, column, value); a formula without a computed value is a finding."""
        for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            for column_number, value in enumerate(values, start=1):
                if value is None and formulas is not None:
                    formula = formulas.cell(row=row_number, column=column_number)
                    if formula.data_type == "f":
                        self.problem(
                            "XL005",
                            Message(
                                ja=f"数式（{formula.value}）の計算結果が保存されていません。数式をやめて値を入力するか、"
                                "表計算ソフトで開いて再計算してから保存してください",
                                en=f"the formula ({formula.value}) has no computed value saved: type the value, or "
                                "recalculate and save the workbook in a spreadsheet program",
                            ),
                            sheet.title,
                            row_number,
                            column_number,
                        )
                        continue
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                yield row_number, column_number, value

    def merged(self, sheet: Worksheet) -> None:
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            across = "複数の行" if merged.max_row > merged.min_row else "複数の列"
            self.problem(
                "XL004",
                Message(
                    ja=f"結合されたセル（{merged.coord}）が{across}にまたがっています。値は左上のセルにしか入らないため、"
                    "結合を解除して各セルに値を入れてください",
                    en=f"merged cells ({merged.coord}) span {'rows' if across == '複数の行' else 'columns'}: only the "
                    "top-left cell holds the value; unmerge them and fill in each cell",
                ),
                sheet.title,
                merged.min_row,
                merged.min_col,
            )

    def table(self, sheet: Worksheet, headers: tuple[str, ...], formulas: Worksheet | None) -> list[dict[str, Cell]]:
        """The rows of a table sheet by header; a column the layout does not know is a finding when it has values."""
        columns: dict[int, str] = {}
        rows: dict[int, dict[str, Cell]] = {}
        unknown: dict[int, tuple[str, int]] = {}
        for row, column, value in self.cells(sheet, formulas):
            if row == 1:
                text = str(value).strip()
                if text in headers and text not in columns.values():
                    columns[column] = text
                else:
                    unknown[column] = (text, 0)
                continue
            header = columns.get(column)
            if header is None:
                text, count = unknown.get(column, ("", 0))
                unknown[column] = (text, count + 1)
                continue
            rows.setdefault(row, {})[header] = Cell(value, row, column)
        for column, (text, count) in sorted(unknown.items()):
            if count:
                self.problem("XL007", _unknown_column(text, sheet.title, count), sheet.title, 1, column)
        return [rows[row] for row in sorted(rows)]

    def root(self, sheet: Worksheet, formulas: Worksheet | None, headers: set[str]) -> dict[str, Cell]:
        found: dict[int, dict[int, Any]] = {}
        for row, column, value in self.cells(sheet, formulas):
            if row > 1 and column <= 2:
                found.setdefault(row, {})[column] = value
        out: dict[str, Cell] = {}
        for row, values in sorted(found.items()):
            header = str(values.get(1, "")).strip()
            if 2 not in values:
                continue
            if header not in headers or header in out:
                self.problem("XL007", _unknown_row(header, sheet.title), sheet.title, row, 1)
                continue
            out[header] = Cell(values[2], row, 2)
        return out


def _unknown_column(text: str, sheet: str, count: int) -> Message:
    return Message(
        ja=f"シート「{sheet}」の列「{text}」は読み込めません（値が {count} 件あります）。列の見出しを"
        "テンプレート（jusou template）のとおりにしてください",
        en=f"column '{text}' of sheet '{sheet}' is not in the layout ({count} value(s) would be lost): use the "
        "headers of the template (jusou template)",
    )


def _unknown_row(text: str, sheet: str) -> Message:
    return Message(
        ja=f"シート「{sheet}」の項目「{text}」は読み込めません（重複しているか、テンプレートにない項目です）",
        en=f"item '{text}' of sheet '{sheet}' is repeated or not in the layout",
    )


def _parse(raw: bytes, name: str, has_formulas: bool) -> SourceDocument:
    book = _load(raw, values=True)
    formulas = _load(raw, values=False) if has_formulas else None
    reader = _Reader(name)
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS:
            return _whole(
                "XL002",
                Message(
                    ja=f"このワークブックは読み込みません: シート「{sheet.title}」の行が多すぎます（{sheet.max_row} 行、"
                    f"上限 {MAX_ROWS} 行）",
                    en=f"workbook refused: sheet '{sheet.title}' has too many rows ({sheet.max_row}, the limit is "
                    f"{MAX_ROWS})",
                ),
                name,
            )
    if ROOT_SHEET not in book.sheetnames:
        return _no_marker(name, book.sheetnames)
    root_sheet = book[ROOT_SHEET]
    every_header = {column.header for kind in ("plan", "report") for column in layout(kind).root}
    root = reader.root(root_sheet, formulas[ROOT_SHEET] if formulas else None, every_header)
    kind, version, marker_findings = _marker(root, name)
    if kind is None:
        return SourceDocument(name, None, SourceMap(), tuple(sort_findings([*reader.findings, *marker_findings])),
                              "xlsx", None, None)  # fmt: skip
    chosen = layout(kind)
    rows: dict[str, list[dict[str, Cell]]] = {}
    for sheet in book.worksheets:
        reader.merged(sheet)
        if sheet.title in (ROOT_SHEET, EXAMPLE_SHEET, HELP_SHEET):
            continue
        table = chosen.sheet(sheet.title)
        other = formulas[sheet.title] if formulas else None
        if table is None:
            _unknown_sheet(reader, sheet, other)
            continue
        rows[sheet.title] = reader.table(sheet, table.headers, other)
    unflat = unflatten(root, rows, chosen, root_sheet=ROOT_SHEET)
    for problem in unflat.problems:
        reader.problem(problem.code, problem.message, problem.sheet, problem.row, problem.column, problem.pointer)
    _check_root_keys(reader, root, chosen)
    places = {
        pointer: Position(row, column, cell_name(sheet, row, column))
        for pointer, (sheet, row, column) in unflat.places.items()
    }
    source_map = SourceMap(values=places, keys=places)
    return SourceDocument(
        name=name,
        data=unflat.data,
        source_map=source_map,
        findings=tuple(sort_findings([*reader.findings, *marker_findings])),
        encoding="xlsx",
        kind=kind,
        version=version,
    )


def _check_root_keys(reader: _Reader, root: Mapping[str, Cell], chosen: Layout) -> None:
    """A 基本情報 item of the other kind (計画名 in a report) would be lost: say so."""
    own = {column.header for column in chosen.root}
    for header, cell in root.items():
        if header not in own:
            reader.problem("XL007", _unknown_row(header, ROOT_SHEET), ROOT_SHEET, cell.row, 1)


def _marker(root: Mapping[str, Cell], name: str) -> tuple[str | None, int | None, tuple[Finding, ...]]:
    cell = root.get("jusou")
    data: dict[str, object] = {"jusou": cell.value} if cell is not None else {}
    at = Position(cell.row, cell.column, cell_name(ROOT_SHEET, cell.row, cell.column)) if cell else None
    places = {"/jusou": at} if at else {}
    kind, version, findings = read_marker(data, SourceMap(values=places, keys=places), name)
    where = at or Position(1, 1, cell_name(ROOT_SHEET, 1, 1))
    return kind, version, tuple(f.evolve(line=where.line, column=where.column, cell=where.cell) for f in findings)


def _no_marker(name: str, sheets: list[str]) -> SourceDocument:
    message = Message(
        ja=f"「{ROOT_SHEET}」シートがありません（あるのは {'、'.join(sheets[:5])}）。jusou template で作った"
        "ワークブックに記入してください（「基本情報」の jusou の行で計画か報告かを見分けます）",
        en=f"no '{ROOT_SHEET}' sheet (the workbook has {', '.join(sheets[:5])}): fill in a workbook made by "
        "jusou template (its jusou row tells a plan from a report)",
    )
    finding = checks.BY_CODE["XL007"].finding(message).evolve(file=name, line=1, column=1)
    return SourceDocument(name, None, SourceMap(), (finding,), "xlsx", None, None)


def _unknown_sheet(reader: _Reader, sheet: Worksheet, formulas: Worksheet | None) -> None:
    count = sum(1 for _ in reader.cells(sheet, formulas))
    if count:
        reader.problem(
            "XL007",
            Message(
                ja=f"シート「{sheet.title}」は読み込めません（値が {count} 件あります）。シート名をテンプレート"
                "（jusou template）のとおりにしてください",
                en=f"sheet '{sheet.title}' is not in the layout ({count} value(s) would be lost): use the sheet names "
                "of the template",
            ),
            sheet.title,
            1,
            1,
        )


def carries_workbook_marker(path: str | os.PathLike[str]) -> bool:
    """For folder walks: whether a .xlsx file's 基本情報 sheet has a ``jusou`` row. Never raises."""
    try:
        raw = read_raw(path)
        if len(raw) > MAX_FILE_BYTES or safety.inspect(io.BytesIO(raw)).refusal is not None:
            return True  # refused workbooks are reported, not skipped
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
        try:
            if ROOT_SHEET not in book.sheetnames:
                return False
            for row in book[ROOT_SHEET].iter_rows(min_row=2, max_col=1, values_only=True):
                if row and isinstance(row[0], str) and row[0].strip() in _MARKER_KEYS:
                    return True
            return False
        finally:
            book.close()
    except Exception:
        return False
