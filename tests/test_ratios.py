"""Ratio indicators: parts, stated rates, the recomputed rate, IN011, and `jusou indicators` showing both."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.progress.ratios import agrees, recompute

PLAN = """\
jusou: plan/1
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市計画
計画期間: R6～R8
実施形態: 本格実施
事業:
  - id: 多機関協働
    名称: 多機関協働事業
    号: 第5号
    所管課: [地域福祉課]
    成果目標:
      - id: 連携割合
        名称: 連携して支援した件数の割合
        単位: "%"
        分子: {名称: 連携して支援した件数, 単位: 件}
        分母: {名称: 支援した件数, 単位: 件}
        目標:
          - {年度: R6, 値: 45, 分子: 12, 分母: 30}
          - {年度: R7, 分子: 15, 分母: 30, 比較: 以上}
          - {年度: R8, 値: 60, 比較: 以上}
"""

REPORT = """\
jusou: report/1
自治体: {名称: 見本市, 都道府県: 見本県}
報告名: 実績
年度: R6～R7
計画: {ファイル: plan.yaml}
実績:
  - {指標: 連携割合, 年度: R6, 値: 33.3, 分子: 10, 分母: 30}
  - {指標: 連携割合, 年度: R7, 値: 34, 分子: 1, 分母: 3}
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "report.yaml").write_text(REPORT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("stated", "recomputed", "expected"),
    [
        (Decimal("33.3"), Fraction(100, 3), True),
        (33, Fraction(100, 3), True),
        (Decimal("33.33"), Fraction(100, 3), True),
        (Decimal("33.4"), Fraction(100, 3), False),
        (34, Fraction(100, 3), False),
        (Decimal("66.7"), Fraction(200, 3), True),  # half up
        (Decimal("40.0"), Fraction(40), True),
        (41, Fraction(81, 2), True),  # 40.5 rounds half up to 41
    ],
)
def test_a_stated_rate_agrees_when_it_is_the_recomputed_rate_rounded_to_its_own_decimals(stated, recomputed, expected):
    """Agreement is equality after rounding half up to the decimals the stated rate is written with."""
    assert agrees(stated, recomputed) is expected


def test_the_rate_is_recomputed_exactly_and_is_undefined_for_a_zero_denominator():
    """12/30 of a percentage is 40 exactly; a denominator of 0 has no rate."""
    assert recompute(12, 30, percent=True) == 40
    assert recompute(Decimal("1.5"), 3, percent=False) == Fraction(1, 2)
    assert recompute(1, 0, percent=True) is None


def test_check_warns_naming_both_figures(files, capsys):
    """IN011 on the plan's target (45 vs 40.0) and the report's actual (34 vs 33.3), each naming both figures."""
    code = main(["check", "--select", "IN011", str(files / "plan.yaml"), str(files / "report.yaml")])
    out = capsys.readouterr().out
    assert code == 0
    lines = [line for line in out.splitlines() if "IN011" in line]
    assert len(lines) == 2
    assert "plan.yaml:18:22: warning IN011" in lines[0] and "45%" in lines[0] and "40.0%" in lines[0]
    assert "report.yaml:8:24: warning IN011" in lines[1] and "34%" in lines[1] and "33.3%" in lines[1]
    assert "（12/30）" in lines[0] and "（1/3）" in lines[1]


def test_the_library_gives_parts_and_rate(files):
    """indicators(): a parts-only target's goal is the recomputed rate; each year carries its actual's parts."""
    plan = jusou_spec.load(files / "plan.yaml")
    report = jusou_spec.load(files / "report.yaml")
    [series] = jusou_spec.indicators(plan, reports=[report])
    goals = {str(goal.years): goal for goal in series.goals}
    assert goals["R7"].value == 50 and (goals["R7"].numerator, goals["R7"].denominator) == (15, 30)
    r6, r7, _ = series.years
    assert r6.actual == Decimal("33.3") and r6.ratio is not None and r6.ratio.recomputed == Fraction(100, 3)
    assert r7.ratio is not None and r7.ratio.disagrees


def test_indicators_shows_parts_and_rate_in_text_and_json(files, capsys):
    """The text table shows 33.3%（10/30）, the JSON has numerator and denominator beside the value."""
    assert main(["indicators", str(files / "report.yaml")]) == 0
    text = capsys.readouterr().out
    assert "33.3%（10/30）" in text and "50%以上（15/30）" in text
    assert main(["indicators", "--format", "json", str(files / "report.yaml")]) == 0
    document = json.loads(capsys.readouterr().out)
    [series] = document["groups"][0]["indicators"]
    assert series["years"][0]["numerator"] == 10 and series["years"][0]["denominator"] == 30
    assert series["years"][0]["actual"] == 33.3


def test_an_actual_with_only_its_parts_is_measured_by_the_rate_they_give(files, capsys):
    """値 may be left out where 分子 and 分母 are given: the recomputed rate is the actual (shown to one place)."""
    (files / "report.yaml").write_text(
        REPORT.replace("値: 33.3, 分子: 10, 分母: 30", "分子: 10, 分母: 30"), encoding="utf-8"
    )
    assert main(["check", str(files / "report.yaml")]) == 0
    capsys.readouterr()
    assert main(["indicators", str(files / "report.yaml")]) == 0
    assert "33.3%（10/30）  74.1%" in capsys.readouterr().out


def test_a_target_or_actual_needs_a_value_or_both_parts(files, capsys):
    """An actual with neither 値 nor 分子/分母, or with 分子 alone, is a schema error."""
    (files / "report.yaml").write_text(REPORT.replace("値: 34, 分子: 1, 分母: 3", "分子: 1"), encoding="utf-8")
    assert main(["check", str(files / "report.yaml")]) == 1
    out = capsys.readouterr().out
    assert "SV001" in out and "「分母」" in out
