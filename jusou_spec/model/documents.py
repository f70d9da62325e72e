"""The two kinds of document: a plan (``jusou: plan/1``) and a status report (``jusou: report/1``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from jusou_spec.findings import Finding
from jusou_spec.fiscal import FiscalRange, FiscalYear, holds_in
from jusou_spec.law import Clause, Pillar
from jusou_spec.model._build import (
    BuildContext,
    NotStated,
    build,
    document_of,
    key,
    location,
    nested,
    not_stated_or,
    number,
    plain,
    prose,
    record_not_stated,
    texts,
    tuple_of,
    year,
    year_range,
)
from jusou_spec.model.common import DocumentSource, Indicator, Municipality, Narrative, Provenance, source_field
from jusou_spec.model.meetings import CooperationMatrix, Flow, Meeting
from jusou_spec.model.plan import (
    ClauseTableRow,
    Initiative,
    Mode,
    ModePeriod,
    Program,
    RelatedPlan,
    Revision,
    ScheduleRow,
    _modes,
    _unmodes,
)
from jusou_spec.model.resolve import References, resolve
from jusou_spec.model.resources import Area
from jusou_spec.model.suppression import Suppression
from jusou_spec.numeric import Number

__all__ = ["Activity", "Actual", "Breakdown", "BreakdownItem", "Plan", "Report"]


@attrs.frozen
class Plan:
    """A 重層的支援体制整備事業実施計画: the root of the model.

    Build one with :meth:`from_document` from schema-valid data (see :func:`jusou_spec.load`); the plan's
    cross-references are resolved once, into :attr:`references`, for rules and the graph to share.
    """

    marker: str = key("jusou")
    source: DocumentSource | None = key("出典", nested(DocumentSource))
    municipality: Municipality = key("自治体", nested(Municipality))
    title: str = key("計画名")
    period: FiscalRange | NotStated | None = key("計画期間", not_stated_or(year_range))
    areas: tuple[Area, ...] = key("圏域", tuple_of(nested(Area)), default=())
    revisions: tuple[Revision, ...] = key("改訂", tuple_of(nested(Revision)), default=())
    modes: tuple[ModePeriod, ...] = key("実施形態", _modes, default=(), unconvert=_unmodes)
    policy: tuple[str, ...] | NotStated = key("基本方針", not_stated_or(prose), default=())
    purpose: tuple[str, ...] = key("趣旨", prose, default=())
    narratives: tuple[Narrative, ...] = key("記述", tuple_of(nested(Narrative)), default=())
    laws: tuple[str, ...] = key("関連法令", texts, default=())
    related_plans: tuple[RelatedPlan, ...] = key("関連計画", tuple_of(nested(RelatedPlan)), default=())
    initiatives: tuple[Initiative, ...] = key("取組", tuple_of(nested(Initiative)), default=())
    programs: tuple[Program, ...] = key("事業", tuple_of(nested(Program)), default=(), keep_empty=True)
    meetings: tuple[Meeting, ...] = key("会議", tuple_of(nested(Meeting)), default=())
    flows: tuple[Flow, ...] = key("会議の流れ", tuple_of(nested(Flow)), default=())
    matrix: CooperationMatrix | None = key("庁内連携体制", nested(CooperationMatrix))
    schedule: tuple[ScheduleRow, ...] = key("スケジュール", tuple_of(nested(ScheduleRow)), default=())
    clause_table: tuple[ClauseTableRow, ...] = key("対象事業表", tuple_of(nested(ClauseTableRow)), default=())
    suppressions: tuple[Suppression, ...] = key("抑制", tuple_of(nested(Suppression)), default=())
    name: str = attrs.field(default="", eq=False, kw_only=True)
    """The file the plan was read from (for messages); not part of the plan's value."""
    _references: References | None = attrs.field(default=None, eq=False, repr=False, init=False)
    _built_not_stated: tuple[NotStated, ...] | None = attrs.field(default=None, eq=False, repr=False, init=False)
    """The not-stated values the builder made, when the plan was just built from its document (see not_stated)."""

    @property
    def references(self) -> References:
        """The plan's cross-references, resolved once (see :mod:`jusou_spec.model.resolve`)."""
        if self._references is None:
            references = resolve(self)
            object.__setattr__(self, "_references", references)
            return references
        return self._references

    @classmethod
    def from_document(cls, data: Mapping[str, Any], *, name: str = "") -> tuple[Plan, list[Finding]]:
        """The plan in schema-valid ``data``, and the findings met while normalising it (unknown clause …)."""
        context = BuildContext()
        plan = attrs.evolve(build(cls, data, "", context), name=name)
        return record_not_stated(plan, context), context.findings

    def to_document(self) -> dict[str, Any]:
        """The plan as document data (Japanese keys), spellings normalised; ``from_document`` reads it back."""
        return document_of(self)

    # ------------------------------------------------------------ derived views

    @property
    def period_range(self) -> FiscalRange | None:
        return self.period if isinstance(self.period, FiscalRange) else None

    def years(self) -> tuple[FiscalYear, ...]:
        """The plan's fiscal years: its period, or when that is not stated, the years its modes name."""
        if self.period_range is not None and not self.period_range.is_open:
            return tuple(self.period_range.years())
        found: set[FiscalYear] = set()
        for period in self.modes:
            if period.years is not None:
                found.update(period.years.years())
        return tuple(sorted(found))

    def mode_in(self, year: FiscalYear) -> Mode | None:
        """How the project runs in ``year`` (None when the plan does not say)."""
        period = self.mode_period(year)
        return None if period is None else period.mode

    def mode_period(self, year: FiscalYear) -> ModePeriod | None:
        """The 実施形態 entry that says how the project runs in ``year`` (the first that holds), if any."""
        return next((period for period in self.modes if holds_in(period.years, year)), None)

    def all_indicators(self) -> Iterator[tuple[Program, Indicator]]:
        for program in self.programs:
            for indicator in program.indicators:
                yield program, indicator

    def programs_for(self, clause: Clause) -> tuple[Program, ...]:
        return tuple(program for program in self.programs if clause in program.clauses)

    def programs_under(self, pillar: Pillar) -> tuple[Program, ...]:
        """The programs of ``pillar`` (相談支援 …), in document order: those naming one of its clauses, an umbrella by
        its whole 号; the grouping of the numeric-target rule (TG001) and of ``jusou compare``."""
        return tuple(program for program in self.programs if any(c.pillar is pillar for c in program.stands_for))

    def is_umbrella(self, program: Program) -> bool:
        """Whether ``program`` groups others: it carries a whole 号 (号全体), or another program names it as 上位事業."""
        return bool(program.whole) or id(program) in self.references.members_by_umbrella

    def members_of(self, umbrella: Program) -> tuple[Program, ...]:
        """The programs that name ``umbrella`` as their 上位事業, in document order."""
        return self.references.members_by_umbrella.get(id(umbrella), ())

    def covering(self, clause: Clause) -> tuple[Program, ...]:
        """The programs that carry ``clause`` themselves: an umbrella covers nothing by itself, its members do."""
        return tuple(program for program in self.programs_for(clause) if not self.is_umbrella(program))

    def runs_in(self, program: Program, year: FiscalYear) -> bool:
        """Whether ``program`` runs in ``year``: within its own years, or the whole plan when it states none."""
        return holds_in(program.years, year)


