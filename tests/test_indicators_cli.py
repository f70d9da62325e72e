"""``jusou indicators``: exit codes, formats, charts written deterministically, and no traceback for bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from jusou_spec.cli import main

from .cli_cases import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "indicators"


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_json_lists_each_indicator_year_with_rate_and_status(capsys, in_root):
    """JSON: Imizu's 相談受付件数 R6 is 29 against 10, 290.0%, achieved, marked 〇 as given."""
    code, out, _ = _run(["indicators", "--format", "json", "plans/imizu.yaml", "reports/imizu-r6.yaml"], capsys)
    document = json.loads(out)
    assert code == 0 and document["findings"] == []
    [group] = document["groups"]
    assert group["plan"] == "plans/imizu.yaml" and group["reports"] == ["reports/imizu-r6.yaml"]
    series = next(s for s in group["indicators"] if s["name"] == "多機関協働事業における相談受付件数")
    [year] = series["years"]
    assert (year["year"], year["actual"], year["target"]["value"], year["rate"], year["status"], year["mark"]) == (
        "R6",
        29,
        10,
        290.0,
        "achieved",
        "〇",
    )
    assert series["direction_stated"] is False and year["expected_mark"] is None


def test_a_report_given_alone_brings_in_the_plan_it_names(capsys, in_root):
    """Naming only the report groups it under its plan (read from the path the report gives)."""
    code, out, _ = _run(["indicators", "--format", "json", "reports/imizu-r6.yaml"], capsys)
    [group] = json.loads(out)["groups"]
    assert code == 0 and group["plan"] == "plans/imizu.yaml"
    assert any(s["name"] == "支援プランの作成件数" for s in group["indicators"])


def test_not_stated_actuals_are_null_with_their_reason_in_json(capsys, in_root):
    """The unnamed city's R3 participation figure is null with the seed's reason, never 0."""
    _, out, _ = _run(["indicators", "--format", "json", "examples/actuals-r3-r5.yaml"], capsys)
    [group] = json.loads(out)["groups"]
    assert group["municipality"] is None and group["plan"] is None
    assert group["municipality_not_stated"].startswith("資料に市区町村名の記載がない")
    series = next(s for s in group["indicators"] if s["id"] == "参加支援件数")
    r3 = series["years"][0]
    assert (r3["year"], r3["actual"], r3["status"]) == ("R3", None, "not_stated")
    assert r3["actual_not_stated"].startswith("令和4年度からの取組につき実績集計はなし")


def test_csv_has_a_row_per_year_and_per_breakdown_item(capsys, in_root):
    """CSV: one row per indicator and year, then one per breakdown item with its path (校区=北部)."""
    code, out, _ = _run(["indicators", "--format", "csv", "--lang", "en", "examples/actuals-r3-r5.yaml"], capsys)
    assert out.startswith("\ufeff"), "UTF-8 with a byte-order mark, so that Excel opens it by double-click"
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert code == 0
    year_rows = [r for r in rows if r["indicator"] == "アウトリーチ相談件数" and not r["breakdown"]]
    assert [(r["year"], r["actual"]) for r in year_rows] == [("R3", "2662"), ("R4", "3631"), ("R5", "2678")]
    cell = next(r for r in rows if r["year"] == "R5" and r["breakdown"] == "相談区分=初期相談/校区=北部")
    assert cell["actual"] == "57"


