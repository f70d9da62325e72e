"""The comparison of municipalities' plans, as values: what each plan says, side by side, read from the model.

Every cell holds model objects (programs, meetings, indicators, not-stated values) or a gap that says why a cell is
empty (no program for the 号, a year outside the plan's period); nothing is inferred or summed across cities. The
formats (:mod:`.text`, :mod:`.spreadsheet`, :mod:`.markdown` and the council document's HTML) turn it into words.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence

import attrs

from jusou_spec.findings import Finding
from jusou_spec.fiscal import FiscalRange, FiscalYear, holds_in
from jusou_spec.law import CLAUSES, Clause, Pillar
from jusou_spec.model import (
    DeliveryMode,
    Indicator,
    Meeting,
    MeetingKind,
    Mode,
    NotStated,
    Plan,
    Program,
    not_stated,
)

__all__ = [
    "Comparison",
    "CoverageRow",
    "DeliverySpan",
    "Gap",
    "LeftOut",
    "MeetingRow",
    "Municipality",
    "PillarCell",
    "PillarRow",
    "ProgramCell",
    "Unstated",
    "YearRow",
    "build_comparison",
]


class Gap(enum.Enum):
    """Why a cell holds no value from the plan."""

    NO_PROGRAM = "no-program"
    """The plan has no program for the 号 (or no program in the pillar)."""
    NOT_GIVEN = "not-given"
    """The plan's period covers the year but no 実施形態 is given for it."""
    OUTSIDE = "outside"
    """The year lies outside the plan's period."""
    NO_TARGET = "no-target"
    """The pillar has programs, none of them with a target value."""


@attrs.frozen
class Municipality:
    """One column: a plan and the file it came from; ``same_name`` when another column has the same municipality
    (two revisions of one plan), so that the formats add the file to the heading."""

    file: str
    plan: Plan
    same_name: bool = False


@attrs.frozen
class DeliverySpan:
    """How a program is delivered over ``years`` (None: every year, the plan gives no years for it)."""

    years: FiscalRange | None
    modes: tuple[DeliveryMode, ...]


@attrs.frozen
class ProgramCell:
    program: Program
    delivery: tuple[DeliverySpan, ...] | NotStated
    """() when the plan gives no 実施方式 for the program."""


@attrs.frozen
class CoverageRow:
    clause: Clause
    cells: tuple[tuple[ProgramCell, ...], ...]
    """Per municipality, the programs that carry the clause (an empty tuple: none, shown with a mark)."""


@attrs.frozen
class YearRow:
    year: FiscalYear
    cells: tuple[Mode | Gap, ...]


@attrs.frozen
class MeetingRow:
    kind: MeetingKind | None
    """None for the meetings whose 種別 the plan does not declare."""
    cells: tuple[tuple[Meeting, ...], ...]


@attrs.frozen
class PillarCell:
    programs: tuple[Program, ...]
    targets: tuple[tuple[Program, Indicator], ...]
    """The indicators with a target value, with their programs, in document order."""

    @property
    def gap(self) -> Gap | None:
        if not self.programs:
            return Gap.NO_PROGRAM
        return None if self.targets else Gap.NO_TARGET


@attrs.frozen
class PillarRow:
    pillar: Pillar
    cells: tuple[PillarCell, ...]


@attrs.frozen
class Unstated:
    """A value the plan gives as ``{未記載: 理由}``: where (pointer, and the line when the file was read), why."""

    pointer: str
    reason: str
    line: int | None


@attrs.frozen
class LeftOut:
    """A document that was not compared, with the findings that say why (empty for a report: reports are not
    compared)."""

    file: str
    kind: str | None
    findings: tuple[Finding, ...]


@attrs.frozen
class Comparison:
    municipalities: tuple[Municipality, ...]
    coverage: tuple[CoverageRow, ...]
    years: tuple[YearRow, ...]
    meetings: tuple[MeetingRow, ...]
    targets: tuple[PillarRow, ...]
    not_stated: tuple[tuple[Unstated, ...], ...]
    """Per municipality, every not-stated value in document order."""
    left_out: tuple[LeftOut, ...] = ()


