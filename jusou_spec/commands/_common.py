"""What the subcommands share: the exit codes, the one-line usage error, the message language."""

from __future__ import annotations

import argparse
import os

from jusou_spec.findings import Message

__all__ = ["EXIT_CANNOT_RUN", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "language"]

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


class UsageError(Exception):
    """The command cannot run; the message is shown on one line and the exit code is 2."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def language(args: argparse.Namespace | None = None) -> str:
    """``--lang`` when given, else ``JUSOU_LANG``, else Japanese."""
    given = getattr(args, "lang", None) if args is not None else None
    return given or os.environ.get("JUSOU_LANG", "ja")
