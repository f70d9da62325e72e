"""``jusou render PLAN -o FILE``: the plan as a council document (HTML, PDF or Markdown).

The format comes from the output's extension (``.html``, ``.pdf``, ``.md``) unless ``--format`` says otherwise.
``--report`` adds a status report's actuals; given a report instead of a plan, the plan it links to is rendered
with it. Given folders (or several files), ``-o`` names a folder: every plan is rendered with the reports that
link to it, every other report on its own, and an index page lists them. Files are
written atomically. A document that cannot be modelled is reported as ``jusou check`` would (exit 1); a command
that cannot run says why on one line (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from jusou_spec.atomic import write_bytes_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, chosen_format, language
from jusou_spec.findings import Finding, Message
from jusou_spec.reporters import Summary
from jusou_spec.reporters import render as report
from jusou_spec.source import SourceUnreadable

NAME = "render"
HELP = Message(
    ja="計画を会議資料（HTML、PDF、Markdown）にします",
    en="render a plan as a council document (HTML, PDF or Markdown)",
)

FORMAT_NAMES = ("html", "pdf", "md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="計画の YAML ファイル、または計画と報告書のフォルダ")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="書き出すファイル（フォルダを指定したときはフォルダ）"
    )
    parser.add_argument("--format", choices=FORMAT_NAMES, help="html、pdf、md（既定は出力先の拡張子）")
    parser.add_argument("--report", action="append", default=[], metavar="FILE", help="実績を載せる実施状況報告")


def _format(args: argparse.Namespace, *, folder: bool) -> str:
    if folder:
        return str(args.format or "html")
    chosen = chosen_format(args.format, args.output)
    if chosen is None:
        raise UsageError(
            Message(
                ja="-o に .html .pdf .md のファイルを指定するか、--format を指定してください",
                en="give -o a file ending in .html, .pdf or .md, or a --format",
            )
        )
    if chosen not in FORMAT_NAMES:
        raise UsageError(
            Message(
                ja=f"拡張子 .{chosen} の形式は作成できません（.html .pdf .md のいずれかにしてください）",
                en=f"cannot write .{chosen}: use .html, .pdf or .md (or --format)",
            )
        )
    return chosen


def _failed(findings: list[Finding], lang: str) -> int:
    sys.stderr.write(report("text", findings, Summary(files=1, skipped=0), lang=lang))
    return EXIT_FINDINGS


def run(args: argparse.Namespace) -> int:
    for path in [*args.paths, *args.report]:
        if not os.path.exists(path):
            raise UsageError(Message(ja=f"{path}: ファイルがありません", en=f"{path}: no such file"))
    folder = len(args.paths) > 1 or any(os.path.isdir(path) for path in args.paths)
    fmt = _format(args, folder=folder)
    if folder and args.report:
        raise UsageError(
            Message(
                ja="フォルダを作成するときは --report を使わず、報告書もフォルダに含めてください（計画への参照で結び付けます）",
                en="with folders, leave out --report: give the reports' folder too (each is matched by its link to its plan)",
            )
        )
    # WeasyPrint, Jinja2, networkx and graphviz load only when a document is rendered.
    from jusou_spec.document import DocumentNotRendered, PdfEngineMissing, build, render_collection, render_files

    lang = language(args)
    try:
        if folder:
            rendered = render_collection(args.paths, format=fmt)
            for name, data in rendered.files.items():
                write_bytes_atomically(os.path.join(args.output, name), data)
            return _failed(list(rendered.failed), lang) if rendered.failed else EXIT_OK
        content = build(args.paths[0], reports=args.report)
        files = render_files(content, fmt, stem=Path(args.output).stem)
    except DocumentNotRendered as error:
        if not error.findings:
            raise UsageError(
                Message(
                    ja=f"{error.name}: 計画（plan/1）か、計画へのリンク（計画: {{ファイル: …}}）が見つかる報告書（report/1）を指定してください",
                    en=f"{error.name}: give a plan (plan/1), or a report (report/1) whose plan link (計画: {{ファイル: …}}) can be found",
                )
            ) from error
        return _failed(error.findings, lang)
    except SourceUnreadable as error:
        raise UsageError(error.message) from error
    except PdfEngineMissing as error:
        raise UsageError(Message(ja=str(error), en=str(error))) from error
    directory = os.path.dirname(args.output)
    for name, data in files.items():
        write_bytes_atomically(args.output if name == next(iter(files)) else os.path.join(directory, name), data)
    return EXIT_OK
