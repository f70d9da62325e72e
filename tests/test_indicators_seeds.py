"""Indicators on the bundled documents, with figures written out by hand from the seed texts.

The unnamed city's R3–R5 actuals (seed 000) and Imizu's R6 plan/actual pairs and marks (seed 002). The
expectations below are copied from the seeds, not read back from the YAML they check.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.checker import check_source
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import NotStated
from jusou_spec.progress import Status
from jusou_spec.progress.sums import sum_checks
from jusou_spec.source import parse_source

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "actuals-r3-r5.yaml"
IMIZU_PLAN, IMIZU_R6 = ROOT / "plans" / "imizu.yaml", ROOT / "reports" / "imizu-r6.yaml"
SEEDS = Path(os.environ.get("JUSOU_SEEDS", ROOT.parent / "shared" / "seeds"))
R3, R4, R5, R6 = (FiscalYear(year) for year in (2021, 2022, 2023, 2024))
NOT_COUNTED = "令和4年度からの取組につき実績集計はなし (R4から重層メニューに新規追加)"

# 重層的支援体制整備事業の実績② ◆アウトリーチ等を通じた継続的支援事業: {year: {row: {column: figure}}}
OUTREACH = {
    R5: {
        "初期相談": {"北部": 57, "中部": 74, "南部": 63, "その他": 2},
        "継続相談": {"北部": 411, "中部": 1057, "南部": 995, "その他": 19},
    },
    R4: {"初期相談": {"北部": 20, "中部": 46, "南部": 44}, "継続相談": {"北部": 995, "中部": 1554, "南部": 972}},
    R3: {"初期相談": {"北部": 27, "中部": 26, "南部": 25}, "継続相談": {"北部": 1095, "中部": 742, "南部": 747}},
}
OUTREACH_TOTALS = {  # the printed 合計 column (rows), 合計 row (columns) and grand total
    R5: ({"初期相談": 196, "継続相談": 2482}, {"北部": 468, "中部": 1131, "南部": 1058, "その他": 21}, 2678),
    R4: ({"初期相談": 110, "継続相談": 3521}, {"北部": 1015, "中部": 1600, "南部": 1016}, 3631),
    R3: ({"初期相談": 78, "継続相談": 2584}, {"北部": 1122, "中部": 768, "南部": 772}, 2662),
}
# ◆参加支援事業: R3 is 「実績集計はなし」
PARTICIPATION = {
    R5: ({"初期相談": {"北部": 1, "中部": 1, "南部": 0}, "継続相談": {"北部": 12, "中部": 23, "南部": 0}}, 37),
    R4: ({"初期相談": {"北部": 3, "中部": 2, "南部": 1}, "継続相談": {"北部": 45, "中部": 36, "南部": 10}}, 97),
}
# 実績① まるごと相談窓口: 新規・継続・フォロー and 合計
CONSULTATIONS = {R5: ((539, 482, 138), 1159), R4: ((559, 256, 148), 963), R3: ((546, 72, 194), 812)}
# ◆地域づくり事業 (合計 column empty; the 4th column is その他 in R5, 市内 in R4, empty in R3)
COMMUNITY = {
    R5: {"北部": 865, "中部": 1160, "南部": 567, "その他": 79},
    R4: {"北部": 911, "中部": 1129, "南部": 811, "市内": 108},
    R3: {"北部": 799, "中部": 1206, "南部": 709},
}
# ◆仕組みづくり支援 (合計 column empty)
NEW_PLACES = {
    R5: {"北部": 4, "中部": 3, "南部": 5},
    R4: {"北部": 1, "中部": 4, "南部": 0},
    R3: {"北部": 0, "中部": 4, "南部": 3},
}


@pytest.fixture(scope="module")
def example():
    return jusou_spec.load(EXAMPLE)


def _actual(report, ident, year):
    [found] = [a for a in report.actuals if a.indicator == ident and a.year == year]
    return found


def _items(breakdown):
    return {item.name: item.value for item in breakdown.items}


def _by_axis(breakdowns, axis):
    [found] = [b for b in breakdowns if b.axis == axis]
    return found


def test_the_example_does_not_invent_a_city(example):
    """The source names no municipality: 名称 and 都道府県 are not stated, and there is no plan."""
    assert isinstance(example.municipality.name, NotStated)
    assert isinstance(example.municipality.prefecture, NotStated)
    assert isinstance(example.plan, NotStated)
    assert str(example.years) == "R3～R5"


def test_consultation_counts_by_status_match_the_seed(example):
    """まるごと相談窓口: 新規・継続・フォロー and the printed 合計 for each year."""
    for year, (parts, total) in CONSULTATIONS.items():
        actual = _actual(example, "まるごと相談件数", year)
        assert actual.value == total
        assert tuple(_items(_by_axis(actual.breakdowns, "状況区分")).values()) == parts


def test_outreach_district_figures_and_both_totals_match_the_seed(example):
    """アウトリーチ: every district cell, every row total, every column total and the grand total."""
    for year, rows in OUTREACH.items():
        actual = _actual(example, "アウトリーチ相談件数", year)
        row_totals, column_totals, grand = OUTREACH_TOTALS[year]
        assert actual.value == grand
        by_row = _by_axis(actual.breakdowns, "相談区分")
        assert _items(by_row) == row_totals
        for item in by_row.items:
            assert _items(_by_axis(item.breakdowns, "校区")) == rows[item.name]
        assert _items(_by_axis(actual.breakdowns, "校区")) == column_totals


def test_participation_figures_match_and_r3_is_not_counted_not_zero(example):
    """参加支援: R4 and R5 figures as printed; R3's three cells are absent with the seed's reason, never 0."""
    for year, (rows, total) in PARTICIPATION.items():
        actual = _actual(example, "参加支援件数", year)
        assert actual.value == total
        by_row = _by_axis(actual.breakdowns, "相談区分")
        assert {item.name: _items(_by_axis(item.breakdowns, "校区")) for item in by_row.items} == rows
    r3 = _actual(example, "参加支援件数", R3)
    assert isinstance(r3.value, NotStated) and r3.value.reason == NOT_COUNTED
    cells = _items(_by_axis(r3.breakdowns, "相談区分"))
    assert set(cells) == {"初期相談", "継続相談"}
    assert all(isinstance(v, NotStated) and v.reason == NOT_COUNTED for v in cells.values())


def test_not_counted_cells_stay_absent_in_the_series(example):
    """In indicators(), R3 of 参加支援 has no figure and no rate (status 未記載), and no trend starts from 0."""
    series = {s.id: s for s in jusou_spec.indicators(reports=[example])}
    row = series["参加支援件数"].years[0]
    assert (str(row.year), row.rate, row.status, row.change) == ("R3", None, Status.NOT_STATED, None)
    assert isinstance(row.actual, NotStated)
    assert [r.change for r in series["参加支援件数"].years] == [None, None, 37 - 97]


def test_tables_with_an_empty_total_column_have_no_computed_total(example):
    """地域づくり事業 and 仕組みづくり支援 print no 合計: the total is not stated and no sum is checked."""
    for ident, table in (("地域支援参加件数", COMMUNITY), ("新たな居場所づくり件数", NEW_PLACES)):
        for year, cells in table.items():
            actual = _actual(example, ident, year)
            assert isinstance(actual.value, NotStated)
            found = _items(_by_axis(actual.breakdowns, "校区"))
            assert {k: v for k, v in found.items() if not isinstance(v, NotStated)} == cells
            assert list(sum_checks(actual.breakdowns, parent=actual.value, parent_pointer="")) == []
    r3_city = _items(_by_axis(_actual(example, "地域支援参加件数", R3).breakdowns, "校区"))["市内"]
    assert isinstance(r3_city, NotStated)


def test_categories_differ_between_years(example):
    """R5 has その他 where R4 has 市内 (地域づくり), and only R5 of アウトリーチ has その他."""
    community = {
        year: set(_items(_by_axis(_actual(example, "地域支援参加件数", year).breakdowns, "校区"))) for year in (R4, R5)
    }
    assert community[R5] - community[R4] == {"その他"} and community[R4] - community[R5] == {"市内"}
    outreach = {
        year: set(_items(_by_axis(_actual(example, "アウトリーチ相談件数", year).breakdowns, "校区")))
        for year in (R4, R5)
    }
    assert outreach[R5] - outreach[R4] == {"その他"}


def test_every_stated_total_of_the_example_adds_up(example):
    """The sum check runs on every total the tables give (39 sums, column totals included) and all pass."""
    checks = [
        check
        for actual in example.actuals
        for check in sum_checks(actual.breakdowns, parent=actual.value, parent_pointer=actual.pointer)
    ]
    assert len(checks) == 39 and all(check.ok for check in checks)
    # column totals: アウトリーチ R5 (4 districts), R4, R3 (3 each); 参加支援 R5, R4 (3 each)
    assert sum(1 for check in checks if check.column is not None) == 4 + 3 + 3 + 3 + 3
    codes = [f.code for f in jusou_spec.check(EXAMPLE)]
    assert "IN003" not in codes and not [c for c in codes if c != "NS001"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # R5 初期相談 北部 57 → 58: its row (196) and its column (468) no longer add up.
        (
            "- {名称: 北部, 値: 57, 圏域: 北部}",
            "- {名称: 北部, 値: 58, 圏域: 北部}",
            ["197（58 + 74 + 63 + 2）", "196", "469（58 + 411）", "468"],
        ),
        # R4 まるごと 継続 256 → 265: the 状況区分 parts no longer make 963.
        ("- {名称: 継続, 値: 256}", "- {名称: 継続, 値: 265}", ["972（559 + 265 + 148）", "963"]),
    ],
)
def test_changing_one_seed_figure_makes_the_sum_check_fail_naming_both_figures(old, new, expected):
    """One changed figure gives IN003 errors whose messages name the computed sum and the stated total."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    checked = check_source(parse_source(text.replace(old, new), name="changed.yaml"))
    messages = [f.text("ja") for f in checked.findings if f.code == "IN003"]
    assert messages and all(f.severity.value == "error" for f in checked.findings if f.code == "IN003")
    joined = "\n".join(messages)
    for figure in expected:
        assert figure in joined, joined


