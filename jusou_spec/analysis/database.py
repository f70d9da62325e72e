"""Writing the tables into DuckDB (one ``.duckdb`` file) or Parquet (one file per table), atomically.

Documents stream in one at a time; their rows go at once to one newline-delimited JSON file per table in a
temporary folder beside the output, so that memory holds one document's rows, never the corpus. DuckDB then loads
each file in one statement (``read_json`` with the declared types: far faster than inserting row by row) and, for
Parquet, writes each table with ``COPY … (FORMAT PARQUET)``. The database is built under a temporary name and
renamed into place; Parquet files are each renamed into the folder. Rows keep the order they came in.

DuckDB (the ``analysis`` extra) is imported inside :func:`write` only: nothing else in the package needs it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from jusou_spec.analysis.rows import Rows
from jusou_spec.analysis.tables import COLUMNS, TABLES, Table, column_rows

__all__ = ["FORMATS", "write"]

FORMATS = ("duckdb", "parquet")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _create(connection: Any, table: Table) -> None:
    columns = ", ".join(f"{column.name} {column.type}" for column in table.columns)
    connection.execute(f"CREATE TABLE {table.name} ({columns})")


def _load(connection: Any, table: Table, path: Path) -> None:
    types = ", ".join(f"{_quoted(column.name)}: {_quoted(column.type)}" for column in table.columns)
    connection.execute(
        f"INSERT INTO {table.name} SELECT * FROM read_json({_quoted(str(path))}, "
        f"format = 'newline_delimited', columns = {{{types}}})"
    )


class _Spool:
    """One newline-delimited JSON file per table, appended to as documents come."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.streams: dict[str, IO[str]] = {}
        self.names = {table.name: table.names for table in TABLES}
        self.municipalities: set[object] = set()
        self.counts: dict[str, int] = dict.fromkeys(self.names, 0)

    def add(self, rows: Rows) -> None:
        for name, table_rows in rows.items():
            if name == "municipalities":
                table_rows = [row for row in table_rows if row[0] not in self.municipalities]
                self.municipalities.update(row[0] for row in table_rows)
            if not table_rows:
                continue
            stream = self.streams.get(name)
            if stream is None:
                stream = self.streams[name] = open(self.folder / f"{name}.json", "w", encoding="utf-8")  # noqa: SIM115
            names = self.names[name]
            stream.writelines(
                json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n" for row in table_rows
            )
            self.counts[name] += len(table_rows)

    def close(self) -> None:
        for stream in self.streams.values():
            stream.close()


def write(output: str, chosen: str, documents: Iterable[Rows]) -> dict[str, int]:
    """Write the rows of ``documents`` to ``output`` as ``chosen`` (duckdb or parquet); the rows of each table.

    Raises ImportError when DuckDB is not installed (before reading any document), OSError when the output cannot
    be written (the previous output then stays as it was).
    """
    import duckdb

    target = Path(os.path.abspath(output))
    parent = target if chosen == "parquet" else target.parent
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=parent))
    try:
        spool = _Spool(work)
        try:
            for rows in documents:
                spool.add(rows)
        finally:
            spool.close()
        database = work / "corpus.duckdb"
        connection = duckdb.connect(str(database))
        try:
            for table in TABLES:
                _create(connection, table)
                if table.name in spool.streams:
                    _load(connection, table, work / f"{table.name}.json")
            _create(connection, COLUMNS)
            connection.executemany(f"INSERT INTO {COLUMNS.name} VALUES (?, ?, ?, ?, ?)", column_rows())
            if chosen == "parquet":
                for table in (*TABLES, COLUMNS):
                    written = work / f"{table.name}.parquet"
                    connection.execute(f"COPY {table.name} TO {_quoted(str(written))} (FORMAT PARQUET)")
        finally:
            connection.close()
        if chosen == "parquet":
            for table in (*TABLES, COLUMNS):
                os.replace(work / f"{table.name}.parquet", target / f"{table.name}.parquet")
        else:
            os.chmod(database, 0o644)
            os.replace(database, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {**spool.counts, COLUMNS.name: len(column_rows())}
