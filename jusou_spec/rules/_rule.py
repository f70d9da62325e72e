"""What a rule is: a module with a :class:`~jusou_spec.findings.Check`, a docstring and a ``check`` function.

A rule module says *what* is wrong and *where in the document* (JSON pointers); the engine adds file, line and
column, applies suppressions and severity overrides, and never lets a rule's exception reach the user.

A module may set ``DOCUMENT`` (which kind of document it reads: "plan", the default, "report" or "any") and
``READS`` ("model", the default: ``check(plan)`` or ``check(report, plan)``; or "data": the engine passes the
document's plain data as read, for rules about the text as written, whose pointers must be exact). A "data" rule
also accepts a model in its place, called like the others (``rule(report, plan)``), and reads its document form.

A module sets ``DOC_JA``, its explanation in Japanese (what ``jusou rules CODE`` shows by default and what
docs/rules.md leads with); the module docstring is the English one, and holds the examples both languages show.

A module may set ``OPTIONS``, the settings its ``check`` takes as keyword arguments with their defaults (as
yamllint's ``CONF``/``DEFAULT``). Whoever chooses the rules sets them with :meth:`Rule.configure`, never by
replacing the rule's function; the engine passes them on every call.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType, ModuleType
from typing import Any

import attrs

from jusou_spec.findings import Check, Finding
from jusou_spec.rules._examples import examples

__all__ = ["Rule", "code_group"]


def code_group(code: str) -> str:
    """The letters of a code, which name its group: "MT" for MT001."""
    match = re.match(r"[A-Z]+", code)
    return match.group(0) if match else code


def _read_only(options: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(options))


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
    options: Mapping[str, Any] = attrs.field(default={}, converter=_read_only, hash=False)
    """The settings ``check`` receives as keyword arguments: the module's ``OPTIONS``, or as :meth:`configure` set them."""
    doc_ja: str = ""
    """The explanation in Japanese (the module's ``DOC_JA``), without the examples, which ``doc`` holds."""

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
            options=dict(getattr(module, "OPTIONS", {})),
            doc_ja=inspect.cleandoc(getattr(module, "DOC_JA", "")),
        )

    def explanation(self, lang: str) -> str:
        """Why the rule exists and its examples: the docstring in English, ``DOC_JA`` and the same examples in
        Japanese (falling back to English for a rule that has no Japanese yet)."""
        if lang == "en" or not self.doc_ja:
            return self.doc
        shown = [self.doc_ja]
        for example in examples(self.doc):
            body = "\n".join(f"    {line}" if line else "" for line in example.yaml.splitlines())
            shown.append(f"{'通る例' if example.passes else '通らない例'}:\n\n{body}")
        return "\n\n".join(shown)

    def configure(self, **options: Any) -> Rule:
        """This rule with some of its options set (raises :class:`ValueError` for an option it does not take).

        >>> from jusou_spec.fiscal import parse_year
        >>> from jusou_spec.rules import RULES
        >>> rule = next(rule for rule in RULES if rule.code == "IN006")
        >>> dict(rule.options), rule.configure(as_of=parse_year("R6")).options["as_of"] == parse_year("R6")
        ({'as_of': None}, True)
        >>> rule.configure(asof=parse_year("R6"))
        Traceback (most recent call last):
        ValueError: rule IN006 has no option asof
        """
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            raise ValueError(f"rule {self.code} has no option {', '.join(unknown)}")
        return attrs.evolve(self, options={**self.options, **options})

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
        return self.run(*documents, **self.options)
