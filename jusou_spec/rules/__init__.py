"""The rule catalogue: an explicit registry of rule modules, one module per rule.

A test keeps this list and the files in this folder in step, and ``docs/rules.md`` is generated from the
modules' docstrings.
"""

from __future__ import annotations

from jusou_spec.rules import (
    clause_field,
    contractor,
    delivery_party,
    department_in_matrix,
    department_spelling,
    duplicate_id,
    duplicate_program,
    flow_cycle,
    grant_recipient,
    individual_number,
    item_number,
    mandatory_clauses,
    mode_order,
    multilayered_meeting_consent,
    not_stated,
    outside_period,
    phase_overlap,
    phone_number,
    pillar_targets,
    plan_period,
    postal_address,
    related_plans,
    rename_not_flow,
    responsible_department,
    support_meeting_basis,
    support_meeting_consent,
    support_plan,
    unchecked_numbers,
    unresolved_reference,
)
from jusou_spec.rules import (  # indicators: targets, actuals, breakdowns, marks
    actual_year,
    breakdown_sum,
    indicator_duplicate,
    indicator_unknown,
    mark_rule,
    missing_actual,
    percentage_range,
    planned_value,
    target_baseline,
    unit_mismatch,
)
from jusou_spec.rules._rule import Rule

__all__ = ["RULES", "Rule", "rule_by_code"]

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (
        mandatory_clauses,
        clause_field,
        support_plan,
        not_stated,
        unresolved_reference,
        item_number,
        unchecked_numbers,
        outside_period,
        phase_overlap,
        plan_period,
        mode_order,
        support_meeting_consent,
        support_meeting_basis,
        multilayered_meeting_consent,
        flow_cycle,
        rename_not_flow,
        contractor,
        grant_recipient,
        delivery_party,
        responsible_department,
        department_in_matrix,
        department_spelling,
        related_plans,
        pillar_targets,
        phone_number,
        individual_number,
        postal_address,
        duplicate_id,
        duplicate_program,
        indicator_unknown,
        indicator_duplicate,
        breakdown_sum,
        mark_rule,
        actual_year,
        missing_actual,
        target_baseline,
        unit_mismatch,
        percentage_range,
        planned_value,
    )
)


def rule_by_code(code: str) -> Rule:
    """The rule with this code (KeyError when there is none)."""
    for rule in RULES:
        if rule.code == code:
            return rule
    raise KeyError(code)
