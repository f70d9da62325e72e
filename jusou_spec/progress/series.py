"""Every indicator of a plan (and of its reports) as a series over fiscal years: target, actual, rate, status.

:func:`indicators` is the library's entry point: frozen values, in the order the documents list the indicators,
that the ``jusou indicators`` command prints and charts and that other tools can consume as they are.

>>> from jusou_spec.model import Report
>>> report, _ = Report.from_document({
...     "jusou": "report/1", "自治体": {"名称": "見本市", "都道府県": "見本県"}, "報告名": "実績", "年度": "R5～R6",
...     "計画": {"未記載": "計画なし"},
...     "指標": [{"id": "相談", "名称": "相談件数", "単位": "件", "目標": [{"年度": "R6", "値": 10, "比較": "以上"}]}],
...     "実績": [{"指標": "相談", "年度": "R5", "値": 8}, {"指標": "相談", "年度": "R6", "値": 29}],
... })
>>> [series] = indicators(reports=[report])
>>> [(str(y.year), y.actual, y.rate, y.status.value) for y in series.years]
[('R5', 8, None, '目標なし'), ('R6', 29, 290.0, '達成')]
>>> series.to_date.status.value, series.trend.value
('達成', '増加')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from jusou_spec.errors import WrongDocumentKind
from jusou_spec.fiscal import FiscalRange, FiscalYear, parse_year
from jusou_spec.model import Actual, Baseline, Breakdown, Direction, Indicator, NotStated, Plan, Report
from jusou_spec.numeric import Number
from jusou_spec.progress.marks import expected_mark
from jusou_spec.progress.rates import Goal, Scope, effective_direction, goal_for, goals, meets, rate, rounded
from jusou_spec.progress.ratios import Ratio, actual_ratio
from jusou_spec.progress.units import unit_text
from jusou_spec.resolve_report import IndicatorEntry, resolve_report

Figure = Number | Fraction
"""A figure as the series holds it: as written (int, Decimal), or a rate recomputed from a ratio's parts."""

__all__ = ["IndicatorProgress", "Status", "ToDate", "Trend", "YearProgress", "default_as_of", "indicators"]


class Status(enum.Enum):
    """Where an indicator stands in one fiscal year (and, summed up, at the ``as_of`` year)."""

    ACHIEVED = "達成"
    NOT_ACHIEVED = "未達成"
    IN_PROGRESS = "途中"
    NOT_STATED = "未記載"
    MISSING = "実績未報告"
    NO_TARGET = "目標なし"
    UNDETERMINED = "判定不能"
    UPCOMING = "未到来"

    def label(self, lang: str = "ja") -> str:
        if lang == "en":
            return _STATUS_EN[self]
        return self.value


_STATUS_EN = {
    Status.ACHIEVED: "achieved",
    Status.NOT_ACHIEVED: "not achieved",
    Status.IN_PROGRESS: "in progress",
    Status.NOT_STATED: "not stated",
    Status.MISSING: "no actual reported",
    Status.NO_TARGET: "no target",
    Status.UNDETERMINED: "cannot be judged",
    Status.UPCOMING: "not yet due",
}


class Trend(enum.Enum):
    """How the actual moved from its first to its latest figure."""

    INCREASE = "増加"
    DECREASE = "減少"
    FLAT = "横ばい"

    def label(self, lang: str = "ja") -> str:
        if lang == "en":
            return {"増加": "up", "減少": "down", "横ばい": "flat"}[self.value]
        return self.value


@attrs.frozen
class YearProgress:
    """One fiscal year of one indicator."""

    year: FiscalYear
    goal: Goal | None
    actual: Figure | NotStated | None
    """The figure; NotStated where the source says there is none (never 0); None where nothing is reported. For
    a ratio actual that gives only its parts, the rate they give."""
    unit: str | None
    planned: Number | None
    """The 計画値 the report prints beside the actual."""
    mark: str | NotStated | None
    """The mark (〇・△ …) exactly as the municipality gave it."""
    expected_mark: str | None
    """The mark the report's own declared marking rule calls for; None without such a rule."""
    rate: float | None
    """The achievement rate in percent, rounded half up to one decimal; None where it is not defined."""
    exact_rate: Fraction | None = attrs.field(repr=False)
    status: Status
    change: Figure | None
    """The change from the previous year that has a figure."""
    breakdowns: tuple[Breakdown, ...]
    report: str | None
    """The report the actual comes from."""
    ratio: Ratio | None = attrs.field(default=None, kw_only=True)
    """A ratio actual's parts, the rate they give and the rate stated (None for a plain count)."""
    pointer: str
    """The actual's JSON pointer in that report."""


@attrs.frozen
class ToDate:
    """The indicator's status at the ``as_of`` year, summing up every year up to it."""

    as_of: FiscalYear | None
    status: Status
    counts: tuple[tuple[Status, int], ...]
    latest: YearProgress | None
    """The latest year up to ``as_of`` with a figure."""

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)


@attrs.frozen
class IndicatorProgress:
    """An indicator with its targets and its progress year by year."""

    indicator: Indicator
    program: str | None
    defined_in: str
    """The file of the plan or report that defines the indicator."""
    direction: Direction
    direction_stated: bool
    """False when no 方向 or comparison says which way is better, and higher-is-better was assumed."""
    goals: tuple[Goal, ...]
    years: tuple[YearProgress, ...]
    to_date: ToDate
    trend: Trend | None
    improving: bool | None
    """Whether the trend is for the better; None where the direction is not stated (or is a range or exact
    target), or with fewer than two figures."""

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def name(self) -> str:
        return self.indicator.name

    @property
    def unit(self) -> str | None:
        return unit_text(self.indicator.unit)

    @property
    def baseline(self) -> Baseline | None:
        return self.indicator.baseline


def default_as_of(reports: Iterable[Report]) -> FiscalYear | None:
    """The year a set of reports brings the series up to: the last year any of them covers or gives an actual for
    (a figure for a year is reported only once that year has ended, or is being reported on)."""
    found = []
    for report in reports:
        if report.years is not None:
            found.append(report.years.end or report.years.start)
        found.extend(actual.year for actual in report.actuals if actual.year is not None)
    return max(found) if found else None


def _kind(value: object) -> str:
    return (
        "a report (jusou: report/1)"
        if isinstance(value, Report)
        else "a plan"
        if isinstance(value, Plan)
        else type(value).__name__
    )


def indicators(
    plan: Plan | None = None,
    *,
    reports: Iterable[Report] = (),
    as_of: FiscalYear | str | int | None = None,
) -> tuple[IndicatorProgress, ...]:
    """Every indicator of ``plan`` and of ``reports``, with targets, actuals, rates and statuses by year.

    ``reports`` are status reports of the plan (or, with no plan, reports that define their own indicators).
    ``as_of`` is the last fiscal year taken as ended; by default the last year the reports cover (or give a
    figure for). A year up to
    ``as_of`` with a target and no actual is :attr:`Status.MISSING`; with no reports and no ``as_of``, no year is
    taken as ended. Where two reports give a figure for the same year, the one covering the later years wins.

    Raises :class:`~jusou_spec.errors.WrongDocumentKind` when a report is passed as the plan (or a plan among the
    reports), and :class:`~jusou_spec.fiscal.FiscalYearError` for an ``as_of`` that is not a fiscal year.
    """
    if plan is not None and not isinstance(plan, Plan):
        raise WrongDocumentKind(f"indicators() takes a plan (jusou: plan/1) first, not {_kind(plan)}; pass reports=[…]")
    given = list(reports)
    for report in given:
        if not isinstance(report, Report):
            raise WrongDocumentKind(f"indicators() takes reports (jusou: report/1) in reports=, not {_kind(report)}")
    year = parse_year(as_of) if isinstance(as_of, str | int) else as_of
    if year is None:
        year = default_as_of(given)
    ordered = sorted(given, key=lambda r: (r.years.end or r.years.start) if r.years else FiscalYear(0))
    resolved = [resolve_report(report, plan) for report in ordered]

    entries: dict[str, tuple[IndicatorEntry, str]] = {}
    if plan is not None:
        for ident, (program, indicator) in plan.references.indicators.items():
            entries[ident] = (IndicatorEntry(indicator, program, "plan"), plan.name)
    for references in resolved:
        for ident, entry in references.indicators.items():
            entries.setdefault(ident, (entry, references.report.name))

    series = []
    for ident, (entry, defined_in) in entries.items():
        found: dict[FiscalYear, tuple[Actual, Report]] = {}
        for references in resolved:
            seen: set[FiscalYear] = set()
            for actual in references.actuals.get(ident, ()):
                if actual.year is not None and actual.year not in seen:
                    seen.add(actual.year)
                    found[actual.year] = (actual, references.report)
        # an open-ended target year (R7～) runs to the end of the plan period, where the plan states one
        series.append(_series(entry, defined_in, found, year, plan.period_range if plan is not None else None))
    return tuple(series)


