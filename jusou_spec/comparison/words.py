"""The comparison in words, in Japanese or English: headings, marks for empty cells, and each section as a grid of
cells (lists of lines) that the text, Markdown and HTML formats lay out, and as records for CSV.

The documents' own words (program names, meeting names, reasons given for 未記載) are never translated; only the
tool's words and the fixed vocabularies (実施形態, 実施方式, 会議の種別, the pillars) are.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from jusou_spec import jsonpointer
from jusou_spec.comparison.table import (
    Comparison,
    DeliverySpan,
    Gap,
    Municipality,
    PillarCell,
    ProgramCell,
    Unstated,
)
from jusou_spec.fiscal import FiscalRange
from jusou_spec.law import Pillar
from jusou_spec.model import DeliveryMode, Indicator, Meeting, MeetingKind, Mode, NotStated, Plan, Program, Target
from jusou_spec.progress.text import figure

__all__ = ["Grid", "Line", "Record", "grids", "municipality_label", "notes", "period_text", "records", "title"]

_MODES_EN = {Mode.FULL: "full implementation", Mode.TRANSITION: "transition preparation"}
_DELIVERY_EN = {
    DeliveryMode.DIRECT: "in-house",
    DeliveryMode.CONTRACT: "contracted",
    DeliveryMode.GRANT: "grant",
    DeliveryMode.OTHER: "other",
}
_KINDS_EN = {
    MeetingKind.MULTILAYERED: "multi-layered support meeting",
    MeetingKind.SUPPORT: "support meeting (art. 106-6)",
    MeetingKind.INTERNAL: "internal liaison",
    MeetingKind.LIAISON: "liaison meeting",
    MeetingKind.STEERING: "steering and evaluation",
    MeetingKind.CASE_REVIEW: "case review",
    MeetingKind.ADVISORY: "advisory body",
    MeetingKind.FORUM: "forum",
    MeetingKind.OTHER: "other",
}


def _ja(lang: str) -> bool:
    return lang != "en"


def _w(lang: str, ja: str, en: str) -> str:
    return ja if _ja(lang) else en


@attrs.frozen
class Line:
    """One line of a cell: a value and, where there is one, its detail (a program and its delivery)."""

    value: str
    detail: str = ""
    mark: bool = False
    """A mark the tool writes where the plan gives nothing (× 事業の記載なし, 数値目標なし …), not the plan's words."""

    def __str__(self) -> str:
        return f"{self.value}: {self.detail}" if self.detail else self.value


@attrs.frozen
class Grid:
    """One section: a heading, the column headings, and rows of (row heading, one cell per municipality); a cell
    and a row heading are lists of lines."""

    key: str
    title: str
    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], tuple[tuple[Line, ...], ...]], ...]
    note: str


@attrs.frozen
class Record:
    """One line of the CSV: section, row, municipality, value, detail."""

    section: str
    item: str
    municipality: str
    value: str
    detail: str


def period_text(plan: Plan, lang: str) -> str:
    """The plan's period; 未記載 without its reason (listed with the other not-stated values)."""
    if isinstance(plan.period, NotStated):
        return _w(lang, "未記載", "not stated")
    return "" if plan.period is None else str(plan.period)


def title(lang: str) -> str:
    return _w(lang, "重層的支援体制整備事業実施計画の比較", "Implementation plans side by side")


def municipality_label(municipality: Municipality, lang: str) -> str:
    """The column's heading: the municipality's name, and the file when two columns share it."""
    name = municipality.plan.municipality.name
    label = _w(lang, "（自治体名の記載なし）", "(municipality not named)") if isinstance(name, NotStated) else name
    if municipality.same_name or isinstance(name, NotStated):
        label += f"（{municipality.file}）" if _ja(lang) else f" ({municipality.file})"
    return label


def _mode(mode: Mode, lang: str) -> str:
    return mode.value if _ja(lang) else _MODES_EN[mode]


def _delivery_mode(mode: DeliveryMode, lang: str) -> str:
    return mode.value if _ja(lang) else _DELIVERY_EN[mode]


def _kind(kind: MeetingKind | None, lang: str) -> str:
    if kind is None:
        return _w(lang, "種別の記載なし", "kind not declared")
    return kind.value if _ja(lang) else f"{_KINDS_EN[kind]} ({kind.value})"


def _pillar(pillar: Pillar, lang: str) -> str:
    return pillar.value if _ja(lang) else f"{pillar.english} ({pillar.value})"


