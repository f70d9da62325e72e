"""Every area a document refers to is declared once, under 圏域.

Areas (圏域・地区・校区) are named once, at the top of a plan (or of a report, which also reads its plan's), each with
an id; programs, staffing, activities and the items of a breakdown refer to them by that id. A reference to an id
that is not declared is a typo or a missing declaration, and the figures by area (a report's 校区 breakdown) would
no longer meet the plan's areas, so it is an error. A declared area's 上位 must be a declared area too.

Fails (南部 is not declared)::

    圏域:
      - {id: 北部, 名称: 北部, 種別: 校区}
      - {id: 中部, 名称: 中部, 種別: 校区}
    事業:
      - {id: 参加支援, 名称: 参加支援事業, 号: 第2号, 圏域: [北部, 南部], 所管課: [地域福祉課]}

Passes::

    圏域:
      - {id: 北部, 名称: 北部, 種別: 校区}
      - {id: 南部, 名称: 南部, 種別: 校区}
    事業:
      - {id: 参加支援, 名称: 参加支援事業, 号: 第2号, 圏域: [北部, 南部], 所管課: [地域福祉課]}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.model import Breakdown, Plan, Report, pointer_to

DOCUMENT = "any"

CHECK = Check(
    "AR001",
    "areas.undeclared",
    Severity.ERROR,
    Message(ja="宣言されていない圏域の id", en="An area id that is not declared"),
)


def _plan_references(plan: Plan) -> Iterator[tuple[str, str]]:
    """(area id, pointer) of every reference to an area in a plan."""
    for area in plan.areas:
        if area.parent is not None:
            yield area.parent, pointer_to(area, "parent")
    for program in plan.programs:
        for index, ident in enumerate(program.areas):
            yield ident, pointer_to(program, "areas", index)
        for staff in program.staff:
            for index, ident in enumerate(staff.areas):
                yield ident, pointer_to(staff, "areas", index)


def _breakdown_references(breakdowns: Iterable[Breakdown]) -> Iterator[tuple[str, str]]:
    for breakdown in breakdowns:
        for item in breakdown.items:
            if item.area is not None:
                yield item.area, pointer_to(item, "area")
            yield from _breakdown_references(item.breakdowns)


def _report_references(report: Report) -> Iterator[tuple[str, str]]:
    for area in report.areas:
        if area.parent is not None:
            yield area.parent, pointer_to(area, "parent")
    for actual in report.actuals:
        yield from _breakdown_references(actual.breakdowns)
    for activity in report.activities:
        for index, ident in enumerate(activity.areas):
            yield ident, pointer_to(activity, "areas", index)
        for figure in activity.figures:
            yield from _breakdown_references(figure.breakdowns)


def check(document: Plan | Report, plan: Plan | None = None) -> Iterator[Finding]:
    if isinstance(document, Plan):
        declared = [area.id for area in document.areas]
        references = _plan_references(document)
    else:
        declared = [area.id for area in document.areas] + [area.id for area in (plan.areas if plan else ())]
        references = _report_references(document)
    for ident, pointer in references:
        if ident in declared:
            continue
        known = "、".join(declared[:5]) + (" など" if len(declared) > 5 else "")
        yield CHECK.finding(
            Message(
                ja=f"「{ident}」という圏域は宣言されていません。文書の「圏域」に id「{ident}」の区域を加えるか、"
                + (f"宣言済みの id（{known}）を書いてください" if declared else "圏域の一覧を書いてください"),
                en=f"no area '{ident}' is declared; add it under 圏域 with that id, or use a declared id"
                + (f" ({', '.join(declared[:5])}{', …' if len(declared) > 5 else ''})" if declared else ""),
            ),
            pointer,
        )


DOC_JA = """文書が指す圏域は、`圏域` に一度だけ宣言されています。

圏域（圏域・地区・校区）は計画の最初の方で一度だけ、それぞれ id を付けて宣言します（報告書は自分の宣言と計画の宣言を
読みます）。事業、職員配置、活動、内訳の項目はその id で圏域を指します。宣言されていない id を指すのは書き間違いか
宣言の漏れで、圏域ごとの数値（報告書の校区別の内訳）が計画の圏域と結び付かなくなるので、エラーです。宣言された圏域の
`上位` も、宣言された圏域でなければなりません。
"""
