"""How fast and in how much memory hostile workbooks are refused, beside the cost of reading a real one.

    .venv/bin/python benchmarks/workbook_safety.py

Each case is built in memory from the bundled 魚津市 plan's workbook, then read with ``parse_workbook`` as
``jusou check`` reads it; the time and the peak of Python's allocations (tracemalloc) are printed, and the time as a
ratio to reading the genuine workbook in the same run:
  genuine       the plan's own workbook (read whole, every finding located)
  million rows  one sheet replaced by 1,000,000 rows
  compact rows  the same without the optional attributes (26 MB inflated: under the size limits, refused by count)
  zip bomb      a part of 200 MB of zeros, compressed to a few hundred kB
  xml bomb      a "billion laughs" DTD in a sheet
  macros        a vbaProject.bin inside
  links         an external link to another workbook
"""

from __future__ import annotations

import io
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jusou_spec.workbook.read import parse_workbook  # noqa: E402
from tests.workbooks import bundled, export, replace_part  # noqa: E402


def _rows() -> bytes:
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, 1_000_001))
    return head + rows + b"</sheetData></worksheet>"


def _compact_rows() -> bytes:
    """A million rows of one cell each, without the optional attributes: small enough to pass the size limits."""
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    return head + b"<row><c><v>1</v></c></row>" * 1_000_000 + b"</sheetData></worksheet>"


def _bomb() -> bytes:
    entities = "".join(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e0 "ha">{entities}]><x>&e9;</x>'.encode()


def _zeros(raw: bytes) -> bytes:
    buffer = io.BytesIO(raw)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * 200_000_000)
    return buffer.getvalue()


def _measure(label: str, raw: bytes, read: Callable[[bytes], object], base: float | None) -> float:
    """Time one read as it runs, then the peak of Python's allocations in a second read under tracemalloc (which
    slows it down too much to be timed)."""
    start = time.perf_counter()
    result = read(raw)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    read(raw)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    findings = getattr(result, "findings", ())
    codes = ",".join(sorted({f.code for f in findings if f.code.startswith("XL")})) or "—"
    ratio = f"{seconds / base:6.2f}×" if base else "  1.00×"
    print(f"{label:13} {len(raw) / 1e6:7.2f} MB  {seconds:7.3f} s {ratio}  peak {peak / 1e6:7.1f} MB  {codes}")
    return seconds


def main() -> None:
    genuine = export(bundled(ROOT / "plans/uozu.yaml"))
    cases = {
        "million rows": replace_part(genuine, "xl/worksheets/sheet3.xml", _rows()),
        "compact rows": replace_part(genuine, "xl/worksheets/sheet3.xml", _compact_rows()),
        "zip bomb": _zeros(genuine),
        "xml bomb": replace_part(genuine, "xl/worksheets/sheet3.xml", _bomb()),
        "macros": replace_part(genuine, "xl/vbaProject.bin", b"\0" * 1024),
        "links": replace_part(genuine, "xl/externalLinks/externalLink1.xml", b"<externalLink/>"),
    }
    print("case          file size  time    ratio   memory          finding")
    base = _measure("genuine", genuine, parse_workbook, None)
    for label, raw in cases.items():
        _measure(label, raw, parse_workbook, base)


if __name__ == "__main__":
    main()
