"""``jusou indicators`` output: a readable text table, JSON for other tools, CSV for spreadsheets.

Every format shows the same facts: each indicator's targets, and per fiscal year the target that applies, the
actual (or why there is none), the achievement rate, the status and the mark as given. Text and CSV follow
``--lang``; JSON keys are English and stable, with the document's own words (増加, 以上, 〇) as values.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from jusou_spec.findings import Finding
from jusou_spec.fiscal import FiscalYear
from jusou_spec.indicator_table.collect import Group
from jusou_spec.model import Breakdown, Direction, NotStated
from jusou_spec.numeric import Number
from jusou_spec.progress.rates import Goal, Scope
from jusou_spec.progress.ratios import round_to
from jusou_spec.progress.series import Figure, IndicatorProgress, Status, YearProgress
from jusou_spec.progress.text import figure, rate_text
from jusou_spec.reporters import finding_record

__all__ = ["CSV_BOM", "FORMATS", "Result", "as_csv", "as_json", "as_text"]


@attrs.frozen
class Result:
    """One group's indicators, computed at ``as_of``."""

    group: Group
    as_of: FiscalYear | None
    series: tuple[IndicatorProgress, ...]


def _ja(lang: str) -> bool:
    return lang != "en"


def _municipality(group: Group, lang: str) -> str:
    document = group.plan if group.plan is not None else group.reports[0]
    name = document.municipality.name
    if isinstance(name, NotStated):
        return "（自治体名の記載なし）" if _ja(lang) else "(municipality not named)"
    return name


def _value(value: Figure | NotStated | None, unit: str | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, NotStated):
        return "未記載" if _ja(lang) else "not stated"
    return f"{figure(value)}{unit or ''}"


def _actual(row: YearProgress, lang: str) -> str:
    """The actual as the table shows it; a ratio's with its parts: 40%（12/30）, a recomputed rate to one place."""
    value = row.actual
    if isinstance(value, Fraction) and value.denominator != 1:
        value = round_to(value, 1)
    text = _value(value, row.unit, lang)
    if row.ratio is not None:
        text += f"（{figure(row.ratio.numerator)}/{figure(row.ratio.denominator)}）"
    return text


def _goal(goal: Goal | None, unit: str | None, lang: str) -> str:
    if goal is None:
        return "—"
    text = goal.text(unit)
    if goal.years is not None and goal.years.start != goal.years.end:
        return f"{text}（{goal.years}）" if _ja(lang) else f"{text} ({goal.years})"
    return text


def _mark(row: YearProgress, lang: str) -> str:
    mark = ("未記載" if _ja(lang) else "not stated") if isinstance(row.mark, NotStated) else row.mark or ""
    if row.expected_mark is not None and row.expected_mark != row.mark:
        return f"{mark}（基準では{row.expected_mark}）" if _ja(lang) else f"{mark} (rule: {row.expected_mark})"
    return mark


# ---------------------------------------------------------------- text

_DIRECTION_EN = {
    Direction.HIGHER: "higher is better",
    Direction.LOWER: "lower is better",
    Direction.RANGE: "within a range",
    Direction.EXACT: "exactly the target",
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _columns(rows: Sequence[Sequence[str]], indent: str) -> Iterator[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row)]
        yield (indent + "  ".join(cells)).rstrip()


def _breakdown_lines(breakdowns: Sequence[Breakdown], unit: str | None, lang: str, path: str = "") -> Iterator[str]:
    for breakdown in breakdowns:
        parts = "、".join(f"{item.name} {_value(item.value, None, lang)}" for item in breakdown.items)
        total = ""
        if isinstance(breakdown.total, NotStated):
            total = "（合計は未記載）" if _ja(lang) else " (total not stated)"
        elif breakdown.total is not None:
            total = f"（合計 {figure(breakdown.total)}）" if _ja(lang) else f" (total {figure(breakdown.total)})"
        yield f"{path}{breakdown.axis}: {parts}{total}"
        for item in breakdown.items:
            yield from _breakdown_lines(item.breakdowns, unit, lang, f"{path}{item.name} › ")


