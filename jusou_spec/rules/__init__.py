"""The rule catalogue: an explicit registry of rule modules, one module per rule.

A test keeps this list and the files in this folder in step, and ``docs/rules.md`` is generated from the
modules' docstrings. The modules starting with ``_`` are the rules' shared helpers, private to this package; what
other packages use of them (:class:`Rule`, :func:`code_group`, the docstring examples) is re-exported here.
"""

from __future__ import annotations

from jusou_spec.rules import (
    cl001_mandatory,
    cl003_field,
    cl004_support_plan,
    dl001_contractor,
    dl002_recipient,
    dl003_party,
    dp001_responsible,
    dp002_not_in_matrix,
    dp003_spelling,
    id001_duplicate,
    id002_duplicate_program,
    id003_meeting_program,
    in001_unknown_id,
    in002_duplicate,
    in003_breakdown_sum,
    in004_mark_contradicts_rule,
    in005_year_outside_period,
    in006_missing_actual,
    in007_target_vs_baseline,
    in008_unit_mismatch,
    in009_percentage_range,
    in010_planned_differs,
    in011_negative_actual,
    mt001_support_consent,
    mt002_support_basis,
    mt003_multilayered_consent,
    mt004_flow_cycle,
    mt005_rename,
    ns001_value,
    pi001_phone,
    pi002_individual_number,
    pi003_address,
    rf001_unresolved,
    rf002_item_number,
    rf003_unchecked,
    rp001_harmony,
    tg001_per_pillar,
    tg002_negative,
    yr002_outside_period,
    yr003_phase_overlap,
    yr004_plan_period,
    yr005_mode_order,
)
from jusou_spec.rules._examples import Example, as_document, examples
from jusou_spec.rules._rule import Rule, code_group

__all__ = ["RULES", "Example", "Rule", "as_document", "code_group", "examples"]

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (
        cl001_mandatory,
        cl003_field,
        cl004_support_plan,
        ns001_value,
        rf001_unresolved,
        rf002_item_number,
        rf003_unchecked,
        yr002_outside_period,
        yr003_phase_overlap,
        yr004_plan_period,
        yr005_mode_order,
        mt001_support_consent,
        mt002_support_basis,
        mt003_multilayered_consent,
        mt004_flow_cycle,
        mt005_rename,
        dl001_contractor,
        dl002_recipient,
        dl003_party,
        dp001_responsible,
        dp002_not_in_matrix,
        dp003_spelling,
        rp001_harmony,
        tg001_per_pillar,
        tg002_negative,
        pi001_phone,
        pi002_individual_number,
        pi003_address,
        id001_duplicate,
        id002_duplicate_program,
        id003_meeting_program,
        in001_unknown_id,
        in002_duplicate,
        in003_breakdown_sum,
        in004_mark_contradicts_rule,
        in005_year_outside_period,
        in006_missing_actual,
        in007_target_vs_baseline,
        in008_unit_mismatch,
        in009_percentage_range,
        in010_planned_differs,
        in011_negative_actual,
    )
)
