"""A document ↔ the rows of its sheets, through the layout; no spreadsheet library here.

:func:`flatten` gives each sheet's rows for a document (export); :func:`unflatten` builds the document back from
rows read out of a workbook (import), with every value's JSON pointer tied to the cell it came from, so that each
later finding (schema, rules) names the sheet and cell a planner has to change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from jusou_spec import jsonpointer
from jusou_spec.findings import Message
from jusou_spec.workbook.cells import ABSENT, CellValue, Unrepresentable, decode, encode
from jusou_spec.workbook.layout import Column, Layout, Sheet

__all__ = ["Cell", "Flat", "Problem", "Rows", "Unflat", "flatten", "unflatten"]


@attrs.frozen
class Problem:
    """Something wrong at one place: a cell (sheet, row, column) and, when known, the document's pointer."""

    code: str
    message: Message
    sheet: str
    row: int
    column: int
    pointer: str = ""


@attrs.frozen
class Flat:
    """A document's rows: the 基本情報 values by header, each sheet's rows (cells in the order of its headers)."""

    root: dict[str, CellValue]
    sheets: dict[str, list[list[CellValue]]]
    problems: list[tuple[str, Message]]
    """(pointer, reason) of each value no cell can hold."""


@attrs.frozen
class Cell:
    """A cell read from a workbook: its value and where it is (1-based row and column)."""

    value: Any
    row: int
    column: int


Rows = Mapping[str, Sequence[Mapping[str, Cell]]]
"""What a reader gives: per sheet, its rows as header → cell (empty cells left out)."""


@attrs.frozen
class Unflat:
    data: dict[str, Any]
    places: dict[str, tuple[str, int, int]]
    """Each value's pointer → (sheet, row, column) of its cell; an item's pointer → its row's first cell."""
    problems: list[Problem]


# ---------------------------------------------------------------- export


