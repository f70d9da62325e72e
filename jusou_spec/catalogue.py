"""Every code a user can meet: the loader's, the schema's, the model's, the engine's, the configuration's and
every rule's."""

from __future__ import annotations

from jusou_spec import checker, config, schema, source, suppression
from jusou_spec.findings import Check
from jusou_spec.model import _build, clauses
from jusou_spec.rules import RULES

__all__ = ["BUILT_IN", "all_checks", "module_of"]

_BUILT_IN_BY_MODULE: tuple[tuple[str, tuple[Check, ...]], ...] = (
    (source.__name__, source.CHECKS),
    (schema.__name__, schema.CHECKS),
    (clauses.__name__, (clauses.UNKNOWN_CLAUSE,)),
    (_build.__name__, (_build.YEAR_UNREADABLE,)),
    (checker.__name__, (checker.PLAN_NOT_FOUND, checker.INTERNAL)),
    (suppression.__name__, suppression.CHECKS),
    (config.__name__, config.CHECKS),
)

BUILT_IN: tuple[Check, ...] = tuple(check for _, checks in _BUILT_IN_BY_MODULE for check in checks)

_MODULE_OF_CODE: dict[str, str] = {
    **{check.code: module for module, checks in _BUILT_IN_BY_MODULE for check in checks},
    **{rule.code: f"jusou_spec.rules.{rule.module}" for rule in RULES},
}


def module_of(code: str) -> str:
    """The module that declares the check with this code, for a contributor looking for its source."""
    return _MODULE_OF_CODE[code]


def all_checks() -> list[Check]:
    """Every check, sorted by code; codes are unique (a test holds it)."""
    return sorted([*BUILT_IN, *(rule.check for rule in RULES)], key=lambda check: check.code)
