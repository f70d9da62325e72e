"""Figures are parsed once, exactly (int or Decimal), within a documented range beyond which SV004 says so."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec import numeric
from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.model import Report
from jusou_spec.source import parse_source

REPORT = """\
jusou: report/1
自治体: {{名称: 見本市, 都道府県: 見本県}}
報告名: 実績
年度: R6
計画: {{未記載: 計画なし}}
指標:
  - {{id: 件数, 名称: 相談件数, 単位: 件, 目標: [{{年度: R6, 値: 10}}]}}
実績:
  - {{指標: 件数, 年度: R6, 値: {value}}}
"""

PLAN = """\
jusou: plan/1
自治体: {{名称: 見本市, 都道府県: 見本県}}
計画名: 見本市計画
計画期間: R6～R8
実施形態: 本格実施
事業:
  - id: 参加
    名称: 参加支援事業
    号: 第2号
    所管課: [地域福祉課]
    成果目標:
      - id: 件数
        名称: 参加人数
        目標: [{{年度: R6, 値: {value}}}]
"""

OUT_OF_RANGE = {
    "5,001 digits": "9" * 5001,
    "a quoted 401-digit string": '"' + "1" * 401 + '"',
    "1.0e+308": "1.0e+308",
    "10**400": str(10**400),
    "31 digits": "1" + "0" * 30,
    "16 decimals": "0.1234567890123456",
}


def _write(tmp_path, value: str, template: str = REPORT):
    path = tmp_path / ("report.yaml" if template is REPORT else "plan.yaml")
    path.write_text(template.format(value=value), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", OUT_OF_RANGE.values(), ids=OUT_OF_RANGE.keys())
@pytest.mark.parametrize("command", ["check", "indicators", "graph"])
def test_a_figure_out_of_range_is_one_sv004_on_every_command(tmp_path, capsys, command, value):
    """check and indicators (on a report), graph (on a plan) end with SV004 at the figure's line (exit 1)."""
    path = _write(tmp_path, value, PLAN if command == "graph" else REPORT)
    code = main([command, str(path), *(["--format", "dot", "--view", "flow"] if command == "graph" else [])])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text and "Error:" not in text
    assert code == 1
    line = 14 if command == "graph" else 9
    assert f":{line}:" in text and "error SV004 「値」の" in text and "扱える数の範囲を超えています" in text
    assert len(text) < 2000  # the value is shortened, not printed whole


@pytest.mark.parametrize("value", OUT_OF_RANGE.values(), ids=OUT_OF_RANGE.keys())
def test_the_library_refuses_a_figure_out_of_range_with_its_finding(tmp_path, value):
    """jusou_spec.load raises DocumentError carrying the SV004; jusou_spec.check returns it."""
    path = _write(tmp_path, value)
    with pytest.raises(jusou_spec.DocumentError) as raised:
        jusou_spec.load(path)
    assert [f.code for f in raised.value.findings] == ["SV004"]
    assert [f.code for f in jusou_spec.check(path) if f.code.startswith("SV")] == ["SV004"]


def test_a_quoted_twenty_digit_figure_stays_exact(tmp_path, capsys):
    """値: "12345678901234567890" is that integer in the model and in jusou indicators, not 12345678901234567168."""
    path = _write(tmp_path, '"12345678901234567890"')
    report = jusou_spec.load(path)
    assert isinstance(report, Report)
    assert report.actuals[0].value == 12345678901234567890
    assert main(["indicators", str(path)]) == 0
    assert "12,345,678,901,234,567,890件" in capsys.readouterr().out


def test_decimals_are_read_as_written(tmp_path):
    """A YAML float numeral is a Decimal with the digits written (10.20 keeps its two places)."""
    path = _write(tmp_path, "10.20")
    report = jusou_spec.load(path)
    assert isinstance(report, Report)
    value = report.actuals[0].value
    assert isinstance(value, Decimal) and str(value) == "10.20"


def test_a_marker_with_thousands_of_digits_is_sr007_without_pythons_limit(tmp_path, capsys):
    """jusou: plan/ + 5,000 digits is an unsupported version in plain words, not int()'s digit limit."""
    path = tmp_path / "plan.yaml"
    path.write_text("jusou: plan/" + "9" * 5000 + "\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "SR007" in out and "はこのツールでは読めません" in out
    assert "set_int_max_str_digits" not in out and "ValueError" not in out and len(out) < 1000


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20), max_value=10**20))
def test_a_decimal_written_out_reads_back_exactly(value):
    """Any decimal within the range, written as text, is parsed back to the same value."""
    text = f"{value:f}"
    parsed = numeric.parse(text)
    assert parsed == value
    assert isinstance(parsed, int) == ("." not in text)


@given(st.integers(min_value=-(10**29), max_value=10**29))
def test_an_integer_with_separators_reads_back_exactly(value):
    """Integers within the range, with thousands separators, are parsed back exactly as int."""
    assert numeric.parse(f"{value:,}") == value


@given(
    st.one_of(
        st.integers(min_value=-(10**29), max_value=10**29),
        st.decimals(places=6, min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False),
    ),
    st.booleans(),
)
def test_an_exact_figure_round_trips_through_yaml_the_model_and_back(value, quoted):
    """Written plain or quoted in YAML, a figure is the same int or Decimal in the model, and the model's document
    form, written out again, reads back equal."""
    text = f"{value:f}" if isinstance(value, Decimal) else str(value)
    written = f'"{text}"' if quoted else text
    checked = check_source(parse_source(REPORT.format(value=written), name="report.yaml"))
    report = checked.document
    assert isinstance(report, Report), checked.findings
    parsed = report.actuals[0].value
    assert parsed == value and type(parsed) is (Decimal if "." in text else int)
    again = report.to_document()["実績"][0]["値"]
    assert numeric.parse(str(again) if isinstance(again, int) else f"{again:f}") == parsed


def test_the_largest_figures_in_range_compute_exactly(tmp_path, capsys):
    """An actual of 29 digits against a target of 10: the rate (of 31 digits) is computed and shown, never the
    decimal module's 28-digit context error; the change from a decimal year stays exact."""
    big = "9" * 29
    text = REPORT.format(value=big).replace("年度: R6\n計画", "年度: R5～R6\n計画")
    text += "  - {指標: 件数, 年度: R5, 値: 0.0001}\n"
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["indicators", "--format", "json", str(path)]) == 0
    out = capsys.readouterr().out
    assert '"rate": 1e+30' in out and "99999999999999999999999999999" in out
    report = jusou_spec.load(path)
    [series] = jusou_spec.indicators(reports=[report])
    assert series.years[1].change == Fraction(int(big)) - Fraction(1, 10000)
