"""``jusou check PATH…``: check plans and reports, print the findings, exit 0/1/2."""

from __future__ import annotations

import argparse
import os
import sys

from jusou_spec.checker import check_document, discover
from jusou_spec.commands._common import EXIT_FINDINGS, EXIT_OK, UsageError, language
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.reporters import REPORTERS, Summary, render
from jusou_spec.source import SourceUnreadable

NAME = "check"
HELP = "check plans and reports (files or folders)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="YAML files, or folders to search for them")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default text)")
    parser.add_argument("--strict", action="store_true", help="warnings count as errors for the exit code")


def run(args: argparse.Namespace) -> int:
    for given in args.paths:
        if not os.path.exists(given):
            raise UsageError(Message(ja=f"{given}: ファイルまたはフォルダがありません", en=f"{given}: no such file or folder"))
    files, skipped = discover(args.paths)
    findings: list[Finding] = []
    for path in files:
        try:
            findings.extend(check_document(path).findings)
        except SourceUnreadable as error:
            raise UsageError(error.message) from error
    sys.stdout.write(render(args.format, findings, Summary(files=len(files), skipped=skipped), lang=language(args)))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK
