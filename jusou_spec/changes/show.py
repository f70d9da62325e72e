"""``jusou show``: a document in a normalised text form, one fact per line, for reading and for git's textconv.

Each line is a path and a value (``事業[参加支援].成果目標[活動参加人数].目標[0].値: 5``). The path names an item
of a list by its ``id`` where it has one, so that moving or inserting a program changes only its own lines; the
values are the model's normalised spellings (第１号イ is 第1号イ, 令和6年度 is R6), so a change of spelling alone
shows as no change. Keys follow the model's declaration order, never the file's, so the form is stable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jusou_spec.model import Plan, Report

__all__ = ["normalised_lines", "show"]

_ID = "id"


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)[1:-1] if ("\n" in value or "\\" in value) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def normalised_lines(value: Any, path: str = "") -> Iterator[str]:
    """One ``path: value`` line per scalar inside ``value`` (document data as the model writes it)."""
    if isinstance(value, dict):
        if not value:
            yield f"{path}: {{}}"
        for key, item in value.items():
            yield from normalised_lines(item, f"{path}.{key}" if path else str(key))
        return
    if isinstance(value, list):
        if not value:
            yield f"{path}: []"
        ids = [item.get(_ID) if isinstance(item, dict) else None for item in value]
        by_id = all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)
        for index, item in enumerate(value):
            yield from normalised_lines(item, f"{path}[{ids[index] if by_id else index}]")
        return
    yield f"{path}: {_scalar(value)}"


def show(document: Plan | Report) -> str:
    """The normalised text form of a plan or report."""
    return "".join(line + "\n" for line in normalised_lines(document.to_document()))
