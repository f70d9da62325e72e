"""A suite that drives an outside client reports its own time at the end of the test run."""

from __future__ import annotations

import re

import pytest

from .timed_markers import TIMED_MARKERS


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_each_marked_suite_reports_its_count_and_time(pytester, workers):
    """Two browser tests and one pre-commit test: one line per suite that ran, none for a suite that did not, also
    when the workers of pytest-xdist run them."""
    pytester.makeconftest('pytest_plugins = ["tests.timed_markers"]')
    pytester.makeini("[pytest]\nmarkers =\n" + "".join(f"    {marker}: x\n" for marker in TIMED_MARKERS))
    pytester.makepyfile(
        """
        import time
        import pytest

        @pytest.mark.browser
        def test_one():
            time.sleep(0.05)

        @pytest.mark.browser
        def test_two():
            pass

        @pytest.mark.precommit
        def test_three():
            pass

        def test_unmarked():
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", *workers)
    result.assert_outcomes(passed=4)
    out = result.stdout.str()
    browser = re.search(r"^browser suite: 2 tests, (\d+\.\d) s$", out, re.MULTILINE)
    assert browser and float(browser[1]) >= 0.05
    assert re.search(r"^precommit suite: 1 test, \d+\.\d s$", out, re.MULTILINE)
    assert "libreoffice suite" not in out
