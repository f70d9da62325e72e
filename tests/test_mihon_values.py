"""The 見本市 fixture of values (tests/fixtures/mihon-values.yaml and its report) uses every structure of ratios,
exact figures, sources, not-stated names, open-ended periods, flow kinds and suppression by subject, and passes."""

from __future__ import annotations

from decimal import Decimal

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import FlowKind, NotStated, Plan, Report

from .cli_cases import ROOT

PLAN = ROOT / "tests/fixtures/mihon-values.yaml"
REPORT = ROOT / "tests/fixtures/mihon-values-r7.yaml"


def test_the_fixture_passes_jusou_check(capsys):
    """Exit 0 with no live finding: only suppressed ones, each with its reason."""
    assert main(["check", str(PLAN), str(REPORT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "エラー 0 件、警告 0 件、情報 0 件、抑制 3 件（2 ファイルを検査）"
    assert all(": 抑制 " in line for line in out[:-1])


def test_the_fixture_uses_every_structure_of_values():
    """Ratio parts (alone, with the rate, and the rate alone), exact figures, URL and page range, not-stated names,
    open-ended periods, every flow kind, and suppressions by subject and for all."""
    plan = jusou_spec.load(PLAN)
    report = jusou_spec.load(REPORT)
    assert isinstance(plan, Plan) and isinstance(report, Report)
    indicators = {indicator.id: indicator for _, indicator in plan.all_indicators()}
    ratio = indicators["連携割合"]
    assert ratio.is_ratio and isinstance(ratio.targets, tuple)
    shapes = {(t.value is not None, t.numerator is not None) for t in ratio.targets}
    assert shapes == {(False, True), (True, True), (True, False)}
    target = indicators["相談延べ件数"].targets[0]  # type: ignore[index]
    assert target.value == 12345678901234567890
    assert isinstance(indicators["参加率"].targets[0].value, Decimal)  # type: ignore[index]
    assert plan.source is not None and plan.source.url
    assert plan.related_plans[0].source is not None and plan.related_plans[0].source.page == "2-3"
    assert isinstance(plan.related_plans[4].name, NotStated)
    program = plan.programs[4]
    assert isinstance(program.delivery, tuple) and isinstance(program.delivery[0].contractors[0], NotStated)
    assert program.years is not None and program.years.is_open and plan.runs_in(program, FiscalYear(2026))
    assert {flow.kind for flow in plan.flows} == set(FlowKind)
    assert any(s.subjects for s in plan.suppressions) and any(s.means_all for s in plan.suppressions)
    assert {(a.numerator is not None, a.value is not None) for a in report.actuals if a.indicator == "連携割合"} == {
        (True, True),
        (True, False),
    }


def test_an_open_ended_target_runs_to_the_end_of_the_plan_period():
    """目標 {年度: R7～} under a plan for R6～R8 is a period target for R7～R8 in jusou_spec.indicators; without
    the plan (the end not stated) it stays open."""
    plan = jusou_spec.load(PLAN)
    report = jusou_spec.load(REPORT)
    assert isinstance(plan, Plan) and isinstance(report, Report)
    series = {s.id: s for s in jusou_spec.indicators(plan, reports=[report])}
    [goal] = series["参加人数"].goals
    assert str(goal.years) == "R7～R8"
    assert [str(row.year) for row in series["参加人数"].years] == ["R7", "R8"]
    [target] = plan.programs[4].indicators[0].targets  # type: ignore[misc]
    assert str(target.years) == "R7～"
