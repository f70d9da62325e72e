"""A document's data as YAML text in the bundled plans' layout, for the commands that write documents (``import``,
``new``): the schema line first, keys in the model's order, lists indented under their key in block style,
a not-stated value on one line (``{未記載: 理由}``), multi-line text as literal blocks, decimal figures exactly as written."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from jusou_spec.resources import SCHEMA_FILES
from jusou_spec.schema import NOT_STATED_KEY

__all__ = ["schema_line", "to_yaml"]


class _Dumper(yaml.SafeDumper):
    """Block style, keys in their given order, a list indented under its key as the bundled plans write it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and value == value.strip() and "\t" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _mapping(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.MappingNode:
    """A not-stated value on one line, as planners write it: ``所管課: {未記載: これから記入}``."""
    flow = len(value) == 1 and NOT_STATED_KEY in value and isinstance(value[NOT_STATED_KEY], str)
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True if flow else None)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    """A decimal figure exactly as it was written (``10.20``, never a binary float's digits)."""
    text = format(value, "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(dict, _mapping)


def to_yaml(data: Any, *, schema_line: str | None) -> str:
    """The document as YAML text in the bundled plans' layout."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return (f"# yaml-language-server: $schema={schema_line}\n" if schema_line else "") + body


def schema_line(output: str, kind: str) -> str | None:
    """The relative path from ``output`` to ``schemas/<kind>.schema.json`` in a folder above it, if there is one."""
    folder = Path(output).resolve().parent
    for above in (folder, *folder.parents):
        candidate = above / "schemas" / SCHEMA_FILES[kind]
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return None
