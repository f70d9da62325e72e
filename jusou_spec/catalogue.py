"""Every code a user can meet: the loader's, the schema's, the model's, the engine's, the configuration's and
every rule's.

The catalogue sits below everything that asks it which codes exist (rule selection, the configuration, the
checker, the reporters), so it imports only the modules that declare checks: the stages of the pipeline up to
the rules, suppression, and the two modules that hold the engine's and the configuration's checks
(:mod:`jusou_spec.engine_checks`, :mod:`jusou_spec.config_checks`).
"""

from __future__ import annotations

import functools

from jusou_spec import config_checks, engine_checks, schema, source, suppression
from jusou_spec.findings import Check
from jusou_spec.model import YEAR_UNREADABLE, clauses
from jusou_spec.rules import RULES
from jusou_spec.workbook import checks as workbook_checks

__all__ = ["BUILT_IN", "all_checks", "check_of", "module_of"]

_BUILT_IN_BY_MODULE: tuple[tuple[str, tuple[Check, ...]], ...] = (
    (source.__name__, source.CHECKS),
    (schema.__name__, schema.CHECKS),
    (clauses.__name__, (clauses.UNKNOWN_CLAUSE,)),
    # Declared by the model's builder, a module private to the model package that re-exports the check.
    ("jusou_spec.model._build", (YEAR_UNREADABLE,)),
    (engine_checks.__name__, engine_checks.CHECKS),
    (suppression.__name__, suppression.CHECKS),
    (config_checks.__name__, config_checks.CHECKS),
    (workbook_checks.__name__, workbook_checks.CHECKS),
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


@functools.cache
def _by_code() -> dict[str, Check]:
    return {check.code: check for check in all_checks()}


def check_of(code: str) -> Check | None:
    """The check a code belongs to (None for a code this version does not know)."""
    return _by_code().get(code)
