"""The ``jusou`` command: assembles the subcommands in :mod:`jusou_spec.commands`; no logic of its own.

Exit codes (the contract): 0 when no finding is an error, 1 when one is (``--strict``: or a warning), 2 when the
command could not run (usage, a missing or unreadable path, a missing Graphviz program).
"""

from __future__ import annotations

import argparse
import codecs
import errno
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from jusou_spec._version import __version__
from jusou_spec.commands import (
    COMMANDS,
    EXIT_CANNOT_RUN,
    UsageError,
    debug_output,
    language,
    say,
    unknown_environment_language,
)
from jusou_spec.files import NotRegularFile, PipeWithoutReader
from jusou_spec.findings import Language, Message

__all__ = ["main"]


# argparse's own messages (its words are fixed; Python 3.11 to 3.13 spell the choices with or without quotes),
# told in Japanese: (pattern, Japanese with the pattern's groups).
_USAGE_JA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), ja)
    for pattern, ja in (
        (r"^unrecognized arguments: (?P<what>.*)$", "使えない引数があります: {what}"),
        (r"^the following arguments are required: (?P<what>.*)$", "次の引数が必要です: {what}"),
        (
            r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$",
            "{arg} に{value}は指定できません。指定できるもの: {choices}",
        ),
        (r"^argument (?P<arg>[^:]+): expected one argument$", "{arg} の後に値を一つ書いてください"),
        (r"^argument (?P<arg>[^:]+): expected at least one argument$", "{arg} の後に値を一つ以上書いてください"),
        (r"^argument (?P<arg>[^:]+): invalid (?P<type>\w+) value: (?P<value>.*)$", "{arg} の値{value}は使えません"),
        (r"^argument (?P<arg>[^:]+): not allowed with argument (?P<other>.*)$", "{arg} と {other} は同時に使えません"),
        (r"^argument (?P<arg>[^:]+): ignored explicit argument (?P<value>.*)$", "{arg} は値をとりません（{value}）"),
        (
            r"^ambiguous option: (?P<given>\S+) could match (?P<options>.*)$",
            "{given} がどのオプションか決まりません（候補: {options}）",
        ),
    )
)


