"""Achievement rates, statuses and trends as docs/indicators.md defines them, through ``jusou_spec.indicators``."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import Comparison, Direction, NotStated, Report
from jusou_spec.progress import Scope, Status, Trend
from jusou_spec.progress.rates import Goal, meets, rate, rounded

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "indicators"
R5, R6, R7 = FiscalYear(2023), FiscalYear(2024), FiscalYear(2025)


def _report(indicators, actuals, *, years="R5～R6", name="report.yaml"):
    data = {
        "jusou": "report/1",
        "自治体": {"名称": "見本市", "都道府県": "見本県"},
        "報告名": "実施状況",
        "年度": years,
        "計画": {"未記載": "計画なし"},
        "指標": indicators,
        "実績": actuals,
    }
    report, findings = Report.from_document(data, name=name)
    assert findings == []
    return report


def _one(indicator, actuals, **options):
    [series] = jusou_spec.indicators(reports=[_report([indicator], actuals)], **options)
    return series


def _row(series, year):
    return next(row for row in series.years if row.year == year)


@pytest.fixture(scope="module")
def bundled_fixture():
    plan = jusou_spec.load(FIXTURES / "plan.yaml")
    reports = [jusou_spec.load(FIXTURES / "report-r5.yaml"), jusou_spec.load(FIXTURES / "report-r6.yaml")]
    return {series.id: series for series in jusou_spec.indicators(plan, reports=reports)}


def test_higher_is_better_rate_is_actual_over_target(bundled_fixture):
    """An 以上 target met: 6 企業・団体 against 5 is 120.0% and achieved."""
    row = _row(bundled_fixture["協力企業数"], R6)
    assert (row.actual, row.goal.value, row.goal.comparison, row.rate, row.status) == (
        6,
        5,
        Comparison.AT_LEAST,
        120.0,
        Status.ACHIEVED,
    )


def test_lower_is_better_rate_is_target_over_actual(bundled_fixture):
    """減少: 8 against a target of 10 is 125.0% (achieved); 10 against 8 is 80.0% (not achieved)."""
    series = bundled_fixture["未対応件数"]
    assert (_row(series, R5).rate, _row(series, R5).status) == (125.0, Status.ACHIEVED)
    assert (_row(series, R6).rate, _row(series, R6).status) == (80.0, Status.NOT_ACHIEVED)
    assert series.trend is Trend.INCREASE and series.improving is False


def test_range_target_is_100_inside_and_scaled_outside():
    """範囲 80～100: 82 is 100%; 60 is 75% of the lower bound; no 上限 cannot be judged."""
    goal = Goal(value=80, upper=100, scope=Scope.YEAR)
    assert rate(goal, 82, Direction.RANGE) == 100 and meets(goal, 82, Direction.RANGE)
    assert rate(goal, 60, Direction.RANGE) == 75 and not meets(goal, 60, Direction.RANGE)
    assert rounded(rate(goal, 120, Direction.RANGE)) == 83.3
    open_range = Goal(value=80, scope=Scope.YEAR)
    assert rate(open_range, 82, Direction.RANGE) is None and meets(open_range, 82, Direction.RANGE) is None


def test_a_target_of_zero_has_no_rate_but_is_judged():
    """A target of 0 件以上 gives no rate (division by zero is not a percentage), yet 3 meets it."""
    series = _one(
        {"id": "x", "名称": "x", "単位": "件", "目標": [{"年度": "R6", "値": 0, "比較": "以上"}]},
        [{"指標": "x", "年度": "R6", "値": 3}],
    )
    row = _row(series, R6)
    assert row.rate is None and row.status is Status.ACHIEVED


def test_at_least_and_above_differ_at_the_boundary():
    """「10以上」 is met by 10, 「10超」 is not; both rates are 100.0%."""
    at_least = Goal(value=10, comparison=Comparison.AT_LEAST, scope=Scope.YEAR)
    above = Goal(value=10, comparison=Comparison.ABOVE, scope=Scope.YEAR)
    assert meets(at_least, 10, Direction.HIGHER) and not meets(above, 10, Direction.HIGHER)
    assert rate(at_least, 10, Direction.HIGHER) == rate(above, 10, Direction.HIGHER) == 100


def test_an_actual_the_source_says_does_not_exist_stays_absent(bundled_fixture):
    """{未記載: 理由} is kept with its reason: no rate, status 未記載, never the figure 0."""
    row = _row(bundled_fixture["新規課題数"], R6)
    assert isinstance(row.actual, NotStated) and row.actual.reason == "会議の記録を集計していない"
    assert row.rate is None and row.status is Status.NOT_STATED and row.actual != 0


def test_period_target_is_in_progress_until_its_last_year(bundled_fixture):
    """A 12人以上 target for R5～R7: 6 and 9 are 途中 (50.0%, 75.0%); R7 is 未到来 at R6."""
    series = bundled_fixture["参加人数"]
    assert [(str(r.year), r.rate, r.status) for r in series.years] == [
        ("R5", 50.0, Status.IN_PROGRESS),
        ("R6", 75.0, Status.IN_PROGRESS),
        ("R7", None, Status.UPCOMING),
    ]
    assert series.to_date.status is Status.IN_PROGRESS and series.to_date.latest.actual == 9


def test_period_target_not_met_in_its_last_year_is_not_achieved():
    """At the period's last year the same shortfall is 未達成."""
    series = _one(
        {"id": "x", "名称": "x", "単位": "人", "目標": [{"年度": "R5～R6", "値": 12, "比較": "以上"}]},
        [{"指標": "x", "年度": "R5", "値": 6}, {"指標": "x", "年度": "R6", "値": 9}],
    )
    assert [r.status for r in series.years] == [Status.IN_PROGRESS, Status.NOT_ACHIEVED]


