"""``jusou schema``: print a document schema, or write it (atomically) for another repository's editors."""

from __future__ import annotations

import argparse
import sys

from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_OK, UsageError
from jusou_spec.findings import Message
from jusou_spec.resources import SCHEMA_FILES, schema_text

NAME = "schema"
HELP = Message(
    ja="文書のスキーマを出力するか、ファイルに書きます",
    en="print or write a document schema",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # ``jusou schema report`` is what people type; ``--kind report`` is kept for the scripts that use it.
    parser.add_argument("kind", nargs="?", choices=sorted(SCHEMA_FILES), help="plan（既定）または report")
    parser.add_argument(
        "--kind", dest="kind_option", choices=sorted(SCHEMA_FILES), help="同じものをオプションで指定します"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="表示せずに FILE に書きます")


def run(args: argparse.Namespace) -> int:
    if args.kind and args.kind_option and args.kind != args.kind_option:
        raise UsageError(
            Message(
                ja=f"スキーマの種類が二つ指定されています（{args.kind} と --kind {args.kind_option}）。一つにしてください",
                en=f"two kinds of schema given ({args.kind} and --kind {args.kind_option}); give one",
            )
        )
    text = schema_text(args.kind or args.kind_option or "plan")
    if args.output:
        write_text_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
