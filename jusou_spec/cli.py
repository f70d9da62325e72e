"""The ``jusou`` command: argument parsing and output only; the work is done by the library.

Exit codes (the contract): 0 when no finding is an error, 1 when one is (``--strict``: or a warning), 2 when the
command could not run (usage, a missing or unreadable path, a missing Graphviz program).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from jusou_spec import __version__
from jusou_spec.atomic import write_text_atomically
from jusou_spec.checker import check_document, discover
from jusou_spec.findings import Finding, Language, Message, Severity
from jusou_spec.reporters import REPORTERS, Summary, render
from jusou_spec.resources import SCHEMA_FILES, schema_text
from jusou_spec.source import SourceUnreadable

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


class UsageError(Exception):
    """The command cannot run; the message is shown on one line and the exit code is 2."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        lang = os.environ.get("JUSOU_LANG", "ja")
        prefix = "jusou: usage error: " if lang == "en" else "jusou: コマンドの指定が正しくありません: "
        self.exit(EXIT_CANNOT_RUN, f"{prefix}{message}\n")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
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
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", parents=[common], help="check plans and reports (files or folders)")
    check.add_argument("paths", nargs="+", metavar="PATH", help="YAML files, or folders to search for them")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default text)")
    check.add_argument("--strict", action="store_true", help="warnings count as errors for the exit code")
    check.set_defaults(handler=_check)

    schema = commands.add_parser("schema", parents=[common], help="print or write a document schema")
    schema.add_argument("--kind", choices=sorted(SCHEMA_FILES), default="plan", help="plan (default) or report")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    schema.set_defaults(handler=_schema)

    rules = commands.add_parser("rules", parents=[common], help="list every check and its code")
    rules.set_defaults(handler=_rules)
    return parser


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or os.environ.get("JUSOU_LANG", "ja")


def _check(args: argparse.Namespace) -> int:
    lang = _lang(args)
    for given in args.paths:
        if not os.path.exists(given):
            raise UsageError(Message(ja=f"{given}: ファイルまたはフォルダがありません", en=f"{given}: no such file or folder"))
    files, skipped = discover(args.paths)
    findings: list[Finding] = []
    for path in files:
        try:
            findings.extend(check_document(path).findings)
        except SourceUnreadable as error:
            raise UsageError(error.message) from error
    sys.stdout.write(render(args.format, findings, Summary(files=len(files), skipped=skipped), lang=lang))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = schema_text(args.kind)
    if args.output:
        write_text_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from jusou_spec.catalogue import all_checks

    lang = _lang(args)
    for check in all_checks():
        sys.stdout.write(f"{check.code}  {check.severity.value:<7}  {check.name:<32}  {check.title.text(lang)}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except UsageError as error:
        sys.stderr.write(f"jusou: {error.message.text(_lang(args))}\n")
        return EXIT_CANNOT_RUN
    except OSError as error:
        where = getattr(error, "filename", None) or ""
        message = Message(
            ja=f"{where}: 書き込めません（{error.strerror or error}）",
            en=f"{where}: cannot write ({error.strerror or error})",
        )
        sys.stderr.write(f"jusou: {message.text(_lang(args))}\n")
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        return 130