def _seed(name):
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed text {name} not found (set JUSOU_SEEDS)")
    return path.read_text(encoding="utf-8")


def test_every_figure_of_the_seed_tables_is_in_the_example(example):
    """Cross-check against the seed text: the multiset of figures printed after the first 実績 heading equals the
    figures of the example (actual values and breakdown items), so none is dropped, invented or counted twice."""
    text = _seed("000_actuals_R3-R5_city_with_3_school_districts.txt")
    tables = text[text.index("重層的支援体制整備事業の実績①") :]
    tables = re.sub(r"R\d|[①②③]|令和4年度|R4から", "", tables)
    printed = Counter(int(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", tables))

    def figures(breakdowns):
        for breakdown in breakdowns:
            for item in breakdown.items:
                if not isinstance(item.value, NotStated):
                    yield item.value
                yield from figures(item.breakdowns)

    modelled = Counter()
    for actual in example.actuals:
        if not isinstance(actual.value, NotStated):
            modelled[actual.value] += 1
        modelled.update(figures(actual.breakdowns))
    assert modelled == printed


# ---------------------------------------------------------------- Imizu (seed 002)

IMIZU_PAIRS = {  # 実施計画評価指標: name → (実績, 計画, 評価), from the (1)–(4) tables of the R6 report
    "多機関協働事業における相談受付件数": (29, 10, "〇"),
    "支援プランの作成件数": (19, 5, "〇"),
    "重層的支援個別会議の開催回数": (8, 5, "〇"),
    "支援会議の開催回数": (4, 1, "〇"),
    "地域からの情報等による支援対象者の把握件数（相談受付件数）": (1, 10, "△"),
    "新規プラン作成件数": (0, 5, "△"),
    "参加支援のプラン作成件数": (0, 1, "△"),
    "地域支え合いネットワーク共生社会構築事業実施数": (2, 3, "△"),
}
IMIZU_RATES = {  # actual / plan, rounded half up to one decimal
    "多機関協働事業における相談受付件数": 290.0,
    "支援プランの作成件数": 380.0,
    "重層的支援個別会議の開催回数": 160.0,
    "支援会議の開催回数": 400.0,
    "地域からの情報等による支援対象者の把握件数（相談受付件数）": 10.0,
    "新規プラン作成件数": 0.0,
    "参加支援のプラン作成件数": 0.0,
    "地域支え合いネットワーク共生社会構築事業実施数": 66.7,
}


@pytest.fixture(scope="module")
def imizu():
    if not (IMIZU_PLAN.is_file() and IMIZU_R6.is_file()):
        pytest.skip("plans/imizu.yaml and reports/imizu-r6.yaml are not in this checkout")
    plan, report = jusou_spec.load(IMIZU_PLAN), jusou_spec.load(IMIZU_R6)
    return {series.name: series for series in jusou_spec.indicators(plan, reports=[report])}


def test_imizu_plan_and_actual_pairs_and_marks_are_the_reports(imizu):
    """Each R6 evaluation indicator has the report's actual, its plan figure as the R6 target, and its mark."""
    for name, (actual, planned, mark) in IMIZU_PAIRS.items():
        [row] = imizu[name].years
        assert (str(row.year), row.actual, row.goal.value, row.mark) == ("R6", actual, planned, mark), name


def test_imizu_rates_and_statuses(imizu):
    """Rates are actual/plan (290.0% for 29 against 10); four indicators are achieved and four are not."""
    assert {name: imizu[name].years[0].rate for name in IMIZU_RATES} == IMIZU_RATES
    statuses = Counter(imizu[name].years[0].status for name in IMIZU_PAIRS)
    assert statuses == Counter({Status.ACHIEVED: 4, Status.NOT_ACHIEVED: 4})


def test_imizu_marks_are_not_inferred(imizu):
    """Imizu declares no marking rule: 0 against a plan of 5 keeps its △ and no expected mark is computed."""
    row = imizu["新規プラン作成件数"].years[0]
    assert (row.actual, row.mark, row.expected_mark) == (0, "△", None)
    assert all(series.years[0].expected_mark is None for series in imizu.values() if series.years)


def test_imizu_report_passes_the_indicator_rules():
    """The transcribed Imizu report and plan raise no indicator finding (sums add up, 計画値 equal the targets)."""
    if not (IMIZU_PLAN.is_file() and IMIZU_R6.is_file()):
        pytest.skip("plans/imizu.yaml and reports/imizu-r6.yaml are not in this checkout")
    codes = [f.code for path in (IMIZU_PLAN, IMIZU_R6) for f in jusou_spec.check(path)]
    assert not [code for code in codes if code.startswith("IN")], codes


def test_the_three_school_districts_are_declared_and_named_by_id():
    """北部・中部・南部 are the 校区 of the tables: declared once; every breakdown item of theirs names its area."""
    report = jusou_spec.load(EXAMPLE)
    assert [(a.id, a.kind) for a in report.areas] == [("北部", "校区"), ("中部", "校区"), ("南部", "校区")]

    def items(breakdowns):
        for breakdown in breakdowns:
            for item in breakdown.items:
                yield item
                yield from items(item.breakdowns)

    every = [item for actual in report.actuals for item in items(actual.breakdowns)]
    districts = [item for item in every if item.name in ("北部", "中部", "南部")]
    assert len(districts) == 63 and all(item.area == item.name for item in districts)
    assert all(item.area is None for item in every if item.name not in ("北部", "中部", "南部"))
