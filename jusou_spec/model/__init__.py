"""The model: frozen attrs classes with English names, built from schema-valid documents.

The Japanese keys of the documents and the English attribute names meet in exactly one place: each field's
declaration (``key("所管課", ...)``). Build a plan with :meth:`Plan.from_document` or :func:`jusou_spec.load`;
ask where a value is written with :func:`pointer_to` (see :mod:`jusou_spec.model.pointers`).

The builder (``_build``) stays private to this package; what other packages need from it is re-exported here:
:class:`NotStated`, :func:`walk` (every value inside a model object, for rules about all values) and the check
the builder reports (``YEAR_UNREADABLE``, for the catalogue).
"""

from __future__ import annotations

from jusou_spec.model._build import YEAR_UNREADABLE, NotStated, walk
from jusou_spec.model.common import (
    Baseline,
    Comparison,
    Direction,
    DocumentSource,
    Indicator,
    Municipality,
    Narrative,
    Provenance,
    RatioPart,
    Target,
)
from jusou_spec.model.documents import (
    Activity,
    Actual,
    Breakdown,
    BreakdownItem,
    MarkingRule,
    Plan,
    Report,
    Table,
    TableRow,
)
from jusou_spec.model.meetings import (
    CooperationMatrix,
    Flow,
    FlowKind,
    MatrixColumn,
    MatrixRow,
    Meeting,
    MeetingKind,
    MeetingPart,
    Rename,
)
from jusou_spec.model.plan import (
    ClauseTableRow,
    ContentSection,
    Delivery,
    DeliveryMode,
    Figure,
    Initiative,
    InitiativeItem,
    ItemReference,
    ItemSchedule,
    Mode,
    ModePeriod,
    NumberedItem,
    Partners,
    Phase,
    Program,
    RelatedPlan,
    Revision,
    ScheduleCell,
    ScheduleRow,
    Site,
)
from jusou_spec.model.pointers import key_of, pointer_in, pointer_to
from jusou_spec.model.resources import Area, Budget, BudgetUnit, Staffing
from jusou_spec.model.suppression import Suppression

__all__ = [
    "YEAR_UNREADABLE",
    "Activity",
    "Actual",
    "Area",
    "Baseline",
    "Breakdown",
    "BreakdownItem",
    "Budget",
    "BudgetUnit",
    "ClauseTableRow",
    "Comparison",
    "ContentSection",
    "CooperationMatrix",
    "Delivery",
    "DeliveryMode",
    "Direction",
    "DocumentSource",
    "Figure",
    "Flow",
    "FlowKind",
    "Indicator",
    "Initiative",
    "InitiativeItem",
    "ItemReference",
    "ItemSchedule",
    "MarkingRule",
    "MatrixColumn",
    "MatrixRow",
    "Meeting",
    "MeetingKind",
    "MeetingPart",
    "Mode",
    "ModePeriod",
    "Municipality",
    "Narrative",
    "NotStated",
    "NumberedItem",
    "Partners",
    "Phase",
    "Plan",
    "Program",
    "Provenance",
    "RatioPart",
    "RelatedPlan",
    "Rename",
    "Report",
    "Revision",
    "ScheduleCell",
    "ScheduleRow",
    "Site",
    "Staffing",
    "Suppression",
    "Table",
    "TableRow",
    "Target",
    "key_of",
    "pointer_in",
    "pointer_to",
    "walk",
]
