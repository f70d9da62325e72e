"""Fill in a workbook through LibreOffice itself, as a planner's office suite would: run with the system Python,
which has LibreOffice's bridge (Debian's python3-uno), not with the project's environment.

    /usr/bin/python3 tests/libreoffice_fill.py SOURCE.xlsx TARGET.xlsx PROFILE_DIR EDITS.json

EDITS.json: {"cells": [[sheet, cell, typed text], …], "dates": [[sheet, cell, "2025-04-01"], …], "merge": [[sheet,
range], …]}. Each text is entered as if typed (LibreOffice interprets it: "12" becomes a number); a date is entered
as a date cell, as a spreadsheet's autoformat makes of "2025/4/1"; the result is saved as .xlsx.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.lang import Locale  # type: ignore[import-not-found]

_DATE = 2
"""com.sun.star.util.NumberFormat.DATE"""


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def main(source: str, target: str, profile: str, edits_file: str) -> None:
    edits = json.loads(Path(edits_file).read_text(encoding="utf-8"))
    pipe = f"jusou_fill_{Path(profile).name}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={Path(profile).resolve().as_uri()}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(str(Path(source).resolve()))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        sheets = document.Sheets
        for sheet, cell, text in edits.get("cells", []):
            sheets.getByName(sheet).getCellRangeByName(cell).setFormula(text)
        for sheet, cell, iso in edits.get("dates", []):
            target_cell = sheets.getByName(sheet).getCellRangeByName(cell)
            target_cell.setValue((dt.date.fromisoformat(iso) - dt.date(1899, 12, 30)).days)
            target_cell.NumberFormat = document.NumberFormats.getStandardFormat(_DATE, Locale())
        for sheet, cells in edits.get("merge", []):
            sheets.getByName(sheet).getCellRangeByName(cells).merge(True)
        out = uno.systemPathToFileUrl(str(Path(target).resolve()))
        document.storeToURL(out, (_property("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
        office.wait(timeout=120)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
