"""The rule catalogue: an explicit registry of rule modules, one module per rule.

A test keeps this list and the files in this folder in step, and ``docs/rules.md`` is generated from the
modules' docstrings.
"""

from __future__ import annotations

from jusou_spec.rules import mandatory_clauses, not_stated
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
        not_stated,
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
