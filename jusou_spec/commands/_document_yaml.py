"""A document's data as YAML text in the bundled plans' layout, for the commands that write documents (``import``,
``new``): the schema line first, keys in the model's order, lists indented under their key in block style,
multi-line text as literal blocks, decimal figures exactly as written."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from jusou_spec.resources import SCHEMA_FILES

__all__ = ["schema_line", "to_yaml"]


class _Dumper(yaml.SafeDumper):
    """Block style, keys in their given order, a list indented under its key as the bundled plans write it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and value == value.strip() and "\t" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    """A decimal figure exactly as it was written (``10.20``, never a binary float's digits)."""
    text = format(value, "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Decimal, _decimal)


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