@attrs.frozen
class BreakdownItem:
    name: str = key("名称")
    value: Number | NotStated = key("値", not_stated_or(number))
    area: str | None = key("圏域")
    """The id of the declared area this item is the figure of (a 校区 of the breakdown by 校区)."""
    breakdowns: tuple[Breakdown, ...] = key("内訳", lambda v, p, c: tuple_of(nested(Breakdown))(v, p, c), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Breakdown:
    """A figure split by one axis (校区, 相談方法 …) with the total the source states, to be checked."""

    axis: str = key("名称")
    items: tuple[BreakdownItem, ...] = key("項目", tuple_of(nested(BreakdownItem)), default=())
    total: Number | NotStated | None = key("合計", not_stated_or(number))
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Actual:
    """One indicator's actual for one fiscal year; an actual the source says does not exist is NotStated."""

    indicator: str = key("指標")
    year: FiscalYear | None = key("年度", year)
    value: Number | NotStated | None = key("値", not_stated_or(number))
    """The stated figure (for a ratio, the stated rate); None where a ratio's actual gives only its parts."""
    numerator: Number | None = key("分子", number)
    denominator: Number | None = key("分母", number)
    unit: str | NotStated | None = key("単位", not_stated_or(plain))
    planned: Number | None = key("計画値", number)
    mark: str | NotStated | None = key("評価", not_stated_or(plain))
    breakdowns: tuple[Breakdown, ...] = key("内訳", tuple_of(nested(Breakdown)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class Figure:
    name: str = key("名称")
    value: Number | NotStated = key("値", not_stated_or(number))
    unit: str | None = key("単位")
    breakdowns: tuple[Breakdown, ...] = key("内訳", tuple_of(nested(Breakdown)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Activity:
    """An event, meeting or contracted activity the report describes, with its figures."""

    name: str = key("名称")
    actor: str | NotStated | None = key("主体", not_stated_or(plain))
    when: str | None = key("日時")
    place: str | None = key("場所")
    areas: tuple[str, ...] = key("圏域", texts, default=())
    content: tuple[str, ...] = key("内容", prose, default=())
    figures: tuple[Figure, ...] = key("数値", tuple_of(nested(Figure)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class PlanLink:
    file: str = key("ファイル")
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Mark:
    mark: str = key("記号")
    meaning: str = key("意味")
    rate_at_least: Number | None = key("達成率以上", number)
    rate_below: Number | None = key("達成率未満", number)


@attrs.frozen
class MarkingRule:
    """How the document says it gives its marks (〇/△ …); without one, marks are recorded, never inferred."""

    marks: tuple[Mark, ...] = key("記号", tuple_of(nested(Mark)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()


def _cell(value: Any, pointer: str, context: BuildContext) -> Number | None:
    return None if value is None else number(value, pointer, context)


@attrs.frozen
class TableRow:
    heading: str | None = key("見出し")
    values: tuple[Number | None, ...] = key("値", tuple_of(_cell), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Table:
    """A source table whose row/column correspondence was lost in extraction: figures kept in printed order."""

    name: str = key("名称")
    columns: tuple[str, ...] = key("列", texts, default=())
    rows: tuple[TableRow, ...] = key("行", tuple_of(nested(TableRow)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class Report:
    """A status report (実施状況): actuals for one or more fiscal years, against a plan's indicators or its own."""

    marker: str = key("jusou")
    source: DocumentSource | None = key("出典", nested(DocumentSource))
    municipality: Municipality = key("自治体", nested(Municipality))
    title: str = key("報告名")
    years: FiscalRange | None = key("年度", year_range)
    plan: PlanLink | NotStated | None = key("計画", not_stated_or(nested(PlanLink)))
    marking: MarkingRule | NotStated | None = key("評価基準", not_stated_or(nested(MarkingRule)))
    areas: tuple[Area, ...] = key("圏域", tuple_of(nested(Area)), default=())
    """The report's own areas, for a report without a plan; one with a plan also reads the plan's."""
    indicators: tuple[Indicator, ...] = key("指標", tuple_of(nested(Indicator)), default=())
    actuals: tuple[Actual, ...] = key("実績", tuple_of(nested(Actual)), default=())
    activities: tuple[Activity, ...] = key("活動", tuple_of(nested(Activity)), default=())
    tables: tuple[Table, ...] = key("表", tuple_of(nested(Table)), default=())
    narratives: tuple[Narrative, ...] = key("記述", tuple_of(nested(Narrative)), default=())
    suppressions: tuple[Suppression, ...] = key("抑制", tuple_of(nested(Suppression)), default=())
    name: str = attrs.field(default="", eq=False, kw_only=True)
    _resolved: Any = attrs.field(default=None, eq=False, repr=False, init=False)
    _built_not_stated: tuple[NotStated, ...] | None = attrs.field(default=None, eq=False, repr=False, init=False)
    """The not-stated values the builder made, when the report was just built from its document (see not_stated)."""
    """(plan, references) of the last :func:`jusou_spec.resolve_report.resolve_report`, so each rule reuses them."""

    @classmethod
    def from_document(cls, data: Mapping[str, Any], *, name: str = "") -> tuple[Report, list[Finding]]:
        context = BuildContext()
        report = attrs.evolve(build(cls, data, "", context), name=name)
        return record_not_stated(report, context), context.findings

    def to_document(self) -> dict[str, Any]:
        return document_of(self)
