"""``jusou diff OLD NEW``: what changed between two versions of a plan or report, compared as documents.

A version is a file, or ``REV:PATH`` (``HEAD^:plans/ashiya.yaml``) read with ``git show`` when no such file
exists. Exit 1 when a change of a kind named by ``--fail-on`` is present (by default a lost mandatory 号), else 0;
2 when a version cannot be read or is not a valid document (its findings are shown), or the two are of different
kinds.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jusou_spec.commands._common import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    language,
    say,
    say_findings,
)
from jusou_spec.findings import Message
from jusou_spec.source import SourceUnreadable

NAME = "diff"
HELP = Message(
    ja="計画・報告書の二つの版の違いを示します（ファイルまたは git の REV:PATH）",
    en="show what changed between two versions of a plan or report (files or git REV:PATH)",
)

FORMAT_NAMES = ("text", "json", "markdown")
"""The formats (the keys of ``changes.FORMATS``, which a test keeps equal), named here so that building the command
line does not import the comparison."""

SEVERITY_WORDS = ("error", "warning", "info")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old", metavar="OLD", nargs="?", help="前の版: ファイル、または REV:PATH（例: HEAD^:plans/a.yaml）"
    )
    parser.add_argument("new", metavar="NEW", nargs="?", help="後の版: ファイル、または REV:PATH")
    parser.add_argument("--format", choices=FORMAT_NAMES, default="text", help="出力の形式（既定は text）")
    parser.add_argument(
        "--fail-on",
        metavar="KIND[,KIND]",
        help="これらの種類の変更があれば終了コード 1 にします: 種類の名前（jusou diff --list-kinds）、その重さ以上の"
        "すべての種類を表す error・warning・info、または none（既定は mandatory-clause-lost）",
    )
    parser.add_argument("--list-kinds", action="store_true", help="変更の種類の一覧を表示して終わります")
    parser.add_argument("--git-timeout", type=float, default=30.0, metavar="SECONDS", help=argparse.SUPPRESS)


def _fail_on(text: str | None, kinds: Any, default: tuple[Any, ...]) -> tuple[Any, ...]:
    """The kinds ``--fail-on`` names (``kinds`` is the enum, passed in so that this module loads without it)."""
    if text is None:
        return default
    chosen: list[Any] = []
    order = {"error": 0, "warning": 1, "info": 2}
    for word in (w.strip() for w in text.split(",")):
        if word == "none":
            continue
        if word in order:
            chosen.extend(k for k in kinds if order[k.severity.value] <= order[word])
            continue
        try:
            chosen.append(kinds(word))
        except ValueError:
            names = ", ".join(k.value for k in kinds)
            raise UsageError(
                Message(
                    ja=f"--fail-on: 「{word}」という変更の種類はありません（使えるもの: {names}, error, warning, info, none）",
                    en=f"--fail-on: no kind of change named {word!r} (use {names}, error, warning, info or none)",
                )
            ) from None
    return tuple(dict.fromkeys(chosen))


def run(args: argparse.Namespace) -> int:
    # The comparison serves this command (and jusou show) alone: loaded when it runs, so that jusou check starts
    # without it.
    import jusou_spec.changes as changes

    lang = language(args)
    if args.list_kinds:
        for kind in changes.ChangeKind:
            sys.stdout.write(f"{kind.value}\t{kind.severity.value}\t{kind.title.text(lang)}\n")
        return EXIT_OK
    if args.old is None or args.new is None:
        raise UsageError(
            Message(
                ja="比べる二つの版（OLD と NEW）を指定してください", en="give the two versions to compare, OLD and NEW"
            )
        )
    fail_on = _fail_on(args.fail_on, changes.ChangeKind, changes.DEFAULT_FAIL_ON)
    sides = []
    for version in (args.old, args.new):
        try:
            sides.append(changes.load_version(version, timeout=args.git_timeout))
        except (SourceUnreadable, changes.RevisionUnreadable) as error:
            raise UsageError(error.message) from error
        except changes.InvalidDocument as error:
            say_findings(error.findings, lang)
            say(
                Message(
                    ja=f"{error.name} は正しい文書ではないため比較できません（上の指摘を直してください）",
                    en=f"{error.name} is not a valid document and cannot be compared (see the findings above)",
                ),
                lang,
            )
            return EXIT_CANNOT_RUN
    try:
        found = changes.compare_sides(sides[0], sides[1], fail_on=fail_on)
    except changes.KindMismatch as error:
        raise UsageError(error.message) from error
    sys.stdout.write(changes.FORMATS[args.format](found, lang))
    return EXIT_FINDINGS if found.failing else EXIT_OK