def _series(
    entry: IndicatorEntry,
    defined_in: str,
    found: Mapping[FiscalYear, tuple[Actual, Report]],
    as_of: FiscalYear | None,
    period: FiscalRange | None,
) -> IndicatorProgress:
    indicator = entry.indicator
    direction, stated = effective_direction(indicator)
    own_goals = goals(indicator, period=period)
    years: set[FiscalYear] = set(found)
    for goal in own_goals:
        if goal.years is not None:
            years.update(goal.years.years() if not goal.years.is_open else [goal.years.start])
    rows: list[YearProgress] = []
    previous: Figure | None = None
    for year in sorted(years):
        actual, report = found.get(year, (None, None))
        row = _year(indicator, year, actual, report, direction, as_of, previous, period)
        if isinstance(row.actual, int | Decimal | Fraction):
            previous = row.actual
        rows.append(row)
    judged = [row for row in rows if as_of is None or row.year <= as_of]
    trend, improving = _trend(judged, direction, stated=stated)
    return IndicatorProgress(
        indicator=indicator,
        program=entry.program_label,
        defined_in=defined_in,
        direction=direction,
        direction_stated=stated,
        goals=own_goals,
        years=tuple(rows),
        to_date=_to_date(judged, as_of, undated=any(g.scope is Scope.UNDATED for g in own_goals)),
        trend=trend,
        improving=improving,
    )


def _year(
    indicator: Indicator,
    year: FiscalYear,
    actual: Actual | None,
    report: Report | None,
    direction: Direction,
    as_of: FiscalYear | None,
    previous: Figure | None,
    period: FiscalRange | None,
) -> YearProgress:
    ratio = actual_ratio(actual, indicator) if actual is not None else None
    value: Figure | NotStated | None = actual.value if actual is not None else None
    if value is None and ratio is not None:
        value = ratio.recomputed
    goal = goal_for(indicator, year, planned=actual.planned if actual is not None else None, period=period)
    exact_rate = (
        rate(goal, value, direction) if goal is not None and isinstance(value, int | Decimal | Fraction) else None
    )
    status = _status(goal, value, year, direction, as_of)
    unit = unit_text(actual.unit) if actual is not None else None
    return YearProgress(
        year=year,
        goal=goal,
        actual=value,
        unit=unit or unit_text(indicator.unit),
        planned=actual.planned if actual is not None else None,
        mark=actual.mark if actual is not None else None,
        expected_mark=expected_mark(report.marking, exact_rate) if report is not None else None,
        rate=rounded(exact_rate),
        exact_rate=exact_rate,
        status=status,
        change=_difference(value, previous)
        if isinstance(value, int | Decimal | Fraction) and previous is not None
        else None,
        breakdowns=actual.breakdowns if actual is not None else (),
        report=report.name if report is not None else None,
        pointer=actual.pointer if actual is not None else "",
        ratio=ratio,
    )


def _difference(value: Figure, previous: Figure) -> Figure:
    """``value - previous``, exact (Decimal subtraction would round to 28 digits, and a recomputed rate is a
    Fraction); a whole difference is an int."""
    difference = Fraction(value) - Fraction(previous)
    return difference.numerator if difference.denominator == 1 else difference


def _status(
    goal: Goal | None,
    value: Figure | NotStated | None,
    year: FiscalYear,
    direction: Direction,
    as_of: FiscalYear | None,
) -> Status:
    if as_of is not None and year > as_of:
        return Status.UPCOMING
    if isinstance(value, NotStated):
        return Status.NOT_STATED
    if value is None:
        return Status.UPCOMING if as_of is None else Status.MISSING
    if goal is None:
        return Status.NO_TARGET
    met = meets(goal, value, direction)
    if met is None:
        return Status.UNDETERMINED
    if met:
        return Status.ACHIEVED
    if goal.scope is Scope.PERIOD and goal.years is not None and (goal.years.end is None or year < goal.years.end):
        return Status.IN_PROGRESS
    return Status.NOT_ACHIEVED


_PRECEDENCE = (
    Status.NOT_ACHIEVED,
    Status.MISSING,
    Status.IN_PROGRESS,
    Status.ACHIEVED,
    Status.UNDETERMINED,
    Status.NO_TARGET,
    Status.NOT_STATED,
)


def _to_date(rows: list[YearProgress], as_of: FiscalYear | None, *, undated: bool) -> ToDate:
    counts: dict[Status, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    status = next((s for s in _PRECEDENCE if counts.get(s)), None)
    if status is None:
        status = Status.UNDETERMINED if undated else Status.UPCOMING
    if status is Status.NO_TARGET and undated:
        status = Status.UNDETERMINED
    latest = next((row for row in reversed(rows) if isinstance(row.actual, int | Decimal | Fraction)), None)
    ordered = tuple((s, counts[s]) for s in Status if s in counts)
    return ToDate(as_of=as_of, status=status, counts=ordered, latest=latest)


def _trend(rows: list[YearProgress], direction: Direction, *, stated: bool) -> tuple[Trend | None, bool | None]:
    figures = [row.actual for row in rows if isinstance(row.actual, int | Decimal | Fraction)]
    if len(figures) < 2:
        return None, None
    first, last = figures[0], figures[-1]
    trend = Trend.INCREASE if last > first else Trend.DECREASE if last < first else Trend.FLAT
    if trend is Trend.FLAT or not stated or direction not in (Direction.HIGHER, Direction.LOWER):
        return trend, None
    return trend, (trend is Trend.INCREASE) == (direction is Direction.HIGHER)
