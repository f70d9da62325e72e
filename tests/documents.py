"""Every plan and report the repository carries (bundled, examples, fixtures), for tests that hold two ways of
doing one thing to the same result on all of them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DOCUMENTS = sorted(
    path
    for folder in ("plans", "reports", "examples", "tests/fixtures")
    for path in (ROOT / folder).rglob("*.yaml")
    if re.search(rb"^jusou: *(plan|report)/", path.read_bytes(), re.MULTILINE)
)
