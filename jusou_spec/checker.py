"""The checking pipeline: source → schema → model → rules → located findings.

Data flows one way. A document whose text cannot be read as YAML, or whose marker is unknown, stops after the
source step; one that fails its schema stops after the schema step (the model is only built from valid data);
otherwise the model is built and every rule for its kind runs. The engine then stamps each finding with the file,
line and column its JSON pointer comes from. This module imports neither networkx nor graphviz.
"""

from __future__ import annotations

import fnmatch
import functools
import logging
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath

import attrs

from jusou_spec import schema
from jusou_spec.catalogue import all_checks
from jusou_spec.engine_checks import INTERNAL, PLAN_NOT_FOUND
from jusou_spec.errors import JusouError
from jusou_spec.findings import Finding, Message, Severity, sort_findings
from jusou_spec.gitignore import ignored_by_git
from jusou_spec.model import NotStated, Plan, Report, pointer_in
from jusou_spec.resolve_report import linked_plan_path
from jusou_spec.rules import RULES, Rule, remember_strings
from jusou_spec.source import (
    SourceDocument,
    SourceMap,
    SourceUnreadable,
    carries_marker,
    folder_unreadable,
    read_source,
)
from jusou_spec.suppression import apply_suppressions

__all__ = [
    "INTERNAL",
    "SKIPPED_FOLDERS",
    "WORKBOOK_SUFFIXES",
    "CheckedDocument",
    "DocumentError",
    "check_document",
    "check_plan",
    "check_report",
    "check_source",
    "discover",
    "excluded",
    "read_document",
]

WORKBOOK_SUFFIXES = (".xlsx",)
"""Files read as workbooks (the ``excel`` extra); every other file is read as YAML."""


_log = logging.getLogger(__name__)


class DocumentError(JusouError, ValueError):
    """A document that cannot be loaded as a model; ``findings`` say why, with file, line and column."""

    problem = "cannot be loaded"
    """What the message says of the document after its name."""

    def __init__(self, name: str, findings: list[Finding]) -> None:
        self.name = name
        self.findings = findings
        first = findings[0] if findings else None
        where = f"{first.file}:{first.line}:{first.column}: {first.code} {first.text('en')}" if first else name
        super().__init__(f"{name} {self.problem}: {where}")


@attrs.frozen
class CheckedDocument:
    """One checked file: its kind, the model when one could be built, and its findings in reading order."""

    name: str
    kind: str | None
    document: Plan | Report | None
    findings: tuple[Finding, ...]


def check_source(
    source: SourceDocument,
    *,
    rules: Sequence[Rule] = RULES,
    severities: Mapping[str, Severity] | None = None,
) -> CheckedDocument:
    """Check a loaded source document through every stage that its state allows.

    ``rules`` are the rules to run (all by default; see :func:`jusou_spec.selection.choose`), ``severities``
    per-code severity overrides for them (see :func:`jusou_spec.selection.severity_overrides`). The document's
    own suppressions (``抑制``) are applied last.
    """
    findings = list(source.findings)
    document: Plan | Report | None = None
    if source.data is not None and source.kind is not None:
        schema_findings = schema.validate(source.kind, source.data)
        findings.extend(schema_findings)
        if not schema_findings:
            if source.strings:  # read from YAML: the rules need not walk the data for its text again
                remember_strings(source.data, source.strings)
            document, model_findings = _build(source)
            findings.extend(model_findings)
            findings.extend(_grade(_run_rules(document, source, rules), severities))
            findings = _suppress(findings, document, rules, source.data)
    located = [_locate(finding, source.name, source.source_map) for finding in findings]
    return CheckedDocument(source.name, source.kind, document, tuple(sort_findings(located)))


def check_document(
    path: str | os.PathLike[str],
    *,
    rules: Sequence[Rule] = RULES,
    severities: Mapping[str, Severity] | None = None,
) -> CheckedDocument:
    """Read and check one file (raises :class:`~jusou_spec.source.SourceUnreadable` for an unreadable path)."""
    return check_source(read_document(path), rules=rules, severities=severities)