def test_a_sum_that_does_not_add_up_exits_1_with_the_finding(capsys, tmp_path):
    """A changed figure: the table is still printed, the IN003 error follows it, and the exit code is 1."""
    text = (ROOT / "examples/actuals-r3-r5.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace("- {名称: 新規, 値: 539}", "- {名称: 新規, 値: 593}"), encoding="utf-8")
    code, out, _ = _run(["indicators", "--lang", "en", str(changed)], capsys)
    assert code == 1
    assert "■ まるごと相談件数" in out
    assert "error IN003 the parts of '状況区分' add up to 1,213 (593 + 482 + 138), not to the value 1,159" in out


def test_as_of_turns_a_year_without_an_actual_into_a_warning(capsys, in_root):
    """--as-of beyond the reports: R7 of a period target is 'no actual reported'; within a report it is IN006."""
    _, out, _ = _run(["indicators", "--format", "json", "--as-of", "R7", str(FIXTURES)], capsys)
    [group] = json.loads(out)["groups"]
    series = next(s for s in group["indicators"] if s["id"] == "参加人数")
    assert [(y["year"], y["status"]) for y in series["years"]][-1] == ("R7", "missing")
    assert series["to_date"]["status"] == "missing"


@pytest.mark.parametrize("value", ["R", "令和六年度", "R5～R6"])
def test_a_bad_as_of_is_a_one_line_usage_error(capsys, in_root, value):
    """--as-of that is not one fiscal year: exit 2, one line on stderr saying what a year looks like."""
    code, out, err = _run(["indicators", "--as-of", value, "examples"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "--as-of" in err


def test_a_folder_without_documents_says_so(capsys, tmp_path):
    """A folder with no plan or report: one line saying so, exit 0, and an empty JSON list of groups."""
    assert _run(["indicators", str(tmp_path)], capsys)[:2] == (0, "計画・報告書がありません\n")
    _, out, _ = _run(["indicators", "--format", "json", str(tmp_path)], capsys)
    assert json.loads(out) == {"groups": [], "findings": []}


def test_a_missing_path_is_a_one_line_usage_error(capsys, tmp_path):
    """A path that does not exist: exit 2, in the chosen language."""
    code, _, err = _run(["indicators", "--lang", "en", str(tmp_path / "none.yaml")], capsys)
    assert code == 2 and "no such file" in err


def test_broken_yaml_is_a_located_finding_not_a_traceback(tmp_path):
    """A report with a tab: exit 1, a located SR002 finding, no traceback (run as the installed command)."""
    path = tmp_path / "bad.yaml"
    path.write_text("jusou: report/1\n自治体:\n\t名称: x\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jusou_spec", "indicators", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert f"{path}:3:1: error SR002" in result.stdout


def test_charts_are_one_svg_per_indicator_and_byte_identical_across_runs(capsys, tmp_path, in_root):
    """--chart writes one SVG per indicator, named after document and id, the same bytes each time."""
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        assert _run(["indicators", "--chart", str(folder), str(FIXTURES)], capsys)[0] == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(f"plan-{i}.svg" for i in ("参加人数", "協力企業数", "未対応件数", "登録割合", "新規課題数"))
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
    svg = (first / "plan-参加人数.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "活動参加の場への利用につながった人数" in svg
    assert "目標 12人以上（R5～R7）" in svg and ">実績<" in svg and "未報告" not in svg


def test_a_not_stated_actual_is_drawn_as_not_stated_never_as_zero(capsys, tmp_path, in_root):
    """The R3 participation chart labels the year 未記載 and draws no bar of 0 for it."""
    _run(["indicators", "--chart", str(tmp_path), "examples/actuals-r3-r5.yaml"], capsys)
    svg = (tmp_path / "actuals-r3-r5-参加支援件数.svg").read_text(encoding="utf-8")
    assert ">未記載<" in svg and ">0件<" not in svg and ">97件<" in svg and ">37件<" in svg


def test_the_chart_in_the_docs_is_the_one_the_tool_draws(tmp_path, capsys, in_root):
    """docs/img/indicator-chart.svg is the bundled example's chart as drawn now (regenerate: scripts/regenerate)."""
    _run(["indicators", "--chart", str(tmp_path), "examples/actuals-r3-r5.yaml"], capsys)
    drawn = (tmp_path / "actuals-r3-r5-参加支援件数.svg").read_bytes()
    assert (ROOT / "docs/img/indicator-chart.svg").read_bytes() == drawn


def test_the_command_imports_neither_networkx_nor_graphviz(tmp_path):
    """`jusou indicators` (charts included) runs without networkx or graphviz."""
    code = (
        "import sys; from jusou_spec import cli; "
        f"cli.main(['indicators', '--chart', {str(tmp_path)!r}, 'examples']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('networkx', 'graphviz')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]"
