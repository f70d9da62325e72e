"""Converting a document's 号 spelling to registry clauses, reporting an unknown clause by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from jusou_spec import jsonpointer
from jusou_spec.findings import Check, Message, Severity
from jusou_spec.law import Clause, ClauseError, parse_clauses, parse_whole_items
from jusou_spec.model._build import BuildContext

__all__ = ["UNKNOWN_CLAUSE", "clauses", "whole_items", "whole_labels"]

T = TypeVar("T")

UNKNOWN_CLAUSE = Check(
    "CL002",
    "clauses.unknown",
    Severity.ERROR,
    Message(ja="社会福祉法第106条の4第2項にない号", en="A clause that is not in Social Welfare Act art. 106-4(2)"),
)


def _parsed(value: Any, pointer: str, context: BuildContext, parse: Callable[[str], tuple[T, ...]]) -> tuple[T, ...]:
    """Everything ``parse`` reads from a string or a list of strings, without repeats; each refusal is a CL002
    finding at the string it came from."""
    parts = value if isinstance(value, list) else [value]
    found: list[T] = []
    for index, part in enumerate(parts):
        where = jsonpointer.join(pointer, index) if isinstance(value, list) else pointer
        try:
            named = parse(str(part))
        except ClauseError as error:
            context.report(UNKNOWN_CLAUSE, Message(ja=error.reason_ja, en=error.reason_en), where)
            continue
        found.extend(item for item in named if item not in found)
    return tuple(found)


def clauses(value: Any, pointer: str, context: BuildContext) -> tuple[Clause, ...]:
    """The clauses named by a string or a list of strings, each spelling normalised; unknown ones reported."""
    return _parsed(value, pointer, context, parse_clauses)


def whole_items(value: Any, pointer: str, context: BuildContext) -> tuple[int, ...]:
    """The numbers of the whole 号 named under 号全体 (第1号, 第3号); anything else reported as CL002."""
    return _parsed(value, pointer, context, parse_whole_items)


def whole_labels(numbers: tuple[int, ...]) -> list[str]:
    """The document form of 号全体: 第1号, 第3号."""
    return [f"第{number}号" for number in numbers]
