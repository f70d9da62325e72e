"""Shared helpers for the fidelity tests of the bundled plans: where the seed texts are."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    """The folder of the source texts: ``JUSOU_SEEDS`` when set, else ``<repo>/../shared/seeds``."""
    given = os.environ.get("JUSOU_SEEDS")
    return Path(given) if given else REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> Callable[[str], str]:
    """A reader of one seed text by file name; the calling test is skipped when the text is not available."""

    def read(name: str) -> str:
        path = seeds_dir() / name
        if not path.is_file():
            pytest.skip(f"seed text {name} is not available (set JUSOU_SEEDS to the folder that holds it)")
        return path.read_text(encoding="utf-8")

    return read
