"""A ratio's stated rate agrees with its parts.

A ratio indicator (連携して支援した件数の割合) states its 分子 and 分母; a target or an actual may give the parts, the
rate the source prints, or both. Where both are given the rate is recomputed from the parts (× 100 for a
percentage) and the stated rate must equal it rounded half up to the decimals it is written with: 33.3% for 1 of 3
agrees, 34% does not (a slipped digit, or parts from another year). A denominator of 0 gives no rate at all. Parts
given for an indicator that does not declare its 分子 and 分母 are counted as a ratio all the same, and said so.

Fails (12 of 30 is 40%, not 45%)::

    事業:
      - id: 多機関協働
        名称: 多機関協働事業
        号: 第5号
        所管課: [地域福祉課]
        成果目標:
          - id: 連携割合
            名称: 連携して支援した件数の割合
            単位: "%"
            分子: {名称: 連携して支援した件数, 単位: 件}
            分母: {名称: 支援した件数, 単位: 件}
            目標: [{年度: R8, 値: 45, 分子: 12, 分母: 30}]

Passes::

    事業:
      - id: 多機関協働
        名称: 多機関協働事業
        号: 第5号
        所管課: [地域福祉課]
        成果目標:
          - id: 連携割合
            名称: 連携して支援した件数の割合
            単位: "%"
            分子: {名称: 連携して支援した件数, 単位: 件}
            分母: {名称: 支援した件数, 単位: 件}
            目標: [{年度: R8, 値: 40.0, 分子: 12, 分母: 30}]
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Actual, Indicator, NotStated, Plan, Report, Target, pointer_to
from jusou_spec.numeric import decimals
from jusou_spec.progress.ratios import Ratio, actual_ratio, round_to, target_ratio
from jusou_spec.progress.text import figure
from jusou_spec.progress.units import unit_text
from jusou_spec.rules._indicators import actuals_with_indicators, defined_indicators

DOCUMENT = "any"

CHECK = Check(
    "IN011",
    "indicators.ratio-mismatch",
    Severity.WARNING,
    Message(ja="割合が分子・分母と合わない", en="A ratio's stated rate disagrees with its parts"),
)


def check(document: Plan | Report, plan: Plan | None = None) -> Iterator[Finding]:
    for indicator in defined_indicators(document):
        yield from _targets(indicator)
    if isinstance(document, Plan):
        return
    for actual, entry in actuals_with_indicators(document, plan):
        if entry is not None:
            yield from _actual(actual, entry.indicator)


def _targets(indicator: Indicator) -> Iterator[Finding]:
    if isinstance(indicator.targets, NotStated):
        return
    for target in indicator.targets:
        ratio = target_ratio(target, indicator)
        if ratio is not None:
            yield from _judge(ratio, indicator, target, "目標", "target")


def _actual(actual: Actual, indicator: Indicator) -> Iterator[Finding]:
    ratio = actual_ratio(actual, indicator)
    if ratio is not None:
        yield from _judge(ratio, indicator, actual, "実績", "actual")


def _judge(ratio: Ratio, indicator: Indicator, where: Target | Actual, ja: str, en: str) -> Iterator[Finding]:
    unit = unit_text(indicator.unit) or ""
    year = f"（{where.years}）" if isinstance(where, Target) and where.years else ""
    if isinstance(where, Actual) and where.year is not None:
        year = f"（{where.year}）"
    parts = f"{figure(ratio.numerator)}/{figure(ratio.denominator)}"
    if ratio.recomputed is None:
        yield CHECK.finding(
            Message(
                ja=f"指標「{indicator.name}」の{ja}{year}の分母が 0 です（{parts}）。割合を計算できません。分母を確かめてください",
                en=f"the {en}{year} of indicator '{indicator.name}' has a denominator of 0 ({parts}); no rate can be "
                "computed, check the denominator",
            ),
            pointer_to(where, "denominator"),
        )
        return
    if not indicator.is_ratio:
        yield CHECK.finding(
            Message(
                ja=f"指標「{indicator.name}」の{ja}{year}に分子・分母がありますが、指標に「分子」「分母」（何を数えるか）"
                "が書かれていません。指標に書いてください",
                en=f"the {en}{year} of indicator '{indicator.name}' gives a numerator and a denominator, but the "
                "indicator does not say what they count: add 分子 and 分母 to the indicator",
            ),
            pointer_to(where, "numerator"),
        )
    if ratio.disagrees and ratio.stated is not None:
        recomputed = str(round_to(ratio.recomputed, max(decimals(ratio.stated), 1)))
        yield CHECK.finding(
            Message(
                ja=f"指標「{indicator.name}」の{ja}{year}の割合 {figure(ratio.stated)}{unit} が、分子・分母（{parts}）から"
                f"計算した {recomputed}{unit} と合いません。割合か分子・分母を確かめてください",
                en=f"the {en}{year} of indicator '{indicator.name}' states {figure(ratio.stated)}{unit}, but its parts "
                f"({parts}) give {recomputed}{unit}; check the rate or the parts",
            ),
            pointer_to(where, "value"),
        )


DOC_JA = """割合として書かれた率は、分子・分母と合っています。

割合の指標（連携して支援した件数の割合）は `分子` と `分母` を書きます。目標や実績は、分子と分母、出典が印字する率、
またはその両方を書けます。両方があるときは分子・分母から率を計算し直し（百分率なら × 100）、書かれた率は、それが
書かれている小数の桁数に四捨五入した値と等しくなければなりません。3 件中 1 件の 33.3% は合い、34% は合いません
（桁のずれか、別の年度の分子・分母）。分母が 0 のときは率がありません。分子・分母を宣言していない指標に分子・分母が
書かれていても、割合として数え、そのことを伝えます。
"""
