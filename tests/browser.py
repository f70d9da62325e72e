"""Debian's Chromium, driven by Playwright, for the browser suite and the README's screenshots.

Playwright is told to launch the system's Chromium (``/usr/bin/chromium``, installed by ``scripts/dev``); it never
downloads a browser of its own. Where no Chromium is installed the suite is skipped with the reason.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
A4_WIDTH = 794
"""The width of an A4 page in CSS pixels (210 mm at 96 px per inch): nothing on the page may be wider."""


def unavailable() -> str | None:
    """Why the browser suite cannot run here, or None when it can."""
    if shutil.which("chromium") is None:
        return "Debian's chromium is not installed (scripts/dev installs it: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (it is in the dev extra)"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser for the duration of the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
