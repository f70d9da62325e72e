"""A target or baseline below zero, for an indicator that does not say negative values mean something.

Counts, people, places and rates are never below zero; a minus sign in a target is a transcription slip (a dash of
a range, 「▲」 read as a sign) and makes every rate computed from it meaningless (a rate of -290.0%). Some
indicators do go below zero (an increase or decrease, a balance): they say so with ``負の値: true``.

Fails (a count with a negative target)::

    事業:
      - id: 参加
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        成果目標:
          - {id: 参加人数, 名称: 参加人数, 単位: 人, 目標: [{年度: R6, 値: -5}]}

Passes (the indicator says negative values mean something)::

    事業:
      - id: 参加
        名称: 参加支援事業
        号: 第2号
        所管課: [地域福祉課]
        成果目標:
          - {id: 待機者の増減, 名称: 待機者の増減, 単位: 人, 負の値: true, 目標: [{年度: R6, 値: -5}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Plan, pointer_to
from jusou_spec.numeric import Number
from jusou_spec.progress.text import figure

CHECK = Check(
    "TG002",
    "targets.negative",
    Severity.WARNING,
    Message(ja="負の目標値・基準値", en="A negative target or baseline"),
)


def check(plan: Plan) -> Iterator[Finding]:
    for _, indicator in plan.all_indicators():
        if indicator.negative:
            continue
        if indicator.baseline is not None and indicator.baseline.value < 0:
            where = pointer_to(indicator, "baseline", "value")
            yield _finding(indicator.id, ("基準値", "baseline"), indicator.baseline.value, where)
        if not isinstance(indicator.targets, tuple):
            continue
        for target in indicator.targets:
            if target.value is not None and target.value < 0:
                yield _finding(indicator.id, ("目標値", "target"), target.value, pointer_to(target, "value"))
            if target.upper is not None and target.upper < 0:
                where = pointer_to(target, "upper")
                yield _finding(indicator.id, ("目標の上限", "target's upper bound"), target.upper, where)


def _finding(ident: str, what: tuple[str, str], value: Number, pointer: str) -> Finding:
    return CHECK.finding(
        Message(
            ja=f"指標「{ident}」の{what[0]} {figure(value)} が 0 より小さくなっています。転記の誤り（範囲の「-」や"
            "「▲」）でないか確かめ、増減数のように負の値に意味がある指標なら「負の値: true」と書いてください",
            en=f"the {what[1]} of indicator '{ident}' is {figure(value)}, below zero; check the transcription (a "
            "range's dash, a ▲), and write '負の値: true' if negative values mean something for this indicator",
        ),
        pointer,
    )


DOC_JA = """負の値に意味があると書かれていない指標の、0 より小さい目標値・基準値。

件数・人数・箇所数・割合が 0 より小さくなることはありません。目標の「-」は転記の誤り（範囲を表すダッシュ、符号と
読まれた「▲」）で、それから計算する達成率も意味を失います（達成率 -290.0%）。増減数や収支のように 0 より小さく
なる指標は、その定義に `負の値: true` と書きます。
"""
