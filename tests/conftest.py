"""Set-up shared by every test: the Hypothesis profiles (see :mod:`tests.profiles`), and the time of the suites
that drive outside clients (see :mod:`tests.timed_markers`)."""

from __future__ import annotations

from hypothesis import settings

from .profiles import load

pytest_plugins = ["pytester", "tests.timed_markers"]

collect_ignore = ["libreoffice_fill.py"]
"""Run by LibreOffice's own Python (python3-uno), not imported by the test session."""

load()


def pytest_report_header() -> str:
    """Say in the log how hard the properties searched (the profile decides; see tests/profiles.py)."""
    active = settings()
    order = "derandomised" if active.derandomize else "random"
    return f"hypothesis: {active.max_examples} examples per property, {order} (HYPOTHESIS_PROFILE=thorough for more)"
