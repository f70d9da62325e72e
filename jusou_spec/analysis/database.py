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
from jusou_spec.errors import JusouError

__all__ = ["FORMATS", "DatabaseError", "write"]

FORMATS = ("duckdb", "parquet")


class DatabaseError(JusouError):
    """DuckDB refused to write the tables (out of memory, a full disk …): said in one line, never a traceback."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


MEMORY_LIMIT = "256MB"
"""DuckDB's buffer pool (its default is most of the machine's memory, kept as a cache): the tables of a national
corpus take a few tens of MiB on disk, and a shared CI runner should not lose its memory to a cache."""

BATCH_ROWS = 50_000
"""Rows spooled before they are loaded into the database and checkpointed: what bounds the memory of a large export."""


class _Spool:
    """One newline-delimited JSON file per table, appended to as documents come and loaded in batches."""

    def __init__(self, folder: Path, connection: Any) -> None:
        self.folder = folder
        self.connection = connection
        self.streams: dict[str, IO[str]] = {}
        self.tables = {table.name: table for table in TABLES}
        self.municipalities: set[object] = set()
        self.counts: dict[str, int] = dict.fromkeys(self.tables, 0)
        self.pending = 0

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
            names = self.tables[name].names
            stream.writelines(
                json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n" for row in table_rows
            )
            self.counts[name] += len(table_rows)
            self.pending += len(table_rows)
        if self.pending >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Load what is spooled, in the order of the tables, and checkpoint, so the database holds it on disk."""
        self.close()
        for name in self.tables:
            if name in self.streams:
                path = self.folder / f"{name}.json"
                _load(self.connection, self.tables[name], path)
                path.unlink()
        self.streams.clear()
        self.pending = 0
        self.connection.execute("CHECKPOINT")

    def close(self) -> None:
        for stream in self.streams.values():
            stream.close()


def write(output: str, chosen: str, documents: Iterable[Rows]) -> dict[str, int]:
    """Write the rows of ``documents`` to ``output`` as ``chosen`` (duckdb or parquet); the rows of each table.

    Raises ImportError when DuckDB is not installed (before reading any document), OSError when the output cannot
    be written, :class:`DatabaseError` when DuckDB fails (the previous output then stays as it was).
    """
    import duckdb

    target = Path(os.path.abspath(output))
    parent = target if chosen == "parquet" else target.parent
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=parent))
    try:
        database = work / "corpus.duckdb"
        connection = duckdb.connect(str(database), config={"memory_limit": MEMORY_LIMIT})
        try:
            for table in (*TABLES, COLUMNS):
                _create(connection, table)
            spool = _Spool(work, connection)
            try:
                for rows in documents:
                    spool.add(rows)
                spool.flush()
            finally:
                spool.close()
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
    except duckdb.Error as error:
        raise DatabaseError(str(error).splitlines()[0]) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {**spool.counts, COLUMNS.name: len(column_rows())}