def test_as_of_decides_which_years_have_ended():
    """With --as-of R7 an R7 target with no actual is 実績未報告; at R6 it is 未到来; the summary follows."""
    indicator = {"id": "x", "名称": "x", "単位": "件", "目標": [{"年度": "R6", "値": 5}, {"年度": "R7", "値": 6}]}
    actuals = [{"指標": "x", "年度": "R6", "値": 7}]
    at_r7 = _one(indicator, actuals, as_of="R7")
    assert _row(at_r7, R7).status is Status.MISSING and at_r7.to_date.status is Status.MISSING
    at_r6 = _one(indicator, actuals, as_of="R6")
    assert _row(at_r6, R7).status is Status.UPCOMING and at_r6.to_date.status is Status.ACHIEVED
    assert _one(indicator, actuals).to_date.as_of == R6  # the report's last year by default


def test_planned_value_in_the_report_is_the_years_target_when_the_indicator_has_none():
    """計画値 10 beside an actual of 29 gives 290.0% where the indicator states no target of its own."""
    series = _one({"id": "x", "名称": "x", "単位": "件"}, [{"指標": "x", "年度": "R6", "値": 29, "計画値": 10}])
    row = _row(series, R6)
    assert (row.goal.scope, row.rate, row.status) == (Scope.PLANNED, 290.0, Status.ACHIEVED)


def test_marks_are_recorded_as_given_and_never_inferred_without_a_rule():
    """Without 評価基準 a △ for 0 against 5 is kept and no expected mark is computed."""
    series = _one(
        {"id": "x", "名称": "x", "単位": "件"}, [{"指標": "x", "年度": "R6", "値": 0, "計画値": 5, "評価": "△"}]
    )
    row = _row(series, R6)
    assert (row.mark, row.expected_mark, row.rate) == ("△", None, 0.0)


def test_a_declared_marking_rule_gives_the_expected_mark(bundled_fixture):
    """Under the report's rule, 80.0% calls for △ while the report gave 〇; 120.0% calls for the given 〇."""
    series = bundled_fixture["未対応件数"]
    assert (_row(series, R6).mark, _row(series, R6).expected_mark) == ("〇", "△")
    assert (_row(bundled_fixture["協力企業数"], R6).expected_mark) == "〇"


def test_direction_not_stated_is_assumed_higher_and_says_so():
    """No 方向 and no comparison: rates are computed as higher-is-better, flagged, and no 改善/悪化 is claimed."""
    series = _one(
        {"id": "x", "名称": "x", "単位": "件", "目標": [{"年度": "R5", "値": 10}, {"年度": "R6", "値": 10}]},
        [{"指標": "x", "年度": "R5", "値": 12}, {"指標": "x", "年度": "R6", "値": 8}],
    )
    assert series.direction is Direction.HIGHER and series.direction_stated is False
    assert series.trend is Trend.DECREASE and series.improving is None


def test_the_later_report_wins_for_a_year_both_give():
    """Two reports giving R6: the figure of the report covering the later years is used, and named."""
    indicator = {"id": "x", "名称": "x", "単位": "件"}
    first = _report([indicator], [{"指標": "x", "年度": "R6", "値": 5}], years="R6", name="r6.yaml")
    later = _report([indicator], [{"指標": "x", "年度": "R6", "値": 6}], years="R6～R7", name="r6-r7.yaml")
    [series] = jusou_spec.indicators(reports=[later, first])
    assert (_row(series, R6).actual, _row(series, R6).report) == (6, "r6-r7.yaml")
    assert [str(r.year) for r in series.years] == ["R6"]


@given(
    target=st.integers(min_value=1, max_value=10_000),
    actual=st.integers(min_value=0, max_value=10_000),
    direction=st.sampled_from([Direction.HIGHER, Direction.LOWER]),
)
def test_property_met_exactly_when_the_rate_reaches_100(target, actual, direction):
    """Property: with no comparison, an actual meets its target exactly when the rate is at least 100%."""
    goal = Goal(value=target, scope=Scope.YEAR)
    computed = rate(goal, actual, direction)
    if computed is None:  # 減少 with an actual of 0: met, and no rate
        assert direction is Direction.LOWER and actual == 0 and meets(goal, actual, direction)
    else:
        assert meets(goal, actual, direction) == (computed >= 100)


@given(st.fractions(min_value=0, max_value=10**6, max_denominator=10**4))
def test_property_rates_round_half_up_to_one_decimal(value):
    """Property: a shown rate is within 0.05 of the exact one, and exact halves round up."""
    shown = rounded(value)
    assert abs(Fraction(str(shown)) - value) <= Fraction(1, 20)
    assert rounded(Fraction(1, 20)) == 0.1 and rounded(Fraction(5, 4)) == 1.3