def _text_series(series: IndicatorProgress, lang: str) -> Iterator[str]:
    ja = _ja(lang)
    unit = series.unit
    yield f"■ {series.id} — {series.name}"
    facts = []
    if series.program:
        facts.append(f"事業: {series.program}" if ja else f"programme: {series.program}")
    facts.append((f"単位: {unit}" if ja else f"unit: {unit}") if unit else ("単位: 記載なし" if ja else "unit: none"))
    if not series.direction_stated and not series.goals:
        direction = "記載なし" if ja else "not stated"
    elif not series.direction_stated:
        direction = "記載なし（多いほど良いとみなして判定）" if ja else "not stated (judged as higher is better)"
    else:
        direction = series.direction.value if ja else f"{series.direction.value} ({_DIRECTION_EN[series.direction]})"
    facts.append(f"方向: {direction}" if ja else f"direction: {direction}")
    if series.baseline is not None:
        base = f"{figure(series.baseline.value)}{unit or ''}"
        when = ""
        if series.baseline.year:
            when = f"（{series.baseline.year}）" if ja else f" ({series.baseline.year})"
        facts.append(f"基準値: {base}{when}" if ja else f"baseline: {base}{when}")
    yield "  " + ("　".join(facts) if ja else "; ".join(facts))
    for goal in series.goals:
        if goal.scope is Scope.YEAR:
            continue  # shown in its year's row
        years = ("（{}）" if ja else " ({})").format(goal.years) if goal.years is not None else ""
        yield f"  {goal.scope.label(lang)}: {goal.text(unit)}{years}"
    if not series.years:
        yield "  （年度ごとの目標・実績なし）" if ja else "  (no yearly target or actual)"
    else:
        header = (
            ["年度", "目標", "実績", "達成率", "状況", "評価"]
            if ja
            else ["year", "target", "actual", "rate", "status", "mark"]
        )
        rows = [header]
        notes: dict[int, list[str]] = {}
        for index, row in enumerate(series.years, start=1):
            rows.append(
                [
                    str(row.year),
                    _goal(row.goal, unit, lang),
                    _actual(row, lang),
                    rate_text(row.rate),
                    row.status.label(lang),
                    _mark(row, lang),
                ]
            )
            extra = notes.setdefault(index, [])
            if isinstance(row.actual, NotStated):
                extra.append(f"未記載の理由: {row.actual.reason}" if ja else f"reason: {row.actual.reason}")
            extra.extend(_breakdown_lines(row.breakdowns, unit, lang))
        table = list(_columns(rows, "  "))
        yield table[0]
        for index, line in enumerate(table[1:], start=1):
            yield line
            for note in notes.get(index, []):
                yield f"        {note}"
    yield "  " + _to_date_text(series, lang)


def _to_date_text(series: IndicatorProgress, lang: str) -> str:
    to_date = series.to_date
    ja = _ja(lang)
    when = (
        f"{to_date.as_of} 時点"
        if ja and to_date.as_of
        else f"at {to_date.as_of}"
        if to_date.as_of
        else ("現在" if ja else "so far")
    )
    counts = ("、" if ja else ", ").join(f"{status.label(lang)} {n}" for status, n in to_date.counts)
    text = f"{when}: {to_date.status.label(lang)}"
    if counts:
        text += f"（{counts}）" if ja else f" ({counts})"
    elif to_date.status is Status.UNDETERMINED:
        text += "（目標の年度が未記載）" if ja else " (the target states no year)"
    if series.trend is not None:
        better = ""
        if series.improving is not None:
            better = (
                ("・改善" if series.improving else "・悪化") if ja else (", better" if series.improving else ", worse")
            )
        text += f"　推移: {series.trend.label(lang)}{better}" if ja else f"; trend: {series.trend.label(lang)}{better}"
    return text


def _group_heading(result: Result, lang: str) -> Iterator[str]:
    ja = _ja(lang)
    group = result.group
    title = group.plan.title if group.plan is not None else group.reports[0].title
    yield f"{_municipality(group, lang)} {title}"
    if group.plan is not None:
        yield f"計画: {group.plan.name}" if ja else f"plan: {group.plan.name}"
    for report in group.reports:
        years = f"（{report.years}）" if ja and report.years else f" ({report.years})" if report.years else ""
        yield f"報告書: {report.name}{years}" if ja else f"report: {report.name}{years}"
    as_of = (
        str(result.as_of)
        if result.as_of
        else ("なし（どの年度も終わっていないものとして判定）" if ja else "none (no year taken as ended)")
    )
    yield f"基準年度（as-of）: {as_of}" if ja else f"as of: {as_of}"


