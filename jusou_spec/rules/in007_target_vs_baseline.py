"""A target improves on the baseline: not below it where higher is better, not above it where lower is.

A plan sets a baseline (基準値) and targets for later years. A target below the baseline of a higher-is-better
indicator plans for getting worse; it is almost always a slip (a swapped pair of figures, a wrong unit, a baseline
of another year), and a review that marks such a target 達成 praises a decline. The direction is the indicator's
``方向``, or what its targets' comparisons say (以上・超: higher is better; 以下・未満: lower is better); without
either nothing is checked.

Fails (a target of 3 以上 against a baseline of 5)::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        成果目標:
          - id: 参加人数
            名称: 活動参加の場への利用につながった人数
            単位: 人
            基準値: {年度: R5, 値: 5}
            目標: [{年度: R8, 値: 3, 比較: 以上}]

Passes::

    事業:
      - id: 参加支援
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        成果目標:
          - id: 参加人数
            名称: 活動参加の場への利用につながった人数
            単位: 人
            基準値: {年度: R5, 値: 5}
            目標: [{年度: R8, 値: 8, 比較: 以上}]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Direction, Indicator, Plan, Report, Target, pointer_in
from jusou_spec.progress.rates import effective_direction, exact, goals
from jusou_spec.progress.text import figure

DOCUMENT = "any"

CHECK = Check(
    "IN007",
    "indicators.target-vs-baseline",
    Severity.WARNING,
    Message(ja="目標が基準値より悪い方向にある", en="A target is on the wrong side of the baseline"),
)


def check(document: Plan | Report, plan: Plan | None = None) -> Iterator[Finding]:
    own = (
        [indicator for _, indicator in document.all_indicators()] if isinstance(document, Plan) else document.indicators
    )
    for indicator in own:
        yield from _indicator(indicator)


def _indicator(indicator: Indicator) -> Iterator[Finding]:
    if indicator.baseline is None:
        return
    direction, stated = effective_direction(indicator)
    if not stated or direction not in (Direction.HIGHER, Direction.LOWER):
        return
    base = exact(indicator.baseline.value)
    for goal in goals(indicator):
        if (
            indicator.baseline.year is not None
            and goal.years is not None
            and goal.years.start < indicator.baseline.year
        ):
            continue
        worse = exact(goal.value) < base if direction is Direction.HIGHER else exact(goal.value) > base
        if not worse:
            continue
        side_ja, side_en = ("下回って", "below") if direction is Direction.HIGHER else ("上回って", "above")
        better_ja = "多いほど良い" if direction is Direction.HIGHER else "少ないほど良い"
        better_en = "higher" if direction is Direction.HIGHER else "lower"
        yield CHECK.finding(
            Message(
                ja=f"指標「{indicator.name}」は{better_ja}指標ですが、目標 {figure(goal.value)} が基準値 "
                f"{figure(indicator.baseline.value)} を{side_ja}います。目標・基準値・方向を確かめてください",
                en=f"'{indicator.name}' is better when {better_en}, but its target {figure(goal.value)} is {side_en} "
                f"the baseline {figure(indicator.baseline.value)}; check the target, the baseline and the direction",
            ),
            goal.pointer + pointer_in(Target, "value"),
        )


DOC_JA = """目標は基準値より良い方向にあります。多いほど良い指標では下回らず、少ないほど良い指標では上回りません。

計画は基準値と後の年度の目標を定めます。多いほど良い指標の目標が基準値を下回るのは悪化を計画することで、ほとんどが
誤り（数値の入れ違い、単位の誤り、別の年度の基準値）です。そのような目標を達成と評価する振り返りは、悪化を褒める
ことになります。方向は指標の `方向`、またはその目標の比較（以上・超: 多いほど良い、以下・未満: 少ないほど良い）で
決め、どちらもないときは確かめません。
"""
