"""``jusou check PATH…``: check plans and reports, print the findings, exit 0/1/2.

Each file is checked with the ``jusou.toml`` found above it (or the one ``--config`` names): the rules it selects
or ignores, its severity overrides, its ``strict``, its ``exclude``. ``--select`` replaces the file's selection and
``--ignore`` adds to its list, so a one-off run can narrow the check without editing the file.

The options other linters have are here under the names CI users know from ruff, flake8 and yamllint:
``--output-file``, ``--exit-zero``, ``--quiet``, ``--statistics``, ``--exclude``, ``-`` for standard input,
``--color`` (see ``docs/ci.md``).

``--jobs N`` checks the files in N worker processes; the output is the serial run's, byte for byte and in the same
order. Without it, ``[check] jobs`` of the ``jusou.toml`` that applies to the first path given decides, and
otherwise one job per core when more than :data:`FEW_FILES` files are checked, one job for fewer.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from jusou_spec._version import DOCUMENTATION_URL
from jusou_spec.atomic import write_text_atomically
from jusou_spec.checker import check_document, check_source, discover, excluded
from jusou_spec.commands._common import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    FEW_FILES,
    UsageError,
    add_debug_argument,
    in_order,
    job_count,
    jobs_argument,
    language,
    require_paths,
    say,
    stdout_is_terminal,
)
from jusou_spec.config import Config, ConfigUnreadable, find_config, load_config
from jusou_spec.files import append_regular
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.reporters import REPORTERS, Summary, render, statistics, step_summary
from jusou_spec.rules import Rule
from jusou_spec.selection import SelectorError, expand
from jusou_spec.source import SourceUnreadable, parse_source

NAME = "check"
HELP = Message(
    ja="計画・報告書を検査します（ファイルまたはフォルダ）",
    en="check plans and reports (files or folders)",
)
STDIN = "-"

_Task = tuple[Path, Sequence[Rule], Mapping[str, Severity]]
_Result = tuple[str, tuple[Finding, ...]] | Message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "計画・報告書の YAML を検査します。フォルダを指定すると、jusou: の印のある *.yaml / *.yml を探します"
        "（隠しフォルダ、.venv、node_modules、.gitignore で除かれたものは探しません）。"
        "終了コード: 0 エラーなし、1 エラーあり（--strict では警告も）、2 検査できない。"
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="検査するファイルまたはフォルダ。- は標準入力から読みます（名前は --stdin-filename）",
    )
    parser.add_argument(
        "--format", choices=sorted(REPORTERS), default="text", help="出力の形式（既定は text）: %(choices)s"
    )
    parser.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="結果を標準出力ではなく FILE に書きます（書き終えてから置き換えるので、途中の内容は残りません）",
    )
    parser.add_argument("--strict", action="store_true", help="警告もエラーと同じく終了コード 1 にします")
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="指摘があっても終了コード 0 で終わります（検査できないときの 2 は変わりません）",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text と github の形式で、エラーと警告だけを出します（情報・抑制した指摘と最後の集計行を出しません）",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="規則ごとの指摘の件数を出します（text では結果の後に、ほかの形式では標準エラー出力に）",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="この規則だけを実行します: コードかグループをコンマ区切りで（MT,DL001）。jusou.toml の select を置き換えます",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="この規則を実行しません: コードかグループをコンマ区切りで。jusou.toml の ignore に加わります",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="フォルダを探すときに除く名前・パターン（drafts、*.old.yaml、plans/old/*）。何度でも指定でき、"
        "jusou.toml の exclude に加わります",
    )
    parser.add_argument(
        "--missing-ok",
        action="store_true",
        help="存在しないファイル・フォルダは注記して飛ばします（既定では終了コード 2）",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="- で標準入力から読む文書の、メッセージに出す名前（報告書が参照する計画はこの名前から探します）",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="text 形式の色: auto は端末のときだけ（NO_COLOR で無効、FORCE_COLOR で有効）、always、never",
    )
    parser.add_argument("--config", metavar="FILE", help="各ファイルの上にある jusou.toml の代わりにこの設定を使います")
    parser.add_argument(
        "--jobs",
        "-j",
        type=jobs_argument,
        metavar="N",
        help="N 個のプロセスで並べて検査します（既定は jusou.toml の jobs、なければファイルが "
        f"{FEW_FILES + 1} 個以上のときコアの数、それ以下は 1）。出力は順序も含めて同じです",
    )
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


def _docs_url() -> str | None:
    """The documentation base URL SARIF links from: ``JUSOU_DOCS_URL``, else the project's setting, else None.
    A base written without its closing ``/`` gets one, so ``rules.md#code`` lands inside the folder."""
    url = (os.environ.get("JUSOU_DOCS_URL") or DOCUMENTATION_URL or "").strip()
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def _existing(paths: Sequence[str], *, missing_ok: bool, lang: str) -> list[str]:
    """The paths that exist (``-`` always does); a missing one stops the command, or with ``--missing-ok`` is
    noted on standard error and skipped. A path that exists but cannot be reached stops the command either way."""
    kept = []
    for given in paths:
        if given != STDIN and missing_ok and not os.path.lexists(given):
            say(
                Message(
                    ja=f"{given}: ファイルまたはフォルダがありません（--missing-ok: 飛ばします）",
                    en=f"{given}: no such file or folder (--missing-ok: skipped)",
                ),
                lang,
            )
            continue
        if given != STDIN:
            require_paths([given])
        kept.append(given)
    return kept


