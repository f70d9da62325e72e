"""Properties over generated plans and reports: the indicator rules and ``indicators()`` never fail, and agree."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec import schema
from jusou_spec.model import NotStated, Plan, Report
from jusou_spec.progress import Status
from jusou_spec.rules import RULES

from .report_strategies import reports
from .strategies import plans


@st.composite
def plan_and_report(draw: st.DrawFn) -> tuple[dict, dict]:
    plan = draw(plans())
    indicator_ids = tuple(i["id"] for p in plan["事業"] for i in p.get("成果目標", []))
    return plan, draw(reports(indicator_ids))


def _models(documents: tuple[dict, dict]) -> tuple[Plan, Report]:
    plan, _ = Plan.from_document(documents[0], name="plan.yaml")
    report, _ = Report.from_document(documents[1], name="report.yaml")
    return plan, report


@given(plan_and_report())
def test_generated_reports_are_schema_valid_and_round_trip(documents):
    """The strategy makes valid reports (so the other properties mean something), and the model round-trips them."""
    assert schema.validate("report", documents[1]) == []
    _, report = _models(documents)
    again, _ = Report.from_document(report.to_document(), name="report.yaml")
    assert again == report


@given(plan_and_report())
def test_no_indicator_rule_raises_and_every_message_has_both_languages(documents):
    """Property: every report rule runs to completion on any valid plan and report, in Japanese and English."""
    plan, report = _models(documents)
    for rule in RULES:
        if rule.document in ("report", "any"):
            for finding in rule(report, plan):
                assert finding.message.ja and finding.message.en and finding.pointer.startswith("/")


@given(plan_and_report(), st.one_of(st.none(), st.integers(min_value=2019, max_value=2036)))
def test_series_are_consistent_with_their_figures(documents, as_of):
    """Property: a rate exists only for a figure with a target; a not-stated figure has no rate and is 未記載;
    years after as-of are 未到来; an achieved higher/lower target without a comparison has a rate of at least 100."""
    plan, report = _models(documents)
    for series in jusou_spec.indicators(plan, reports=[report], as_of=as_of):
        years = [row.year for row in series.years]
        assert years == sorted(set(years))
        for row in series.years:
            if row.rate is not None:
                assert row.goal is not None and isinstance(row.actual, int | Decimal | Fraction)
            if as_of is not None and row.year.western > as_of:
                assert row.status is Status.UPCOMING
            elif isinstance(row.actual, NotStated):
                assert row.rate is None and row.status is Status.NOT_STATED
            if (
                row.status is Status.ACHIEVED
                and row.rate is not None
                and row.goal.comparison is None
                and row.goal.upper is None
                and series.direction.value in ("増加", "減少")
            ):
                assert row.exact_rate >= 100
