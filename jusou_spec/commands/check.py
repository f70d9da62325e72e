"""``jusou check PATH…``: check plans and reports, print the findings, exit 0/1/2.

Each file is checked with the ``jusou.toml`` found above it (or the one ``--config`` names): the rules it selects
or ignores, its severity overrides, its ``strict``. ``--select`` replaces the file's selection and ``--ignore``
adds to its list, so a one-off run can narrow the check without editing the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jusou_spec.checker import check_document, discover
from jusou_spec.commands._common import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_debug_argument,
    language,
    require_paths,
    stdout_is_terminal,
)
from jusou_spec.config import Config, ConfigUnreadable, find_config, load_config
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.reporters import REPORTERS, Summary, render
from jusou_spec.selection import SelectorError, expand
from jusou_spec.source import SourceUnreadable

NAME = "check"
HELP = "check plans and reports (files or folders)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="YAML files, or folders to search for them")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default text)")
    parser.add_argument("--strict", action="store_true", help="warnings count as errors for the exit code")
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only these rules: codes or groups, comma-separated (MT,DL001); replaces jusou.toml's select",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="do not run these rules: codes or groups, comma-separated; added to jusou.toml's ignore",
    )
    parser.add_argument("--config", metavar="FILE", help="use this jusou.toml instead of the one found above each file")
    add_debug_argument(parser)


def _selectors(given: Sequence[str] | None, option: str) -> list[str] | None:
    if given is None:
        return None
    selectors = [part.strip() for text in given for part in text.split(",") if part.strip()]
    if not selectors:
        # An empty selection would turn every rule off without a word: a run that checks nothing looks clean.
        raise UsageError(
            Message(
                ja=f"{option} に規則のコードかグループがありません（例: {option} MT,DL001）",
                en=f"{option} names no rule code or group (e.g. {option} MT,DL001)",
            )
        )
    for selector in selectors:
        try:
            expand(selector)
        except SelectorError as error:
            raise UsageError(error.message) from error
    return selectors


def _shown(path: Path) -> str:
    """A configuration file's name as findings show it: relative to the working folder when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _Configs:
    """The configuration of each checked file, each file read once; its findings are reported once."""

    def __init__(self, explicit: str | None) -> None:
        self.explicit = Path(explicit) if explicit else None
        self.loaded: dict[Path | None, Config] = {}
        self.findings: list[Finding] = []
        if self.explicit is not None and not self.explicit.is_file():
            raise UsageError(
                Message(ja=f"{explicit}: 設定ファイルがありません", en=f"{explicit}: no such configuration file")
            )

    def for_file(self, path: Path) -> Config:
        found = self.explicit or find_config(path)
        if found not in self.loaded:
            if found is None:
                self.loaded[found] = Config()
            else:
                try:
                    config, findings = load_config(found, name=_shown(found))
                except ConfigUnreadable as error:
                    raise UsageError(error.message) from error
                self.loaded[found] = config
                self.findings.extend(findings)
        return self.loaded[found]


def run(args: argparse.Namespace) -> int:
    require_paths(args.paths)
    select, ignore = _selectors(args.select, "--select"), _selectors(args.ignore, "--ignore") or []
    configs = _Configs(args.config)
    unreadable: list[SourceUnreadable] = []
    files, skipped = discover(args.paths, problems=unreadable)
    findings: list[Finding] = []
    strict_files: set[str] = set()
    checked_files: list[Path] = []
    for path in files:
        config = configs.for_file(path)
        try:
            checked = check_document(
                path, rules=config.rules(select=select, ignore=ignore), severities=config.severities()
            )
        except SourceUnreadable as error:
            unreadable.append(error)
            continue
        checked_files.append(path)
        findings.extend(checked.findings)
        if args.strict or config.strict:
            strict_files.add(checked.name)
    findings = configs.findings + findings
    summary = Summary(files=len(checked_files), skipped=skipped, paths=tuple(str(path) for path in checked_files))
    colour = stdout_is_terminal() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render(args.format, findings, summary, lang=language(args), colour=colour))
    if unreadable:
        # Every file that could be read has been checked and reported; the ones that could not are each named,
        # and the run as a whole could not be done: exit 2, never a silent skip.
        for problem in unreadable:
            sys.stderr.write(f"jusou: {problem.message.text(language(args))}\n")
        return EXIT_CANNOT_RUN
    return EXIT_FINDINGS if any(_fails(f, strict_files) for f in findings) else EXIT_OK


def _fails(finding: Finding, strict_files: set[str]) -> bool:
    if finding.suppressed:
        return False
    return finding.severity is Severity.ERROR or (finding.severity is Severity.WARNING and finding.file in strict_files)