def _excluded_by_config(path: Path, config: Config, named: set[Path]) -> bool:
    """A file found by a folder walk that the ``exclude`` of its ``jusou.toml`` leaves out."""
    if path in named or not config.exclude or config.path is None:
        return False
    try:
        relative = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(config.path)).parent)
    except ValueError:
        return False
    return excluded(PurePosixPath(relative.as_posix()), config.exclude)


def _check_stdin(args: argparse.Namespace, configs: _Configs, select: list[str] | None, ignore: list[str]) -> _Result:
    """The document on standard input, named ``--stdin-filename`` in messages, with the configuration found above
    that name."""
    config = configs.for_file(Path(args.stdin_filename or "."))
    raw = sys.stdin.buffer.read() if sys.stdin is not None else b""
    source = parse_source(raw, name=args.stdin_filename or "<stdin>")
    checked = check_source(source, rules=config.rules(select=select, ignore=ignore), severities=config.severities())
    return checked.name, checked.findings


def _colour(choice: str) -> bool:
    """``--color``: always and never say so; auto colours a terminal, unless ``NO_COLOR`` (or with
    ``FORCE_COLOR``, any output) — both as https://no-color.org and https://force-color.org describe."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stdout_is_terminal()


def _quiet(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.suppressed and f.severity is not Severity.INFO]


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    paths = _existing(args.paths, missing_ok=args.missing_ok, lang=lang)
    select, ignore = _selectors(args.select, "--select"), _selectors(args.ignore, "--ignore") or []
    configs = _Configs(args.config)
    named = {Path(given) for given in paths if given != STDIN and not Path(given).is_dir()}
    problems: list[SourceUnreadable] = []
    seen: set[str] = set()
    skipped = 0
    planned: list[_Task | None] = []  # None: the document on standard input, checked in this process
    strict: list[bool] = []
    for given in paths:
        if given == STDIN:
            planned.append(None)
            strict.append(args.strict or configs.for_file(Path(args.stdin_filename or ".")).strict)
            continue
        found, skipped_here = discover([given], exclude=args.exclude, problems=problems, seen=seen)
        skipped += skipped_here
        for path in found:
            config = configs.for_file(path)
            if _excluded_by_config(path, config, named):
                continue
            planned.append((path, config.rules(select=select, ignore=ignore), config.severities()))
            strict.append(args.strict or config.strict)
    file_tasks = [task for task in planned if task is not None]
    file_results = iter(in_order(_check_one, file_tasks, _jobs(args, configs, len(file_tasks))))
    unreadable = [problem.message for problem in problems]
    findings: list[Finding] = []
    strict_files: set[str] = set()
    checked_names: list[str] = []
    for task, is_strict in zip(planned, strict, strict=True):
        result = next(file_results) if task is not None else _check_stdin(args, configs, select, ignore)
        if isinstance(result, Message):
            unreadable.append(result)
            continue
        name, found_here = result
        findings.extend(found_here)
        checked_names.append(name)
        if is_strict:
            strict_files.add(name)
    findings = configs.findings + findings
    summary = Summary(
        files=len(checked_names),
        skipped=skipped,
        paths=tuple(checked_names),
        strict_files=frozenset(strict_files),
        docs_url=_docs_url(),
    )
    _write(args, findings, summary, lang)
    if unreadable:
        # Every file that could be read has been checked and reported; the ones that could not are each named,
        # and the run as a whole could not be done: exit 2, never a silent skip (--exit-zero does not hide it).
        for message in unreadable:
            say(message, lang)
        return EXIT_CANNOT_RUN
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(_fails(f, strict_files) for f in findings) else EXIT_OK


def _write(args: argparse.Namespace, findings: list[Finding], summary: Summary, lang: str) -> None:
    """The report to standard output or ``--output-file``, the statistics, and GitHub's step summary."""
    shown = _quiet(findings) if args.quiet and args.format in ("text", "github") else findings
    to_file = args.output_file is not None
    output = render(args.format, shown, summary, lang=lang, colour=not to_file and _colour(args.color))
    if args.quiet and args.format in ("text", "github"):
        output = "".join(line + "\n" for line in output.splitlines()[:-1])
    if args.statistics:
        table = statistics(findings, lang)
        if args.format == "text":
            output += table
        else:
            sys.stderr.write(table)
    if to_file:
        write_text_atomically(args.output_file, output)
    else:
        sys.stdout.write(output)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        append_regular(summary_file, step_summary(findings, summary, lang).encode("utf-8", "replace"))


def _jobs(args: argparse.Namespace, configs: _Configs, files: int) -> int:
    """``--jobs``, else the ``jobs`` of the configuration of the first path given, else by the number of files."""
    jobs: int | None = args.jobs
    if jobs is None and args.paths:
        jobs = configs.for_path(Path(args.paths[0])).jobs
    return job_count(jobs, files)


def _check_one(task: _Task) -> _Result:
    """One file's name and findings, or the message of a file that cannot be read (a worker runs this too)."""
    path, rules, severities = task
    try:
        checked = check_document(path, rules=rules, severities=severities)
    except SourceUnreadable as error:
        return error.message
    return checked.name, checked.findings


def _fails(finding: Finding, strict_files: set[str]) -> bool:
    if finding.suppressed:
        return False
    return finding.severity is Severity.ERROR or (finding.severity is Severity.WARNING and finding.file in strict_files)
