"""A percentage lies between 0 and 100.

An indicator counted in % (a registration rate, a participation rate) cannot be below 0 or above 100: a value
of 820 is 82 with a slipped digit, or a count put in the wrong indicator. Its targets, baseline, actuals and the
parts of its breakdowns are checked. (Achievement rates above 100% are normal; they are not figures of the
document, and are not checked here.)

Fails (a registration rate of 820%)::

    事業:
      - id: 地域づくり
        名称: 生活困窮者支援等のための地域づくり事業
        号: 第3号
        所管課: [地域福祉課]
        成果目標:
          - id: 登録割合
            名称: 民生委員の結ネット登録割合
            単位: "%"
            目標: [{年度: R8, 値: 820, 比較: 以上}]

Passes::

    事業:
      - id: 地域づくり
        名称: 生活困窮者支援等のための地域づくり事業
        号: 第3号
        所管課: [地域福祉課]
        成果目標:
          - id: 登録割合
            名称: 民生委員の結ネット登録割合
            単位: "%"
            目標: [{年度: R8, 値: 90, 比較: 以上}]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Breakdown, Indicator, NotStated, Plan, Report, pointer_to
from jusou_spec.numeric import Number
from jusou_spec.progress.text import figure
from jusou_spec.progress.units import is_percent
from jusou_spec.rules._indicators import actuals_with_indicators, defined_indicators

DOCUMENT = "any"

CHECK = Check(
    "IN009",
    "indicators.percentage-range",
    Severity.ERROR,
    Message(ja="0〜100 の範囲にない百分率", en="A percentage outside 0–100"),
)


def check(document: Plan | Report, plan: Plan | None = None) -> Iterator[Finding]:
    for indicator in defined_indicators(document):
        yield from _definition(indicator)
    if isinstance(document, Plan):
        return
    for actual, entry in actuals_with_indicators(document, plan):
        unit = actual.unit if actual.unit is not None else (entry.indicator.unit if entry else None)
        if not is_percent(unit):
            continue
        name = entry.indicator.name if entry else actual.indicator
        yield from _value(name, actual.value, pointer_to(actual, "value"))
        yield from _value(name, actual.planned, pointer_to(actual, "planned"))
        yield from _breakdowns(name, actual.breakdowns)


def _definition(indicator: Indicator) -> Iterator[Finding]:
    if indicator.baseline is not None and is_percent(indicator.unit):
        yield from _value(indicator.name, indicator.baseline.value, pointer_to(indicator, "baseline", "value"))
    if isinstance(indicator.targets, NotStated):
        return
    for target in indicator.targets:
        if not is_percent(target.unit if target.unit is not None else indicator.unit):
            continue
        yield from _value(indicator.name, target.value, pointer_to(target, "value"))
        yield from _value(indicator.name, target.upper, pointer_to(target, "upper"))


def _breakdowns(name: str, breakdowns: Sequence[Breakdown]) -> Iterator[Finding]:
    for breakdown in breakdowns:
        yield from _value(name, breakdown.total, pointer_to(breakdown, "total"))
        for item in breakdown.items:
            yield from _value(f"{name}（{item.name}）", item.value, pointer_to(item, "value"))
            yield from _breakdowns(name, item.breakdowns)


def _value(name: str, value: Number | NotStated | None, pointer: str) -> Iterator[Finding]:
    if value is None or isinstance(value, NotStated) or 0 <= value <= 100:
        return
    yield CHECK.finding(
        Message(
            ja=f"「{name}」は百分率（%）ですが、値 {figure(value)} が 0〜100 の範囲にありません。桁や単位を確かめてください",
            en=f"'{name}' is a percentage, but the value {figure(value)} is not between 0 and 100; check the digits "
            "and the unit",
        ),
        pointer,
    )


DOC_JA = """百分率は 0 から 100 の間にあります。

% で数える指標（登録率、参加率）は 0 未満にも 100 超にもなりません。820 は桁のずれた 82 か、違う指標に入れた件数です。
目標、基準値、実績、内訳の各項目を確かめます（100% を超える達成率はふつうのことで、文書の数値ではないので、ここでは
確かめません）。
"""
