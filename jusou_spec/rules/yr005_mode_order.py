"""Each year has one mode, and the 移行準備事業 years come before full implementation.

移行準備事業 is the subsidised preparation a municipality runs *before* it implements the project in full (魚津市:
移行準備 in R6, 本格実施 from R7). A year given two modes leaves every check of that year undecided, and a
transition year after a full-implementation year turns the order of the law's scheme around (the transition grant
is for municipalities moving to full implementation): both are errors.

Fails (preparation after full implementation)::

    計画期間: R6～R8
    実施形態:
      - {年度: R6～R7, 形態: 本格実施}
      - {年度: R8, 形態: 移行準備事業}

Passes::

    計画期間: R6～R8
    実施形態:
      - {年度: R6, 形態: 移行準備事業}
      - {年度: R7～R8, 形態: 本格実施}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Mode, Plan, pointer_to

CHECK = Check(
    "YR005",
    "years.mode-order",
    Severity.ERROR,
    Message(
        ja="実施形態の重なり、本格実施の後の移行準備事業",
        en="Overlapping modes, or a transition year after full implementation",
    ),
)


def check(plan: Plan) -> Iterator[Finding]:
    periods = [period for period in plan.modes if period.years is not None]
    for index, later in enumerate(periods):
        assert later.years is not None
        for earlier in periods[:index]:
            assert earlier.years is not None
            if later.years.overlaps(earlier.years):
                yield CHECK.finding(
                    Message(
                        ja=f"実施形態の年度「{later.years}」（{later.mode.value}）が「{earlier.years}」"
                        f"（{earlier.mode.value}）と重なっています。一つの年度の実施形態は一つにしてください",
                        en=f"the mode years {later.years} ({later.mode.value}) overlap {earlier.years} "
                        f"({earlier.mode.value}); give each year one mode",
                    ),
                    pointer_to(later, "years"),
                )
    first_full = min(
        (period.years.start for period in periods if period.mode is Mode.FULL and period.years is not None),
        default=None,
    )
    if first_full is None:
        return
    for period in periods:
        assert period.years is not None
        if period.mode is Mode.TRANSITION and period.years.end is not None and period.years.end > first_full:
            yield CHECK.finding(
                Message(
                    ja=f"移行準備事業の年度「{period.years}」が本格実施（{first_full}～）の後にあります。移行準備事業は"
                    "本格実施の前に行う事業です。年度か形態を直してください",
                    en=f"the transition years {period.years} come after full implementation (from {first_full}); "
                    "移行準備事業 prepares for full implementation and comes before it: correct the years or the mode",
                ),
                pointer_to(period, "years"),
            )


DOC_JA = """各年度の実施形態は一つで、移行準備事業の年度は本格実施より前にあります。

移行準備事業は、市町村が本格実施の「前に」行う補助事業です（魚津市: R6 移行準備、R7 から本格実施）。二つの実施形態を
持つ年度はその年度のすべての検査を決められなくし、本格実施の後の移行準備の年度は制度の順序を逆にします
（移行準備の補助は本格実施に移る市町村のためのものです）。どちらもエラーです。
"""