def delivery_spans(plan: Plan, program: Program) -> tuple[DeliverySpan, ...] | NotStated:
    """The program's 実施方式 over the years: one span when no delivery names years, else one span per run of years
    with the same modes (R6 直営, R7～R8 委託), over the plan's years and the years the deliveries name."""
    if isinstance(program.delivery, NotStated):
        return program.delivery
    deliveries = program.delivery
    if not any(delivery.years is not None for delivery in deliveries):
        return (DeliverySpan(None, _unique(d.mode for d in deliveries)),) if deliveries else ()
    years = set(plan.years())
    for delivery in deliveries:
        if delivery.years is not None:
            years.update(delivery.years.closed_by(plan.period_range).years())
    if not years:  # only open ranges and no period: say what each delivery says
        return tuple(DeliverySpan(d.years, (d.mode,)) for d in deliveries)
    spans: list[DeliverySpan] = []
    for year in sorted(years):
        if not plan.runs_in(program, year):
            continue
        modes = _unique(d.mode for d in deliveries if holds_in(d.years, year))
        if not modes:
            continue
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.modes == modes
            and last.years is not None
            and last.years.end is not None
            and last.years.end + 1 == year
        ):
            spans[-1] = DeliverySpan(FiscalRange(last.years.start, year), modes)
        else:
            spans.append(DeliverySpan(FiscalRange(year, year), modes))
    return tuple(spans)


def _unique(modes: Iterable[DeliveryMode]) -> tuple[DeliveryMode, ...]:
    return tuple(dict.fromkeys(modes))


def _year_cell(plan: Plan, year: FiscalYear) -> Mode | Gap:
    if year not in plan.years():
        return Gap.OUTSIDE
    return plan.mode_in(year) or Gap.NOT_GIVEN


def _meeting_rows(plans: Sequence[Plan]) -> tuple[MeetingRow, ...]:
    rows = []
    for kind in [*MeetingKind, None]:
        cells = tuple(
            tuple(m for m in plan.meetings if (kind in m.kinds if kind is not None else not m.kinds)) for plan in plans
        )
        if any(cells):
            rows.append(MeetingRow(kind, cells))
    return tuple(rows)


def _pillar_cell(plan: Plan, pillar: Pillar) -> PillarCell:
    programs = plan.programs_under(pillar)
    targets = tuple((p, i) for p in programs for i in p.indicators if i.has_targets)
    return PillarCell(programs, targets)


def build_comparison(
    municipalities: Sequence[Municipality],
    *,
    locate: Sequence[Callable[[str], int] | None] | None = None,
    left_out: Sequence[LeftOut] = (),
) -> Comparison:
    """The comparison of ``municipalities`` in the order given; ``locate`` gives, per municipality, the line of a
    pointer in its file (None for a plan held only in memory)."""
    plans = [m.plan for m in municipalities]
    locators = list(locate) if locate is not None else [None] * len(plans)
    coverage = tuple(
        CoverageRow(
            clause,
            tuple(tuple(ProgramCell(p, delivery_spans(plan, p)) for p in plan.covering(clause)) for plan in plans),
        )
        for clause in CLAUSES
    )
    years = sorted({year for plan in plans for year in plan.years()})
    return Comparison(
        municipalities=tuple(municipalities),
        coverage=coverage,
        years=tuple(YearRow(year, tuple(_year_cell(plan, year) for plan in plans)) for year in years),
        meetings=_meeting_rows(plans),
        targets=tuple(PillarRow(pillar, tuple(_pillar_cell(plan, pillar) for plan in plans)) for pillar in Pillar),
        not_stated=tuple(
            tuple(
                Unstated(value.pointer, value.reason, where(value.pointer) if where is not None else None)
                for value in not_stated(plan)
            )
            for plan, where in zip(plans, locators, strict=True)
        ),
        left_out=tuple(left_out),
    )
