"""No rule is quadratic in the size of a plan: the work each does on 10,000 programs is about ten times its work on
1,000, counted in function calls (Python's and the C functions it calls), not timed.

Timing would make the test depend on the machine; counting calls does not, and a rule that compares every pair of
programs (as ID002 once did) makes a hundred times the calls for ten times the programs. The plans are the
benchmark corpus's: the largest bundled plan with its programs copied per district, the items of 第1号 and 第3号
under two umbrellas (benchmarks/corpus.py), so the umbrella rules meet thousands of members (CL005 once rebuilt
its map of umbrellas for every program).
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.corpus import plan_with_programs
from jusou_spec.model import Plan
from jusou_spec.rules import RULES, Rule
from jusou_spec.rules import id002_duplicate_program as id002

from .strategies import plans

SMALL, LARGE = 1_000, 10_000
LINEAR = 12
"""At most this many times the work for ten times the programs (linear is 10, quadratic 100)."""


def calls(action: Callable[[], object]) -> int:
    """The function calls ``action`` makes, Python's and C functions' alike."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return count


@functools.cache
def _plan(programs: int) -> tuple[dict[str, Any], Plan]:
    data = plan_with_programs(programs, umbrellas=True)
    plan, findings = Plan.from_document(data)
    assert not findings
    plan.references  # noqa: B018 - resolved once, outside the counting, as the engine does before the rules
    return data, plan


def _run(rule: Rule, programs: int) -> None:
    data, plan = _plan(programs)
    list(rule(data) if rule.reads == "data" else rule(plan))


PLAN_RULES = [rule for rule in RULES if rule.runs_on("plan")]


def test_the_plans_have_the_programs_asked_for():
    """The scaled plans are what the test says: 1,000 and 10,000 programs."""
    assert len(_plan(SMALL)[1].programs) == SMALL
    assert len(_plan(LARGE)[1].programs) == LARGE


def test_building_the_model_is_linear():
    """Building and resolving the model of 10,000 programs costs about ten times that of 1,000."""

    def build(programs: int) -> int:
        data = plan_with_programs(programs, umbrellas=True)
        return calls(lambda: Plan.from_document(data)[0].references)

    small, large = build(SMALL), build(LARGE)
    assert large <= LINEAR * small, (small, large)


@pytest.mark.parametrize("rule", PLAN_RULES, ids=lambda rule: rule.code)
def test_no_rule_is_quadratic(rule):
    """Each plan rule's work on 10,000 programs is at most twelve times its work on 1,000."""
    _run(rule, 100)  # fill what a first run fills (compiled patterns, field lists) on another plan, not counted
    small = calls(lambda: _run(rule, SMALL))
    large = calls(lambda: _run(rule, LARGE))
    assert large <= LINEAR * small + 1_000, f"{rule.code}: {small} calls for {SMALL} programs, {large} for {LARGE}"


def _pairwise_id002(plan: Plan) -> Iterator[tuple[str, str, str]]:
    """ID002 as first written, comparing every pair: (pointer of the repeat, clause, pointer of the first)."""

    def key(program: Any) -> tuple[str, str]:
        def fold(text: str | None) -> str:
            return "".join(unicodedata.normalize("NFKC", text or "").split())

        return fold(program.name), fold(program.variant)

    for index, program in enumerate(plan.programs):
        for earlier in plan.programs[:index]:
            shared = [clause for clause in program.clauses if clause in earlier.clauses]
            if shared and key(program) == key(earlier):
                yield program.pointer, shared[0].label, earlier.pointer
                break


@st.composite
def crowded_plans(draw: st.DrawFn) -> dict[str, Any]:
    """Generated plans whose programs share a few names, variants and clauses, so duplicates are common."""
    document = draw(plans())
    names = ["相談支援", "相談 支援", "参加支援"]
    for program in document.get("事業", []):
        program["名称"] = draw(st.sampled_from(names))
        program.pop("類型", None)
        if draw(st.booleans()):
            program["類型"] = draw(st.sampled_from(["特定型", "基本型"]))
        program.pop("関連事業", None)
        program["号"] = draw(
            st.lists(st.sampled_from(["第1号イ", "第１号　イ", "第2号", "第3号ロ"]), min_size=1, max_size=3)
        )
    return document


@given(crowded_plans())
def test_grouped_id002_finds_what_the_pairwise_one_found(document):
    """ID002 by grouping reports the same programs, clauses and first occurrences as the pairwise comparison."""
    plan, _ = Plan.from_document(document)
    found = [(f.pointer.rsplit("/", 1)[0], f.message.ja) for f in id002.check(plan)]
    expected = list(_pairwise_id002(plan))
    assert [pointer for pointer, _ in found] == [pointer for pointer, _, _ in expected]
    for (_, message), (_, clause, first) in zip(found, expected, strict=True):
        assert f"{clause}の事業として二度あります（最初は {first}）" in message
