"""``jusou export PATH… -o corpus.duckdb`` (or a Parquet folder): many documents as tables for SQL.

Each file is found as ``jusou check`` finds it (folders walked for the ``jusou:`` marker, in sorted order), checked
with every rule (its own 抑制 applied), and turned into rows (:mod:`jusou_spec.analysis.rows`); a worker sends back
only the rows, and the rows stream to the writer (:mod:`jusou_spec.analysis.database`) one document at a time.

A file's key is its path relative to the folder given, with the folder's own name in front (``plans/ashiya.yaml``
for ``jusou export plans``, wherever ``plans`` is), or the path as given for a file named directly; the same inputs
give the same keys on every machine.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from jusou_spec.analysis import Rows, database, document_rows
from jusou_spec.checker import check_source, discover, read_document
from jusou_spec.commands._common import (
    EXIT_CANNOT_RUN,
    EXIT_OK,
    UsageError,
    in_order,
    job_count,
    language,
    require_paths,
    say,
)
from jusou_spec.findings import Message
from jusou_spec.source import SourceUnreadable

__all__ = ["run"]

MISSING = Message(
    ja="DuckDB・Parquet への書き出しには duckdb が必要です。pip install 'jusou-spec[analysis]' で入れてください",
    en="exporting to DuckDB or Parquet needs duckdb: install it with pip install 'jusou-spec[analysis]'",
)

_Task = tuple[str, str, str]
"""A file to export: its path, its key, the language of the findings' messages."""


def _key(path: Path, given: str) -> str:
    """The file's key: relative to the folder given, with that folder's name in front; a file given: as given."""
    root = Path(given)
    if not root.is_dir():
        return PurePosixPath(os.path.normpath(given).replace(os.sep, "/")).as_posix()
    name = Path(os.path.abspath(given)).name
    return PurePosixPath(name, path.relative_to(root).as_posix()).as_posix()


def _tasks(paths: Sequence[str], lang: str) -> tuple[list[_Task], list[Message]]:
    problems: list[SourceUnreadable] = []
    seen: set[str] = set()
    tasks: list[_Task] = []
    keys: dict[str, str] = {}
    for given in paths:
        found, _ = discover([given], problems=problems, seen=seen)
        for path in found:
            key = _key(path, given)
            if key in keys:
                raise UsageError(
                    Message(
                        ja=f"{path}: {keys[key]} と同じキー {key} になります。フォルダを一つ上から指定してください",
                        en=f"{path}: has the same key {key} as {keys[key]}; give the folder above them instead",
                    )
                )
            keys[key] = str(path)
            tasks.append((str(path), key, lang))
    return tasks, [problem.message for problem in problems]


def rows_of(task: _Task) -> Rows | Message:
    """One file's rows, or the message of a file that cannot be read (a worker runs this too)."""
    path, key, lang = task
    try:
        source = read_document(path)
    except SourceUnreadable as error:
        return error.message
    checked = check_source(source)

    def locate(pointer: str) -> tuple[int, int]:
        position = source.source_map.locate(pointer)
        return position.line, position.column

    return document_rows(key, checked.kind, checked.document, checked.findings, locate, lang)


class _Unreadable(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message


def _rows(tasks: Sequence[_Task], jobs: int) -> Iterator[Rows]:
    for result in in_order(rows_of, tasks, jobs):
        if isinstance(result, Message):
            raise _Unreadable(result)
        yield result


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    require_paths(args.document)
    tasks, unreadable = _tasks(args.document, lang)
    for message in unreadable:
        say(message, lang)
    if unreadable:
        return EXIT_CANNOT_RUN
    try:
        counts = database.write(args.output, args.format, _rows(tasks, job_count(args.jobs, len(tasks))))
    except ImportError as error:
        raise UsageError(MISSING) from error
    except database.DatabaseError as error:
        raise UsageError(
            Message(
                ja=f"{args.output}: 書き出せませんでした（DuckDB: {error.reason}）",
                en=f"{args.output}: could not be written (DuckDB: {error.reason})",
            )
        ) from error
    except _Unreadable as error:
        say(error.message, lang)
        return EXIT_CANNOT_RUN
    rows = sum(count for name, count in counts.items() if name != "columns")
    sys.stderr.write(
        Message(
            ja=f"{len(tasks)} 件の文書を {args.output} に書き出しました（{rows} 行）\n",
            en=f"exported {len(tasks)} documents to {args.output} ({rows} rows)\n",
        ).text(lang)
    )
    return EXIT_OK
