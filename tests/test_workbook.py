"""Workbooks: template, export, import and check of .xlsx files, findings at the sheet and cell, safe reading."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jusou_spec import schema
from jusou_spec.checker import check_source, discover
from jusou_spec.cli import main
from jusou_spec.workbook.cells import decode
from jusou_spec.workbook.layout import ROOT_SHEET, layout
from jusou_spec.workbook.read import parse_workbook

from .report_strategies import reports
from .strategies import plans
from .workbooks import BUNDLED, ROOT, SAMPLES, bundled, export, model_of, reimport, replace_part


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", [*BUNDLED, *SAMPLES], ids=lambda p: p.name)
def test_every_bundled_document_round_trips_through_a_workbook(path):
    """YAML → xlsx → YAML gives a model equal to the original's, for every bundled plan and report and for the
    見本市 fixtures that use every structure of the format."""
    data = bundled(path)
    assert reimport(export(data)) == model_of(data)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_cli_round_trip_writes_yaml_that_loads_to_the_same_document(path, tmp_path, capsys, monkeypatch):
    """jusou export then jusou import: the YAML written loads to an equal model, and exporting it again gives the
    same bytes (xlsx → YAML → xlsx keeps every value)."""
    monkeypatch.chdir(ROOT)
    first, again, written = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "back.yaml"
    assert _run(["export", str(path.relative_to(ROOT)), "-o", str(first)], capsys)[0] == 0
    code, _, err = _run(["import", str(first), "-o", str(written)], capsys)
    assert code in (0, 1)
    assert all(" error RF900 " in line for line in err.splitlines() if " error " in line), err
    imported = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert schema.validate(imported["jusou"].split("/")[0], imported) == []
    assert model_of(imported) == model_of(bundled(path))
    assert _run(["export", str(written), "-o", str(again)], capsys)[0] == 0
    assert first.read_bytes() == again.read_bytes()


def _with_line_breaks(data: object, draw: st.DrawFn) -> object:
    """The document with line breaks inside some prose paragraphs (注記, 内容, 概要 …)."""
    prose_keys = {"注記", "内容", "概要", "説明", "目的", "役割"}
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key in prose_keys and isinstance(value, str) and draw(st.booleans()):
                value = f"{value}\n二行目の{value}"
            out[key] = _with_line_breaks(value, draw)
        return out
    if isinstance(data, list):
        return [_with_line_breaks(item, draw) for item in data]
    return data


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, object]:
    document = draw(st.one_of(plans(), reports()))
    changed = _with_line_breaks(document, draw)
    assert isinstance(changed, dict)
    return changed


@settings(max_examples=max(5, settings().max_examples // 4))
@given(_documents())
def test_generated_documents_round_trip_through_a_workbook(document):
    """Property: any schema-valid plan or report (未記載 values, nested breakdowns, text with line breaks) comes back
    from its workbook as an equal model."""
    assert schema.validate(str(document["jusou"]).split("/")[0], document) == []
    assert reimport(export(document)) == model_of(document)


def test_a_not_stated_reason_comes_back_without_its_surrounding_spaces():
    """A reason with spaces around it (found by the property above) is the same reason in the model, so the
    workbook's 「未記載: 理由」 gives it back; a planner's 「未記載：理由」 or 「未記載:  理由」 reads as the reason."""
    document = {
        "jusou": "plan/1",
        "自治体": {"名称": "見本市", "都道府県": "見本県"},
        "計画名": "計画",
        "計画期間": "R6～R8",
        "事業": [{"id": "a", "名称": "参加支援事業", "号": "第2号", "所管課": {"未記載": " 先頭に空白"}}],
    }
    assert reimport(export(document)) == model_of(document)
    column = next(c for sheet in layout("plan").sheets for c in sheet.columns if c.not_stated)
    for typed in ("未記載：理由", "未記載:  理由", "未記載 : 理由"):
        assert decode(column, typed).value == {"未記載": "理由"}


# ---------------------------------------------------------------- the files themselves


def test_an_empty_text_survives_the_workbook():
    """A suppression at the whole document (位置 "") is the cell "" and reads back as "", not as a missing 位置."""
    data = bundled(ROOT / "plans/uozu.yaml")
    data["抑制"] = [{"規則": "NS001", "位置": "", "理由": "見本", "すべて": True}]
    raw = export(data)
    sheet = openpyxl.load_workbook(io.BytesIO(raw))["抑制"]
    assert '""' in [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert reimport(raw) == model_of(data)


def test_the_same_plan_gives_byte_identical_workbooks():
    """Deterministic output: no timestamp of the run in the file."""
    data = bundled(ROOT / "plans/uozu.yaml")
    raw = export(data)
    assert raw == export(data)
    core = zipfile.ZipFile(io.BytesIO(raw)).read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_the_template_has_a_sheet_per_table_with_drop_downs_and_comments(tmp_path, capsys):
    """jusou template: 基本情報 with the jusou cell, the tables, 記入例 and 使い方; 号 and 実施方式 as drop-downs,
    each header commented with its key's description, the header row frozen."""
    output = tmp_path / "計画.xlsx"
    assert _run(["template", "-o", str(output)], capsys)[0] == 0
    book = openpyxl.load_workbook(output)
    for name in (
        "使い方",
        ROOT_SHEET,
        "事業",
        "実施方式",
        "成果目標",
        "スケジュール",
        "会議",
        "会議の流れ",
        "関連計画",
    ):
        assert name in book.sheetnames
    assert "記入例" in book.sheetnames and "抑制" in book.sheetnames
    basics = book[ROOT_SHEET]
    assert [basics.cell(row=2, column=c).value for c in (1, 2)] == ["jusou", "plan/1"]
    programs = book["事業"]
    headers = [cell.value for cell in programs[1]]
    clause = headers.index("号") + 1
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in programs.data_validations.dataValidation}
    letter = openpyxl.utils.get_column_letter(clause)
    assert "第1号イ" in lists[f"{letter}2"] and "第6号" in lists[f"{letter}2"]
    assert programs.freeze_panes == "B2"
    assert programs.cell(row=1, column=clause).comment is not None
    delivery = book["実施方式"]
    method = [cell.value for cell in delivery[1]].index("方式") + 1
    method_lists = {str(v.sqref).split(":")[0]: v.formula1 for v in delivery.data_validations.dataValidation}
    assert method_lists[f"{openpyxl.utils.get_column_letter(method)}2"] == '"直営,委託,補助金,その他"'
    assert _run(["template", "--kind", "report", "-o", str(tmp_path / "報告.xlsx")], capsys)[0] == 0
    report = openpyxl.load_workbook(tmp_path / "報告.xlsx")
    assert report[ROOT_SHEET].cell(row=2, column=2).value == "report/1" and "実績" in report.sheetnames


