"""Suites that drive an outside client (a browser, LibreOffice, pre-commit), and the bounded fuzz run, say how long
they took.

They run inside the one test command, so that a fresh machine proves them too; their time is reported on its own
at the end of the run, so that a slow client is seen for what it costs rather than hidden in the total. A test
joins such a suite with its marker (``@pytest.mark.browser``); the markers are registered in ``pyproject.toml``.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

TIMED_MARKERS = ("browser", "libreoffice", "precommit", "fuzz")

_seconds: dict[str, float] = defaultdict(float)
_tests: dict[str, set[str]] = defaultdict(set)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add each phase of a marked test to its suite's time (with xdist, on the controller, from the workers)."""
    for marker in TIMED_MARKERS:
        if marker in report.keywords:
            _seconds[marker] += report.duration
            _tests[marker].add(report.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per suite that ran: how many tests, and their time added up."""
    for marker in TIMED_MARKERS:
        if marker in _seconds:
            count = len(_tests[marker])
            noun = "test" if count == 1 else "tests"
            terminalreporter.write_line(f"{marker} suite: {count} {noun}, {_seconds[marker]:.1f} s")
