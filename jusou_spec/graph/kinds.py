"""The vocabulary of the plan graph: node kinds, edge kinds, and the node ids derived from the document.

A node id is ``kind:name`` where ``name`` comes from the document itself (a program's ``id``, a clause's label, a
department's name without its 部 prefix), never from an insertion counter: the graphs of two revisions of a plan
can be compared node by node, and a retitled item keeps its node because the plan's ids are explicit.

>>> program_id("多機関協働")
'program:多機関協働'
>>> department_id("民生部 社会福祉課")
'department:社会福祉課'
>>> clause_id("第１号　イ")
'clause:第1号イ'
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from typing import TypeAlias

from jusou_spec.law import Pillar, clause
from jusou_spec.model.resolve import department_key

__all__ = [
    "PLAN_ID",
    "EdgeKind",
    "KindEdges",
    "NodeKind",
    "action_id",
    "area_id",
    "clause_id",
    "column_id",
    "department_id",
    "indicator_id",
    "initiative_id",
    "item_id",
    "measure_id",
    "meeting_id",
    "organisation_id",
    "pillar_id",
    "program_id",
]


KindEdges: TypeAlias = Iterable[tuple[str, str, str]]
"""What ``graph.edges(data="kind")``, ``in_edges`` and ``out_edges`` yield: source, target and the edge's kind.

networkx's stubs type a ``data="kind"`` value as ``Never``; the views are cast to this."""


class NodeKind(enum.Enum):
    """What a node stands for; the value is the ``kind`` attribute of the node."""

    PLAN = "plan"
    PILLAR = "pillar"
    CLAUSE = "clause"
    PROGRAM = "program"
    INITIATIVE = "initiative"
    ITEM = "item"
    """A sub-item (ア・イ・ウ・エ) of an initiative."""
    MEASURE = "measure"
    """A numbered 施策 of a related plan (地域福祉計画)."""
    ACTION = "action"
    """A numbered アクション of a related plan (地域福祉推進計画)."""
    MEETING = "meeting"
    """A meeting, or a part of one (B-1 定例型): a part has the ``part_of`` attribute."""
    DEPARTMENT = "department"
    ORGANISATION = "organisation"
    """A contractor, a grant recipient, or a lead body that is neither a meeting nor a department."""
    INDICATOR = "indicator"
    COLUMN = "column"
    """A column of the cooperation matrix that is not one of the law's pillars (庁内連携会議等)."""
    AREA = "area"
    """An area the plan declares (圏域・地区・校区)."""


class EdgeKind(enum.Enum):
    """What an edge says; the value is the edge's ``kind`` attribute and its key in the multigraph."""

    CONTAINS = "contains"
    """plan → initiative, program, meeting."""
    PART_OF = "part_of"
    """item → initiative; meeting part → meeting; area → the larger area it lies in (上位)."""
    IMPLEMENTS = "implements"
    """program → clause."""
    BELONGS_TO = "belongs_to"
    """clause → pillar."""
    OWNED_BY = "owned_by"
    """program → department (所管課)."""
    DELIVERED_BY = "delivered_by"
    """program → organisation (委託先, 補助先); the ``mode`` attribute says which."""
    LED_BY = "led_by"
    """item → meeting, department or organisation (中心となる取組主体)."""
    RELATES_TO_MEASURE = "relates_to_measure"
    """initiative → 施策."""
    RELATES_TO_ACTION = "relates_to_action"
    """initiative → アクション."""
    REPEATS = "repeats"
    """item → the item its 【再掲】 repeats."""
    REFERS_TO = "refers_to"
    """meeting → meeting: cases are passed on (つなぐ), an escalation."""
    PROPOSES_TO = "proposes_to"
    """meeting → meeting: issues are proposed (提案)."""
    REPORTS_TO = "reports_to"
    """meeting → meeting (報告)."""
    EVALUATES = "evaluates"
    """meeting → meeting (評価)."""
    FEEDS_BACK = "feeds_back_to"
    """meeting → meeting: results or opinions go back to whoever sent the matter (フィードバック)."""
    COOPERATES_WITH = "cooperates_with"
    """meeting ↔ meeting (相互連携, drawn both ways), or department → pillar/column (庁内連携体制の○)."""
    RELATES_TO = "relates_to"
    """meeting → meeting (その他)."""
    MEASURED_BY = "measured_by"
    """program → indicator (成果目標)."""
    MEMBER_OF = "member_of"
    """program → the umbrella program it is grouped under (上位事業)."""
    SERVES = "serves"
    """program → area (圏域)."""


FLOW_EDGES: dict[str, EdgeKind] = {
    "つなぐ": EdgeKind.REFERS_TO,
    "提案": EdgeKind.PROPOSES_TO,
    "報告": EdgeKind.REPORTS_TO,
    "評価": EdgeKind.EVALUATES,
    "フィードバック": EdgeKind.FEEDS_BACK,
    "相互連携": EdgeKind.COOPERATES_WITH,
    "その他": EdgeKind.RELATES_TO,
}
"""Each :class:`~jusou_spec.model.FlowKind` value and the edge kind it becomes."""

ESCALATION_EDGES = frozenset({EdgeKind.REFERS_TO, EdgeKind.PROPOSES_TO, EdgeKind.REPORTS_TO})
"""The flows that carry something upward, from a screening meeting towards the committees."""

PLAN_ID = "plan"


def _name(text: object) -> str:
    """A document value as it appears in an id: NFKC-folded, so full-width digits do not make a second node."""
    return unicodedata.normalize("NFKC", str(text)).strip()


def pillar_id(pillar: Pillar) -> str:
    return f"pillar:{pillar.value}"


def clause_id(label: str) -> str:
    """The node of a clause, by any spelling the registry reads."""
    return f"clause:{clause(label).label}"


def program_id(ident: str) -> str:
    return f"program:{ident}"


def initiative_id(ident: str) -> str:
    return f"initiative:{ident}"


def item_id(ident: str) -> str:
    return f"item:{ident}"


def meeting_id(ident: str) -> str:
    """A meeting or a meeting part (they share one namespace of ids in the document)."""
    return f"meeting:{ident}"


def measure_id(plan: str, number: object) -> str:
    return f"measure:{plan}:{_name(number)}"


def action_id(plan: str, number: object) -> str:
    return f"action:{plan}:{_name(number)}"


def department_id(name: str) -> str:
    """Departments are merged by :func:`jusou_spec.model.resolve.department_key` (民生部社会福祉課 = 社会福祉課)."""
    return f"department:{department_key(name)}"


def organisation_id(name: str) -> str:
    return f"organisation:{''.join(_name(name).split())}"


def indicator_id(ident: str) -> str:
    return f"indicator:{ident}"


def column_id(ident: str) -> str:
    return f"column:{ident}"


def area_id(ident: str) -> str:
    return f"area:{ident}"
