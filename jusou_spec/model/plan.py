"""The plan (``jusou: plan/1``): programs, initiatives, meetings, related plans, schedule, cooperation matrix."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.law import Clause, Field, items_of
from jusou_spec.model._build import (
    BuildContext,
    NotStated,
    build,
    enum_of,
    key,
    location,
    nested,
    not_stated_or,
    number,
    plain,
    prose,
    texts,
    tuple_of,
    unbuild,
    year,
    year_range,
)
from jusou_spec.model.clauses import clauses, whole_items, whole_labels
from jusou_spec.model.common import (
    Indicator,
    Provenance,
    source_field,
)
from jusou_spec.model.resources import Budget, Staffing
from jusou_spec.numeric import Number

__all__ = [
    "ClauseTableRow",
    "ContentSection",
    "Delivery",
    "DeliveryMode",
    "Figure",
    "Initiative",
    "InitiativeItem",
    "ItemReference",
    "ItemSchedule",
    "Mode",
    "ModePeriod",
    "NumberedItem",
    "Partners",
    "Phase",
    "Program",
    "RelatedPlan",
    "Revision",
    "ScheduleCell",
    "ScheduleRow",
    "Site",
]


def clause_labels(clauses: tuple[Clause, ...]) -> str | list[str]:
    """The document form of 号: one clause as a label (第1号イ), several as a list, as the documents write them."""
    return clauses[0].label if len(clauses) == 1 else [clause.label for clause in clauses]


class Mode(enum.Enum):
    """How the municipality runs the project in a fiscal year."""

    FULL = "本格実施"
    TRANSITION = "移行準備事業"


@attrs.frozen
class ModePeriod:
    years: FiscalRange | None = key("年度", year_range)
    mode: Mode = key("形態", enum_of(Mode))
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


def _modes(value: Any, pointer: str, context: BuildContext) -> tuple[ModePeriod, ...]:
    """A bare mode applies to the whole plan period (years left None; the plan fills them in)."""
    if isinstance(value, str):
        return (ModePeriod(years=None, mode=Mode(value), pointer=pointer),)
    return tuple_of(nested(ModePeriod))(value, pointer, context)


def _unmodes(value: tuple[ModePeriod, ...]) -> Any:
    if len(value) == 1 and value[0].years is None:
        return value[0].mode.value
    return unbuild(value)


@attrs.frozen
class Revision:
    year: FiscalYear | None = key("年度", year)
    content: tuple[str, ...] = key("内容", prose, default=())
    source: Provenance | None = source_field()


@attrs.frozen
class NumberedItem:
    """A numbered item of a related plan (a 施策 of the 地域福祉計画, an アクション of the 推進計画)."""

    number: int | str = key("番号")
    name: str = key("名称")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class RelatedPlan:
    """Another plan this one must be in harmony with (社会福祉法第106条の5第3項)."""

    id: str = key("id")
    name: str | NotStated = key("名称", not_stated_or(plain))
    """The plan's name; NotStated where the source refers to a plan without naming it."""
    kind: str = key("種別")
    author: str | None = key("策定主体")
    period: FiscalRange | NotStated | None = key("期間", not_stated_or(year_range))
    relation: str | None = key("関係")
    measures: tuple[NumberedItem, ...] | None = key("施策", tuple_of(nested(NumberedItem)))
    actions: tuple[NumberedItem, ...] | None = key("アクション", tuple_of(nested(NumberedItem)))
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class ItemReference:
    """Numbers of items in a related plan (〔地域福祉計画関連施策：１・２・４〕)."""

    plan: str = key("計画")
    numbers: tuple[int | str, ...] = key("番号", tuple_of(plain), default=())
    pointer: str = location()