def gap_text(gap: Gap, lang: str) -> str:
    return {
        Gap.NO_PROGRAM: _w(lang, "× 事業の記載なし", "× no program"),
        Gap.NOT_GIVEN: _w(lang, "記載なし", "not given"),
        Gap.OUTSIDE: _w(lang, "—（計画期間外）", "— (outside the period)"),
        Gap.NO_TARGET: _w(lang, "数値目標なし", "no numeric target"),
    }[gap]


def _span(span: DeliverySpan, lang: str) -> str:
    modes = _w(lang, "・", " and ").join(_delivery_mode(mode, lang) for mode in span.modes)
    return modes if span.years is None else f"{span.years} {modes}"


def delivery_text(delivery: tuple[DeliverySpan, ...] | NotStated, lang: str) -> str:
    """直営, 委託, 直営・委託, or by year: R6 直営／R7～R8 委託."""
    if isinstance(delivery, NotStated):
        return _w(lang, "実施方式は未記載", "delivery not stated")
    if not delivery:
        return _w(lang, "実施方式の記載なし", "delivery not given")
    return _w(lang, "／", " / ").join(_span(span, lang) for span in delivery)


def _program_line(cell: ProgramCell, lang: str) -> Line:
    return Line(cell.program.label, delivery_text(cell.delivery, lang))


def _target(target: Target, unit: str, lang: str) -> str:
    years = str(target.years) if isinstance(target.years, FiscalRange) else _w(lang, "年度未記載", "year not stated")
    if target.original:
        return f"{years} {target.original}"
    if target.value is not None:
        value = f"{figure(target.value)}{target.unit or unit}"
    else:
        value = f"{figure(target.numerator or 0)}/{figure(target.denominator or 0)}"
    comparison = target.comparison.value if target.comparison is not None else ""
    return f"{years} {value}{comparison}"


def target_text(indicator: Indicator, lang: str) -> str:
    unit = indicator.unit if isinstance(indicator.unit, str) else ""
    assert isinstance(indicator.targets, tuple)
    return _w(lang, "、", ", ").join(_target(target, unit, lang) for target in indicator.targets)


def _target_line(program: Program, indicator: Indicator, lang: str) -> Line:
    return Line(f"{indicator.name}（{program.label}）", target_text(indicator, lang))


def _pillar_cell(cell: PillarCell, lang: str) -> tuple[Line, ...]:
    if cell.gap is not None:
        return (Line(gap_text(cell.gap, lang), mark=True),)
    return tuple(_target_line(program, indicator, lang) for program, indicator in cell.targets)


def _meeting(meeting: Meeting, lang: str) -> Line:
    if meeting.consent is None:
        return Line(meeting.name)
    if isinstance(meeting.consent, NotStated):
        consent = _w(lang, "本人同意 未記載", "consent not stated")
    elif meeting.consent:
        consent = _w(lang, "本人同意 あり", "with consent")
    else:
        consent = _w(lang, "本人同意 なし", "without consent")
    return Line(meeting.name, consent)


def where(plan: Plan, pointer: str) -> str:
    """A pointer as a reader finds the place: 事業「利用者支援事業」/実施方式 rather than /事業/3/実施方式."""
    parts = jsonpointer.tokens(pointer)
    named: dict[str, tuple[Program, ...] | tuple[Meeting, ...]] = {"事業": plan.programs, "会議": plan.meetings}
    if len(parts) >= 2 and parts[0] in named and str(parts[1]).isdigit():
        items = named[parts[0]]
        index = int(parts[1])
        if index < len(items):
            item = items[index]
            label = item.label if isinstance(item, Program) else item.name
            return "/".join([f"{parts[0]}「{label}」", *(str(p) for p in parts[2:])])
    return "/".join(str(p) for p in parts) or "/"


def _unstated_line(municipality: Municipality, entry: Unstated) -> Line:
    place = f"{municipality.file}:{entry.line}: " if entry.line is not None else ""
    return Line(f"{place}{where(municipality.plan, entry.pointer)}", entry.reason)