def read_document(path: str | os.PathLike[str]) -> SourceDocument:
    """Load a YAML file, or a workbook (``.xlsx``) through :mod:`jusou_spec.workbook.read`, which needs openpyxl
    and is imported only here, so that checking YAML never loads it."""
    if Path(path).suffix.lower() not in WORKBOOK_SUFFIXES:
        return read_source(path)
    try:
        from jusou_spec.workbook.read import read_workbook
    except ImportError as error:
        raise SourceUnreadable(os.fsdecode(os.fspath(path)), EXCEL_MISSING) from error
    return read_workbook(path)


EXCEL_MISSING = Message(
    ja="ワークブック（.xlsx）を読むには openpyxl が必要です。pip install 'jusou-spec[excel]' で入れてください。",
    en="reading workbooks (.xlsx) needs openpyxl: pip install 'jusou-spec[excel]'",
)


def check_plan(
    plan: Plan, *, rules: Sequence[Rule] = RULES, severities: Mapping[str, Severity] | None = None
) -> list[Finding]:
    """Run the rules on a plan already in memory (findings carry pointers, not lines); its suppressions apply."""
    data = plan.to_document()
    found = [finding for rule in rules if rule.runs_on("plan") for finding in _safe_run(rule, plan, None, data)]
    return sort_findings(_suppress(list(_grade(found, severities)), plan, rules, data))


def check_report(
    report: Report, *, rules: Sequence[Rule] = RULES, severities: Mapping[str, Severity] | None = None
) -> list[Finding]:
    """Run the report rules on a report already in memory, against the plan it names (read from its file, relative
    to the report's ``name``); findings carry pointers, not lines; its suppressions apply."""
    data = report.to_document()
    plan, found = _linked_plan(report)
    found.extend(finding for rule in rules if rule.runs_on("report") for finding in _safe_run(rule, report, plan, data))
    return sort_findings(_suppress(list(_grade(found, severities)), report, rules, data))


def _build(source: SourceDocument) -> tuple[Plan | Report, list[Finding]]:
    model = Plan if source.kind == "plan" else Report
    return model.from_document(source.data, name=source.name)  # type: ignore[arg-type]


def _run_rules(document: Plan | Report, source: SourceDocument, rules: Sequence[Rule]) -> Iterator[Finding]:
    if isinstance(document, Plan):
        for rule in rules:
            if rule.runs_on("plan"):
                yield from _safe_run(rule, document, None, source.data)
        return
    plan, plan_findings = _linked_plan(document)
    yield from plan_findings
    for rule in rules:
        if rule.runs_on("report"):
            yield from _safe_run(rule, document, plan, source.data)


def _grade(findings: Iterable[Finding], severities: Mapping[str, Severity] | None) -> Iterator[Finding]:
    """Findings with the configured severity of their rule (only rule codes are ever in ``severities``)."""
    for finding in findings:
        severity = (severities or {}).get(finding.code)
        yield finding.evolve(severity=severity) if severity and finding.code in _rule_codes() else finding


@functools.cache
def _rule_codes() -> frozenset[str]:
    return frozenset(rule.code for rule in RULES)


def _suppress(findings: list[Finding], document: Plan | Report, rules: Sequence[Rule], data: object) -> list[Finding]:
    kind = "plan" if isinstance(document, Plan) else "report"
    return apply_suppressions(
        findings,
        document.suppressions,
        adjustable=_rule_codes(),
        ran=frozenset(rule.code for rule in rules if rule.runs_on(kind)),
        known=frozenset(check.code for check in all_checks()),
        data=data,
    )


