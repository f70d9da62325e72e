"""The plans and reports as tables for SQL (``jusou export DIR… -o corpus.duckdb``): the tables' declarations
(:mod:`~jusou_spec.analysis.tables`), one document's rows read from the model (:mod:`~jusou_spec.analysis.rows`),
and writing them into DuckDB or Parquet (:mod:`~jusou_spec.analysis.database`, which alone imports duckdb, on use).
"""

from __future__ import annotations

from jusou_spec.analysis.rows import Locate, Rows, document_rows, municipality_key
from jusou_spec.analysis.tables import COLUMNS, TABLES, Column, Table, column_rows

__all__ = [
    "COLUMNS",
    "TABLES",
    "Column",
    "Locate",
    "Rows",
    "Table",
    "column_rows",
    "document_rows",
    "municipality_key",
]
