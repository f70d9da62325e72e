"""What the subcommands share: the exit codes, the one-line usage error, the message language, the lines they
write on standard error, ``--debug``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from jusou_spec.findings import Finding, Language, Message
from jusou_spec.reporters import one_line, text_line

__all__ = [
    "EXIT_CANNOT_RUN",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "FEW_FILES",
    "UsageError",
    "add_debug_argument",
    "chosen_format",
    "cores",
    "debug_output",
    "debugging",
    "in_order",
    "job_count",
    "jobs_argument",
    "language",
    "require_paths",
    "say",
    "say_findings",
    "stdout_is_terminal",
    "unknown_environment_language",
]

T = TypeVar("T")
R = TypeVar("R")

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


def say(message: Message, lang: str) -> None:
    """One line on standard error: ``jusou:`` and the message in the run's language, kept to one line as a finding
    is (a newline in a file name the message quotes is written as ``\\n``)."""
    sys.stderr.write(f"jusou: {one_line(message.text(lang))}\n")


def say_findings(findings: Sequence[Finding], lang: str) -> None:
    """Findings on standard error, one line each in the text format's form (``file:line:col: severity CODE …``)."""
    for finding in findings:
        sys.stderr.write(f"{text_line(finding, lang)}\n")


class UsageError(Exception):
    """The command cannot run; the message is shown on one line and the exit code is 2."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def chosen_format(given: str | None, output: str | None) -> str | None:
    """The output format: ``--format`` or the output file's extension; both given and different is a usage error."""
    suffix = os.path.splitext(output)[1].lower().lstrip(".") if output else None
    if given and suffix and suffix != given:
        raise UsageError(
            Message(
                ja=f"--format {given} と出力ファイルの拡張子 .{suffix} が一致しません",
                en=f"--format {given} does not match the output file's extension .{suffix}",
            )
        )
    return given or suffix or None


LANGUAGES = tuple(lang.value for lang in Language)


def language(args: argparse.Namespace | None = None) -> str:
    """``--lang`` when given, else ``JUSOU_LANG`` when it names a language the messages exist in, else Japanese
    (the CLI says once that it ignored an unknown ``JUSOU_LANG``: see :func:`unknown_environment_language`)."""
    given = getattr(args, "lang", None) if args is not None else None
    if given:
        return str(given)
    configured = os.environ.get("JUSOU_LANG", "")
    return configured if configured in LANGUAGES else "ja"


def unknown_environment_language() -> str | None:
    """``JUSOU_LANG`` when it is set to something other than a language the messages exist in (ja, en)."""
    configured = os.environ.get("JUSOU_LANG", "")
    return configured if configured and configured not in LANGUAGES else None


def require_paths(paths: Sequence[str]) -> None:
    """Raise :class:`UsageError` for the first given path that does not exist or cannot be reached."""
    for given in paths:
        try:
            os.stat(given)
        except FileNotFoundError:
            raise UsageError(
                Message(ja=f"{given}: ファイルまたはフォルダがありません", en=f"{given}: no such file or folder")
            ) from None
        except PermissionError:
            raise UsageError(
                Message(
                    ja=f"{given}: 読む権限がありません（ファイルまたはその上のフォルダ）",
                    en=f"{given}: permission denied (the file or a folder above it)",
                )
            ) from None
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise UsageError(
                Message(ja=f"{given}: 読めません（{reason}）", en=f"{given}: cannot be read ({reason})")
            ) from None


def stdout_is_terminal() -> bool:
    """True when standard output is a terminal (False when it is a file, a pipe, or closed)."""
    try:
        return bool(sys.stdout is not None and sys.stdout.isatty())
    except (OSError, ValueError):
        return False


def add_debug_argument(parser: argparse.ArgumentParser) -> None:
    """``--debug``, for the commands that run rules: a rule that fails is a JS900 finding either way."""
    parser.add_argument(
        "--debug",
        action="store_true",
        help="規則の検査中にエラーが起きたとき、その詳細（トレースバック）も標準エラー出力に出します"
        "（環境変数 JUSOU_DEBUG=1 でも同じ）",
    )


def debugging(args: argparse.Namespace) -> bool:
    """``--debug`` when given, else ``JUSOU_DEBUG`` set to anything but empty or 0 (for CI logs)."""
    return bool(getattr(args, "debug", False)) or os.environ.get("JUSOU_DEBUG", "") not in ("", "0")


@contextlib.contextmanager
def debug_output(args: argparse.Namespace) -> Iterator[None]:
    """While a command runs: with :func:`debugging`, the package's debug log (the traceback of each rule that
    failed) goes to standard error; otherwise nothing changes."""
    if not debugging(args):
        yield
        return
    logger = logging.getLogger("jusou_spec")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("jusou: debug: %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def jobs_argument(text: str) -> int:
    """``--jobs N`` of the commands that check many files: a whole number, 1 or more."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r}: 1 以上の整数で指定してください (a whole number of jobs, 1 or more)"
        )
    return jobs


FEW_FILES = 4
"""Up to this many files are checked in one process by default: starting workers costs more than it saves."""


def cores() -> int:
    """The cores this process may run on (its affinity where the platform says, as ``os.process_cpu_count``)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def job_count(asked: int | None, files: int) -> int:
    """The processes for ``files`` files: ``asked`` when given, else one per core for more than :data:`FEW_FILES`
    files and one for fewer; never more than the files, never fewer than one."""
    if asked is None:
        asked = cores() if files > FEW_FILES else 1
    return max(1, min(asked, files))


def in_order(function: Callable[[T], R], tasks: Sequence[T], jobs: int) -> Iterator[R]:
    """``function`` over ``tasks``, the results in the order of ``tasks``: in this process for one job, else in
    ``jobs`` worker processes (``function`` then a module-level function). The process pool costs more to import
    than a small run takes, so only a parallel run imports it."""
    if jobs <= 1:
        return map(function, tasks)
    import jusou_spec.commands._parallel as parallel

    return parallel.in_order(function, tasks, jobs)
