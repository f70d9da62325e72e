"""A value as a planner types it on one line of YAML, for the examples messages and docs show."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["flow"]


def flow(value: Any) -> str:
    """A value written as a planner would type it on one line in YAML: ``[福祉政策課]``, ``{未記載: 理由}``.

    >>> flow({"方式": "委託", "委託先": ["見本市社会福祉協議会"]})
    '{方式: 委託, 委託先: [見本市社会福祉協議会]}'
    >>> flow(["R6", 2024, True, "時間: 10時"])
    '[R6, 2024, true, "時間: 10時"]'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{flow(key)}: {flow(item)}" for key, item in value.items()) + "}"
    text = str(value)
    plain = text and text.strip() == text and not any(mark in text for mark in (": ", " #", ",", "[", "]", "{", "}"))
    if plain and not text.startswith(("-", "?", ":", "!", "&", "*", "|", ">", "'", '"', "%", "@", "`", "#")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
