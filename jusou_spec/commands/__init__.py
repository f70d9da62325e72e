"""The subcommands of ``jusou``, one module each; :data:`COMMANDS` is the explicit list the CLI assembles."""

from __future__ import annotations

from jusou_spec.commands import check, graph, indicators, rules, schema

__all__ = ["COMMANDS"]

COMMANDS = (check, schema, rules, graph, indicators)
"""Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""
