"""Properties of ``jusou compare`` over generated plans: every cell comes from the plans, every format lays out any
plan without raising, and the output does not depend on anything but the plans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.comparison import FORMATS, Gap
from jusou_spec.document.comparison import render_comparison_html
from jusou_spec.model import Mode, Plan, not_stated

from .strategies import plans


def _plan(document, name):
    plan, _ = Plan.from_document(document, name=name)
    return plan


@given(st.lists(plans(), min_size=1, max_size=3))
def test_every_cell_comes_from_its_plan(documents):
    """Property: coverage cells are the plan's covering programs; a year's mode is the plan's; meetings and targets
    are the plan's own; not-stated counts are the model's."""
    given_plans = [_plan(document, f"p{index}.yaml") for index, document in enumerate(documents)]
    comparison = jusou_spec.compare(given_plans)
    assert [m.plan for m in comparison.municipalities] == given_plans
    for row in comparison.coverage:
        for plan, cells in zip(given_plans, row.cells, strict=True):
            assert [cell.program for cell in cells] == list(plan.covering(row.clause))
    for year_row in comparison.years:
        for plan, cell in zip(given_plans, year_row.cells, strict=True):
            if isinstance(cell, Mode):
                assert plan.mode_in(year_row.year) is cell and year_row.year in plan.years()
            else:
                assert cell in (Gap.OUTSIDE, Gap.NOT_GIVEN)
    for meeting_row in comparison.meetings:
        for plan, meetings in zip(given_plans, meeting_row.cells, strict=True):
            assert all(any(meeting is own for own in plan.meetings) for meeting in meetings)
    for pillar_row in comparison.targets:
        for plan, cell in zip(given_plans, pillar_row.cells, strict=True):
            assert cell.programs == plan.programs_under(pillar_row.pillar)
            assert all(indicator.has_targets and indicator in program.indicators for program, indicator in cell.targets)
    assert [len(entries) for entries in comparison.not_stated] == [len(not_stated(plan)) for plan in given_plans]


@given(plans(), st.sampled_from(["ja", "en"]))
def test_every_format_lays_out_any_plan_the_same_each_time(document, lang):
    """Property: text, CSV, Markdown and HTML never raise on a schema-valid plan and are deterministic."""
    comparison = jusou_spec.compare([_plan(document, "generated.yaml")])
    again = jusou_spec.compare([_plan(document, "generated.yaml")])
    for fmt, lay_out in FORMATS.items():
        assert lay_out(comparison, lang) == lay_out(again, lang), fmt
    html = render_comparison_html(comparison, lang)
    assert html == render_comparison_html(again, lang) and "<script" not in html
