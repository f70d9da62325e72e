"""The example queries of docs/analysis.md and their printed results, shared by the test that keeps them true and
by `scripts/regenerate` (``python -m tests.analysis_doc`` rewrites the result tables from a fresh export).

Each query is a ```sql block; the Markdown table right after it is its result on the bundled documents (plans/,
reports/, examples/) exported with ``jusou export plans reports examples -o corpus.duckdb``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from jusou_spec.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "analysis.md"
BUNDLED = ("plans", "reports", "examples")

_BLOCK = re.compile(r"```sql\n(?P<query>.*?)```\n\n(?P<table>(?:\|[^\n]*\|\n)+)", re.S)


def queries(text: str) -> list[tuple[str, str]]:
    """Each example query of the doc with the result table printed after it."""
    return [(match["query"], match["table"]) for match in _BLOCK.finditer(text)]


def export_bundled(output: Path) -> None:
    """The bundled documents exported into ``output`` (a .duckdb file), as the doc says."""
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            code = main(["export", *BUNDLED, "-o", str(output)])
    finally:
        os.chdir(previous)
    assert code == 0, f"the export of the bundled documents failed ({code})"


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal):
        return f"{float(value):.4g}" if float(value) != int(value) else str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(_cell(item) for item in value) + "]"
    return str(value).replace("|", "\\|").replace("\n", " ")


def result_table(connection: Any, query: str) -> str:
    """The query's result as a Markdown table (NULL for a missing value, 4 significant digits for a fraction)."""
    cursor = connection.execute(query)
    names = [column[0] for column in cursor.description]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines.extend("| " + " | ".join(_cell(value) for value in row) + " |" for row in cursor.fetchall())
    return "\n".join(lines) + "\n"


def regenerated(text: str, connection: Any) -> str:
    """The doc with every result table recomputed."""

    def replace(match: re.Match[str]) -> str:
        return f"```sql\n{match['query']}```\n\n{result_table(connection, match['query'])}"

    return _BLOCK.sub(replace, text)


def main_regenerate() -> int:
    import duckdb

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "corpus.duckdb"
        export_bundled(database)
        connection = duckdb.connect(str(database), read_only=True)
        try:
            text = DOC.read_text(encoding="utf-8")
            DOC.write_text(regenerated(text, connection), encoding="utf-8")
        finally:
            connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main_regenerate())
