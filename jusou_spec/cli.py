"""The ``jusou`` command: assembles the subcommands in :mod:`jusou_spec.commands`; no logic of its own.

Exit codes (the contract): 0 when no finding is an error, 1 when one is (``--strict``: or a warning), 2 when the
command could not run (usage, a missing or unreadable path, a missing Graphviz program).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from jusou_spec._version import __version__
from jusou_spec.commands import COMMANDS, EXIT_CANNOT_RUN, UsageError, debug_output, language
from jusou_spec.findings import Language, Message

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prefix = "jusou: usage error: " if language() == "en" else "jusou: コマンドの指定が正しくありません: "
        self.exit(EXIT_CANNOT_RUN, f"{prefix}{message}\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=argparse.SUPPRESS,
        help="messages in Japanese (ja, default) or English (en); JUSOU_LANG sets the default",
    )
    parser = _Parser(
        prog="jusou",
        description="重層的支援体制整備事業実施計画の YAML を検証・図示します (check and draw jusou plan YAML).",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"jusou-spec {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        sub = subcommands.add_parser(command.NAME, parents=[common], help=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        with debug_output(args):
            return int(args.handler(args))
    except UsageError as error:
        sys.stderr.write(f"jusou: {error.message.text(language(args))}\n")
        return EXIT_CANNOT_RUN
    except OSError as error:
        where = getattr(error, "filename", None) or ""
        message = Message(
            ja=f"{where}: 読み書きできません（{error.strerror or error}）",
            en=f"{where}: cannot read or write ({error.strerror or error})",
        )
        sys.stderr.write(f"jusou: {message.text(language(args))}\n")
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        return 130
