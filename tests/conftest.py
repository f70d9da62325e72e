"""Set-up shared by every test: the Hypothesis profiles (see :mod:`tests.profiles`)."""

from __future__ import annotations

from .profiles import load

load()
