"""The subcommands of ``jusou``, one module each; :data:`COMMANDS` is the explicit list the CLI assembles.

What the CLI needs besides the list (the exit codes, the usage error, the message language, where ``--debug``
sends tracebacks) is re-exported here from the commands' shared module, which stays private to this package.
"""

from __future__ import annotations

from jusou_spec.commands import (
    check,
    compare,
    diff,
    export,
    graph,
    import_workbook,
    indicators,
    init,
    new,
    render,
    rules,
    schema,
    show,
    template,
)
from jusou_spec.commands._common import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    debug_output,
    language,
    say,
    unknown_environment_language,
)

__all__ = [
    "COMMANDS",
    "EXIT_CANNOT_RUN",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "UsageError",
    "debug_output",
    "language",
    "say",
    "unknown_environment_language",
]

COMMANDS = (
    check,
    schema,
    rules,
    graph,
    indicators,
    render,
    template,
    export,
    import_workbook,
    compare,
    diff,
    show,
    init,
    new,
)
"""Each module has ``NAME``, ``HELP`` (a Message: the line `jusou --help` shows), ``add_arguments(parser)`` and
``run(args) -> int``."""
