"""What the subcommands share: the exit codes, the one-line usage error, the message language, ``--debug``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator

from jusou_spec.findings import Message

__all__ = [
    "EXIT_CANNOT_RUN",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "UsageError",
    "add_debug_argument",
    "chosen_format",
    "debug_output",
    "debugging",
    "language",
]

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


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


def language(args: argparse.Namespace | None = None) -> str:
    """``--lang`` when given, else ``JUSOU_LANG``, else Japanese."""
    given = getattr(args, "lang", None) if args is not None else None
    return given or os.environ.get("JUSOU_LANG", "ja")


def add_debug_argument(parser: argparse.ArgumentParser) -> None:
    """``--debug``, for the commands that run rules: a rule that fails is a JS900 finding either way."""
    parser.add_argument(
        "--debug",
        action="store_true",
        help="also print the traceback of a rule that fails, on standard error (JUSOU_DEBUG=1 does the same)",
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
