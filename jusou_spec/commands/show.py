"""``jusou show FILE``: a plan or report in a normalised text form, one fact per line, stable whatever the file's
spelling or order of keys; ``git diff`` uses it through textconv (docs/guide.md). A file that is not a valid
document is an error (exit 2, with its findings), unless ``--fallback`` asks for its text as it is, which keeps
``git diff`` working on a file in the middle of an edit.
"""

from __future__ import annotations

import argparse
import sys

from jusou_spec.commands._common import EXIT_CANNOT_RUN, EXIT_OK, UsageError, language, say, say_findings
from jusou_spec.findings import Message
from jusou_spec.source import SourceUnreadable, read_raw

NAME = "show"
HELP = Message(
    ja="計画・報告書を、1 行に一つの事実の正規化したテキストで出力します（git diff の textconv 用）",
    en="print a plan or report in a normalised text form, one fact per line (for git diff's textconv)",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="計画または報告書（ファイル、または git show で読む REV:PATH）")
    parser.add_argument(
        "--fallback",
        action="store_true",
        help="正しい文書でないファイルはそのまま出力し、終了コード 0 で終わります（git の textconv 用）",
    )


def run(args: argparse.Namespace) -> int:
    # Loaded when it runs, as for jusou diff: jusou check starts without it.
    import jusou_spec.changes as changes

    lang = language(args)
    try:
        side = changes.load_version(args.file)
    except (SourceUnreadable, changes.RevisionUnreadable) as error:
        raise UsageError(error.message) from error
    except changes.InvalidDocument as error:
        if args.fallback:
            raw = changes.git_show(args.file) if changes.revision_path(args.file) else read_raw(args.file)
            sys.stdout.write(raw.decode("utf-8", "replace"))
            return EXIT_OK
        say_findings(error.findings, lang)
        message = Message(
            ja=f"{error.name} は正しい文書ではないため表示できません（上の指摘を直してください）",
            en=f"{error.name} is not a valid document and cannot be shown (see the findings above)",
        )
        say(message, lang)
        return EXIT_CANNOT_RUN
    sys.stdout.write(changes.show(side.document))
    return EXIT_OK
