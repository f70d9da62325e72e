"""Shared helpers for the fidelity tests of the bundled plans: where the plans and the source texts are."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLANS = REPO / "plans"


def seeds_dir() -> Path:
    """The folder of the source texts: ``$JUSOU_SEEDS``, else ``shared/seeds`` beside the repository."""
    configured = os.environ.get("JUSOU_SEEDS")
    return Path(configured) if configured else REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> Callable[[str], str]:
    """A reader of a source text by file name; the test is skipped, with the reason, when it is absent."""

    def read(name: str) -> str:
        path = seeds_dir() / name
        if not path.is_file():
            pytest.skip(f"source text {name} not found in {seeds_dir()} (set JUSOU_SEEDS to its folder)")
        return path.read_text(encoding="utf-8")

    return read
