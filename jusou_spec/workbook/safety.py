"""Looking inside a workbook's zip before any spreadsheet library parses it: what is refused, and why.

A workbook is a zip of XML parts. Before openpyxl reads one, the parts' declared sizes are summed (a zip bomb or a
sheet of a million rows is refused from the directory alone, before anything is inflated), macros and links to
other workbooks are refused (a planner's template has neither, and a checker must not follow them), and each
XML part is streamed once, in bounded chunks, to refuse a DTD (entity expansion, the "billion laughs") and to
note whether any formula is present.
"""

from __future__ import annotations

import zipfile
from typing import IO

import attrs

from jusou_spec.findings import Message

__all__ = ["MAX_CELLS", "MAX_ENTRIES", "MAX_PART_BYTES", "MAX_ROWS", "MAX_TOTAL_BYTES", "Inspection", "inspect"]

MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""The most a workbook's parts may hold once inflated: about 50 times the bundled plans' largest."""
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_ROWS = 100_000
"""Rows in one sheet beyond which a workbook is refused (a plan has hundreds)."""
MAX_CELLS = 200_000
"""Cells in all sheets beyond which a workbook is refused: openpyxl keeps each cell as an object of a few hundred
bytes, so this bounds the memory a workbook may take once parsed (the bundled plans have a few thousand)."""
_ROW_MARKS = (b"<row ", b"<row>", b":row ", b":row>")
_CELL_MARKS = (b"<c ", b"<c>", b"<c/>", b":c ", b":c>", b":c/>")
_CHUNK = 1024 * 1024
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")


@attrs.frozen
class Inspection:
    """The verdict: a refusal (with its message) or a go-ahead, and whether any sheet holds a formula."""

    refusal: Message | None
    unreadable: bool = False
    formulas: bool = False


def _refused(ja: str, en: str) -> Inspection:
    return Inspection(Message(ja=f"このワークブックは読み込みません: {ja}", en=f"workbook refused: {en}"))


def inspect(stream: IO[bytes]) -> Inspection:
    """Inspect the zip in ``stream``; never raises for a bad file (an unreadable one is ``unreadable``)."""
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return Inspection(
            Message(
                ja="ワークブック（.xlsx）として読めません。Excel または LibreOffice で .xlsx 形式で保存し直してください",
                en="not a readable .xlsx workbook: save it again as .xlsx from Excel or LibreOffice",
            ),
            unreadable=True,
        )
    names = {info.filename for info in infos}
    if len(infos) > MAX_ENTRIES:
        return _refused(f"ファイル数が多すぎます（{len(infos)} 個）", f"too many parts ({len(infos)})")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return _refused(
            "マクロ（VBA）を含んでいます。マクロなしの .xlsx として保存し直してください",
            "it contains macros (VBA); save it as a plain .xlsx",
        )
    if any(name.startswith("xl/externalLinks/") for name in names):
        return _refused(
            "他のファイルへの外部リンクを含んでいます。リンクを解除（値に変換）してから保存してください",
            "it links to other workbooks; break the links (keep the values) and save it again",
        )
    total = sum(info.file_size for info in infos)
    biggest = max((info.file_size for info in infos), default=0)
    if total > MAX_TOTAL_BYTES or biggest > MAX_PART_BYTES:
        return _refused(
            f"内容が大きすぎます（展開すると {total // 1024 // 1024} MiB、上限 {MAX_TOTAL_BYTES // 1024 // 1024} MiB）。"
            "行数の多いシートや、不要な書式・画像を見直してください",
            f"its content is too large ({total // 1024 // 1024} MiB inflated, the limit is "
            f"{MAX_TOTAL_BYTES // 1024 // 1024} MiB)",
        )
    formulas = False
    cells = 0
    try:
        for info in infos:
            if not info.filename.endswith((".xml", ".rels", ".vml")) and info.filename != "[Content_Types].xml":
                continue
            found = _scan(archive, info)
            if found is None:
                return _refused(
                    "XML に DTD（エンティティ定義）があります。表計算ソフトが保存したファイルにはないものです",
                    "an XML part declares a DTD (entities), which spreadsheet programs never write",
                )
            if info.filename.startswith("xl/worksheets/") and found.rows > MAX_ROWS:
                return _refused(
                    f"行が多すぎるシートがあります（{found.rows} 行、上限 {MAX_ROWS} 行）",
                    f"a sheet has too many rows ({found.rows}, the limit is {MAX_ROWS})",
                )
            cells += found.cells if info.filename.startswith("xl/worksheets/") else 0
            formulas = formulas or found.formulas
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return Inspection(
            Message(
                ja="ワークブックの中身が壊れています（zip の展開に失敗）。保存し直してください",
                en="the workbook is damaged (a part does not inflate); save it again",
            ),
            unreadable=True,
        )
    if cells > MAX_CELLS:
        return _refused(
            f"セルが多すぎます（{cells} 個、上限 {MAX_CELLS} 個）",
            f"too many cells ({cells}, the limit is {MAX_CELLS})",
        )
    content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if b"macroEnabled" in content_types:
        return _refused(
            "マクロ有効ブック（.xlsm）です。マクロなしの .xlsx として保存し直してください",
            "it is a macro-enabled workbook (.xlsm); save it as a plain .xlsx",
        )
    return Inspection(None, formulas=formulas)


@attrs.frozen
class _Part:
    formulas: bool
    rows: int
    cells: int


def _count(window: bytes, tail: bytes, marks: tuple[bytes, ...]) -> int:
    """Occurrences of ``marks`` in ``window`` that do not lie wholly in its first bytes (``tail``, counted before)."""
    return sum(window.count(mark) - tail.count(mark) for mark in marks)


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Part | None:
    """Stream one part: None when it declares a DTD, else whether it holds a formula and how many rows and cells."""
    formulas = False
    rows = cells = 0
    tail = b""
    read = 0
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            read += len(chunk)
            if read > info.file_size or read > MAX_PART_BYTES:
                raise ValueError("a part inflates beyond its declared size")
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return None
            formulas = formulas or (b"<f>" in window or b"<f " in window or b":f>" in window or b":f " in window)
            rows += _count(window, tail, _ROW_MARKS)
            cells += _count(window, tail, _CELL_MARKS)
            tail = window[-16:]
    return _Part(formulas, rows, cells)