def test_a_key_added_to_the_schema_is_a_column(monkeypatch):
    """The layout is read from the schema: a new key in 事業 becomes a column of the 事業 sheet."""
    from jusou_spec.workbook import layout as module

    original = module.load_schema("plan")
    changed = json.loads(json.dumps(original))
    changed["$defs"]["事業"]["properties"]["予算"] = {"type": "string", "title": "予算", "description": "事業費"}
    module.layout.cache_clear()
    monkeypatch.setattr(module, "load_schema", lambda kind: changed)
    try:
        assert "予算" in module.layout("plan").sheet("事業").headers
    finally:
        module.layout.cache_clear()


def test_csv_export_writes_one_utf8_file_with_bom_per_sheet(tmp_path, capsys, monkeypatch):
    """--format csv: a folder of CSV files, each starting with the byte-order mark Excel needs."""
    monkeypatch.chdir(ROOT)
    folder = tmp_path / "csv"
    assert _run(["export", "plans/uozu.yaml", "-o", str(folder), "--format", "csv"], capsys)[0] == 0
    programs = (folder / "事業.csv").read_bytes()
    assert programs.startswith(b"\xef\xbb\xbf" + "事業№,id,名称".encode())
    assert (folder / f"{ROOT_SHEET}.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "jusou,plan/1"


def test_export_chooses_the_format_by_the_output(tmp_path, capsys, monkeypatch):
    """An output the command cannot name a format for is a usage error (exit 2), in one line."""
    monkeypatch.chdir(ROOT)
    code, _, err = _run(["export", "plans/uozu.yaml", "-o", str(tmp_path / "x.pdf")], capsys)
    assert code == 2 and "形式" in err and err.count("\n") == 1


# ---------------------------------------------------------------- checking a workbook


def _filled(tmp_path: Path) -> Path:
    """Uozu's plan exported, then edited as a planner might: a typo in a clause, 号 removed from a program."""
    raw = export(bundled(ROOT / "plans/uozu.yaml"))
    path = tmp_path / "計画.xlsx"
    path.write_bytes(raw)
    book = openpyxl.load_workbook(path)
    programs = book["事業"]
    headers = [cell.value for cell in programs[1]]
    programs.cell(row=2, column=headers.index("号") + 1, value="第1号ホ")
    return _save(book, path)


def test_findings_in_a_workbook_name_the_sheet_and_cell(tmp_path, capsys):
    """Text: 計画.xlsx:事業!D2: …; JSON keeps line/column as the cell's row/column and adds cell; SARIF puts the cell
    in the result's properties; JUnit names the cell."""
    path = _filled(tmp_path)
    code, out, _ = _run(["check", str(path)], capsys)
    assert code == 1
    assert f"{path}:事業!D2: error" in out
    code, out, _ = _run(["check", "--format", "json", str(path)], capsys)
    record = next(r for r in json.loads(out) if r.get("cell") == "事業!D2")
    assert (record["line"], record["column"], record["path"]) == (2, 4, "/事業/0/号")
    sarif = json.loads(_run(["check", "--format", "sarif", str(path)], capsys)[1])
    result = next(r for r in sarif["runs"][0]["results"] if r.get("properties", {}).get("cell") == "事業!D2")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 4}
    junit = _run(["check", "--format", "junit", str(path)], capsys)[1]
    assert "事業!D2" in junit