def grids(comparison: Comparison, lang: str) -> tuple[Grid, ...]:
    """The five sections of the comparison, in order."""
    columns = tuple(municipality_label(m, lang) for m in comparison.municipalities)
    coverage = Grid(
        "coverage",
        _w(lang, "号ごとの事業と実施方式", "Programs and delivery by clause"),
        _w(lang, "号", "Clause"),
        columns,
        tuple(
            (
                (row.clause.label, row.clause.program if _ja(lang) else row.clause.program_en),
                tuple(
                    tuple(_program_line(cell, lang) for cell in cells)
                    or (Line(gap_text(Gap.NO_PROGRAM, lang), mark=True),)
                    for cells in row.cells
                ),
            )
            for row in comparison.coverage
        ),
        _w(
            lang,
            "号を自ら担う事業（上位事業はその構成事業で数えます）と、その実施方式。年度で方式が変わる事業は年度ごとに示します。",
            "The programs that carry each clause themselves (an umbrella counts through its members), with their "
            "delivery; where delivery changes between years, by year.",
        ),
    )
    years = Grid(
        "years",
        _w(lang, "年度ごとの実施形態", "Mode of implementation by fiscal year"),
        _w(lang, "年度", "Year"),
        columns,
        tuple(
            (
                (row.year.label,),
                tuple(
                    (Line(gap_text(c, lang), mark=True) if isinstance(c, Gap) else Line(_mode(c, lang)),)
                    for c in row.cells
                ),
            )
            for row in comparison.years
        ),
        _w(
            lang,
            "計画の実施形態（本格実施・移行準備事業）を年度ごとに示します。",
            "本格実施 or 移行準備事業 as each plan gives it.",
        ),
    )
    meetings = Grid(
        "meetings",
        _w(lang, "種別ごとの会議", "Meetings by kind"),
        _w(lang, "種別", "Kind"),
        columns,
        tuple(
            (
                (_kind(row.kind, lang),),
                tuple(tuple(_meeting(m, lang) for m in cell) or (Line("—", mark=True),) for cell in row.cells),
            )
            for row in comparison.meetings
        ),
        _w(
            lang,
            "計画が宣言する会議の種別ごとに（種別を二つ持つ会議は両方に）示します。「—」はその種別の会議がないことです。",
            "By the kind each plan declares (a meeting of two kinds appears under both); — means none of that kind.",
        ),
    )
    targets = Grid(
        "targets",
        _w(lang, "柱ごとの数値目標", "Numeric targets by pillar"),
        _w(lang, "柱", "Pillar"),
        columns,
        tuple(
            ((_pillar(row.pillar, lang),), tuple(_pillar_cell(cell, lang) for cell in row.cells))
            for row in comparison.targets
        ),
        _w(
            lang,
            "柱ごとに、その号の事業（上位事業を含む）の成果目標のうち目標値のあるもの。規則 TG001 と同じまとめ方です。",
            "Per pillar, the indicators with a target value of its programs (umbrellas included), grouped as rule "
            "TG001 groups them.",
        ),
    )
    counts = tuple((Line(str(len(entries))),) for entries in comparison.not_stated)
    places = tuple(
        tuple(_unstated_line(m, entry) for entry in entries) or (Line("—", mark=True),)
        for m, entries in zip(comparison.municipalities, comparison.not_stated, strict=True)
    )
    unstated = Grid(
        "not-stated",
        _w(lang, "未記載の事項", "Values not stated"),
        "",
        columns,
        (((_w(lang, "件数", "Count"),), counts), ((_w(lang, "箇所と理由", "Where, and why"),), places)),
        _w(
            lang,
            "計画が「未記載」（{未記載: 理由}）とした値の数と、その箇所（ファイル:行）と理由です。",
            "The values each plan gives as not stated ({未記載: 理由}), with where (file:line) and the reason given.",
        ),
    )
    return (coverage, years, meetings, targets, unstated)


def notes(comparison: Comparison, lang: str) -> tuple[str, ...]:
    """The documents that were not compared, and why."""
    lines = []
    for left in comparison.left_out:
        if left.kind == "report":
            lines.append(
                _w(
                    lang,
                    f"{left.file}: 報告書（report/1）は比較しません（実績は jusou indicators で見られます）",
                    f"{left.file}: a report (report/1) is not compared (jusou indicators shows its actuals)",
                )
            )
        else:
            errors = len(left.findings)
            lines.append(
                _w(
                    lang,
                    f"{left.file}: 計画として読めないため比較から除きました（エラー {errors} 件、jusou check で確認してください）",
                    f"{left.file}: left out, it cannot be read as a plan ({errors} errors; run jusou check on it)",
                )
            )
    return tuple(lines)


def records(comparison: Comparison, lang: str) -> Iterator[Record]:
    """The comparison as one record per value, for a spreadsheet: a cell of several lines becomes several records."""
    labels = [municipality_label(m, lang) for m in comparison.municipalities]
    for grid in grids(comparison, lang):
        for heading, cells in grid.rows:
            for label, cell in zip(labels, cells, strict=True):
                for line in cell:
                    yield Record(grid.title, heading[0], label, line.value, line.detail)
    for note in notes(comparison, lang):
        file, _, why = note.partition(": ")
        yield Record(_w(lang, "比較しなかった文書", "Documents not compared"), file, "", why, "")
