"""A bounded run of the fuzz campaign (tests/fuzz.py) in the test command: a few derandomised cases of each target.

``scripts/dev fuzz [SECONDS]`` runs the same targets for as long as asked, with fresh random seeds.
"""

from __future__ import annotations

import pytest

from .fuzz import TARGETS, run_target

CASES = 12
"""Cases per target: about ten seconds in all on a loaded two-core machine."""


@pytest.mark.fuzz
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_target_holds_the_contract(target):
    """Every case of the target ends in findings, a model, a JusouError or a one-line message: no exception, no
    hang, no rule crash, only UTF-8 on the standard streams."""
    tally = run_target(target, examples=CASES)
    assert tally.cases >= 1
    assert not tally.failures, "\n\n".join(tally.failures)
