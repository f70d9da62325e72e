"""What a rule is: a module with a :class:`~jusou_spec.findings.Check`, a docstring and a ``check`` function.

A rule module says *what* is wrong and *where in the document* (JSON pointers); the engine adds file, line and
column, applies suppressions and severity overrides, and never lets a rule's exception reach the user.

A module may set ``DOCUMENT`` (which kind of document it reads: "plan", the default, "report" or "any") and
``READS`` ("model", the default: ``check(plan)`` or ``check(report, plan)``; or "data": the engine passes the
document's plain data as read, for rules about the text as written, whose pointers must be exact). A "data" rule
also accepts a model in its place, called like the others (``rule(report, plan)``), and reads its document form.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import attrs

from jusou_spec.findings import Check, Finding

__all__ = ["Rule", "code_group"]


def code_group(code: str) -> str:
    """The letters of a code, which name its group: "MT" for MT001."""
    match = re.match(r"[A-Z]+", code)
    return match.group(0) if match else code


@attrs.frozen
class Rule:
    check: Check
    run: Callable[..., Iterable[Finding]]
    doc: str
    module: str
    document: str
    """The kind of document the rule reads: "plan" (``check(plan)``) or "report" (``check(report, plan)``)."""
    reads: str = "model"
    """"model" (the frozen model) or "data" (the document's plain data, exactly as written, from the engine)."""

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        document = getattr(module, "DOCUMENT", "plan")
        return cls(
            check=module.CHECK,
            run=module.check,
            doc=inspect.cleandoc(module.__doc__ or ""),
            module=module.__name__.rsplit(".", 1)[-1],
            document=document,
            reads=getattr(module, "READS", "model"),
        )

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def name(self) -> str:
        return self.check.name

    @property
    def group(self) -> str:
        return self.check.name.split(".", 1)[0]

    def runs_on(self, kind: str) -> bool:
        """Whether the rule reads documents of ``kind`` ("plan" or "report")."""
        return self.document in (kind, "any")

    def __call__(self, *documents: Any) -> Iterable[Finding]:
        return self.run(*documents)
