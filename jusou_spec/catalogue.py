"""Every code a user can meet: the loader's, the schema's, the model's, the engine's, the configuration's and
every rule's."""

from __future__ import annotations

from jusou_spec import checker, config, schema, source, suppression
from jusou_spec.findings import Check
from jusou_spec.model._build import YEAR_UNREADABLE
from jusou_spec.model.clauses import UNKNOWN_CLAUSE
from jusou_spec.rules import RULES

__all__ = ["BUILT_IN", "all_checks"]

BUILT_IN: tuple[Check, ...] = (
    *source.CHECKS,
    *schema.CHECKS,
    UNKNOWN_CLAUSE,
    YEAR_UNREADABLE,
    checker.PLAN_NOT_FOUND,
    checker.INTERNAL,
    *suppression.CHECKS,
    *config.CHECKS,
)


def all_checks() -> list[Check]:
    """Every check, sorted by code; codes are unique (a test holds it)."""
    return sorted([*BUILT_IN, *(rule.check for rule in RULES)], key=lambda check: check.code)
