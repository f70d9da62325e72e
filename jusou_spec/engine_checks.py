"""The checking engine's own checks: a rule that fails (JS900) and a report's plan that cannot be read (RF900).

They are declared here rather than in :mod:`jusou_spec.checker`, which reports them, because the catalogue of every
check sits below the checker: the checker asks the catalogue which codes exist when it applies a document's
suppressions, and rule selection asks it which codes no setting may change.
"""

from __future__ import annotations

from jusou_spec.findings import Check, Message, Severity

__all__ = ["CHECKS", "INTERNAL", "PLAN_NOT_FOUND"]

INTERNAL = Check(
    "JS900",
    "internal.rule-failed",
    Severity.ERROR,
    Message(ja="検査中の内部エラー", en="An internal error while checking"),
)

PLAN_NOT_FOUND = Check(
    "RF900",
    "references.report-plan",
    Severity.ERROR,
    Message(ja="報告書が参照する計画ファイルを読めない", en="The plan a report refers to cannot be read"),
)

CHECKS = (PLAN_NOT_FOUND, INTERNAL)