def _get(item: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(item, Mapping) or key not in item:
            return None
        item = item[key]
    return item


def _put(column: Column, value: Any, pointer: str, problems: list[tuple[str, Message]]) -> CellValue:
    try:
        return encode(column, value)
    except Unrepresentable as error:
        problems.append((pointer, error.message))
        return None


def _items(
    data: Any, path: Sequence[str], pointer: str, numbers: tuple[int, ...]
) -> Iterator[tuple[Any, str, tuple[int, ...]]]:
    """Every item at ``path`` (``*`` for each list) with its pointer and its 1-based numbers in each list."""
    if not path:
        yield data, pointer, numbers
        return
    key, rest = path[0], path[1:]
    if key == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _items(item, rest, jsonpointer.join(pointer, index), (*numbers, index + 1))
        return
    if isinstance(data, Mapping) and key in data:
        yield from _items(data[key], rest, jsonpointer.join(pointer, key), numbers)


def flatten(data: Mapping[str, Any], layout: Layout) -> Flat:
    """The rows of every sheet for document ``data`` (as ``to_document`` gives it)."""
    problems: list[tuple[str, Message]] = []
    root = {
        column.header: _put(
            column, _alternative(column, _get(data, column.path)), "/" + "/".join(column.path), problems
        )
        for column in layout.root
    }
    sheets: dict[str, list[list[CellValue]]] = {}
    for sheet in layout.sheets:
        rows = sheets.setdefault(sheet.name, [])
        for item, pointer, numbers in _items(data, sheet.path, "", ()):
            row: list[CellValue] = list(numbers)
            if sheet.scalar is not None:
                scalar = None if isinstance(item, Mapping) else item
                row.append(_put(sheet.scalar, scalar, pointer, problems))
            for column in sheet.columns:
                value = _alternative(column, _get(item, column.path)) if isinstance(item, Mapping) else None
                row.append(_put(column, value, jsonpointer.join(pointer, *column.path), problems))
            rows.append(row)
    return Flat(root=root, sheets=sheets, problems=problems)


def _alternative(column: Column, value: Any) -> Any:
    """An alternative column holds a table's or mapping's other forms only; the table itself has its sheet."""
    if column.kind != "alternative":
        return value
    if isinstance(value, list) or (isinstance(value, Mapping) and "未記載" not in value):
        return None
    return value


# ---------------------------------------------------------------- import


class _Builder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.data: dict[str, Any] = {}
        self.places: dict[str, tuple[str, int, int]] = {}
        self.problems: list[Problem] = []
        self.rows: dict[tuple[tuple[str, ...], tuple[int, ...]], tuple[Any, str]] = {}
        self.lost: set[tuple[tuple[str, ...], tuple[int, ...]]] = set()
        """Rows left out for a finding: their own rows are left out without another (the finding names the cause)."""

    def set_value(self, container: dict[str, Any], pointer: str, path: Sequence[str], value: Any) -> str:
        """Put ``value`` at ``path`` below ``container`` (found at ``pointer``), creating the mappings on the way."""
        for key in path[:-1]:
            pointer = jsonpointer.join(pointer, key)
            child = container.get(key)
            if not isinstance(child, dict):
                child = container[key] = {}
            container = child
        container[path[-1]] = value
        return jsonpointer.join(pointer, path[-1])

    def cell_value(self, sheet: str, column: Column, cell: Cell, container: dict[str, Any], pointer: str) -> None:
        decoded = decode(column, cell.value)
        at = jsonpointer.join(pointer, *column.path)
        if decoded.problem and decoded.message:
            self.problems.append(Problem(decoded.problem, decoded.message, sheet, cell.row, cell.column, at))
        if decoded.value is ABSENT:
            return
        self.places[self.set_value(container, pointer, column.path, decoded.value)] = (sheet, cell.row, cell.column)

    def root(self, cells: Mapping[str, Cell], sheet: str) -> None:
        self.places[""] = (sheet, 1, 1)
        for column in self.layout.root:
            if column.header in cells:
                self.cell_value(sheet, column, cells[column.header], self.data, "")

    def table(self, sheet: Sheet, rows: Sequence[Mapping[str, Cell]]) -> None:
        parent_path = _parent_row_path(sheet.path)
        between = sheet.path[len(parent_path) : -1]
        for cells in rows:
            if not any(header in cells for header in sheet.headers[len(sheet.keys) :]):
                continue
            numbers = self.numbers(sheet, cells)
            if numbers is None:
                continue
            first = min(cells.values(), key=lambda cell: cell.column)
            parent = self.rows.get((parent_path, numbers[:-1])) if parent_path else (self.data, "")
            if parent is None:
                if (parent_path, numbers[:-1]) not in self.lost:
                    self.orphan(sheet, cells, numbers)
                self.lost.add((sheet.path, numbers))
                continue
            container, pointer = parent
            for key in between[:-1]:
                pointer = jsonpointer.join(pointer, key)
                child = container.get(key)
                if not isinstance(child, dict):
                    child = container[key] = {}
                container = child
            key = between[-1]
            listed = container.setdefault(key, [])
            list_pointer = jsonpointer.join(pointer, key)
            if not isinstance(listed, list):
                self.problems.append(_both(sheet, first, list_pointer))
                continue
            item_pointer = jsonpointer.join(list_pointer, len(listed))
            item = self.item(sheet, cells, item_pointer)
            listed.append(item)
            self.places.setdefault(list_pointer, (sheet.name, first.row, first.column))
            self.places[item_pointer] = (sheet.name, first.row, first.column)
            if numbers[-1] and (sheet.path, numbers) in self.rows:
                self.problems.append(_duplicate(sheet, cells, numbers))
            elif numbers[-1]:
                self.rows[(sheet.path, numbers)] = (item, item_pointer)

    def item(self, sheet: Sheet, cells: Mapping[str, Cell], pointer: str) -> Any:
        item: dict[str, Any] = {}
        for column in sheet.columns:
            if column.header in cells:
                self.cell_value(sheet.name, column, cells[column.header], item, pointer)
        if sheet.scalar is not None and sheet.scalar.header in cells:
            cell = cells[sheet.scalar.header]
            decoded = decode(sheet.scalar, cell.value)
            if decoded.value is not ABSENT and not item:
                self.places[pointer] = (sheet.name, cell.row, cell.column)
                return decoded.value
            if decoded.value is not ABSENT:
                self.problems.append(_scalar_and_columns(sheet, cell, pointer))
        return item

    def numbers(self, sheet: Sheet, cells: Mapping[str, Cell]) -> tuple[int, ...] | None:
        """The row's numbers in each list (0 for its own when left empty), or None after a finding."""
        numbers: list[int] = []
        for index, header in enumerate(sheet.keys):
            own = index == len(sheet.keys) - 1
            cell = cells.get(header)
            number = _number(cell.value) if cell is not None else None
            if cell is None and own:
                numbers.append(0)
                continue
            if number is None:
                first = min(cells.values(), key=lambda c: c.column)
                where = cell or Cell(None, first.row, sheet.headers.index(header) + 1)
                self.problems.append(_bad_number(sheet, header, where, own))
                return None
            numbers.append(number)
        return tuple(numbers)

    def orphan(self, sheet: Sheet, cells: Mapping[str, Cell], numbers: tuple[int, ...]) -> None:
        parent = next(s for s in self.layout.sheets if s.path == _parent_row_path(sheet.path))
        header = sheet.keys[len(numbers) - 2]
        cell = cells[header]
        self.problems.append(
            Problem(
                "XL008",
                Message(
                    ja=f"「{header}」{numbers[-2]} の行が「{parent.name}」シートにありません。親の行の番号を書いて"
                    "ください",
                    en=f"no row numbered {numbers[-2]} in sheet '{parent.name}' for '{header}': write the number of "
                    "an existing parent row",
                ),
                sheet.name,
                cell.row,
                cell.column,
            )
        )


def _parent_row_path(path: tuple[str, ...]) -> tuple[str, ...]:
    """The path of the row a sheet's rows belong to (``()`` for the top level): up to the list before its own."""
    inner = path[:-1]
    for index in range(len(inner) - 1, -1, -1):
        if inner[index] == "*":
            return inner[: index + 1]
    return ()


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str):
        folded = unicodedata.normalize("NFKC", value).strip()
        return int(folded) if folded.isdigit() and int(folded) > 0 else None
    return None


