"""The kinds of change between two versions of a document: a stable name (for ``--fail-on``), a severity and the
kind the same change is seen as when the two versions are swapped (added ↔ removed, gained ↔ lost)."""

from __future__ import annotations

import enum

from jusou_spec.findings import Message, Severity

__all__ = ["DEFAULT_FAIL_ON", "ChangeKind"]


class ChangeKind(enum.Enum):
    """What changed; the value is the name ``--fail-on`` and the JSON output use."""

    PERIOD_CHANGED = "period-changed"
    MODE_CHANGED = "mode-changed"
    PROGRAM_ADDED = "program-added"
    PROGRAM_REMOVED = "program-removed"
    PROGRAM_RENAMED = "program-renamed"
    PROGRAM_ID_CHANGED = "program-id-changed"
    PROGRAM_CLAUSES_CHANGED = "program-clauses-changed"
    PROGRAM_YEARS_CHANGED = "program-years-changed"
    MANDATORY_CLAUSE_GAINED = "mandatory-clause-gained"
    MANDATORY_CLAUSE_LOST = "mandatory-clause-lost"
    CLAUSE_GAINED = "clause-gained"
    CLAUSE_LOST = "clause-lost"
    DEPARTMENT_CHANGED = "department-changed"
    DELIVERY_CHANGED = "delivery-changed"
    INDICATOR_ADDED = "indicator-added"
    INDICATOR_REMOVED = "indicator-removed"
    DIRECTION_CHANGED = "direction-changed"
    TARGET_ADDED = "target-added"
    TARGET_REMOVED = "target-removed"
    TARGET_STRENGTHENED = "target-strengthened"
    TARGET_WEAKENED = "target-weakened"
    TARGET_CHANGED = "target-changed"
    PHASE_ADDED = "phase-added"
    PHASE_REMOVED = "phase-removed"
    PHASE_MOVED = "phase-moved"
    MEETING_ADDED = "meeting-added"
    MEETING_REMOVED = "meeting-removed"
    MEETING_RENAMED = "meeting-renamed"
    MEETING_CHANGED = "meeting-changed"
    FLOW_ADDED = "flow-added"
    FLOW_REMOVED = "flow-removed"
    SUPPRESSION_ADDED = "suppression-added"
    SUPPRESSION_REMOVED = "suppression-removed"
    ACTUAL_ADDED = "actual-added"
    ACTUAL_REMOVED = "actual-removed"
    ACTUAL_CHANGED = "actual-changed"

    @property
    def severity(self) -> Severity:
        """error: the plan no longer meets the law; warning: something a reviewer should look at; info: the rest."""
        return _SEVERITY.get(self, Severity.INFO)

    @property
    def mirror(self) -> ChangeKind:
        """The kind of the same change read from the new version back to the old."""
        return _MIRROR.get(self, self)

    @property
    def title(self) -> Message:
        return _TITLES[self]


DEFAULT_FAIL_ON = (ChangeKind.MANDATORY_CLAUSE_LOST,)
"""What fails ``jusou diff`` when ``--fail-on`` is not given: a mandatory 号 no longer covered."""

_SEVERITY = {
    ChangeKind.MANDATORY_CLAUSE_LOST: Severity.ERROR,
    ChangeKind.CLAUSE_LOST: Severity.WARNING,
    ChangeKind.PROGRAM_REMOVED: Severity.WARNING,
    ChangeKind.INDICATOR_REMOVED: Severity.WARNING,
    ChangeKind.TARGET_REMOVED: Severity.WARNING,
    ChangeKind.TARGET_WEAKENED: Severity.WARNING,
    ChangeKind.DIRECTION_CHANGED: Severity.WARNING,
    ChangeKind.SUPPRESSION_ADDED: Severity.WARNING,
    ChangeKind.ACTUAL_CHANGED: Severity.WARNING,
    ChangeKind.ACTUAL_REMOVED: Severity.WARNING,
}

_PAIRS = (
    (ChangeKind.PROGRAM_ADDED, ChangeKind.PROGRAM_REMOVED),
    (ChangeKind.MANDATORY_CLAUSE_GAINED, ChangeKind.MANDATORY_CLAUSE_LOST),
    (ChangeKind.CLAUSE_GAINED, ChangeKind.CLAUSE_LOST),
    (ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED),
    (ChangeKind.TARGET_ADDED, ChangeKind.TARGET_REMOVED),
    (ChangeKind.TARGET_STRENGTHENED, ChangeKind.TARGET_WEAKENED),
    (ChangeKind.PHASE_ADDED, ChangeKind.PHASE_REMOVED),
    (ChangeKind.MEETING_ADDED, ChangeKind.MEETING_REMOVED),
    (ChangeKind.FLOW_ADDED, ChangeKind.FLOW_REMOVED),
    (ChangeKind.SUPPRESSION_ADDED, ChangeKind.SUPPRESSION_REMOVED),
    (ChangeKind.ACTUAL_ADDED, ChangeKind.ACTUAL_REMOVED),
)
_MIRROR = {**dict(_PAIRS), **{b: a for a, b in _PAIRS}}

