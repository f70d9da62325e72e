"""``jusou template -o 計画.xlsx [--kind report]``: an empty workbook for a planner to fill in.

The layout comes from the schema (one sheet per table, headers with descriptions as comments), with drop-downs
from the schema's lists and the clause registry, a 記入例 sheet and a 使い方 sheet. Written atomically; the same
release writes the same bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from jusou_spec.atomic import write_bytes_atomically
from jusou_spec.commands._common import EXIT_OK, UsageError
from jusou_spec.commands._workbooks import excel
from jusou_spec.findings import Message
from jusou_spec.fiscal import FiscalYear

NAME = "template"
HELP = Message(
    ja="計画・報告書を記入する空のワークブック（.xlsx）を書きます",
    en="write an empty workbook (.xlsx) to fill in a plan or report",
)

TEMPLATE_YEARS = tuple(str(FiscalYear(year)) for year in range(2021, 2036))
"""The fiscal years the template's drop-downs offer (令和3–17年度); any other year may still be typed."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="書き出すワークブック（.xlsx）")
    parser.add_argument(
        "--kind", choices=("plan", "report"), default="plan", help="plan (実施計画, default) or report (実施状況報告)"
    )


def check_xlsx(output: str) -> None:
    if Path(output).suffix.lower() != ".xlsx":
        raise UsageError(
            Message(
                ja=f"{output}: 出力ファイルの拡張子は .xlsx にしてください", en=f"{output}: the output must be .xlsx"
            )
        )


def run(args: argparse.Namespace) -> int:
    check_xlsx(args.output)
    writer = excel("write")
    # the layout is read from the schema on use, as the writer is: no other command's start pays for it
    from jusou_spec.workbook.layout import layout

    data = writer.workbook_bytes(layout(args.kind), None, years=TEMPLATE_YEARS)
    write_bytes_atomically(args.output, data)
    return EXIT_OK