@attrs.frozen
class ScheduleCell:
    """One cell of a schedule table; ``years`` is None where the source no longer shows the year."""

    years: FiscalRange | None = key("年度", year_range)
    text: str = key("内容")
    mode: Mode | None = key("形態", enum_of(Mode))
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Phase:
    """A headed span of an item's schedule (【R4～5】 …)."""

    period: FiscalRange | None = key("期間", year_range)
    name: str = key("名称")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class ItemSchedule:
    phases: tuple[Phase, ...] = key("段階", tuple_of(nested(Phase)), default=())
    cells: tuple[ScheduleCell, ...] = key("セル", tuple_of(nested(ScheduleCell)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class InitiativeItem:
    """A sub-item (ア・イ・ウ・エ) of an initiative; ``repeats`` names the item a 【再掲】 repeats."""

    id: str = key("id")
    mark: str | None = key("記号")
    name: str = key("名称")
    leads: tuple[str, ...] | NotStated = key("取組主体", not_stated_or(texts), default=())
    content: tuple[str, ...] | NotStated = key("内容", not_stated_or(prose), default=())
    repeats: str | None = key("再掲")
    schedule: ItemSchedule | None = key("年度計画", nested(ItemSchedule))
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class Figure:
    number: str | None = key("番号")
    title: str = key("題")
    description: tuple[str, ...] = key("説明", prose, default=())


@attrs.frozen
class Initiative:
    """An initiative (取組) of the plan with its sub-items and links to related plans."""

    id: str = key("id")
    number: str | None = key("番号")
    name: str = key("名称")
    domains: tuple[str, ...] = key("領域", texts, default=())
    summary: tuple[str, ...] = key("概要", prose, default=())
    measures: ItemReference | None = key("関連施策", nested(ItemReference))
    actions: ItemReference | None = key("関連アクション", nested(ItemReference))
    items: tuple[InitiativeItem, ...] = key("項目", tuple_of(nested(InitiativeItem)), default=())
    figures: tuple[Figure, ...] = key("図", tuple_of(nested(Figure)), default=())
    description: tuple[str, ...] = key("説明", prose, default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


class DeliveryMode(enum.Enum):
    """実施方式: in-house, contracted, grant."""

    DIRECT = "直営"
    CONTRACT = "委託"
    GRANT = "補助金"
    OTHER = "その他"


@attrs.frozen
class Delivery:
    """One way the program is delivered; ``years`` limits it to some fiscal years (R6 直営, then R7～ 委託)."""

    mode: DeliveryMode = key("方式", enum_of(DeliveryMode))
    years: FiscalRange | None = key("年度", year_range)
    contractors: tuple[str | NotStated, ...] = key("委託先", tuple_of(not_stated_or(plain)), default=())
    """Named contractors; NotStated for one the source mentions without naming."""
    contractor_type: str | None = key("委託先種別")
    recipients: tuple[str | NotStated, ...] = key("補助先", tuple_of(not_stated_or(plain)), default=())
    recipient_type: str | None = key("補助先種別")
    applies_to: tuple[str, ...] = key("対象", texts, default=())
    content: tuple[str, ...] = key("内容", prose, default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


def _delivery(value: Any, pointer: str, context: BuildContext) -> Delivery:
    """The schema allows a bare mode (直営) as shorthand for ``{方式: 直営}``."""
    if isinstance(value, str):
        return Delivery(mode=DeliveryMode(value), pointer=pointer)
    return build(Delivery, value, pointer, context)


@attrs.frozen
class Site:
    """A place a program runs from (支援機関・活動場所等), with its count and the names of its parts."""

    name: str | None = key("名称")
    category: str | None = key("区分")
    count: Number | None = key("箇所数", number)
    names: tuple[str, ...] = key("内訳", texts, default=())
    delivery: DeliveryMode | None = key("実施方式", enum_of(DeliveryMode))
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class ContentSection:
    heading: str | None = key("見出し")
    text: tuple[str, ...] = key("内容", prose, default=())


def _content(value: Any, pointer: str, context: BuildContext) -> tuple[ContentSection, ...]:
    """事業内容: prose, or a list mixing lines and headed sections; always a tuple of sections."""
    if isinstance(value, str):
        return (ContentSection(heading=None, text=(value,)),)
    sections = []
    for item in value:
        if isinstance(item, str):
            sections.append(ContentSection(heading=None, text=(item,)))
        else:
            sections.append(ContentSection(heading=item["見出し"], text=prose(item["内容"], pointer, context)))
    return tuple(sections)


def _uncontent(value: tuple[ContentSection, ...] | NotStated) -> Any:
    if isinstance(value, NotStated):
        return unbuild(value)
    return [s.text[0] if s.heading is None and len(s.text) == 1 else unbuild(s) for s in value]


@attrs.frozen
class Partners:
    category: str = key("区分")
    names: tuple[str, ...] = key("名称", texts, default=())
    note: tuple[str, ...] = key("注記", prose, default=())


@attrs.frozen
class Program:
    """A program (事業): what the municipality runs under one or more clauses, who runs it and how."""

    id: str = key("id")
    name: str = key("名称")
    clauses: tuple[Clause, ...] = key("号", clauses, default=(), unconvert=clause_labels)
    whole: tuple[int, ...] = key("号全体", whole_items, default=(), unconvert=whole_labels)
    """The whole 号 (1 or 3) an umbrella program stands for; it covers no clause by itself (its members do)."""
    umbrella: str | None = key("上位事業")
    """The id of the umbrella program this one is grouped under (包括的相談支援事業 over 利用者支援事業)."""
    related_only: bool = key("関連事業", default=False)
    variant: str | None = key("類型")
    section: str | None = key("区分")
    field: Field | NotStated | None = key("分野", not_stated_or(enum_of(Field)))
    target_group: tuple[str, ...] | NotStated = key("支援対象者", not_stated_or(prose), default=())
    policy: tuple[str, ...] | NotStated = key("基本方針", not_stated_or(prose), default=())
    goals: tuple[str, ...] | NotStated = key("事業目標", not_stated_or(prose), default=())
    content: tuple[ContentSection, ...] | NotStated = key(
        "事業内容", not_stated_or(_content), default=(), unconvert=_uncontent
    )
    delivery: tuple[Delivery, ...] | NotStated = key("実施方式", not_stated_or(tuple_of(_delivery)), default=())
    sites: tuple[Site, ...] | NotStated = key("活動場所", not_stated_or(tuple_of(nested(Site))), default=())
    departments: tuple[str, ...] | NotStated = key("所管課", not_stated_or(texts), default=())
    staffing: tuple[str, ...] | NotStated = key("実施体制", not_stated_or(prose), default=())
    staff: tuple[Staffing, ...] = key("職員配置", tuple_of(nested(Staffing)), default=())
    budgets: tuple[Budget, ...] = key("予算", tuple_of(nested(Budget)), default=())
    areas: tuple[str, ...] = key("圏域", texts, default=())
    """Ids of the declared areas the program serves."""
    indicators: tuple[Indicator, ...] = key("成果目標", tuple_of(nested(Indicator)), default=())
    partners: tuple[Partners, ...] = key("連携先", tuple_of(nested(Partners)), default=())
    years: FiscalRange | None = key("実施年度", year_range)
    linked: tuple[str, ...] = key("連携事業", texts, default=())
    """Ids of programs run as one with this one (a 第6号 program names the 第5号 program it belongs to)."""
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()

    @property
    def stands_for(self) -> tuple[Clause, ...]:
        """The clauses the program names: its own 号, and for an umbrella every item of its 号全体 (for grouping
        by pillar; coverage for the mandatory check counts only a program's own 号, see ``Plan.covering``)."""
        whole = tuple(item for number in self.whole for item in items_of(number) if item not in self.clauses)
        return self.clauses + whole

    @property
    def label(self) -> str:
        """The name with its variant, as the documents list them: 利用者支援事業（特定型）; a name that already
        carries its variant (利用者支援事業（こども家庭センター型）) is not given it twice."""
        if not self.variant or self.variant in self.name:
            return self.name
        return f"{self.name}（{self.variant}）"


@attrs.frozen
class ScheduleRow:
    """A row of the plan-wide schedule table (魚津市: 事業名 × R6/R7/R8)."""

    category: str | None = key("区分")
    name: str = key("名称")
    programs: tuple[str, ...] = key("事業", texts, default=())
    cells: tuple[ScheduleCell, ...] = key("セル", tuple_of(nested(ScheduleCell)), default=())
    main_work: tuple[str, ...] = key("主な取組", prose, default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class ClauseTableRow:
    """A row of a plan's table of clauses and the existing programs they cover (魚津市 2. 全体像)."""

    clauses: tuple[Clause, ...] = key("号", clauses, default=(), unconvert=clause_labels)
    function: str | None = key("機能")
    field: str | None = key("分野")
    programs: str | None = key("対象事業")
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()