def as_text(results: Sequence[Result], findings: Sequence[Finding], lang: str) -> str:
    lines: list[str] = []
    if not results:
        lines.append("計画・報告書がありません" if _ja(lang) else "no plan or report")
    for result in results:
        if lines:
            lines.append("")
        lines.extend(_group_heading(result, lang))
        if not result.series:
            lines.append(
                "  （指標なし: 数値で測る目標がありません）" if _ja(lang) else "  (no indicators: no numeric targets)"
            )
        for series in result.series:
            lines.append("")
            lines.extend(_text_series(series, lang))
    if findings:
        lines += ["", "所見:" if _ja(lang) else "findings:"]
        lines += [f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.text(lang)}" for f in findings]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- JSON


def _number_or_reason(value: Figure | NotStated | None) -> dict[str, Any]:
    if isinstance(value, NotStated):
        return {"value": None, "not_stated": value.reason}
    return {"value": value, "not_stated": None}


def _goal_json(goal: Goal | None, unit: str | None) -> dict[str, Any] | None:
    if goal is None:
        return None
    return {
        "scope": goal.scope.name.lower(),
        "years": str(goal.years) if goal.years is not None else None,
        "value": goal.value,
        "upper": goal.upper,
        "comparison": goal.comparison.value if goal.comparison else None,
        "numerator": goal.numerator,
        "denominator": goal.denominator,
        "unit": goal.unit or unit,
        "text": goal.text(unit),
    }


def _breakdown_json(breakdown: Breakdown) -> dict[str, Any]:
    total = breakdown.total
    return {
        "axis": breakdown.axis,
        "total": None if isinstance(total, NotStated) else total,
        "total_not_stated": total.reason if isinstance(total, NotStated) else None,
        "items": [
            {
                "name": item.name,
                **_number_or_reason(item.value),
                "breakdowns": [_breakdown_json(b) for b in item.breakdowns],
            }
            for item in breakdown.items
        ],
    }


def _year_json(row: YearProgress, unit: str | None, lang: str) -> dict[str, Any]:
    actual = _number_or_reason(row.actual)
    return {
        "year": str(row.year),
        "target": _goal_json(row.goal, unit),
        "actual": actual["value"],
        "actual_not_stated": actual["not_stated"],
        "unit": row.unit,
        "numerator": row.ratio.numerator if row.ratio is not None else None,
        "denominator": row.ratio.denominator if row.ratio is not None else None,
        "planned": row.planned,
        "rate": row.rate,
        "status": row.status.name.lower(),
        "status_label": row.status.label(lang),
        "mark": row.mark if isinstance(row.mark, str) else None,
        "mark_not_stated": row.mark.reason if isinstance(row.mark, NotStated) else None,
        "expected_mark": row.expected_mark,
        "change": row.change,
        "report": row.report,
        "breakdowns": [_breakdown_json(b) for b in row.breakdowns],
    }


def _series_json(series: IndicatorProgress, lang: str) -> dict[str, Any]:
    to_date = series.to_date
    return {
        "id": series.id,
        "name": series.name,
        "program": series.program,
        "unit": series.unit,
        "direction": series.direction.value,
        "direction_stated": series.direction_stated,
        "defined_in": series.defined_in,
        "baseline": (
            {"year": str(series.baseline.year) if series.baseline.year else None, "value": series.baseline.value}
            if series.baseline is not None
            else None
        ),
        "targets": [_goal_json(goal, series.unit) for goal in series.goals],
        "years": [_year_json(row, series.unit, lang) for row in series.years],
        "to_date": {
            "as_of": str(to_date.as_of) if to_date.as_of else None,
            "status": to_date.status.name.lower(),
            "status_label": to_date.status.label(lang),
            "counts": {status.name.lower(): n for status, n in to_date.counts},
            "latest_year": str(to_date.latest.year) if to_date.latest else None,
        },
        "trend": series.trend.name.lower() if series.trend else None,
        "improving": series.improving,
    }


def _municipality_json(group: Group) -> dict[str, Any]:
    name = (group.plan if group.plan is not None else group.reports[0]).municipality.name
    if isinstance(name, NotStated):
        return {"municipality": None, "municipality_not_stated": name.reason}
    return {"municipality": name, "municipality_not_stated": None}


