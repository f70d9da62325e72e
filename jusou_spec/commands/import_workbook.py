"""``jusou import 計画.xlsx -o 計画.yaml``: a workbook back to the YAML document it holds.

The YAML is written in the bundled plans' layout: the schema line first, keys in the model's order, lists in block
style, multi-line text as literal blocks. Comments of an earlier YAML file are not kept (a workbook has none to
give back). The workbook's findings (a date for a year, a merged cell, a schema error …) are printed with their
sheet and cell; the YAML is still written when the data could be read, so that the rest of the work is not lost,
and the exit code is 1 when any finding is an error.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, language
from jusou_spec.commands._document_yaml import schema_line, to_yaml
from jusou_spec.commands._workbooks import load, report_findings
from jusou_spec.findings import Message, Severity

NAME = "import"
HELP = Message(
    ja="記入したワークブック（.xlsx）を YAML の文書にします",
    en="turn a filled-in workbook (.xlsx) into its YAML document",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", metavar="WORKBOOK", help="ワークブック（.xlsx）")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="書き出す YAML ファイル")


def run(args: argparse.Namespace) -> int:
    if Path(args.workbook).suffix.lower() != ".xlsx":
        raise UsageError(
            Message(ja=f"{args.workbook}: .xlsx のワークブックを指定してください", en=f"{args.workbook}: not a .xlsx")
        )
    loaded = load(args.workbook)
    report_findings(loaded.findings, [loaded.source.name], language(args))
    data = loaded.document.to_document() if loaded.document is not None else loaded.source.data
    if data is None or loaded.source.kind is None:
        return EXIT_FINDINGS
    write_text_atomically(args.output, to_yaml(data, schema_line=schema_line(args.output, loaded.source.kind)))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in loaded.findings) else EXIT_OK
