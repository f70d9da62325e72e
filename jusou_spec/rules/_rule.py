"""What a rule is: a module with a :class:`~jusou_spec.findings.Check`, a docstring and a ``check`` function.

A rule module says *what* is wrong and *where in the document* (JSON pointers); the engine adds file, line and
column, applies suppressions and severity overrides, and never lets a rule's exception reach the user.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import attrs

from jusou_spec.findings import Check, Finding

__all__ = ["Rule"]


@attrs.frozen
class Rule:
    check: Check
    run: Callable[..., Iterable[Finding]]
    doc: str
    module: str
    document: str
    """The kind of document the rule reads: "plan" (``check(plan)``) or "report" (``check(report, plan)``)."""

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        document = getattr(module, "DOCUMENT", "plan")
        return cls(
            check=module.CHECK,
            run=module.check,
            doc=inspect.cleandoc(module.__doc__ or ""),
            module=module.__name__.rsplit(".", 1)[-1],
            document=document,
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

    def __call__(self, *documents: Any) -> Iterable[Finding]:
        return self.run(*documents)
