"""``jusou graph PLAN --view VIEW -o FILE``: draw one view of a plan, or export its graph as JSON.

The format is taken from the output file's extension (``.svg``, ``.png``, ``.pdf``, ``.dot``, ``.json``) unless
``--format`` says otherwise; without ``-o`` the text formats (dot, svg, json) go to standard output. Files are
written atomically. A plan that cannot be modelled (bad YAML, schema errors) is reported as ``jusou check`` would
and exits 1; a plan with rule findings is drawn (the diagram shows its gaps), and ``--findings`` marks the nodes
those findings are about. A missing Graphviz is a one-line error saying how to install it (exit 2); ``.dot`` and
``.json`` need no Graphviz.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable

from jusou_spec.atomic import write_bytes_atomically
from jusou_spec.checker import check_document
from jusou_spec.commands._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_debug_argument,
    chosen_format,
    language,
    require_paths,
    say,
)
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.model import Plan
from jusou_spec.reporters import Summary
from jusou_spec.reporters import render as report
from jusou_spec.source import SourceUnreadable

NAME = "graph"
HELP = Message(
    ja="計画の関係図を描くか、そのグラフを書き出します",
    en="draw a plan's diagrams (関係図) or export its graph",
)

VIEW_NAMES = ("flow", "clauses", "initiatives", "departments")
FORMAT_NAMES = ("dot", "svg", "png", "pdf", "json")
TEXT_FORMATS = ("dot", "svg", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="計画の YAML ファイル")
    parser.add_argument(
        "--view",
        choices=VIEW_NAMES,
        help="flow (会議体の流れ), clauses (事業と号), initiatives (取組と施策), departments (庁内連携)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="FILE に書きます。形式は拡張子で決まります")
    parser.add_argument(
        "--format", choices=FORMAT_NAMES, help="dot、svg、png、pdf、または json（グラフそのもの、node-link 形式）"
    )
    parser.add_argument("--findings", action="store_true", help="エラーや警告のある要素に印を付けます")
    parser.add_argument("--size", choices=("A4", "A3"), help="図を A4 か A3 の用紙に収めます（縮小のみ）")
    parser.add_argument("--dpi", type=_dpi, help="PNG の解像度（既定は 150）")
    add_debug_argument(parser)


def _dpi(value: str) -> int:
    """A PNG resolution: a whole number from 36 to 1200 (beyond that Graphviz makes unusably small or huge files)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 36 <= number <= 1200:
        raise argparse.ArgumentTypeError(
            f"{value!r}: 36 から 1200 までの整数で指定してください (a whole number, 36-1200)"
        )
    return number


def _format(args: argparse.Namespace) -> str:
    chosen = chosen_format(args.format, args.output)
    if chosen is None:
        raise UsageError(
            Message(
                ja="-o で出力ファイル（.svg .png .pdf .dot .json）を指定するか、--format を指定してください",
                en="give an output file with -o (.svg .png .pdf .dot .json) or a --format",
            )
        )
    if chosen not in FORMAT_NAMES:
        raise UsageError(
            Message(
                ja=f"拡張子 .{chosen} の形式は描けません（.svg .png .pdf .dot .json のいずれかにしてください）",
                en=f"cannot write .{chosen}: use .svg, .png, .pdf, .dot or .json",
            )
        )
    if chosen not in TEXT_FORMATS and not args.output:
        raise UsageError(
            Message(
                ja=f"{chosen} は -o でファイルに書き出してください", en=f"{chosen} output needs a file: give -o FILE"
            )
        )
    if chosen != "json" and args.view is None:
        raise UsageError(
            Message(
                ja="--view で図の種類（flow, clauses, initiatives, departments）を指定してください",
                en="choose a diagram with --view (flow, clauses, initiatives, departments)",
            )
        )
    return chosen


def run(args: argparse.Namespace) -> int:
    fmt = _format(args)
    require_paths([args.plan])
    if os.path.isdir(args.plan):
        raise UsageError(
            Message(
                ja=f"{args.plan}: フォルダです。graph は計画を一つずつ描きます。計画のファイル（.yaml）を指定してください",
                en=f"{args.plan}: is a folder; graph draws one plan at a time: give the plan's file (.yaml)",
            )
        )
    try:
        checked = check_document(args.plan)
    except SourceUnreadable as error:
        raise UsageError(error.message) from error
    lang = language(args)
    if checked.kind == "report":
        raise UsageError(
            Message(
                ja=f"{args.plan}: 報告書（report/1）は図にできません。計画（plan/1）を指定してください",
                en=f"{args.plan}: is a report (report/1); graph draws plans (plan/1)",
            )
        )
    if not isinstance(checked.document, Plan):
        errors = [f for f in checked.findings if f.severity is Severity.ERROR] or list(checked.findings)
        sys.stderr.write(report("text", errors, Summary(files=1, skipped=0), lang=lang))
        return EXIT_FINDINGS
    if args.dpi is not None and fmt != "png":
        raise UsageError(Message(ja="--dpi は PNG にだけ指定できます", en="--dpi applies to PNG output only"))
    data = _draw(
        checked.document,
        fmt,
        view=args.view,
        findings=checked.findings if args.findings else (),
        size=args.size,
        dpi=args.dpi,
    )
    if args.output:
        write_bytes_atomically(args.output, data)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return EXIT_OK


def _draw(
    plan: Plan, fmt: str, *, view: str | None, findings: Iterable[Finding], size: str | None, dpi: int | None
) -> bytes:
    # networkx and graphviz load only when a plan is drawn, so `jusou check` and `jusou rules` never import them.
    from jusou_spec.diagrams import GraphvizFailed, GraphvizMissing, japanese_font_missing, render
    from jusou_spec.graph import build_graph, node_link_json

    graph = build_graph(plan)
    if fmt == "json":
        return node_link_json(graph).encode("utf-8")
    if fmt != "dot" and japanese_font_missing():
        say(
            Message(
                ja="日本語フォントが見つかりません。図の文字が表示されないおそれがあります"
                "（sudo apt-get install fonts-ipaexfont-gothic）",
                en="no Japanese font found: the diagram's text may not show (sudo apt-get install fonts-ipaexfont-gothic)",
            ),
            language(),
        )
    assert view is not None  # _format asks for --view for every format but json
    try:
        return render(graph, view, format=fmt, findings=findings, size=size, dpi=dpi)
    except (GraphvizMissing, GraphvizFailed) as error:
        raise UsageError(error.message) from error
