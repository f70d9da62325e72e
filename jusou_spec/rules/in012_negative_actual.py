"""An actual below zero, for an indicator that does not say negative values mean something.

A status report's counts and rates are never below zero; a minus sign there is a slip of the transcription (a
「▲」 or a dash read as a sign), and the achievement rate computed from it is nonsense (-290.0%). An indicator
whose values do go below zero (an increase or decrease, a balance) says so with ``負の値: true``, in the plan or in
the report that defines it.

Fails (a count reported as negative)::

    年度: R5
    指標:
      - {id: 相談件数, 名称: 相談件数, 単位: 件}
    実績:
      - {指標: 相談件数, 年度: R5, 値: -29}

Passes (an indicator whose values may be negative)::

    年度: R5
    指標:
      - {id: 待機者の増減, 名称: 待機者の増減, 単位: 人, 負の値: true}
    実績:
      - {指標: 待機者の増減, 年度: R5, 値: -29}
"""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import NotStated, Plan, Report, pointer_to
from jusou_spec.numeric import Number
from jusou_spec.progress.text import figure
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN012",
    "indicators.negative-actual",
    Severity.WARNING,
    Message(ja="負の実績値・計画値", en="A negative actual or planned value"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    indicators = resolve_report(report, plan).indicators
    for actual in report.actuals:
        entry = indicators.get(actual.indicator)
        if entry is not None and entry.indicator.negative:
            continue
        if not isinstance(actual.value, NotStated) and actual.value is not None and actual.value < 0:
            yield _finding(actual.indicator, ("実績値", "actual"), actual.value, pointer_to(actual, "value"))
        if actual.planned is not None and actual.planned < 0:
            yield _finding(actual.indicator, ("計画値", "planned value"), actual.planned, pointer_to(actual, "planned"))


def _finding(ident: str, what: tuple[str, str], value: Number, pointer: str) -> Finding:
    return CHECK.finding(
        Message(
            ja=f"指標「{ident}」の{what[0]} {figure(value)} が 0 より小さくなっています。転記の誤り（「▲」や「-」）で"
            "ないか確かめ、増減数のように負の値に意味がある指標なら、その定義に「負の値: true」と書いてください",
            en=f"the {what[1]} of indicator '{ident}' is {figure(value)}, below zero; check the transcription (a ▲ "
            "or a dash), and write '負の値: true' in the indicator's definition if negative values mean something",
        ),
        pointer,
    )


DOC_JA = """負の値に意味があると書かれていない指標の、0 より小さい実績値・計画値。

進捗報告の件数や割合が 0 より小さくなることはありません。「-」は転記の誤り（符号と読まれた「▲」やダッシュ）で、
それから計算する達成率も意味を失います（-290.0%）。増減数や収支のように 0 より小さくなる指標は、計画または
それを定義する報告の指標に `負の値: true` と書きます。
"""
