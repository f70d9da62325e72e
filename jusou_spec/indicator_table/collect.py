"""Reading the files ``jusou indicators`` is given into groups: a plan with its reports, or reports with no plan.

A report names its plan (``計画: {ファイル: …}``); a plan given on the command line gathers the reports that name
it, and a report whose plan is not given brings it in (read from the path the report names). Each file is checked
through the usual pipeline with the indicator rules only, so the command shows the findings that bear on the
figures (a sum that does not add up, a year with no actual) and leaves the rest to ``jusou check``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from jusou_spec.checker import CheckedDocument, check_document, discover
from jusou_spec.findings import Finding, sort_findings
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import Plan, Report
from jusou_spec.resolve_report import linked_plan_path
from jusou_spec.rules import RULES, Rule
from jusou_spec.source import SourceUnreadable

__all__ = ["Collected", "Group", "collect", "indicator_rules"]


@attrs.frozen
class Group:
    """A plan (or None) and its reports, in the order they were given."""

    plan: Plan | None
    reports: tuple[Report, ...]

    @property
    def name(self) -> str:
        return self.plan.name if self.plan is not None else self.reports[0].name


@attrs.frozen
class Collected:
    groups: tuple[Group, ...]
    findings: tuple[Finding, ...]
    files: int
    skipped: int


def indicator_rules(*, as_of: FiscalYear | None) -> tuple[Rule, ...]:
    """The rules of the ``indicators`` group, those that take an ``as_of`` option judging up to ``as_of``."""
    chosen = []
    for rule in RULES:
        if rule.group != "indicators":
            continue
        if as_of is not None and "as_of" in rule.options:
            rule = rule.configure(as_of=as_of)
        chosen.append(rule)
    return tuple(chosen)


def _key(path: str | os.PathLike[str]) -> str:
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):  # a NUL in a report's plan path: that report's check says RF900
        return os.fsdecode(os.fspath(path))


def collect(paths: Iterable[str | os.PathLike[str]], *, as_of: FiscalYear | None = None) -> Collected:
    """Every plan and report under ``paths``, grouped, with the findings of reading and checking them.

    Raises :class:`~jusou_spec.source.SourceUnreadable` for a file that cannot be read at all.
    """
    rules = indicator_rules(as_of=as_of)
    files, skipped = discover(paths)
    checked: list[CheckedDocument] = [check_document(path, rules=rules) for path in files]
    findings: list[Finding] = [finding for document in checked for finding in document.findings]

    plans: dict[str, Plan] = {}
    order: list[str] = []
    reports: dict[str, list[Report]] = {}
    for document in checked:
        if isinstance(document.document, Plan):
            key = _key(document.name)
            plans[key] = document.document
            order.append(key)
            reports.setdefault(key, [])
    for document in checked:
        if not isinstance(document.document, Report):
            continue
        report = document.document
        target = linked_plan_path(report)
        key = _key(target) if target is not None else f"report:{_key(report.name)}"
        if target is not None and key not in plans:
            plan = _read_plan(target, rules, findings)
            if plan is None:
                key = f"report:{_key(report.name)}"
            else:
                plans[key] = plan
        if key not in reports:
            order.append(key)
            reports[key] = []
        reports[key].append(report)

    groups = tuple(Group(plans.get(key), tuple(reports[key])) for key in order)
    return Collected(groups, tuple(sort_findings(_unique(findings))), len(files), skipped)


def _read_plan(path: Path, rules: Sequence[Rule], findings: list[Finding]) -> Plan | None:
    """The plan a report names but the command was not given; None when it cannot be read (the report's own
    check already says so)."""
    name = os.path.normpath(path)
    try:
        document = check_document(name, rules=rules)
    except SourceUnreadable:
        return None
    if not isinstance(document.document, Plan):
        return None
    findings.extend(document.findings)
    return document.document


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
