"""``jusou export PATH… -o OUT``: documents in another form, chosen by the output (or ``--format``).

One document (a plan or report file):

- ``.xlsx``: the workbook ``jusou template`` writes, filled with the document (``jusou import`` reads it back to an
  equal document);
- ``--format csv`` or an output ending in ``/`` or ``.csv`` …: a folder with one CSV file per sheet, UTF-8 with a
  byte-order mark so that Excel opens it by double-click.

Any number of documents and folders (a corpus), as tables for SQL (see docs/analysis.md):

- ``.duckdb`` (or ``--format duckdb``): one DuckDB database;
- ``--format parquet``, or a folder when a folder or several paths are given: one Parquet file per table.

One document's formats are a registry (``_document_export.EXPORTERS``), each a function from the modelled document
to files, so that a new one joins it without touching the rest. A document that cannot be modelled is reported as
``jusou check`` would (exit 1) and nothing is written; so is a value no cell can hold (XL009).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from jusou_spec.commands._common import UsageError, jobs_argument, language
from jusou_spec.findings import Message

NAME = "export"
HELP = Message(
    ja="計画・報告書をワークブック（.xlsx）か CSV に書き出します。文書やフォルダは DuckDB・Parquet の表にもします",
    en="export a plan or report as a workbook (.xlsx) or CSV files; documents and folders as DuckDB or Parquet tables",
)


SINGLE_FORMATS = ("xlsx", "csv")
"""The formats of one document: a workbook or CSV files (:mod:`jusou_spec.commands._document_export`, loaded on use
with the workbook layout, so that the start of every other command does not pay for it)."""

CORPUS_FORMATS = ("duckdb", "parquet")
"""The formats of many documents: tables for SQL (:mod:`jusou_spec.commands._corpus`, loaded on use so that the
start of every other command does not pay for the analysis tables)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document",
        nargs="+",
        metavar="PATH",
        help="計画または報告書（YAML かワークブック）。duckdb と parquet では、いくつでもファイルやフォルダを指定できます",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="書き出すファイル（.xlsx、.duckdb）またはフォルダ（csv、parquet）",
    )
    parser.add_argument(
        "--format",
        choices=sorted({*SINGLE_FORMATS, *CORPUS_FORMATS}),
        help="xlsx、csv（シートごとに 1 ファイル）、duckdb、parquet（表ごとに 1 ファイル）。既定は OUT から決めます",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=jobs_argument,
        metavar="N",
        help="duckdb、parquet: 文書を N 個のプロセスで検査します（既定は、ファイルが数個を超えるとき CPU コアごとに 1 個）",
    )


def _is_corpus(paths: Sequence[str]) -> bool:
    return len(paths) > 1 or any(Path(path).is_dir() for path in paths)


def format_of(output: str, given: str | None, *, corpus: bool = False) -> str:
    """The format ``--format`` names, else the one the output's extension names (a folder: csv for one document,
    parquet for a folder or several paths)."""
    suffix = Path(output).suffix.lower().lstrip(".")
    folder = "parquet" if corpus else "csv"
    known = {*SINGLE_FORMATS, *CORPUS_FORMATS, "db"}
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
    from jusou_spec.commands._document_export import export_document

    return export_document(args.document[0], chosen, args.output, language(args))
