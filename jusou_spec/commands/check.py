"""``jusou check PATH…``: check plans and reports, print the findings, exit 0/1/2.

Each file is checked with the ``jusou.toml`` found above it (or the one ``--config`` names): the rules it selects
or ignores, its severity overrides, its ``strict``. ``--select`` replaces the file's selection and ``--ignore``
adds to its list, so a one-off run can narrow the check without editing the file.

``--jobs N`` checks the files in N worker processes; the output is the serial run's, byte for byte and in the same
order. Without it, ``[check] jobs`` of the ``jusou.toml`` that applies to the first path given decides, and
otherwise one job per core when more than :data:`FEW_FILES` files are checked, one job for fewer.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from jusou_spec.checker import check_document, discover
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, add_debug_argument, language
from jusou_spec.config import Config, ConfigUnreadable, find_config, load_config
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.reporters import REPORTERS, Summary, render
from jusou_spec.rules import Rule
from jusou_spec.selection import SelectorError, expand
from jusou_spec.source import SourceUnreadable

NAME = "check"
HELP = "check plans and reports (files or folders)"

FEW_FILES = 4
"""Up to this many files are checked in one process by default: starting workers costs more than it saves."""

_Task = tuple[Path, Sequence[Rule], Mapping[str, Severity]]
_Result = tuple[str, tuple[Finding, ...]] | Message


def _jobs_argument(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of jobs, 1 or more: {text!r}")
    return jobs


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
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs_argument,
        metavar="N",
        help="check the files in N processes (default: jusou.toml's jobs, else one per core for more than "
        f"{FEW_FILES} files); the output is the same",
    )
    add_debug_argument(parser)


def _selectors(given: Sequence[str] | None) -> list[str] | None:
    if given is None:
        return None
    selectors = [part.strip() for text in given for part in text.split(",") if part.strip()]
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
        return self.for_path(path)

    def for_path(self, path: Path) -> Config:
        """The configuration of a file or folder (raises :class:`UsageError` when it cannot be read)."""
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
    for given in args.paths:
        if not os.path.exists(given):
            raise UsageError(
                Message(ja=f"{given}: ファイルまたはフォルダがありません", en=f"{given}: no such file or folder")
            )
    select, ignore = _selectors(args.select), _selectors(args.ignore) or []
    configs = _Configs(args.config)
    files, skipped = discover(args.paths)
    tasks: list[_Task] = []
    strict: list[bool] = []
    unreadable_config: UsageError | None = None
    for path in files:
        try:
            config = configs.for_file(path)
        except UsageError as error:  # raised once the files before it are checked, as a serial run would
            unreadable_config = error
            break
        tasks.append((path, config.rules(select=select, ignore=ignore), config.severities()))
        strict.append(args.strict or config.strict)
    findings: list[Finding] = []
    strict_files: set[str] = set()
    for result, is_strict in zip(_results(tasks, _jobs(args, configs, len(tasks))), strict, strict=True):
        if isinstance(result, Message):
            raise UsageError(result)
        name, found = result
        findings.extend(found)
        if is_strict:
            strict_files.add(name)
    if unreadable_config is not None:
        raise unreadable_config
    findings = configs.findings + findings
    summary = Summary(files=len(files), skipped=skipped, paths=tuple(str(path) for path in files))
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render(args.format, findings, summary, lang=language(args), colour=colour))
    return EXIT_FINDINGS if any(_fails(f, strict_files) for f in findings) else EXIT_OK


def _jobs(args: argparse.Namespace, configs: _Configs, files: int) -> int:
    """``--jobs``, else the ``jobs`` of the configuration of the first path given, else by the number of files."""
    jobs: int | None = args.jobs
    if jobs is None and args.paths:
        jobs = configs.for_path(Path(args.paths[0])).jobs
    if jobs is None:
        jobs = _cores() if files > FEW_FILES else 1
    return max(1, min(jobs, files))


def _cores() -> int:
    """The cores this process may run on (its affinity where the platform says, as ``os.process_cpu_count``)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _check_one(task: _Task) -> _Result:
    """One file's name and findings, or the message of a file that cannot be read (a worker runs this too)."""
    path, rules, severities = task
    try:
        checked = check_document(path, rules=rules, severities=severities)
    except SourceUnreadable as error:
        return error.message
    return checked.name, checked.findings


def _results(tasks: Sequence[_Task], jobs: int) -> Iterator[_Result]:
    if jobs <= 1:
        return map(_check_one, tasks)
    # The process pool costs more to import than a small check takes: only a parallel run imports it.
    import jusou_spec.commands._parallel as parallel

    return parallel.in_order(_check_one, tasks, jobs)


def _fails(finding: Finding, strict_files: set[str]) -> bool:
    if finding.suppressed:
        return False
    return finding.severity is Severity.ERROR or (finding.severity is Severity.WARNING and finding.file in strict_files)