def _plain(value: Any) -> Any:
    """The document with its exact figures as JSON numbers: whole ones exact, others as the nearest double."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    if isinstance(value, Decimal | Fraction):
        return float(value)
    return value


def as_json(results: Sequence[Result], findings: Sequence[Finding], lang: str) -> str:
    document = {
        "groups": [
            {
                **_municipality_json(result.group),
                "plan": result.group.plan.name if result.group.plan is not None else None,
                "reports": [report.name for report in result.group.reports],
                "as_of": str(result.as_of) if result.as_of else None,
                "indicators": [_series_json(series, lang) for series in result.series],
            }
            for result in results
        ],
        "findings": [finding_record(f, lang) for f in findings],
    }
    return json.dumps(_plain(document), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- CSV

_CSV_HEADER = {
    "ja": [
        "文書",
        "自治体",
        "指標ID",
        "指標名",
        "事業",
        "単位",
        "方向",
        "年度",
        "目標",
        "目標の種類",
        "実績",
        "未記載の理由",
        "計画値",
        "達成率",
        "状況",
        "評価",
        "評価基準による評価",
        "内訳",
        "報告書",
        "分子",
        "分母",
    ],
    "en": [
        "document",
        "municipality",
        "indicator",
        "name",
        "programme",
        "unit",
        "direction",
        "year",
        "target",
        "target kind",
        "actual",
        "reason not stated",
        "planned",
        "rate",
        "status",
        "mark",
        "mark under rule",
        "breakdown",
        "report",
        "numerator",
        "denominator",
    ],
}


def _csv_breakdowns(breakdowns: Sequence[Breakdown], path: str = "") -> Iterator[tuple[str, Number | NotStated]]:
    for breakdown in breakdowns:
        for item in breakdown.items:
            here = f"{path}{breakdown.axis}={item.name}"
            yield here, item.value
            yield from _csv_breakdowns(item.breakdowns, f"{here}/")


CSV_BOM = "\ufeff"
"""The byte-order mark that makes Excel open a UTF-8 CSV by double-click (without it, Excel reads it as Shift_JIS)."""


def _csv_number(value: Figure) -> str:
    """A figure in plain positional notation, exact (a recomputed rate that does not end, to ten places)."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        value = round_to(value, 10).normalize()
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _csv_parts(row: YearProgress) -> list[str]:
    """A ratio actual's numerator and denominator (empty for a plain count)."""
    if row.ratio is None:
        return ["", ""]
    return [_csv_number(row.ratio.numerator), _csv_number(row.ratio.denominator)]


def as_csv(results: Sequence[Result], findings: Sequence[Finding], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_HEADER["en" if lang == "en" else "ja"])
    for result in results:
        municipality = _municipality(result.group, lang)
        for series in result.series:
            head = [
                series.defined_in,
                municipality,
                series.id,
                series.name,
                series.program or "",
                series.unit or "",
                series.direction.value,
            ]
            for row in series.years:
                actual = row.actual
                writer.writerow(
                    [
                        *head,
                        str(row.year),
                        row.goal.text(series.unit) if row.goal else "",
                        row.goal.scope.label(lang) if row.goal else "",
                        "" if actual is None or isinstance(actual, NotStated) else _csv_number(actual),
                        actual.reason if isinstance(actual, NotStated) else "",
                        "" if row.planned is None else _csv_number(row.planned),
                        "" if row.rate is None else row.rate,
                        row.status.label(lang),
                        row.mark if isinstance(row.mark, str) else "",
                        row.expected_mark or "",
                        "",
                        row.report or "",
                        *_csv_parts(row),
                    ]
                )
                for path, value in _csv_breakdowns(row.breakdowns):
                    writer.writerow(
                        [
                            *head,
                            str(row.year),
                            "",
                            "",
                            "" if isinstance(value, NotStated) else _csv_number(value),
                            value.reason if isinstance(value, NotStated) else "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            path,
                            row.report or "",
                            "",
                            "",
                        ]
                    )
    return CSV_BOM + out.getvalue()


FORMATS: dict[str, Callable[[Sequence[Result], Sequence[Finding], str], str]] = {
    "text": as_text,
    "json": as_json,
    "csv": as_csv,
}
