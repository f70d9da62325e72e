"""Meetings (会議体), the flows between them, and the department × pillar cooperation matrix."""

from __future__ import annotations

import enum

import attrs

from jusou_spec.fiscal import FiscalRange
from jusou_spec.model._build import (
    BuildContext,
    NotStated,
    enum_of,
    key,
    location,
    nested,
    not_stated_or,
    one_or_many,
    plain,
    prose,
    texts,
    tuple_of,
    unbuild,
    year_range,
)
from jusou_spec.model.common import Provenance, source_field

__all__ = [
    "CooperationMatrix",
    "Flow",
    "FlowKind",
    "MatrixColumn",
    "MatrixRow",
    "Meeting",
    "MeetingKind",
    "MeetingPart",
    "Rename",
]


class MeetingKind(enum.Enum):
    """A meeting's type, declared in the document (never guessed from its name)."""

    MULTILAYERED = "重層的支援会議"
    SUPPORT = "支援会議"
    INTERNAL = "庁内連携会議"
    LIAISON = "連絡会議"
    STEERING = "推進・評価"
    CASE_REVIEW = "事例検討"
    ADVISORY = "附属機関"
    FORUM = "協議の場"
    OTHER = "その他"


class FlowKind(enum.Enum):
    """What a flow between meetings carries; 相互連携 is mutual cooperation, not an escalation."""

    REFER = "つなぐ"
    PROPOSE = "提案"
    REPORT = "報告"
    EVALUATE = "評価"
    FEEDBACK = "フィードバック"
    MUTUAL = "相互連携"
    OTHER = "その他"

    @property
    def english(self) -> str:
        return {
            "つなぐ": "refers cases to",
            "提案": "proposes to",
            "報告": "reports to",
            "評価": "evaluates",
            "フィードバック": "feeds back to",
            "相互連携": "cooperates with",
            "その他": "relates to",
        }[self.value]


@attrs.frozen
class Rename:
    """A meeting's new name from a year on (魚津市: 庁内連携会議 ⇒ 連携会議); a rename is not a flow."""

    years: FiscalRange | None = key("年度", year_range)
    name: str = key("名称")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class Labelled:
    """A marked part of a meeting's description: a function (機能Ⅰ) or an activity (ActⅠ)."""

    mark: str = key("記号")
    text: tuple[str, ...] = key("内容", prose, default=())


@attrs.frozen
class MeetingPart:
    """A variant of a meeting that flows can name (芦屋市 B-1 定例型, B-2 随時型)."""

    id: str = key("id")
    name: str = key("名称")
    text: tuple[str, ...] = key("内容", prose, default=())
    pointer: str = location()


def _consent(value: object, pointer: str, context: BuildContext) -> bool:
    return value == "あり"


@attrs.frozen
class Meeting:
    id: str = key("id")
    name: str = key("名称")
    kinds: frozenset[MeetingKind] = key(
        "種別",
        lambda value, pointer, context: frozenset(one_or_many(enum_of(MeetingKind))(value, pointer, context)),
        default=frozenset(),
        unconvert=lambda kinds: sorted(kind.value for kind in kinds),
    )
    former_name: str | None = key("旧称")
    renames: tuple[Rename, ...] = key("名称変更", tuple_of(nested(Rename)), default=())
    purpose: tuple[str, ...] = key("目的", prose, default=())
    content: tuple[str, ...] = key("内容", prose, default=())
    role: tuple[str, ...] = key("役割", prose, default=())
    members: tuple[str, ...] | NotStated = key("構成員", not_stated_or(texts), default=())
    frequency: str | NotStated | None = key("開催頻度", not_stated_or(plain))
    consent: bool | NotStated | None = key(
        "本人同意",
        not_stated_or(_consent),
        unconvert=lambda value: unbuild(value) if isinstance(value, NotStated) else ("あり" if value else "なし"),
    )
    legal_basis: str | None = key("根拠法令")
    confidentiality: bool | None = key("守秘義務")
    functions: tuple[Labelled, ...] = key("機能", tuple_of(nested(Labelled)), default=())
    parts: tuple[MeetingPart, ...] = key("類型", tuple_of(nested(MeetingPart)), default=())
    activities: tuple[Labelled, ...] = key("活動", tuple_of(nested(Labelled)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()

    def is_kind(self, kind: MeetingKind) -> bool:
        return kind in self.kinds


@attrs.frozen
class Flow:
    """What passes from one meeting to others (cases, proposals, reports); 相互連携 is two-way."""

    source: str = key("元")
    targets: tuple[str, ...] = key("先", one_or_many(plain), default=())
    kind: FlowKind = key("種類", enum_of(FlowKind))
    content: str | None = key("内容")
    note: tuple[str, ...] = key("注記", prose, default=())
    provenance: Provenance | None = source_field()
    pointer: str = location()


@attrs.frozen
class MatrixColumn:
    id: str = key("id")
    name: str = key("名称")


@attrs.frozen
class MatrixRow:
    department: str = key("課")
    duties: tuple[str, ...] = key("業務", texts, default=())
    columns: tuple[str, ...] = key("連携", texts, default=(), keep_empty=True)
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()


@attrs.frozen
class CooperationMatrix:
    """庁内連携体制: which department cooperates in which pillar."""

    columns: tuple[MatrixColumn, ...] = key("列", tuple_of(nested(MatrixColumn)), default=())
    rows: tuple[MatrixRow, ...] = key("担当課", tuple_of(nested(MatrixRow)), default=())
    note: tuple[str, ...] = key("注記", prose, default=())
    source: Provenance | None = source_field()
    pointer: str = location()
