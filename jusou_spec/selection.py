"""Choosing rules by code or group (``--select``/``--ignore``, ``jusou.toml``), and overriding their severity.

A selector names a rule by its code (``MT001``), its group's letters (``MT``), its group's name (``meetings``) or
its dotted name (``meetings.support-consent``); case does not matter for codes and letters.

Only the rule catalogue can be chosen, ignored, re-graded or suppressed. The loader's, the schema's, the model's,
the engine's and the configuration's own checks (SR, SV, CL002, YR001, RF900, JS900, SP, CF) are the ground the
rules stand on: a document that fails them has not been checked at all, so no setting may hide them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from jusou_spec.catalogue import BUILT_IN
from jusou_spec.errors import JusouError
from jusou_spec.findings import Message, Severity
from jusou_spec.rules import RULES, Rule, code_group

__all__ = ["SelectorError", "choose", "expand", "severity_overrides"]


class SelectorError(JusouError, ValueError):
    """A selector that names no rule, or names a check no setting may change; ``message`` says which."""

    def __init__(self, selector: str, message: Message, *, fixed: bool = False) -> None:
        super().__init__(message.en)
        self.selector = selector
        self.message = message
        self.fixed = fixed


def _matches(rule: Rule, selector: str) -> bool:
    upper = selector.upper()
    return upper in (rule.code, code_group(rule.code)) or selector in (rule.group, rule.name)


def _fixed_codes() -> dict[str, str]:
    return {check.code: check.name for check in BUILT_IN}


def expand(selector: str, rules: Sequence[Rule] = RULES) -> frozenset[str]:
    """The codes of the rules ``selector`` names (raises :class:`SelectorError` when it names none)."""
    text = selector.strip()
    found = frozenset(rule.code for rule in rules if _matches(rule, text))
    if found:
        return found
    fixed = _fixed_codes()
    if text.upper() in fixed or text.upper() in {code_group(code) for code in fixed} or text in fixed.values():
        raise SelectorError(
            text,
            Message(
                ja=f"「{text}」は読み込み・スキーマなどの基本の検査で、選択・除外・重さの変更はできません"
                "（規則の一覧は jusou rules）",
                en=f"'{text}' is a basic check (loading, schema …) that cannot be selected, ignored or re-graded "
                "(see jusou rules for the rules)",
            ),
            fixed=True,
        )
    raise SelectorError(
        text,
        Message(
            ja=f"「{text}」という規則・グループはありません（コード MT001、グループ MT または meetings の形で。"
            "一覧は jusou rules）",
            en=f"no rule or group '{text}' (write a code like MT001, or a group like MT or meetings; see jusou rules)",
        ),
    )


def choose(
    rules: Sequence[Rule] = RULES, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> tuple[Rule, ...]:
    """The rules to run: those ``select`` names (all when None), less those ``ignore`` names."""
    chosen = {rule.code for rule in rules}
    if select is not None:
        chosen = set().union(*(expand(s, rules) for s in select)) if select else set()
    for selector in ignore:
        chosen -= expand(selector, rules)
    return tuple(rule for rule in rules if rule.code in chosen)


def severity_overrides(overrides: Mapping[str, Severity], rules: Sequence[Rule] = RULES) -> dict[str, Severity]:
    """Per-code severities from per-selector ones; a narrower selector wins over a wider one (code over group)."""
    result: dict[str, Severity] = {}
    for selector, severity in sorted(overrides.items(), key=lambda item: -len(expand(item[0], rules))):
        for code in expand(selector, rules):
            result[code] = severity
    return result