def test_a_workbook_without_the_jusou_cell_is_an_error_when_named_and_skipped_in_a_folder(tmp_path, capsys):
    """Like YAML: a workbook named explicitly without its jusou cell is an error; a folder walk skips it, and
    includes the workbooks that carry it."""
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active["A1"] = "ただの表"
    plain = _save(book, tmp_path / "ただの表.xlsx")
    (tmp_path / "計画.xlsx").write_bytes(export(bundled(ROOT / "plans/uozu.yaml")))
    code, out, _ = _run(["check", str(plain)], capsys)
    assert code == 1 and "XL007" in out and ROOT_SHEET in out
    files, skipped = discover([tmp_path])
    assert [f.name for f in files] == ["計画.xlsx"] and skipped == 1


def _cell_problem(tmp_path: Path, edit) -> list:
    raw = export(bundled(ROOT / "plans/ashiya.yaml"))
    path = tmp_path / "計画.xlsx"
    path.write_bytes(raw)
    book = openpyxl.load_workbook(path)
    edit(book)
    _save(book, path)
    return list(check_source(parse_workbook(path.read_bytes(), name="計画.xlsx"), rules=()).findings)


def _column(sheet, header: str) -> int:
    return [cell.value for cell in sheet[1]].index(header) + 1


def test_a_date_where_a_year_is_expected_is_its_own_finding(tmp_path):
    """A year typed as a date (Excel's autoformat) is XL003 at that cell, not a traceback or a lost value."""
    import datetime

    def edit(book):
        sheet = book["改訂"]
        sheet.cell(row=2, column=_column(sheet, "年度"), value=datetime.date(2024, 4, 1))

    found = [f for f in _cell_problem(tmp_path, edit) if f.code == "XL003"]
    assert len(found) == 1 and "日付" in found[0].message.ja and found[0].cell.endswith("2")


def test_a_merged_cell_across_records_is_its_own_finding(tmp_path):
    """Cells merged across two programs' rows: XL004 at the top-left cell."""

    def edit(book):
        sheet = book["事業"]
        column = _column(sheet, "所管課")
        letter = openpyxl.utils.get_column_letter(column)
        sheet.merge_cells(f"{letter}2:{letter}3")

    found = [f for f in _cell_problem(tmp_path, edit) if f.code == "XL004"]
    assert len(found) == 1 and found[0].severity.value == "error" and "複数の行" in found[0].message.ja


def test_a_formula_without_a_cached_value_is_its_own_finding(tmp_path):
    """openpyxl saves formulas without values: XL005 at the cell, naming the formula."""

    def edit(book):
        sheet = book["事業"]
        sheet.cell(row=2, column=_column(sheet, "区分"), value='=CONCAT("相談","支援")')

    found = [f for f in _cell_problem(tmp_path, edit) if f.code == "XL005"]
    assert len(found) == 1 and "CONCAT" in found[0].message.ja