def _usage_in_japanese(message: str) -> str:
    """argparse's message in Japanese: "subcommand" for its ``command`` argument, quotes as 「」."""
    for pattern, ja in _USAGE_JA:
        match = pattern.match(message)
        if match:
            words = {
                name: value.replace("argument command", "サブコマンド") for name, value in match.groupdict().items()
            }
            if words.get("arg") == "command":
                words["arg"] = "サブコマンド"
            if "value" in words:
                words["value"] = f"「{words['value'].strip(chr(39))}」"
            if "choices" in words:
                words["choices"] = "".join(f"「{choice.strip(chr(39))}」" for choice in words["choices"].split(", "))
            return ja.format(**words)
    return f"{message}（引数の解析器の説明）"


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Japanese unless ``--lang en``: the usage line, the section titles and the
    ``-h`` option of ``--help`` (each command writes its options' explanations itself)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A parser without -h only lends its options to others, which file them under the titles it has: it keeps
        # argparse's, so that they go into the borrower's own sections.
        if _language() != "en" and self.add_help:
            self._positionals.title = "引数"
            self._optionals.title = "オプション"
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):  # the -h argparse adds, before any parent's options
                    action.help = "この説明を表示して終わります"

    def format_usage(self) -> str:
        return _usage_word(super().format_usage())

    def format_help(self) -> str:
        return _usage_word(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if _language() == "en":
            self.exit(EXIT_CANNOT_RUN, f"jusou: usage error: {message}\n")
        self.exit(EXIT_CANNOT_RUN, f"jusou: コマンドの指定が正しくありません: {_usage_in_japanese(message)}\n")


def _usage_word(text: str) -> str:
    return text if _language() == "en" else re.sub(r"^usage:", "使い方:", text)


def _language() -> str:
    """The language of a usage error: ``--lang`` as written on the command line (argparse has not finished reading
    it when it fails), else as :func:`language` says."""
    argv = sys.argv[1:] if _ARGV is None else _ARGV
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return language()


_ARGV: list[str] | None = None


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=argparse.SUPPRESS,
        help="メッセージの言語: ja（日本語、既定）か en（英語）。環境変数 JUSOU_LANG でも既定を変えられます "
        "(messages in Japanese or English; JUSOU_LANG sets the default)",
    )
    parser = _Parser(
        prog="jusou",
        description="重層的支援体制整備事業実施計画の YAML を検証・図示します (check and draw jusou plan YAML).",
        parents=[common],
    )
    version_help = None if _language() == "en" else "版（バージョン）を表示して終わります"
    parser.add_argument("--version", action="version", version=f"jusou-spec {__version__}", help=version_help)
    subcommands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        sub = subcommands.add_parser(command.NAME, parents=[common], help=command.HELP.text(_language()))
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard stream the shell closed (``>&-``, ``2>&-``): writing to it is an error that says
    which stream, rather than an AttributeError on None."""

    def __init__(self, name: str) -> None:
        self.name = name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "closed", self.name)

    def isatty(self) -> bool:
        return False


def _replace_unencodable(error: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    # The UTF-8 encoder takes a non-ASCII replacement only as bytes; other encodings get "?".
    if error.encoding.replace("-", "").replace("_", "").lower() == "utf8":
        return "\ufffd".encode() * (error.end - error.start), error.end
    return "?" * (error.end - error.start), error.end


_REPLACE = "jusou.replace"
codecs.register_error(_REPLACE, _replace_unencodable)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    if sys.stderr is None:
        # With standard error closed, messages have nowhere to go: they are dropped, the exit code still tells.
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = _ClosedStream("<stdout>")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            # A file name that is not UTF-8 reaches the messages as lone surrogates; they are shown as U+FFFD rather
            # than failing the whole output with UnicodeEncodeError.
            stream.reconfigure(errors=_REPLACE)
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`jusou rules | head -1`): it has what it wanted, so nothing is said, and the rest
        # of the output, which no one reads, is sent nowhere instead of failing again when Python exits.
        _discard_stdout()
        return EXIT_CANNOT_RUN


def _main(argv: Sequence[str] | None) -> int:
    global _ARGV
    _ARGV = None if argv is None else list(argv)
    args = _parser().parse_args(argv)
    unknown = unknown_environment_language()
    if unknown is not None:
        sys.stderr.write(
            f"jusou: JUSOU_LANG={unknown} は使えません（ja か en）。日本語で表示します / "
            f"JUSOU_LANG={unknown} is not ja or en; using Japanese\n"
        )
    try:
        with debug_output(args):
            code = int(args.handler(args))
        sys.stdout.flush()
        return code
    except UsageError as error:
        say(error.message, language(args))
        return EXIT_CANNOT_RUN
    except BrokenPipeError:
        raise
    except OSError as error:
        where = os.fsdecode(error.filename) if getattr(error, "filename", None) is not None else ""
        if where == "<stdout>":
            message = Message(ja="標準出力が閉じています（出力先を指定してください）", en="standard output is closed")
        elif isinstance(error, PipeWithoutReader):
            message = Message(
                ja=f"{where}: 名前付きパイプ（FIFO）を読むプロセスがないため書けません",
                en=f"{where}: no process reads this named pipe (FIFO): not written",
            )
        elif isinstance(error, NotRegularFile):
            message = Message(
                ja=f"{where}: {error.kind_ja}で、通常のファイルではないため書きません",
                en=f"{where}: a {error.kind}, not a regular file: not written",
            )
        else:
            message = Message(
                ja=f"{where}: 読み書きできません（{error.strerror or error}）",
                en=f"{where}: cannot read or write ({error.strerror or error})",
            )
        say(message, language(args))
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        return 130


def _discard_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
