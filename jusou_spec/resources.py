"""Finding the schemas: inside the installed package, or in the source checkout's top-level ``schemas/``.

``schemas/`` at the top of the repository is the single source; the wheel carries a copy inside the package
(see pyproject.toml), beside this module. A source checkout (editable install, tests) has no such copy and reads
the top-level folder directly. The files are found by path, not through :mod:`importlib.resources`, whose import
(with the zip archives it brings) was about 4 ms of every check's start: pip installs a package as files, never as
an archive.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, cast

__all__ = ["SCHEMA_FILES", "load_schema", "schema_text"]

SCHEMA_FILES = {"plan": "plan.schema.json", "report": "report.schema.json"}


def _schema_path(kind: str) -> Path:
    filename = SCHEMA_FILES[kind]
    package = Path(__file__).resolve().parent
    packaged = package / "schemas" / filename
    if packaged.is_file():
        return packaged
    return package.parent / "schemas" / filename


def schema_text(kind: str) -> str:
    """The schema of document kind ``kind`` ("plan" or "report") exactly as shipped."""
    return _schema_path(kind).read_text(encoding="utf-8")


@functools.cache
def load_schema(kind: str) -> dict[str, Any]:
    """The parsed schema, read once per process."""
    return cast("dict[str, Any]", json.loads(schema_text(kind)))
