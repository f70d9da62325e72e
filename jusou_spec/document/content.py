"""What the council document shows, computed once from the model: the tables the templates lay out.

The templates only lay out; every decision about content lives here, in Python, where it is typed and tested: which
programs fall under which clause, the fiscal-year grid of the schedule, the ○ table, the indicators with their
actuals, the findings in words, every 未記載 with its reason, the sources. Plan text is kept as it is (the
templates escape it); nothing here writes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from pathlib import PurePath
from typing import Any

import attrs

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding, Severity
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.law import CLAUSES, Clause, Pillar
from jusou_spec.model import NotStated, Plan, Report, walk
from jusou_spec.model.common import Provenance
from jusou_spec.model.plan import ItemSchedule, Program, ScheduleCell
from jusou_spec.numeric import Number
from jusou_spec.progress import IndicatorProgress, YearProgress, indicators
from jusou_spec.progress.text import figure, rate_text

__all__ = [
    "ClauseGroup",
    "ClauseRow",
    "Content",
    "FindingLine",
    "GridRow",
    "IndicatorTable",
    "MatrixTable",
    "build_content",
    "delivery_text",
    "finding_lines",
    "indicator_tables_of",
    "name_text",
    "not_stated_text",
    "place_names",
]

PILLAR_HEADINGS = {
    Pillar.CONSULTATION: "包括的相談支援（第1号）",
    Pillar.PARTICIPATION: "参加支援（第2号）",
    Pillar.COMMUNITY: "地域づくりに向けた支援（第3号）",
    Pillar.OUTREACH: "アウトリーチ等を通じた継続的支援（第4号）",
    Pillar.COLLABORATION: "多機関協働・支援プランの作成（第5号・第6号）",
}

KIND_WORDS = {
    "Program": "事業",
    "Meeting": "会議",
    "MeetingPart": "会議の類型",
    "Initiative": "取組",
    "InitiativeItem": "取組の項目",
    "Indicator": "指標",
    "RelatedPlan": "関連計画",
    "NumberedItem": "関連計画の項目",
    "MatrixRow": "庁内連携体制の課",
    "ScheduleRow": "スケジュール",
    "Actual": "実績",
    "Activity": "活動",
    "Site": "活動場所",
}
"""What a place in the plan is called in the appendix: 事業「相談支援事業」, not /事業/3."""


def not_stated_text(value: NotStated) -> str:
    return f"未記載（{value.reason}）"


def name_text(value: str | NotStated) -> str:
    """A name the source may leave unstated (a contractor, a related plan): the name, or 未記載."""
    return "未記載" if isinstance(value, NotStated) else value


def delivery_text(program: Program) -> str:
    """実施方式 and 委託先 in one line: 直営・委託（社会福祉協議会）."""
    if isinstance(program.delivery, NotStated):
        return "未記載"
    words = []
    for delivery in program.delivery:
        parties = [name_text(party) for party in (*delivery.contractors, *delivery.recipients)]
        who = "、".join(parties) or delivery.contractor_type or delivery.recipient_type or ""
        scope = f"［{'・'.join(delivery.applies_to)}］" if delivery.applies_to else ""
        when = f"{delivery.years}: " if delivery.years is not None else ""
        words.append(when + delivery.mode.value + scope + (f"（{who}）" if who else ""))
    by_year = any(delivery.years is not None for delivery in program.delivery)
    return ("／" if by_year else "・").join(words)


@attrs.frozen
class ClauseRow:
    clause: Clause
    programs: tuple[Program, ...]


@attrs.frozen
class Umbrella:
    """A program that groups others (包括的相談支援事業 over the four 第1号 programs), with its members."""

    program: Program
    whole: str
    """The 号 it stands for as a whole (第1号全体), or its own clauses."""
    members: tuple[Program, ...]


@attrs.frozen
class ClauseGroup:
    heading: str
    rows: tuple[ClauseRow, ...]
    umbrellas: tuple[Umbrella, ...] = ()


def _umbrella(plan: Plan, program: Program) -> Umbrella:
    whole = "・".join(f"第{number}号全体" for number in program.whole) or "・".join(c.label for c in program.clauses)
    return Umbrella(program, whole, plan.members_of(program))


def clause_groups(plan: Plan) -> tuple[tuple[ClauseGroup, ...], tuple[Program, ...]]:
    """The plan's programs under the law's clauses, pillar by pillar, and the related programs outside them. A
    program under two clauses (第5号・第6号) is listed once, under its first; an umbrella program heads its pillar
    with its members named, and each member stays under its own clause."""
    placed: set[str] = set()
    groups = []
    for pillar in Pillar:
        umbrellas = []
        for program in plan.programs:
            in_pillar = any(clause.pillar is pillar for clause in program.stands_for)
            if program.id not in placed and in_pillar and plan.is_umbrella(program):
                umbrella = _umbrella(plan, program)
                umbrellas.append(umbrella)
                placed.add(program.id)
                placed.update(member.id for member in umbrella.members if not member.clauses)
        rows = []
        for clause in (c for c in CLAUSES if c.pillar is pillar):
            programs = tuple(p for p in plan.covering(clause) if p.id not in placed)
            placed.update(p.id for p in programs)
            if programs or not plan.covering(clause):
                rows.append(ClauseRow(clause, programs))
        groups.append(ClauseGroup(PILLAR_HEADINGS[pillar], tuple(rows), tuple(umbrellas)))
    return tuple(groups), tuple(p for p in plan.programs if p.id not in placed)


@attrs.frozen
class GridCell:
    """One run of years in a fiscal-year grid: ``span`` columns showing ``texts`` (empty: nothing that year)."""

    span: int
    texts: tuple[str, ...]
    phase: bool = False


@attrs.frozen
class GridRow:
    heading: str
    sub: str
    cells: tuple[GridCell, ...]
    phase_cells: tuple[GridCell, ...] = ()
    main_work: tuple[str, ...] = ()
    """主な取組 (魚津市's schedule has the column)."""


def _runs(
    years: Sequence[FiscalYear], entries: Iterable[tuple[FiscalRange | None, str]], phase: bool
) -> list[GridCell]:
    """Texts per year, equal neighbours joined into one cell spanning their years; an entry without years spans
    the whole grid (the source no longer shows which year it belongs to)."""
    per_year: list[list[str]] = [[] for _ in years]
    for span, value in entries:
        for index, year in enumerate(years):
            if (span is None or year in span) and value not in per_year[index]:
                per_year[index].append(value)
    cells: list[GridCell] = []
    for texts in per_year:
        if cells and list(cells[-1].texts) == texts:
            cells[-1] = attrs.evolve(cells[-1], span=cells[-1].span + 1)
        else:
            cells.append(GridCell(1, tuple(texts), phase))
    return cells


def _cell_text(cell: ScheduleCell) -> str:
    """A cell's text, with its mode where the text does not already say it."""
    return cell.text + (f"（{cell.mode.value}）" if cell.mode and cell.mode.value not in cell.text else "")


def _schedule_row(heading: str, sub: str, schedule: ItemSchedule, years: Sequence[FiscalYear]) -> GridRow:
    phases = _runs(years, ((p.period, p.name) for p in schedule.phases), True) if schedule.phases else []
    cells = _runs(years, ((c.years, _cell_text(c)) for c in schedule.cells), False)
    return GridRow(heading, sub, tuple(cells), tuple(phases))


def schedule_grid(plan: Plan, years: Sequence[FiscalYear]) -> tuple[GridRow, ...]:
    """スケジュール as a fiscal-year grid: the plan's own schedule table, or else its initiatives' yearly plans."""
    if plan.schedule:
        return tuple(
            GridRow(
                row.name,
                row.category or "",
                tuple(_runs(years, ((c.years, _cell_text(c)) for c in row.cells), False)),
                main_work=row.main_work,
            )
            for row in plan.schedule
        )
    rows = []
    for initiative in plan.initiatives:
        for item in initiative.items:
            if item.schedule is not None and not item.repeats:
                heading = " ".join(filter(None, [initiative.number, item.mark, item.name]))
                rows.append(_schedule_row(heading, initiative.name, item.schedule, years))
    return tuple(rows)


@attrs.frozen
class MatrixTable:
    """The ○ table: rows of departments, columns of pillars, as the plan prints it."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...], tuple[bool, ...]], ...]
    sign: str
    from_matrix: bool


def matrix_table(plan: Plan) -> MatrixTable | None:
    """The plan's matrix; without one, the departments' ownership of programs by pillar (●)."""
    if plan.matrix is not None and plan.matrix.rows:
        ids = [column.id for column in plan.matrix.columns]
        return MatrixTable(
            columns=tuple(column.name for column in plan.matrix.columns),
            rows=tuple((row.department, row.duties, tuple(i in row.columns for i in ids)) for row in plan.matrix.rows),
            sign="○",
            from_matrix=True,
        )
    owned: dict[str, set[Pillar]] = {}
    names: dict[str, list[str]] = {}
    for program in plan.programs:
        if isinstance(program.departments, NotStated):
            continue
        for department in program.departments:
            owned.setdefault(department, set()).update(c.pillar for c in program.clauses)
            names.setdefault(department, []).append(program.label)
    if not owned:
        return None
    pillars = [pillar for pillar in Pillar if any(pillar in found for found in owned.values())]
    return MatrixTable(
        columns=tuple(pillar.value for pillar in pillars),
        rows=tuple((d, tuple(names[d]), tuple(p in owned[d] for p in pillars)) for d in owned),
        sign="●",
        from_matrix=False,
    )


@attrs.frozen
class IndicatorTable:
    series: IndicatorProgress
    rows: tuple[tuple[str, str, str, str, str, str], ...]
    """(年度, 目標, 実績, 達成率, 評価, 状況) per year."""
    baseline: str
    goals: str
    """Every target in one line: R6: 10件以上、R8: 20件以上."""
    has_actuals: bool
    chart: str | None
    """The chart of the figures over the years; only with two or more years of figures (one bar says no more
    than the table)."""


def _value(value: Number | Fraction | float | NotStated | None, unit: str | None) -> str:
    if value is None:
        return "―"
    if isinstance(value, NotStated):
        return "未記載"
    return f"{figure(value)}{unit or ''}"


def _year_row(row: YearProgress, unit: str | None) -> tuple[str, str, str, str, str, str]:
    goal = row.goal.text(unit) if row.goal is not None else "―"
    if row.goal is not None and row.goal.years is not None and row.goal.years.start != row.goal.years.end:
        goal = f"{goal}（{row.goal.years}まで）"
    mark = not_stated_text(row.mark) if isinstance(row.mark, NotStated) else (row.mark or "")
    rate = rate_text(row.rate) if row.rate is not None else ""
    return (row.year.label, goal, _value(row.actual, row.unit or unit), rate, mark, row.status.value)


def indicator_tables_of(plan: Plan | None, reports: Sequence[Report], chart: Any = None) -> tuple[IndicatorTable, ...]:
    """Each indicator with targets, actuals, rates and marks by year; ``chart`` draws one (SVG text) when given."""
    tables = []
    for series in indicators(plan, reports=reports):
        unit = series.unit
        baseline = ""
        if series.baseline is not None:
            year = series.baseline.year.label if series.baseline.year else "年度未記載"
            baseline = f"{figure(series.baseline.value)}{unit or ''}（{year}）"
        has_actuals = any(row.actual is not None for row in series.years)
        figures = sum(1 for row in series.years if isinstance(row.actual, int | float))
        goals = "、".join(
            (f"{goal.years}: " if goal.years is not None else "") + goal.text(unit) for goal in series.goals
        )
        if isinstance(series.indicator.targets, NotStated):
            goals = not_stated_text(series.indicator.targets)
        tables.append(
            IndicatorTable(
                series=series,
                rows=tuple(_year_row(row, unit) for row in series.years),
                baseline=baseline,
                goals=goals or "―",
                has_actuals=has_actuals,
                chart=chart(series) if chart is not None and figures >= 2 else None,
            )
        )
    return tuple(tables)


@attrs.frozen
class FindingLine:
    severity: str
    title: str
    place: str
    message: str
    line: int | None


def place_names(document: Any) -> list[tuple[str, str]]:
    """(pointer, name) of every named part of the document: 事業「相談支援事業」, 会議「支援会議」 …"""
    found = []
    for value in walk(document):
        kind = KIND_WORDS.get(type(value).__name__)
        pointer = getattr(value, "pointer", None)
        if kind is None or not isinstance(pointer, str):
            continue
        name = getattr(value, "label", None) if isinstance(value, Program) else None
        name = (
            name
            or getattr(value, "name", None)
            or getattr(value, "department", None)
            or getattr(value, "indicator", None)
        )
        found.append((pointer, f"{kind}「{name}」" if isinstance(name, str) else kind))
    return sorted(found, key=lambda entry: -len(entry[0]))


def place_of(pointer: str, places: Sequence[tuple[str, str]]) -> str:
    """A pointer in words: the nearest named part, then the rest of the path (the document's own keys)."""
    for prefix, name in places:
        if pointer == prefix or pointer.startswith(prefix + "/"):
            rest = [token for token in pointer[len(prefix) :].split("/") if token and not token.isdigit()]
            return name + (f"の {'・'.join(rest)}" if rest else "")
    rest = [token for token in pointer.split("/") if token and not token.isdigit()]
    return "・".join(rest) or "計画全体"


def finding_lines(findings: Iterable[Finding], places: Sequence[tuple[str, str]]) -> tuple[FindingLine, ...]:
    lines = []
    for finding in findings:
        if finding.suppressed:
            continue
        check = check_of(finding.code)
        lines.append(
            FindingLine(
                severity=finding.severity.label("ja"),
                title=check.title.ja if check is not None else finding.code,
                place=place_of(finding.pointer, places),
                message=finding.text("ja"),
                line=finding.line,
            )
        )
    order = {Severity.ERROR.label("ja"): 0, Severity.WARNING.label("ja"): 1, Severity.INFO.label("ja"): 2}
    return tuple(sorted(lines, key=lambda line: order.get(line.severity, 3)))


def not_stated_lines(document: Any, places: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(place, reason) of every 未記載 value, in document order."""
    return tuple((place_of(v.pointer, places), v.reason) for v in walk(document) if isinstance(v, NotStated))


def sources(plan: Plan) -> tuple[str, ...]:
    """The source document, then every section the plan's items cite, in order of first citation."""
    lines = []
    if plan.source is not None:
        parts = [plan.source.title, plan.source.publisher, plan.source.issued, plan.source.file, plan.source.url]
        lines.append("　".join(part for part in parts if part))
    seen: dict[str, None] = {}
    for value in walk(plan):
        if isinstance(value, Provenance):
            where = [value.section or "", f"{value.page}頁" if value.page else "", value.url or ""]
            seen.setdefault("　".join(part for part in where if part), None)
    return (*lines, *(line for line in seen if line))


def mode_years(plan: Plan) -> tuple[tuple[str, str], ...]:
    """実施形態 by fiscal year: (R6, 移行準備事業) …"""
    rows = []
    for year in plan.years():
        mode = plan.mode_in(year)
        if mode is not None:
            rows.append((year.label, mode.value))
    return tuple(rows)


def related_numbers(plan: Plan, plan_id: str, numbers: Sequence[int | str]) -> tuple[str, ...]:
    """Numbers of a related plan's 施策/アクション with their names where the plan lists them."""
    related = next((r for r in plan.related_plans if r.id == plan_id), None)
    items = (
        {str(item.number): item.name for item in (related.measures or ()) + (related.actions or ())} if related else {}
    )
    return tuple(f"{n} {items[str(n)]}" if str(n) in items else str(n) for n in numbers)


@attrs.frozen
class Content:
    """Everything one document shows, in the order of its sections."""

    plan: Plan
    reports: tuple[Report, ...]
    years: tuple[FiscalYear, ...]
    modes: tuple[tuple[str, str], ...]
    clause_groups: tuple[ClauseGroup, ...]
    related_programs: tuple[Program, ...]
    schedule: tuple[GridRow, ...]
    matrix: MatrixTable | None
    indicators: tuple[IndicatorTable, ...]
    findings: tuple[FindingLine, ...]
    not_stated: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    diagrams: dict[str, str]
    """View name → SVG text (flow, clauses, initiatives), drawn by the caller."""

    @property
    def municipality(self) -> str:
        name = self.plan.municipality.name
        return "（自治体名の記載なし）" if isinstance(name, NotStated) else name

    @property
    def period(self) -> str:
        period = self.plan.period
        if period is None:
            return "記載なし"
        return not_stated_text(period) if isinstance(period, NotStated) else f"{period}（{_japanese(period)}）"

    def related_numbers(self, plan_id: str, numbers: Sequence[int | str]) -> tuple[str, ...]:
        return related_numbers(self.plan, plan_id, numbers)

    def umbrella_of(self, program: Program) -> str | None:
        """The label of the umbrella program ``program`` is grouped under, if any."""
        for group in self.clause_groups:
            for umbrella in group.umbrellas:
                if any(member is program for member in umbrella.members):
                    return umbrella.program.label
        return None

    @property
    def running_title(self) -> str:
        """The page header: the plan's title, with the municipality where the title does not name it."""
        title = self.plan.title
        return title if title.startswith(self.municipality) else f"{self.municipality}　{title}"

    @property
    def file_name(self) -> str:
        """The plan's file name without its folder, so that the document does not depend on where it was made."""
        return PurePath(self.plan.name).name if self.plan.name else "計画"


def _japanese(period: FiscalRange) -> str:
    end = period.end.japanese if period.end else ""
    return f"{period.start.japanese}～{end}"


def build_content(
    plan: Plan,
    *,
    reports: Sequence[Report] = (),
    findings: Iterable[Finding] = (),
    diagrams: dict[str, str] | None = None,
    chart: Any = None,
) -> Content:
    """The content of ``plan``'s document; ``reports`` add actuals, ``findings`` fill the appendix."""
    places = place_names(plan)
    years = plan.years()
    groups, related = clause_groups(plan)
    return Content(
        plan=plan,
        reports=tuple(reports),
        years=years,
        modes=mode_years(plan),
        clause_groups=groups,
        related_programs=related,
        schedule=schedule_grid(plan, years),
        matrix=matrix_table(plan),
        indicators=indicator_tables_of(plan, reports, chart),
        findings=finding_lines(findings, places),
        not_stated=not_stated_lines(plan, places),
        sources=sources(plan),
        diagrams=dict(diagrams or {}),
    )


def iter_programs(content: Content) -> Iterator[Program]:
    """Every program once, in the order the document lists them: by pillar an umbrella and its members without a
    clause of their own, then the programs by clause; then the related ones."""
    seen: set[str] = set()

    def fresh(programs: Iterable[Program]) -> Iterator[Program]:
        for program in programs:
            if program.id not in seen:
                seen.add(program.id)
                yield program

    for group in content.clause_groups:
        for umbrella in group.umbrellas:
            yield from fresh([umbrella.program, *(m for m in umbrella.members if not m.clauses)])
        for row in group.rows:
            yield from fresh(row.programs)
    yield from fresh(content.related_programs)