def _safe_run(rule: Rule, document: Plan | Report, plan: Plan | None, data: object) -> Iterator[Finding]:
    """A rule's findings; an exception inside a rule becomes one finding naming it, never a traceback. The traceback
    goes to this module's logger at debug level, which ``jusou --debug`` (or ``JUSOU_DEBUG=1``) shows."""
    try:
        if rule.reads == "data":
            found = list(rule(data))
        else:
            found = list(rule(document) if rule.document == "plan" else rule(document, plan))
    except Exception as error:
        _log.debug("%s: rule %s (%s) failed", document.name or "(document)", rule.code, rule.name, exc_info=True)
        yield INTERNAL.finding(
            Message(
                ja=f"規則 {rule.code}（{rule.name}）の検査中にエラーが起きました（{_describe(error)}）。"
                "この文書を添えて jusou-spec に報告してください（--debug で詳細を表示します）",
                en=f"rule {rule.code} ({rule.name}) failed ({_describe(error)}); please report this with the document"
                " (--debug shows the traceback)",
            )
        )
        return
    yield from found


def _describe(error: Exception, *, limit: int = 200) -> str:
    """The exception's type and message on one line, cut at ``limit`` characters (a finding is one line)."""
    text = " ".join(str(error).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _linked_plan(report: Report) -> tuple[Plan | None, list[Finding]]:
    """The plan a report names, modelled as ``jusou_spec.load`` models it (its own findings are not repeated here:
    check it on its own). Only a plan is followed: a report that names itself, or another report (which may name
    this one back), is a finding, never a loop."""
    link, path = report.plan, linked_plan_path(report)
    if path is None or link is None or isinstance(link, NotStated):
        return None, []
    try:
        source = read_source(path)
    except SourceUnreadable:
        return None, [_plan_unreadable(link.file)]
    if source.kind == "report":
        return None, [_plan_is_report(link.file, itself=_identity(path) == _identity(Path(report.name)))]
    linked = check_source(source, rules=()).document
    if not isinstance(linked, Plan):
        return None, [_plan_unreadable(link.file)]
    return linked, []


def _plan_unreadable(file: str) -> Finding:
    return PLAN_NOT_FOUND.finding(
        Message(
            ja=f"計画ファイル「{file}」を計画として読めません（パスを確かめ、計画を jusou check で検査してください）",
            en=f"the plan file '{file}' cannot be read as a plan (check the path, and check the plan itself)",
        ),
        pointer_in(Report, "plan", "file"),
    )


def _plan_is_report(file: str, *, itself: bool) -> Finding:
    if itself:
        message = Message(
            ja=f"計画ファイル「{file}」はこの報告書自身です。報告書が対象とする計画（jusou: plan/1）のファイルを"
            "指定してください",
            en=f"the plan file '{file}' is this report itself: name the file of the plan (jusou: plan/1) it reports on",
        )
    else:
        message = Message(
            ja=f"計画ファイル「{file}」は計画ではなく報告書（jusou: report/1）です。報告書が対象とする計画の"
            "ファイルを指定してください",
            en=f"the plan file '{file}' is a report (jusou: report/1), not a plan: name the file of the plan it "
            "reports on",
        )
    return PLAN_NOT_FOUND.finding(message, pointer_in(Report, "plan", "file"))


def _locate(finding: Finding, name: str, source_map: SourceMap) -> Finding:
    if finding.line is not None and finding.file is not None:
        return finding
    position = source_map.locate(finding.pointer, key=True)
    return finding.evolve(
        file=name,
        line=finding.line or position.line,
        column=finding.column or position.column,
        cell=finding.cell or position.cell,
    )


def _document_suffix(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") or path.suffix.lower() in WORKBOOK_SUFFIXES


def _carries_workbook_marker(path: Path) -> bool:
    if path.name.startswith("~$"):
        return False  # Excel's lock file beside an open workbook
    try:
        from jusou_spec.workbook.read import carries_workbook_marker
    except ImportError:
        return False
    return carries_workbook_marker(path)


SKIPPED_FOLDERS = frozenset({".venv", "venv", "node_modules", "__pycache__"})
"""Folders a walk never enters, besides hidden ones (``.git``, ``.venv``…) and what ``.gitignore`` ignores."""


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Sequence[str] = (),
    problems: list[SourceUnreadable] | None = None,
    seen: set[str] | None = None,
) -> tuple[list[Path], int]:
    """The files to check under ``paths``: files given by name, and below folders every ``*.yaml``/``*.yml``
    that carries the ``jusou:`` marker and every ``*.xlsx`` whose 基本情報 sheet has its ``jusou`` row, in sorted
    order, each file once however often it is given (``seen`` carries the files already listed across calls).
    Returns them with the number of folder files skipped.

    A folder walk leaves out hidden folders, :data:`SKIPPED_FOLDERS`, what git ignores there (when the folder is
    in a work tree) and whatever matches an ``exclude`` glob: the glob is matched against each file's and folder's
    name and against its path relative to the folder walked (``drafts``, ``*.draft.yaml``, ``plans/old/*``). A file
    named directly is always checked.

    Nothing is dropped without a word: a file below a folder whose marker cannot be read (no permission, a named
    pipe) is listed, so that reading it says why; a folder that cannot be listed is added to ``problems`` (raised
    as :class:`~jusou_spec.source.SourceUnreadable` when ``problems`` is None).
    """
    files: list[Path] = []
    seen = set() if seen is None else seen
    skipped = 0

    def add(path: Path) -> None:
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            add(path)
            continue
        for candidate in _walk(path, exclude, problems):
            if _marked_or_unreadable(candidate):
                add(candidate)
            else:
                skipped += 1
    return files, skipped


def _identity(path: Path) -> str:
    """One key for every spelling of a file's path (./a.yaml, a.yaml, a link to it)."""
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):
        return os.fsdecode(os.fspath(path))


