"""Running the JSON Schemas (``schemas/*.schema.json``): a fast engine decides, the reference engine explains.

Most documents a planner checks are valid, and validating is the larger part of a check's time. So jsonschema-rs
(compiled, about a hundred times faster on these documents) only answers *valid or not*; an invalid document then
goes through jsonschema, the reference implementation, which finds every error and says it in plain words
(:mod:`jusou_spec.schema._explain`). The findings are therefore exactly the reference engine's, whichever engine
decided. Without jsonschema-rs, or for data it cannot represent (an integer beyond 64 bits), jsonschema decides
alone. ``tests/test_schema_engines.py`` keeps the two engines' verdicts equal.
"""

from __future__ import annotations

import functools
from types import ModuleType
from typing import Any, Protocol

from jusou_spec.findings import Finding
from jusou_spec.resources import load_schema
from jusou_spec.schema._checks import (
    CHECKS,
    EMPTY_VALUE,
    INVALID_VALUE,
    MISSING_KEY,
    NOT_STATED_KEY,
    SYNONYMS,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from jusou_spec.schema._flow import flow

_FAST: ModuleType | None
"""jsonschema-rs, or None when it is not installed (then the reference engine decides alone)."""
try:
    import jsonschema_rs

    _FAST = jsonschema_rs
except ImportError:  # pragma: no cover - a core dependency, but the fallback must stay
    _FAST = None

__all__ = [
    "CHECKS",
    "EMPTY_VALUE",
    "INVALID_VALUE",
    "MISSING_KEY",
    "NOT_STATED_KEY",
    "SYNONYMS",
    "UNKNOWN_KEY",
    "WRONG_TYPE",
    "engine",
    "flow",
    "is_valid",
    "validate",
]


class _Decider(Protocol):
    def is_valid(self, instance: Any) -> bool: ...


def engine() -> str:
    """The engine that decides valid or invalid: "jsonschema-rs", or "jsonschema" when it is not installed."""
    return "jsonschema" if _FAST is None else "jsonschema-rs"


@functools.cache
def _decider(kind: str) -> _Decider | None:
    """The compiled fast validator of document kind ``kind``, built once per process (None without jsonschema-rs).

    Formats are not asserted, as jsonschema does not assert them without a format checker.
    """
    if _FAST is None:
        return None
    decider: _Decider = _FAST.validator_for(_ascii_refs(load_schema(kind)), validate_formats=False)
    return decider


def _ascii_refs(schema: Any) -> Any:
    """The schema with every ``$ref`` percent-encoded (RFC 6901 §6): jsonschema-rs reads a ``$ref`` as a URI, which
    is ASCII, while ours name Japanese ``$defs`` (``#/$defs/未記載``).

    >>> _ascii_refs({"items": [{"$ref": "#/$defs/年度"}]})
    {'items': [{'$ref': '#/$defs/%E5%B9%B4%E5%BA%A6'}]}
    """
    if isinstance(schema, dict):
        return {
            key: _percent_encoded(value) if key == "$ref" and isinstance(value, str) else _ascii_refs(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_ascii_refs(item) for item in schema]
    return schema


def _percent_encoded(uri: str) -> str:
    return "".join(c if c.isascii() else "".join(f"%{byte:02X}" for byte in c.encode()) for c in uri)


def is_valid(kind: str, data: Any) -> bool | None:
    """The fast engine's verdict on ``data``, or None when it has none (not installed, or data it cannot read)."""
    decider = _decider(kind)
    if decider is None:
        return None
    try:
        return decider.is_valid(data)
    except (ValueError, TypeError, OverflowError):
        return None


def validate(kind: str, data: Any) -> list[Finding]:
    """Findings for everything in ``data`` that the ``kind`` schema rejects, one per place."""
    if is_valid(kind, data):
        return []
    # Only an invalid document (or one the fast engine could not judge) pays for importing the reference engine.
    import jusou_spec.schema._explain as explaining

    return explaining.explain(kind, data)
