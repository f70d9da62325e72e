"""``jusou rules``: every code a finding can carry, with its severity, name and title."""

from __future__ import annotations

import argparse
import sys

from jusou_spec.catalogue import all_checks
from jusou_spec.commands._common import EXIT_OK, language

NAME = "rules"
HELP = "list every check and its code"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options of its own."""


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    for check in all_checks():
        sys.stdout.write(f"{check.code}  {check.severity.value:<7}  {check.name:<32}  {check.title.text(lang)}\n")
    return EXIT_OK