def excluded(relative: PurePosixPath, patterns: Sequence[str]) -> bool:
    """Whether a path (relative to the folder walked) matches one of the ``--exclude`` globs: the path, a folder
    above it (``plans/old``), or the name of any of them (``drafts``, ``*.old.yaml``).

    >>> path = PurePosixPath("plans/old/a.yaml")
    >>> excluded(path, ["old"]), excluded(path, ["plans/old"]), excluded(path, ["*.old.yaml"])
    (True, True, False)
    """
    parts = relative.parts
    candidates = [*parts, *("/".join(parts[: end + 1]) for end in range(len(parts)))]
    return any(fnmatch.fnmatchcase(text, pattern.rstrip("/")) for pattern in patterns for text in candidates)


def _walk(folder: Path, exclude: Sequence[str], problems: list[SourceUnreadable] | None) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` and ``*.xlsx`` file below ``folder`` a walk takes (links to folders are not followed)."""

    def unlisted(error: OSError) -> None:
        shown = os.fsdecode(error.filename) if error.filename is not None else str(folder)
        unreadable = SourceUnreadable(shown, folder_unreadable(shown, error))
        if problems is None:
            raise unreadable
        problems.append(unreadable)

    found: list[Path] = []
    for top, folders, names in os.walk(folder, onerror=unlisted):
        here = Path(top)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in SKIPPED_FOLDERS
            and not excluded(PurePosixPath((here / name).relative_to(folder).as_posix()), exclude)
        )
        for name in names:
            candidate = here / name
            if not _document_suffix(candidate) or os.path.isdir(candidate):
                continue
            if not excluded(PurePosixPath(candidate.relative_to(folder).as_posix()), exclude):
                found.append(candidate)
    ignored = ignored_by_git(folder, found)
    return sorted(candidate for candidate in found if candidate not in ignored)


def _marked_or_unreadable(path: Path) -> bool:
    """True when the file carries the marker, or when it cannot be read to tell (reading it will say why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    if not stat.S_ISREG(mode):
        return True
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _carries_workbook_marker(path)
    return carries_marker(path, unreadable=True)
