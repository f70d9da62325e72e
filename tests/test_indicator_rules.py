"""The indicator rules (IN001–IN010) on plan and report files, beyond the examples in their docstrings."""

from __future__ import annotations

import textwrap

import pytest

from jusou_spec.checker import check_document
from jusou_spec.cli import main

PLAN = """\
jusou: plan/1
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市重層的支援体制整備事業実施計画
計画期間: R5～R7
実施形態: 本格実施
事業:
  - id: 多機関協働
    名称: 多機関協働事業
    号: 第5号・第6号
    所管課: [地域福祉課]
    成果目標:
      - id: 相談件数
        名称: 相談受付件数
        単位: 件
        目標: [{年度: R5, 値: 10}, {年度: R6, 値: 12}]
      - id: 登録割合
        名称: 登録割合
        単位: ％
        目標: [{年度: R6, 値: 90}]
      - id: 設置数
        名称: 拠点の設置数
        単位: 箇所
        目標: [{年度: R6, 値: 3}]
"""

REPORT_HEAD = """\
jusou: report/1
自治体: {名称: 見本市, 都道府県: 見本県}
報告名: 実施状況
年度: %s
計画: {ファイル: plan.yaml}
"""


def _check(tmp_path, actuals: str, *, years: str = "R6", plan: str = PLAN, extra: str = "") -> list:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    report = tmp_path / "report.yaml"
    report.write_text(REPORT_HEAD % years + extra + "実績:\n" + textwrap.indent(actuals, "  "), encoding="utf-8")
    return [f for f in check_document(report).findings if f.code.startswith(("IN", "RF", "SV"))]


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


FULL_R6 = """\
- {指標: 相談件数, 年度: R6, 値: 14}
- {指標: 登録割合, 年度: R6, 値: 82}
- {指標: 設置数, 年度: R6, 値: 3}
"""


def test_a_complete_consistent_report_has_no_indicator_finding(tmp_path):
    """Every indicator with an R6 target reported, units and sums right: nothing to say."""
    assert _check(tmp_path, FULL_R6) == []


def test_spellings_of_one_unit_are_not_a_mismatch_but_other_units_are(tmp_path):
    """% for ％ and か所 for 箇所 pass; 人 for 件 is IN008 at the actual's 単位, naming both units."""
    actuals = FULL_R6.replace("値: 82}", '値: 82, 単位: "%"}').replace("値: 3}", "値: 3, 単位: か所}")
    assert _check(tmp_path, actuals) == []
    found = _check(tmp_path, FULL_R6.replace("値: 14}", "値: 14, 単位: 人}"))
    assert _codes(found) == ["IN008"] and found[0].pointer == "/実績/0/単位"
    assert "「人」" in found[0].text("ja") and "「件」" in found[0].text("ja")


def test_a_missing_actual_is_reported_per_year_the_report_covers_up_to_as_of(tmp_path, capsys):
    """A report on R5～R6 without R6's 設置数: IN006 in jusou check; not with jusou indicators --as-of R5."""
    actuals = "- {指標: 相談件数, 年度: R5, 値: 9}\n" + FULL_R6.replace("- {指標: 設置数, 年度: R6, 値: 3}\n", "")
    found = _check(tmp_path, actuals, years="R5～R6")
    assert _codes(found) == ["IN006"]
    assert "R6" in found[0].text("ja") and "拠点の設置数" in found[0].text("ja") and "未記載" in found[0].text("ja")
    assert main(["indicators", "--as-of", "R5", str(tmp_path / "report.yaml")]) == 0
    assert "IN006" not in capsys.readouterr().out
    assert main(["indicators", "--as-of", "R6", str(tmp_path / "report.yaml")]) == 0
    assert "IN006" in capsys.readouterr().out


def test_a_not_stated_actual_is_a_reason_not_a_missing_actual(tmp_path):
    """{未記載: 理由} for R6 satisfies IN006 and is not checked as a percentage or a unit."""
    actuals = FULL_R6.replace("値: 82}", "値: {未記載: 集計していない}}")
    assert _check(tmp_path, actuals) == []


def test_an_actual_outside_the_plan_period_or_the_report_years_is_a_warning(tmp_path):
    """R4 is before the plan period R5～R7; R7 is inside it but outside a report on R6."""
    found = _check(tmp_path, FULL_R6 + "- {指標: 相談件数, 年度: R4, 値: 3}\n- {指標: 相談件数, 年度: R7, 値: 3}\n")
    assert _codes(found) == ["IN005", "IN005"]
    assert "計画期間（R5～R7）" in found[0].text("ja") and "対象年度（R6）" in found[1].text("ja")


def test_percentages_outside_0_to_100_in_actuals_and_breakdowns(tmp_path):
    """An actual of 820 ％ and a breakdown part of 120 ％ are IN009 errors; percentages are never summed."""
    actuals = (
        FULL_R6.replace(
            "値: 82}",
            "値: 82, 内訳: [{名称: 校区, 項目: [{名称: 北部, 値: 120}, {名称: 南部, 値: 60}]}]}",
        )
        + "- {指標: 登録割合, 年度: R5, 値: 820}\n"
    )
    found = _check(tmp_path, actuals, years="R5～R6")
    codes = _codes(found)
    assert codes.count("IN009") == 2 and "IN003" not in codes


def test_a_stated_total_is_checked_and_a_not_stated_part_stops_the_check(tmp_path):
    """合計 29 against 19 + 9 is IN003 naming 28 and 29; with one part not stated nothing is summed."""
    breakdown = "内訳: [{名称: 支援の状況, 項目: [{名称: 開始, 値: 19}, {名称: 未作成, 値: %s}], 合計: 29}]"
    wrong = FULL_R6.replace("値: 14}", "値: 14, " + breakdown % "9" + "}")
    found = _check(tmp_path, wrong)
    assert _codes(found) == ["IN003"] and "28（19 + 9）" in found[0].text("ja") and "29" in found[0].text("ja")
    assert found[0].pointer == "/実績/0/内訳/0/合計"
    unknown = FULL_R6.replace("値: 14}", "値: 14, " + breakdown % "{未記載: 不明}" + "}")
    assert _check(tmp_path, unknown) == []


def test_activity_figures_breakdowns_are_summed_too(tmp_path):
    """A 参加者数 of 54 split into parts making 53 is IN003 (活動 figures are checked like actuals)."""
    extra = textwrap.dedent("""\
        活動:
          - 名称: 交流会
            数値:
              - {名称: 参加者数, 値: 54, 単位: 名, 内訳: [{名称: 分野, 項目: [{名称: 高齢, 値: 40}, {名称: 障がい, 値: 13}]}]}
        """)
    found = _check(tmp_path, FULL_R6, extra=extra)
    assert _codes(found) == ["IN003"] and found[0].pointer == "/活動/0/数値/0/値"


def test_an_unreadable_plan_does_not_cascade_into_unknown_indicators(tmp_path):
    """When the linked plan cannot be read, RF900 says so once; the plan's ids are not reported as unknown."""
    (tmp_path / "report.yaml").write_text(
        REPORT_HEAD % "R6" + "実績:\n" + textwrap.indent(FULL_R6, "  "), encoding="utf-8"
    )
    found = [f for f in check_document(tmp_path / "report.yaml").findings if f.code.startswith(("IN", "RF"))]
    assert _codes(found) == ["RF900"]


def test_a_report_indicator_may_not_reuse_a_plan_id(tmp_path):
    """A report defining 相談件数 again is IN002 at its id."""
    extra = "指標:\n  - {id: 相談件数, 名称: 相談件数（報告書）, 単位: 件}\n"
    found = _check(tmp_path, FULL_R6, extra=extra)
    assert _codes(found) == ["IN002"] and found[0].pointer == "/指標/0/id"


def test_a_planned_value_that_differs_from_the_plan_target(tmp_path):
    """計画値 10 against the plan's R6 target of 12 is IN010 naming both."""
    found = _check(tmp_path, FULL_R6.replace("値: 14}", "値: 14, 計画値: 10}"))
    assert _codes(found) == ["IN010"] and "10" in found[0].text("en") and "12" in found[0].text("en")


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [("増加", "3", ["IN007"]), ("増加", "8", []), ("減少", "8", ["IN007"]), ("減少", "3", [])],
)
def test_a_target_on_the_wrong_side_of_the_baseline(tmp_path, direction, target, expected):
    """Baseline 5: a higher-is-better target of 3 and a lower-is-better target of 8 are IN007 (plan rule)."""
    plan = PLAN.replace(
        "        目標: [{年度: R6, 値: 3}]\n",
        f"        方向: {direction}\n        基準値: {{年度: R4, 値: 5}}\n        目標: [{{年度: R6, 値: {target}}}]\n",
    )
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    assert [f.code for f in check_document(path).findings if f.code.startswith("IN")] == expected


def test_a_mark_the_declared_rule_does_not_define(tmp_path):
    """◎ under a rule of 〇/△/× is IN004; without a declared rule any mark passes."""
    rule = "評価基準:\n  記号:\n    - {記号: 〇, 意味: 達成, 達成率以上: 100}\n    - {記号: △, 意味: 未達成, 達成率未満: 100}\n"
    marked = FULL_R6.replace("値: 14}", "値: 14, 評価: ◎}")
    assert _codes(_check(tmp_path, marked, extra=rule)) == ["IN004"]
    assert _check(tmp_path, marked) == []
