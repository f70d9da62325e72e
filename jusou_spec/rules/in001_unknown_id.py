"""Every actual names an indicator that the plan or the report defines.

A report gives each actual by the id of an indicator (``実績: - 指標: 相談受付件数``): an indicator of the plan it
links to (``計画: {ファイル: …}``), or one the report defines under ``指標`` when there is no plan or the figure is
not one of the plan's. An id that names neither is a typo, or an indicator the plan no longer has: its figure
would drop out of every table and chart of the PDCA review without anyone noticing.

Fails (the id is misspelt)::

    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付数, 年度: R6, 値: 29}

Passes::

    指標:
      - {id: 相談受付件数, 名称: 多機関協働事業における相談受付件数, 単位: 件}
    実績:
      - {指標: 相談受付件数, 年度: R6, 値: 29}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import NotStated, Plan, Report
from jusou_spec.resolve_report import resolve_report

DOCUMENT = "report"

CHECK = Check(
    "IN001",
    "indicators.unknown-id",
    Severity.ERROR,
    Message(ja="実績が参照する指標がない", en="An actual refers to an indicator that does not exist"),
)


def check(report: Report, plan: Plan | None) -> Iterator[Finding]:
    if plan is None and report.plan is not None and not isinstance(report.plan, NotStated):
        return  # the linked plan could not be read (RF900 says so); its ids cannot be looked up
    references = resolve_report(report, plan)
    known = list(references.indicators)
    where_ja = "計画にもこの報告書の「指標」にも" if plan is not None else "この報告書の「指標」に"
    where_en = (
        "neither the plan nor this report's 指標 defines" if plan is not None else "this report's 指標 does not define"
    )
    for unresolved in references.unresolved:
        close = difflib.get_close_matches(unresolved.target, known, n=1, cutoff=0.5)
        hint_ja = f"「{close[0]}」のことですか。" if close else ""
        hint_en = f" Did you mean '{close[0]}'?" if close else ""
        yield CHECK.finding(
            Message(
                ja=f"指標「{unresolved.target}」は{where_ja}ありません。{hint_ja}指標の id を確かめるか、"
                "報告書の「指標」に定義してください",
                en=f"{where_en} an indicator '{unresolved.target}'.{hint_en} Check the id, or define the "
                "indicator under the report's 指標",
            ),
            unresolved.pointer,
        )


DOC_JA = """実績は、計画または報告書が定める指標を指しています。

報告書は各実績を指標の id で書きます（`実績: - 指標: 相談受付件数`）。参照する計画（`計画: {ファイル: …}`）の指標か、
計画がないときや計画の指標でない数値については報告書が `指標` に定める指標です。どちらにもない id は書き間違いか、
計画からなくなった指標で、その数値は PDCA の振り返りのすべての表とグラフから、誰にも気付かれずに落ちてしまいます。
"""