def test_a_number_typed_with_full_width_digits_is_read_and_flagged(tmp_path):
    """'１２' typed as text where a number is expected: XL006 (a warning), and the value is kept."""

    def edit(book):
        sheet = book["目標"]
        sheet.cell(row=2, column=_column(sheet, "値"), value="１２")

    findings = _cell_problem(tmp_path, edit)
    found = [f for f in findings if f.code == "XL006"]
    assert len(found) == 1 and found[0].severity.value == "warning" and found[0].cell == "目標!E2"
    assert not [f for f in findings if f.severity.value == "error"]


def test_an_unknown_column_with_values_is_not_dropped_silently(tmp_path):
    """A column the layout does not have, with values in it: XL007 at its header."""

    def edit(book):
        sheet = book["事業"]
        sheet.cell(row=1, column=sheet.max_column + 1, value="予算額")
        sheet.cell(row=2, column=sheet.max_column, value=100)

    found = [f for f in _cell_problem(tmp_path, edit) if f.code == "XL007"]
    assert len(found) == 1 and "予算額" in found[0].message.ja


def test_a_child_row_whose_parent_is_missing_is_a_finding(tmp_path):
    """A 成果目標 row naming 事業№ 99, which does not exist: XL008 at that number."""

    def edit(book):
        sheet = book["成果目標"]
        sheet.cell(row=2, column=1, value=99)

    found = {f.cell: f for f in _cell_problem(tmp_path, edit) if f.code == "XL008"}
    assert "99" in found["成果目標!A2"].message.ja
    assert "成果目標№" in found["目標!B2"].message.ja  # its 目標 rows now point at a 成果目標 row that is gone


# ---------------------------------------------------------------- safety


def test_a_workbook_with_macros_is_refused():
    """A vbaProject.bin inside: XL002, before openpyxl reads anything."""
    raw = replace_part(export(bundled(ROOT / "plans/uozu.yaml")), "xl/vbaProject.bin", b"\0" * 10)
    [finding] = parse_workbook(raw).findings
    assert finding.code == "XL002" and "マクロ" in finding.message.ja


def test_a_workbook_with_external_links_is_refused():
    """A link to another workbook: XL002."""
    raw = replace_part(export(bundled(ROOT / "plans/uozu.yaml")), "xl/externalLinks/externalLink1.xml", b"<x/>")
    [finding] = parse_workbook(raw).findings
    assert finding.code == "XL002" and "外部リンク" in finding.message.ja


def test_an_xml_bomb_inside_the_zip_is_refused():
    """A DTD with nested entities (billion laughs) in a sheet: XL002, the entities never expanded."""
    entities = "".join(
        f'<!ENTITY e{i} "{"&e" + str(i - 1) + ";" * 1}{("&e" + str(i - 1) + ";") * 9}">' for i in range(1, 10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e0 "ha">{entities}]><x>&e9;</x>'.encode()
    raw = replace_part(export(bundled(ROOT / "plans/uozu.yaml")), "xl/worksheets/sheet3.xml", bomb)
    [finding] = parse_workbook(raw).findings
    assert finding.code == "XL002" and "DTD" in finding.message.ja


def test_a_zip_bomb_and_a_million_rows_are_refused_from_the_directory():
    """Parts whose inflated size passes the limit are refused before they are inflated."""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, 1_000_001))
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    raw = replace_part(
        export(bundled(ROOT / "plans/uozu.yaml")),
        "xl/worksheets/sheet3.xml",
        sheet + rows + b"</sheetData></worksheet>",
    )
    [finding] = parse_workbook(raw).findings
    assert finding.code == "XL002" and "大きすぎ" in finding.message.ja


def test_bytes_that_are_not_a_workbook_are_one_finding():
    """Not a zip at all (a CSV renamed .xlsx): XL001, no traceback."""
    [finding] = parse_workbook("id,名称\n".encode(), name="計画.xlsx").findings
    assert finding.code == "XL001" and finding.file == "計画.xlsx"


def test_a_million_compact_rows_under_the_size_limits_are_refused_by_count():
    """Rows without their optional attributes pass the size limits; counting them while streaming refuses them before
    openpyxl would build a million cells."""
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    rows = sheet + b"<row><c><v>1</v></c></row>" * 1_000_000 + b"</sheetData></worksheet>"
    raw = replace_part(export(bundled(ROOT / "plans/uozu.yaml")), "xl/worksheets/sheet3.xml", rows)
    [finding] = parse_workbook(raw).findings
    assert finding.code == "XL002" and "行が多すぎる" in finding.message.ja
