"""``jusou export PATH… -o OUT``: documents in another form, chosen by the output (or ``--format``).

One document (a plan or report file):

- ``.xlsx``: the workbook ``jusou template`` writes, filled with the document (``jusou import`` reads it back to an
  equal document);
- ``--format csv`` or an output ending in ``/`` or ``.csv`` …: a folder with one CSV file per sheet, UTF-8 with a
  byte-order mark so that Excel opens it by double-click.

Any number of documents and folders (a corpus), as tables for SQL (see docs/analysis.md):

- ``.duckdb`` (or ``--format duckdb``): one DuckDB database;
- ``--format parquet``, or a folder when a folder or several paths are given: one Parquet file per table.

The formats are a registry (:data:`EXPORTERS`), each a function from the modelled document to files, so that new
ones (a database, Parquet) join it without touching the rest. A document that cannot be modelled is reported as
``jusou check`` would (exit 1) and nothing is written; so is a value no cell can hold (XL009).
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from jusou_spec.atomic import write_bytes_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, jobs_argument, language
from jusou_spec.commands._workbooks import Loaded, excel, load, report_findings
from jusou_spec.findings import Finding, Message
from jusou_spec.model import Plan, Report
from jusou_spec.workbook.cells import text_of
from jusou_spec.workbook.checks import UNREPRESENTABLE
from jusou_spec.workbook.layout import ROOT_SHEET, layout
from jusou_spec.workbook.tables import Flat, flatten

NAME = "export"
HELP = "export a plan or report as a workbook (.xlsx) or CSV files; documents and folders as DuckDB or Parquet tables"


def _years(document: Plan | Report) -> tuple[str, ...]:
    if isinstance(document, Plan):
        return tuple(str(year) for year in document.years())
    return tuple(str(year) for year in document.years.years()) if document.years is not None else ()


def _xlsx(document: Plan | Report, flat: Flat, output: str) -> None:
    kind = "plan" if isinstance(document, Plan) else "report"
    write_bytes_atomically(output, excel("write").workbook_bytes(layout(kind), flat, years=_years(document)))


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[text_of(value) for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _csv(document: Plan | Report, flat: Flat, output: str) -> None:
    """One CSV per sheet (基本情報 as 項目,値), UTF-8 with BOM and CRLF, as Excel writes and reads them."""
    kind = "plan" if isinstance(document, Plan) else "report"
    folder = Path(output)
    write_bytes_atomically(folder / f"{ROOT_SHEET}.csv", _csv_bytes([("項目", "値"), *flat.root.items()]))
    for sheet in layout(kind).sheets:
        rows: list[Sequence[object]] = [sheet.headers, *flat.sheets.get(sheet.name, [])]
        write_bytes_atomically(folder / f"{sheet.name}.csv", _csv_bytes(rows))


EXPORTERS: dict[str, Callable[[Plan | Report, Flat, str], None]] = {"xlsx": _xlsx, "csv": _csv}
"""Each single-document format's writer: the modelled document, its rows, the output path."""

CORPUS_FORMATS = ("duckdb", "parquet")
"""The formats of many documents: tables for SQL (:mod:`jusou_spec.commands._corpus`, loaded on use so that the
start of every other command does not pay for the analysis tables)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document",
        nargs="+",
        metavar="PATH",
        help="a plan or report (YAML, or a workbook); for duckdb and parquet, any number of files and folders",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the file (.xlsx, .duckdb) or folder (csv, parquet)"
    )
    parser.add_argument(
        "--format",
        choices=sorted({*EXPORTERS, *CORPUS_FORMATS}),
        help="xlsx, csv (one file per sheet), duckdb or parquet (one file per table); default: from OUT",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=jobs_argument,
        metavar="N",
        help="duckdb, parquet: check the documents in N processes (default: one per core for more than a few files)",
    )


def _is_corpus(paths: Sequence[str]) -> bool:
    return len(paths) > 1 or any(Path(path).is_dir() for path in paths)


def format_of(output: str, given: str | None, *, corpus: bool = False) -> str:
    """The format ``--format`` names, else the one the output's extension names (a folder: csv for one document,
    parquet for a folder or several paths)."""
    suffix = Path(output).suffix.lower().lstrip(".")
    folder = "parquet" if corpus else "csv"
    known = {*EXPORTERS, *CORPUS_FORMATS, "db"}
    by_output = suffix if suffix in known else (folder if not suffix or output.endswith(("/", "\\")) else None)
    if by_output == "db":
        by_output = "duckdb"
    if given is not None:
        if given == "xlsx" and suffix != "xlsx":
            raise UsageError(
                Message(ja=f"{output}: xlsx の出力ファイルの拡張子は .xlsx にしてください", en=f"{output}: use .xlsx")
            )
        return given
    if by_output is None:
        raise UsageError(
            Message(
                ja=f"{output}: 出力の形式が分かりません。.xlsx か .duckdb のファイルか、--format csv か --format parquet "
                "でフォルダを指定してください",
                en=f"{output}: unknown output format; give a .xlsx or .duckdb file, or a folder with --format csv or "
                "--format parquet",
            )
        )
    return by_output


def _unrepresentable(loaded: Loaded, flat: Flat) -> list[Finding]:
    found = []
    for pointer, reason in flat.problems:
        at = loaded.source.source_map.locate(pointer)
        finding = UNREPRESENTABLE.finding(
            Message(ja=f"{reason.ja}。ワークブックに書き出せません", en=f"{reason.en}: cannot export it"), pointer
        )
        found.append(finding.evolve(file=loaded.source.name, line=at.line, column=at.column, cell=at.cell))
    return found


def run(args: argparse.Namespace) -> int:
    chosen = format_of(args.output, args.format, corpus=_is_corpus(args.document))
    if chosen in CORPUS_FORMATS:
        from jusou_spec.commands._corpus import run as export_tables

        args.format = chosen
        return export_tables(args)
    if len(args.document) > 1:
        raise UsageError(
            Message(
                ja=f"{chosen} に書き出せるのは一つの文書です。複数の文書は .duckdb か --format parquet で書き出してください",
                en=f"{chosen} holds one document; export several as .duckdb or with --format parquet",
            )
        )
    loaded = load(args.document[0])
    lang = language(args)
    if loaded.failed or loaded.document is None:
        report_findings(loaded.findings, [loaded.source.name], lang)
        return EXIT_FINDINGS
    document = loaded.document
    kind = "plan" if isinstance(document, Plan) else "report"
    flat = flatten(document.to_document(), layout(kind))
    problems = _unrepresentable(loaded, flat)
    if problems:
        report_findings(problems, [loaded.source.name], lang)
        return EXIT_FINDINGS
    EXPORTERS[chosen](document, flat, args.output)
    return EXIT_OK