def _bad_number(sheet: Sheet, header: str, cell: Cell, own: bool) -> Problem:
    if cell.value is None:
        ja = f"「{header}」が空です。この行が属する行の番号を書いてください"
        en = f"'{header}' is empty: write the number of the row this row belongs to"
    else:
        ja = f"「{header}」の「{cell.value}」は行の番号（1 以上の整数）ではありません"
        en = f"'{header}' is {cell.value!r}, not a row number (a whole number from 1)"
    return Problem("XL008", Message(ja=ja, en=en), sheet.name, cell.row, cell.column)


def _duplicate(sheet: Sheet, cells: Mapping[str, Cell], numbers: tuple[int, ...]) -> Problem:
    header = sheet.keys[-1]
    cell = cells[header]
    return Problem(
        "XL008",
        Message(
            ja=f"「{header}」{numbers[-1]} が同じシートの上の行と重複しています。番号を付け直してください",
            en=f"'{header}' {numbers[-1]} repeats a row above in the same sheet: renumber it",
        ),
        sheet.name,
        cell.row,
        cell.column,
    )


def _both(sheet: Sheet, cell: Cell, pointer: str) -> Problem:
    return Problem(
        "XL008",
        Message(
            ja=f"親の行に「未記載」などの値があるのに、「{sheet.name}」シートにもこの行があります。どちらかにしてください",
            en=f"the parent row states a value (such as 未記載) and sheet '{sheet.name}' has rows too: keep one",
        ),
        sheet.name,
        cell.row,
        cell.column,
        pointer,
    )


def _scalar_and_columns(sheet: Sheet, cell: Cell, pointer: str) -> Problem:
    return Problem(
        "XL008",
        Message(
            ja=f"「{sheet.scalar.header if sheet.scalar else ''}」の欄と他の欄の両方に値があります。どちらかにしてください",
            en="both the plain-value column and other columns are filled in: keep one",
        ),
        sheet.name,
        cell.row,
        cell.column,
        pointer,
    )


def unflatten(root: Mapping[str, Cell], rows: Rows, layout: Layout, *, root_sheet: str) -> Unflat:
    """The document in ``root`` (基本情報's values by header) and ``rows`` (every other sheet's), by ``layout``."""
    builder = _Builder(layout)
    builder.root(root, root_sheet)
    for sheet in layout.sheets:
        if sheet.name in rows:
            builder.table(sheet, rows[sheet.name])
    return Unflat(data=builder.data, places=builder.places, problems=builder.problems)
