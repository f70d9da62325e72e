"""Hypothesis settings profiles: bounded for the test command, thorough when run on purpose.

Chosen by ``HYPOTHESIS_PROFILE`` (or pytest's ``--hypothesis-profile``):

- ``default`` (a developer's run): a bounded number of examples, random, remembered in ``.hypothesis/`` so that a
  failure found once is tried first the next time;
- ``ci`` (loaded by Hypothesis itself when it sees a CI environment): the same bound, derandomised and without the
  database, so that a build is reproducible and a red one is not a new random draw;
- ``thorough`` (``HYPOTHESIS_PROFILE=thorough scripts/dev test``): 25 times the examples, random, for a deliberate
  search before a release or after touching the model, the strategies or a rule.

Every profile drops the deadline (a loaded two-core machine makes timings noise) and prints the blob that replays a
failure with ``@reproduce_failure``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["BOUNDED_EXAMPLES", "load", "scaled"]

BOUNDED_EXAMPLES = 40
"""Examples per property in the bounded profiles: a generated plan costs tens of milliseconds to build and check."""

_COMMON = settings(deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])


def load() -> None:
    """Register the profiles and load the one ``HYPOTHESIS_PROFILE`` names (else the one already active: Hypothesis
    picks ``ci`` in a CI environment and ``default`` elsewhere, and registering it again applies the settings here)."""
    settings.register_profile("default", _COMMON, max_examples=BOUNDED_EXAMPLES)
    settings.register_profile("ci", _COMMON, max_examples=BOUNDED_EXAMPLES, derandomize=True, database=None)
    settings.register_profile("thorough", _COMMON, max_examples=25 * BOUNDED_EXAMPLES)
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        settings.load_profile(chosen)


def scaled(factor: int) -> settings:
    """The active profile with ``factor`` times its examples, for a property whose example costs next to nothing
    (a string function), so that it searches wider than one that builds a plan, in every profile."""
    return settings(max_examples=factor * settings().max_examples)
