"""``jusou import 計画.xlsx -o 計画.yaml``: a workbook back to the YAML document it holds.

The YAML is written in the bundled plans' layout: the schema line first, keys in the model's order, lists in block
style, multi-line text as literal blocks. Comments of an earlier YAML file are not kept (a workbook has none to
give back). The workbook's findings (a date for a year, a merged cell, a schema error …) are printed with their
sheet and cell; the YAML is still written when the data could be read, so that the rest of the work is not lost,
and the exit code is 1 when any finding is an error.
"""

from __future__ import annotations

import argparse
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, language
from jusou_spec.commands._workbooks import load, report_findings
from jusou_spec.findings import Message, Severity
from jusou_spec.resources import SCHEMA_FILES

NAME = "import"
HELP = "turn a filled-in workbook (.xlsx) into its YAML document"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", metavar="WORKBOOK", help="the workbook (.xlsx)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the YAML file to write")


class _Dumper(yaml.SafeDumper):
    """Block style, keys in their given order, literal blocks for text with line breaks."""


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


def run(args: argparse.Namespace) -> int:
    if Path(args.workbook).suffix.lower() != ".xlsx":
        raise UsageError(
            Message(ja=f"{args.workbook}: .xlsx のワークブックを指定してください", en=f"{args.workbook}: not a .xlsx")
        )
    loaded = load(args.workbook)
    report_findings(loaded.findings, [loaded.source.name], language(args))
    data = loaded.document.to_document() if loaded.document is not None else loaded.source.data
    if data is None or loaded.source.kind is None:
        return EXIT_FINDINGS
    write_text_atomically(args.output, to_yaml(data, schema_line=schema_line(args.output, loaded.source.kind)))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in loaded.findings) else EXIT_OK
