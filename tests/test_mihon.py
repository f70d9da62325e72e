"""The fictional 見本市 plan (tests/fixtures/mihon.yaml) and its report (tests/fixtures/mihon-r7.yaml) use every
structure the format gained for a fourth city's plan (issue 10, items 1–7): umbrellas and whole 号, budgets, staffing
and areas, delivery by year, ratio indicators and exact figures, sources by URL and page, not-stated names,
open-ended periods, flow kinds, and suppressions that name what they are about. The plan passes `jusou check`; a
test per item fails if the fixture loses a structure; each structure's rule catches a one-line slip in it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model import BudgetUnit, FlowKind, NotStated, Plan, Report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = FIXTURES / "mihon.yaml"
REPORT = FIXTURES / "mihon-r7.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = jusou_spec.load(PLAN)
    assert isinstance(loaded, Plan)
    return loaded


@pytest.fixture(scope="module")
def report() -> Report:
    loaded = jusou_spec.load(REPORT)
    assert isinstance(loaded, Report)
    return loaded


def test_the_plan_and_its_report_pass_the_check(capsys) -> None:
    """`jusou check` exits 0; the one live finding is the budget the plan leaves 未記載 on purpose, and the three
    suppressed ones are listed in Japanese with their reasons."""
    assert main(["check", str(PLAN), str(REPORT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "エラー 0 件、警告 1 件、情報 0 件、抑制 3 件（2 ファイルを検査）"
    suppressed = [line for line in out[:-1] if ": 抑制 " in line]
    live = [line for line in out[:-1] if ": " in line and line not in suppressed]
    assert len(suppressed) == 3
    assert len(live) == 1 and " warning NS001 「金額」は未記載です" in live[0]


# ---------------------------------------------------------------------------------------------------------------
# Every new structure is in the fixture: one test per item of issue 10, so none can be lost silently.


def _item_1_umbrellas(plan: Plan, report: Report) -> None:
    """上位事業 over members named by id, 号全体 of 第1号 and 第3号, a member with a bare 第3号 and a related program."""
    umbrellas = {p.id: p.whole for p in plan.programs if plan.is_umbrella(p)}
    assert umbrellas == {"包括的相談支援": (1,), "地域づくり": (3,)}
    assert all(not p.clauses for p in plan.programs if plan.is_umbrella(p))
    members = {p.id: p.umbrella for p in plan.programs if p.umbrella}
    assert set(members.values()) == set(umbrellas)
    assert plan.references.programs["困窮者地域づくり"].clauses[0].label == "第3号"
    assert any(p.related_only for p in plan.programs if p.umbrella)


def _item_2_budgets_staffing_areas(plan: Plan, report: Report) -> None:
    """予算 in 円 and 千円 with 財源 and a 未記載 amount; 職員配置 with and without 年度, with 圏域; 圏域 of two kinds
    with 上位, named by programs, staffing, breakdown items and activities."""
    budgets = [b for p in plan.programs for b in p.budgets]
    assert {b.unit for b in budgets} == {BudgetUnit.YEN, BudgetUnit.THOUSAND_YEN}
    assert any(isinstance(b.amount, NotStated) for b in budgets) and any(b.funding for b in budgets)
    staff = [s for p in plan.programs for s in p.staff]
    assert any(s.years is None for s in staff) and any(s.years is not None for s in staff)
    assert any(s.areas for s in staff) and all(s.place and s.role and s.count for s in staff)
    assert {a.kind for a in plan.areas} == {"圏域", "校区"} and any(a.parent for a in plan.areas)
    assert any(p.areas for p in plan.programs)
    assert any(item.area for actual in report.actuals for b in actual.breakdowns for item in b.items)
    assert any(activity.areas for activity in report.activities)


def _item_3_delivery_by_year(plan: Plan, report: Report) -> None:
    """実施方式 with 年度: a change of mode between years, an open-ended one, and one for some 対象 only."""
    deliveries = [d for p in plan.programs if isinstance(p.delivery, tuple) for d in p.delivery]
    dated = [d for d in deliveries if d.years is not None]
    assert {d.mode.value for d in dated} == {"直営", "委託"}
    assert any(d.years.is_open for d in dated if d.years) and any(d.applies_to for d in dated)


def _item_4_ratios_and_exact_figures(plan: Plan, report: Report) -> None:
    """分子・分母; targets by parts, by rate and parts, by rate; actuals by parts and rate, by parts; exact figures."""
    indicators = {indicator.id: indicator for _, indicator in plan.all_indicators()}
    ratio = indicators["連携割合"]
    assert ratio.is_ratio and isinstance(ratio.targets, tuple)
    assert ratio.numerator is not None and ratio.numerator.unit and ratio.denominator is not None
    shapes = {(t.value is not None, t.numerator is not None) for t in ratio.targets}
    assert shapes == {(False, True), (True, True), (True, False)}
    actuals = {(a.numerator is not None, a.value is not None) for a in report.actuals if a.indicator == "連携割合"}
    assert actuals == {(True, True), (True, False)}
    assert indicators["相談延べ件数"].targets[0].value == 12345678901234567890  # type: ignore[index]
    assert isinstance(indicators["参加率"].targets[0].value, Decimal)  # type: ignore[index]
    assert indicators["総合相談件数"].targets[0].value == 1113  # type: ignore[index]


def _item_5_sources_and_names_not_stated(plan: Plan, report: Report) -> None:
    """出典 with URL (document, related plan, program, report), 頁 and a 頁 range; 未記載 related-plan name and
    contractor."""
    assert plan.source is not None and plan.source.url
    assert report.source is not None and report.source.url
    pages = [r.source.page for r in plan.related_plans if r.source]
    assert "2-3" in pages and 4 in pages
    assert any(r.source and r.source.url for r in plan.related_plans)
    program = plan.references.programs["参加支援"]
    assert program.source is not None and program.source.url and program.source.page == 8
    assert any(isinstance(r.name, NotStated) for r in plan.related_plans)
    assert isinstance(program.delivery, tuple) and isinstance(program.delivery[0].contractors[0], NotStated)


def _item_6_open_periods_and_flow_kinds(plan: Plan, report: Report) -> None:
    """令和7年度～ in 実施形態, R7～ in 実施年度, 実施方式 and a target; every flow kind, and a report-up /
    feedback-down loop."""
    assert any(m.years is not None and m.years.is_open for m in plan.modes)
    program = plan.references.programs["参加支援"]
    assert program.years is not None and program.years.is_open and plan.runs_in(program, FiscalYear(2026))
    [target] = program.indicators[0].targets  # type: ignore[misc]
    assert target.years.is_open
    assert {flow.kind for flow in plan.flows} == set(FlowKind)
    kinds = {(f.source, t): f.kind for f in plan.flows for t in f.targets}
    assert kinds[("B", "D")] is FlowKind.REPORT and kinds[("D", "B")] is FlowKind.FEEDBACK


def _item_7_suppression_by_subject(plan: Plan, report: Report) -> None:
    """抑制 naming its 対象 (a program name, a key), and one that says it means all (すべて)."""
    assert {s.subjects for s in plan.suppressions if s.subjects} == {("障害者相談支援事業",), ("委託先",)}
    assert any(s.means_all for s in plan.suppressions)


ITEMS: dict[str, Callable[[Plan, Report], None]] = {
    "1-umbrellas": _item_1_umbrellas,
    "2-budgets-staffing-areas": _item_2_budgets_staffing_areas,
    "3-delivery-by-year": _item_3_delivery_by_year,
    "4-ratios-and-exact-figures": _item_4_ratios_and_exact_figures,
    "5-sources-and-names-not-stated": _item_5_sources_and_names_not_stated,
    "6-open-periods-and-flow-kinds": _item_6_open_periods_and_flow_kinds,
    "7-suppression-by-subject": _item_7_suppression_by_subject,
}


@pytest.mark.parametrize("item", ITEMS)
def test_the_plan_uses_every_new_structure(plan: Plan, report: Report, item: str) -> None:
    """Each item's keys and forms are present in the fixture (see the item's docstring for what is asserted)."""
    ITEMS[item](plan, report)


# ---------------------------------------------------------------------------------------------------------------


def test_every_structure_is_used(plan: Plan) -> None:
    """Umbrellas of both whole 号, members, budgets in both units with 財源, staffing, areas, delivery by year."""
    umbrellas = {p.id: p.whole for p in plan.programs if plan.is_umbrella(p)}
    assert umbrellas == {"包括的相談支援": (1,), "地域づくり": (3,)}
    assert [m.id for m in plan.members_of(plan.references.programs["包括的相談支援"])] == [
        "地域包括",
        "障害相談",
        "利用者支援",
        "自立相談",
    ]
    budgets = [b for p in plan.programs for b in p.budgets]
    assert {b.unit for b in budgets} == {BudgetUnit.YEN, BudgetUnit.THOUSAND_YEN}
    assert any(isinstance(b.amount, NotStated) for b in budgets) and all(b.year for b in budgets)
    assert {f for b in budgets for f in b.funding} == {"重層的支援体制整備事業交付金", "一般財源"}
    staff = [s for p in plan.programs for s in p.staff]
    assert any(s.years is None for s in staff) and any(isinstance(s.years, FiscalRange) for s in staff)
    assert all(s.role and s.count for s in staff) and any(s.areas for s in staff) and all(s.place for s in staff)
    assert {a.kind for a in plan.areas} == {"圏域", "校区"} and any(a.parent for a in plan.areas)
    assert any(p.areas for p in plan.programs)
    by_year = [d for p in plan.programs if isinstance(p.delivery, tuple) for d in p.delivery if d.years]
    assert by_year and any(d.applies_to for d in by_year)


def test_the_report_refers_to_the_plans_areas(report: Report) -> None:
    """The R7 report's breakdown by 校区 and its activity name the plan's areas by id."""
    (breakdown,) = report.actuals[0].breakdowns
    assert [item.area for item in breakdown.items] == ["北部", "中部", "南部"]
    assert report.activities[0].areas == ("東部", "西部")


def test_an_open_ended_target_runs_to_the_end_of_the_plan_period(plan: Plan, report: Report) -> None:
    """目標 {年度: R7～} under a plan for R6～R8 is a period target for R7～R8 in jusou_spec.indicators; without
    the plan (the end not stated) it stays open."""
    series = {s.id: s for s in jusou_spec.indicators(plan, reports=[report])}
    [goal] = series["参加人数"].goals
    assert str(goal.years) == "R7～R8"
    assert [str(row.year) for row in series["参加人数"].years] == ["R7", "R8"]
    [target] = plan.references.programs["参加支援"].indicators[0].targets  # type: ignore[misc]
    assert str(target.years) == "R7～"


SLIPS = [
    pytest.param(
        ("    号全体: 第3号\n", "    号全体: 第2号\n"),
        "CL002",
        "第2号にはイ・ロ・ハ・ニの区分がありません。号全体ではなく「号: 第2号」と書きます",
        "第2号 has no lettered items; write it under 号",
        id="a whole item without letters",
    ),
    pytest.param(
        ("    号: 第1号ハ\n", "    関連事業: true\n"),
        "CL001",
        "本格実施の年度（R7、R8）に第1号ハ（利用者支援事業）を実施する事業がありません",
        "no program implements 第1号ハ",
        id="the user-support program no longer carries 第1号ハ",
    ),
    pytest.param(
        ("    号: 第1号ハ\n", "    関連事業: true\n"),
        "CL005",
        "上位事業「包括的相談支援事業」の下に、第1号ハを実施する事業がありません",
        "no program under the umbrella '包括的相談支援事業' carries 第1号ハ",
        id="the umbrella's letter without a member",
    ),
    pytest.param(
        ("    圏域: [中部]\n", "    圏域: [中央]\n"),
        "AR001",
        "「中央」という圏域は宣言されていません",
        "no area '中央' is declared",
        id="an undeclared area",
    ),
    pytest.param(
        ("{年度: R8, 金額: 53500", "{年度: R9, 金額: 53500"),
        "BG001",
        "「包括的相談支援事業」の予算の年度（R9）が計画期間（R6～R8）の外にあります",
        "the budget year of '包括的相談支援事業' (R9) lies outside the plan period",
        id="a budget year outside the period",
    ),
    pytest.param(
        ("{年度: R8, 金額: 5100000, 単位: 円", "{年度: R8, 金額: 5100, 単位: 千円"),
        "BG002",
        "「参加支援事業」の予算（R8）の単位が千円ですが、最初の予算は円です",
        "is in 千円, its first budget in 円",
        id="mixed budget units",
    ),
    pytest.param(
        ("      - {方式: 委託, 年度: R7～R8, 委託先: [見本市社会福祉協議会]}\n    注記", "    注記"),
        "DL004",
        "「生活困窮者自立相談支援事業」はR7、R8に実施する事業ですが、その年度の実施方式がありません",
        "runs in R7, R8 but no 実施方式 holds",
        id="years without a delivery",
    ),
    pytest.param(
        (
            "{方式: 直営, 年度: R6}\n      - {方式: 委託, 年度: R7～R8, 委託先: [特定",
            "{方式: 直営, 年度: R6～R7}\n      - {方式: 委託, 年度: R7～R8, 委託先: [特定",
        ),
        "DL004",
        "「アウトリーチ等を通じた継続的支援事業」のR7の実施方式が直営と委託の二つあります",
        "has two deliveries in R7",
        id="two deliveries in one year",
    ),
]


@pytest.mark.parametrize(("edit", "code", "ja", "en"), SLIPS)
def test_each_rule_catches_its_slip(tmp_path, capsys, edit, code, ja, en) -> None:
    """One edit of the plan gives the rule's finding, in Japanese by default and in English with --lang en."""
    text = PLAN.read_text(encoding="utf-8")
    old, new = edit
    assert text.count(old) == 1, old
    mutated = tmp_path / "mihon.yaml"
    mutated.write_text(text.replace(old, new), encoding="utf-8")
    main(["check", str(mutated)])
    assert any(f" {code} " in line and ja in line for line in capsys.readouterr().out.splitlines())
    main(["check", "--lang", "en", str(mutated)])
    assert any(f" {code} " in line and en in line for line in capsys.readouterr().out.splitlines())