_TITLES = {
    ChangeKind.PERIOD_CHANGED: Message(ja="計画期間の変更", en="plan period changed"),
    ChangeKind.MODE_CHANGED: Message(ja="実施形態の変更", en="implementation mode changed"),
    ChangeKind.PROGRAM_ADDED: Message(ja="事業の追加", en="program added"),
    ChangeKind.PROGRAM_REMOVED: Message(ja="事業の削除", en="program removed"),
    ChangeKind.PROGRAM_RENAMED: Message(ja="事業の名称変更", en="program renamed"),
    ChangeKind.PROGRAM_ID_CHANGED: Message(ja="事業の id の変更", en="program id changed"),
    ChangeKind.PROGRAM_CLAUSES_CHANGED: Message(ja="事業の号の変更", en="program's clauses changed"),
    ChangeKind.PROGRAM_YEARS_CHANGED: Message(ja="事業の実施年度の変更", en="program's years changed"),
    ChangeKind.MANDATORY_CLAUSE_GAINED: Message(ja="必須の号に事業ができた", en="mandatory clause now covered"),
    ChangeKind.MANDATORY_CLAUSE_LOST: Message(ja="必須の号の事業がなくなった", en="mandatory clause no longer covered"),
    ChangeKind.CLAUSE_GAINED: Message(ja="号に事業ができた", en="clause now covered"),
    ChangeKind.CLAUSE_LOST: Message(ja="号の事業がなくなった", en="clause no longer covered"),
    ChangeKind.DEPARTMENT_CHANGED: Message(ja="所管課の変更", en="department changed"),
    ChangeKind.DELIVERY_CHANGED: Message(ja="実施方式の変更", en="delivery changed"),
    ChangeKind.INDICATOR_ADDED: Message(ja="成果目標の追加", en="indicator added"),
    ChangeKind.INDICATOR_REMOVED: Message(ja="成果目標の削除", en="indicator removed"),
    ChangeKind.DIRECTION_CHANGED: Message(ja="指標の方向の変更", en="indicator direction changed"),
    ChangeKind.TARGET_ADDED: Message(ja="目標値の追加", en="target added"),
    ChangeKind.TARGET_REMOVED: Message(ja="目標値の削除", en="target removed"),
    ChangeKind.TARGET_STRENGTHENED: Message(ja="目標値の強化", en="target made more ambitious"),
    ChangeKind.TARGET_WEAKENED: Message(ja="目標値の緩和", en="target made less ambitious"),
    ChangeKind.TARGET_CHANGED: Message(ja="目標値の変更", en="target changed"),
    ChangeKind.PHASE_ADDED: Message(ja="段階の追加", en="schedule phase added"),
    ChangeKind.PHASE_REMOVED: Message(ja="段階の削除", en="schedule phase removed"),
    ChangeKind.PHASE_MOVED: Message(ja="段階の期間の変更", en="schedule phase moved"),
    ChangeKind.MEETING_ADDED: Message(ja="会議の追加", en="meeting added"),
    ChangeKind.MEETING_REMOVED: Message(ja="会議の削除", en="meeting removed"),
    ChangeKind.MEETING_RENAMED: Message(ja="会議の名称変更", en="meeting renamed"),
    ChangeKind.MEETING_CHANGED: Message(
        ja="会議の種別・構成員・開催頻度の変更", en="meeting's kind, members or frequency changed"
    ),
    ChangeKind.FLOW_ADDED: Message(ja="会議の流れの追加", en="meeting flow added"),
    ChangeKind.FLOW_REMOVED: Message(ja="会議の流れの削除", en="meeting flow removed"),
    ChangeKind.SUPPRESSION_ADDED: Message(ja="抑制の追加", en="suppression added"),
    ChangeKind.SUPPRESSION_REMOVED: Message(ja="抑制の削除", en="suppression removed"),
    ChangeKind.ACTUAL_ADDED: Message(ja="実績の追加", en="actual added"),
    ChangeKind.ACTUAL_REMOVED: Message(ja="実績の削除", en="actual removed"),
    ChangeKind.ACTUAL_CHANGED: Message(ja="実績値の変更", en="actual changed"),
}
