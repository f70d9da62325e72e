"""``jusou schema``: print a document schema, or write it (atomically) for another repository's editors."""

from __future__ import annotations

import argparse
import sys

from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_OK
from jusou_spec.resources import SCHEMA_FILES, schema_text

NAME = "schema"
HELP = "print or write a document schema"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=sorted(SCHEMA_FILES), default="plan", help="plan (default) or report")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")


def run(args: argparse.Namespace) -> int:
    text = schema_text(args.kind)
    if args.output:
        write_text_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
