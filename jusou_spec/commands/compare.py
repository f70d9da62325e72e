"""``jusou compare PATH…``: municipalities' plans side by side (号 and delivery, 実施形態, meetings, targets, 未記載).

Files and folders are read as ``jusou check`` reads them. Reports are not compared (a note says so); a plan that
cannot be read as a plan is left out, its findings go to standard error as ``jusou check`` prints them, and the
exit code is 1. With no plan to compare at all, the command cannot run (exit 2). The format follows ``--format``
or the extension of ``-o`` (.txt, .csv, .md, .html); ``-o`` writes the file atomically.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, language, require_paths
from jusou_spec.findings import Message
from jusou_spec.reporters import Summary
from jusou_spec.reporters import render as report
from jusou_spec.source import SourceUnreadable

if TYPE_CHECKING:
    from jusou_spec.comparison import Comparison

NAME = "compare"
HELP = Message(
    ja="市町村の計画を並べて比べます（号と実施方式、実施形態、会議、目標、未記載）",
    en="set municipalities' plans side by side (clauses and delivery, modes, meetings, targets, not stated)",
)

FORMAT_NAMES = ("text", "csv", "markdown", "html")
"""The formats: ``jusou_spec.comparison.FORMATS`` (a test keeps them equal) and the council document's HTML."""
_SUFFIXES = {"txt": "text", "text": "text", "csv": "csv", "md": "markdown", "markdown": "markdown", "html": "html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="計画（ファイルまたはフォルダ）。報告書は比べません")
    parser.add_argument("--format", choices=FORMAT_NAMES, help="出力の形式（既定は -o の拡張子、なければ text）")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="標準出力ではなく FILE に書きます（書き終えてから置き換えます）"
    )


def _format(given: str | None, output: str | None) -> str:
    if output is None:
        return given or "text"
    suffix = os.path.splitext(output)[1].lower().lstrip(".")
    by_suffix = _SUFFIXES.get(suffix)
    if given is not None:
        if suffix and by_suffix is not None and by_suffix != given:
            raise UsageError(
                Message(
                    ja=f"--format {given} と出力ファイルの拡張子 .{suffix} が一致しません",
                    en=f"--format {given} does not match the output file's extension .{suffix}",
                )
            )
        return given
    if by_suffix is None:
        raise UsageError(
            Message(
                ja=f"{output}: 拡張子から形式が決まりません（.txt .csv .md .html のいずれかにするか、--format を指定してください）",
                en=f"{output}: the extension names no format (use .txt, .csv, .md or .html, or give --format)",
            )
        )
    return by_suffix


def _lay_out(comparison: Comparison, fmt: str, lang: str) -> str:
    if fmt == "html":
        # Jinja2 and the council document's templates load only when a page is asked for.
        from jusou_spec.document.comparison import render_comparison_html

        return render_comparison_html(comparison, lang)
    from jusou_spec.comparison import FORMATS

    return FORMATS[fmt](comparison, lang)


def run(args: argparse.Namespace) -> int:
    # The comparison serves this command alone: loaded when it runs, so that jusou check starts without it.
    from jusou_spec.comparison import compare

    lang = language(args)
    require_paths(args.paths)
    fmt = _format(args.format, args.output)
    try:
        comparison = compare(args.paths)
    except SourceUnreadable as error:
        raise UsageError(error.message) from error
    failed = [left for left in comparison.left_out if left.kind != "report"]
    for left in failed:
        sys.stderr.write(report("text", list(left.findings), Summary(files=1, skipped=0), lang=lang))
    if not comparison.municipalities:
        if failed:
            return EXIT_FINDINGS
        raise UsageError(
            Message(
                ja=f"{'、'.join(args.paths)}: 比較する計画（jusou: plan/1）がありません",
                en=f"{', '.join(args.paths)}: no plan (jusou: plan/1) to compare",
            )
        )
    output = _lay_out(comparison, fmt, lang)
    if args.output:
        write_text_atomically(args.output, output)
    else:
        sys.stdout.write(output)
    return EXIT_FINDINGS if failed else EXIT_OK
