"""Workbooks in LibreOffice (Debian's libreoffice-calc, headless): they open and convert, a workbook LibreOffice
saved still imports, and a template filled in through LibreOffice is checked cell by cell."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.workbook.layout import layout
from jusou_spec.workbook.read import parse_workbook

from .workbooks import BUNDLED, ROOT, bundled, export, model_of, reimport

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice is not installed (Debian's libreoffice-calc; scripts/dev test installs it as root)",
    ),
]

SYSTEM_PYTHON = Path("/usr/bin/python3")


def _soffice(profile: Path, *args: str) -> None:
    """Run LibreOffice headless with its own profile folder (so that parallel runs do not share one)."""
    command = ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _exported(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for source in BUNDLED:
        path = folder / f"{source.stem}.xlsx"
        path.write_bytes(export(bundled(source)))
        paths.append(path)
    return paths


def test_libreoffice_converts_every_sheet_of_every_exported_workbook_to_csv(tmp_path):
    """Every bundled document's workbook opens in LibreOffice without repair, and each sheet's CSV holds the same
    headers and ids as the export."""
    paths = _exported(tmp_path / "xlsx")
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    _soffice(tmp_path / "profile", "--convert-to", every_sheet, "--outdir", str(tmp_path / "csv"), *map(str, paths))
    for path in paths:
        kind = "plan" if path.stem in {p.stem for p in BUNDLED if p.parent.name == "plans"} else "report"
        for sheet in layout(kind).sheets:
            written = tmp_path / "csv" / f"{path.stem}-{sheet.name}.csv"
            assert written.is_file(), written
            header = written.read_text(encoding="utf-8").splitlines()[0]
            assert header.split(",")[: len(sheet.keys)] == list(sheet.keys)
    programs = (tmp_path / "csv" / "uozu-事業.csv").read_text(encoding="utf-8")
    assert all(program["id"] in programs for program in bundled(ROOT / "plans/uozu.yaml")["事業"])


def test_a_workbook_saved_by_libreoffice_still_imports(tmp_path):
    """xlsx → LibreOffice (.ods) → xlsx saved by LibreOffice: every bundled document still imports, equal."""
    paths = _exported(tmp_path / "xlsx")
    profile = tmp_path / "profile"
    _soffice(profile, "--convert-to", "ods", "--outdir", str(tmp_path / "ods"), *map(str, paths))
    odses = [tmp_path / "ods" / f"{path.stem}.ods" for path in paths]
    _soffice(
        profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "back"), *map(str, odses)
    )
    for source, path in zip(BUNDLED, paths, strict=True):
        saved = tmp_path / "back" / path.name
        assert reimport(saved.read_bytes()) == model_of(bundled(source)), source.name


PLANNER_FILL = (
    ("基本情報", 0, "出典/文書", "見本市重層的支援体制整備事業実施計画"),
    ("基本情報", 0, "自治体/名称", "見本市"),
    ("基本情報", 0, "自治体/都道府県", "見本県"),
    ("基本情報", 0, "計画名", "見本市重層的支援体制整備事業実施計画"),
    ("基本情報", 0, "計画期間", "R7～R9"),
    ("基本情報", 0, "実施形態", "本格実施"),
    ("事業", 2, "事業№", "1"),
    ("事業", 2, "id", "P1"),
    ("事業", 2, "名称", "地域包括支援センターの運営"),
    ("事業", 2, "号", "第1号イ"),
    ("事業", 2, "分野", "高令"),
    ("事業", 2, "所管課", "福祉課"),
    ("事業", 3, "事業№", "2"),
    ("事業", 3, "id", "P2"),
    ("事業", 3, "名称", "生活困窮者自立相談支援事業"),
    ("事業", 3, "号", "第1号ホ"),
    ("事業", 3, "分野", "生活困窮"),
    ("事業", 3, "所管課", "生活支援課"),
    ("実施方式", 2, "事業№", "1"),
    ("実施方式", 2, "方式", "委託"),
    ("改訂", 2, "内容", "見直し"),
)
"""A planner's small plan, by sheet, row and column header: drop-down values (本格実施, 第1号イ, 生活困窮, 委託), a
typo where the drop-down offers 高齢 (高令), and (below) a date typed where a year is expected and 所管課 merged
across two programs' rows."""


def address(sheet: str, row: int, header: str) -> str:
    """The cell of ``header`` in ``row`` of ``sheet`` (row 0 in 基本情報: the header's own row), from the layout."""
    plan = layout("plan")
    if sheet == "基本情報":
        return f"B{[column.header for column in plan.root].index(header) + 2}"
    table = plan.sheet(sheet)
    assert table is not None
    return f"{get_column_letter(table.headers.index(header) + 1)}{row}"


def planner_edits() -> dict[str, list[list[str]]]:
    merged = f"{address('事業', 2, '所管課')}:{address('事業', 3, '所管課')}"
    return {
        "cells": [[sheet, address(sheet, row, header), text] for sheet, row, header, text in PLANNER_FILL],
        "dates": [["改訂", address("改訂", 2, "年度"), "2025-04-01"]],
        "merge": [["事業", merged]],
    }


def _filled_by_libreoffice(tmp_path: Path) -> bytes:
    if not SYSTEM_PYTHON.exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], check=False).returncode:
        pytest.skip("LibreOffice's Python bridge is not installed (Debian's python3-uno; scripts/dev test installs it)")
    template = tmp_path / "template.xlsx"
    assert main(["template", "-o", str(template)]) == 0
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps(planner_edits(), ensure_ascii=False), encoding="utf-8")
    filled = tmp_path / "計画.xlsx"
    command = [SYSTEM_PYTHON, ROOT / "tests/libreoffice_fill.py", template, filled, tmp_path / "profile", edits]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return filled.read_bytes()


def test_a_template_filled_in_through_libreoffice_is_checked_at_the_cells(tmp_path):
    """Drop-down values are read; the typo, the date and the merged cell are findings at their cells."""
    source = parse_workbook(_filled_by_libreoffice(tmp_path), name="計画.xlsx")
    checked = check_source(source)
    at = {(f.code, f.cell) for f in checked.findings}
    assert ("XL004", f"事業!{address('事業', 2, '所管課')}") in at
    assert ("XL003", f"改訂!{address('改訂', 2, '年度')}") in at
    typo = [f for f in checked.findings if f.cell == f"事業!{address('事業', 2, '分野')}"]
    assert typo and "高令" in typo[0].message.ja
    assert isinstance(source.data, dict)
    assert source.data["実施形態"] == "本格実施" and source.data["事業"][0]["号"] == "第1号イ"
    assert source.data["事業"][1]["分野"] == "生活困窮"
    assert source.data["事業"][0]["実施方式"] == [{"方式": "委託"}]
