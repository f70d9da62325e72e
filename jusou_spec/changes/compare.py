"""Comparing two versions of one kind of document: the plan's or the report's own changes, then the suppressions
both kinds carry; the changes in a stable order (by place in the old version, then in the new)."""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.changes.match import unmatched_keys
from jusou_spec.changes.plans import compare_plans
from jusou_spec.changes.record import Change
from jusou_spec.changes.reports import compare_reports
from jusou_spec.changes.side import Pair, Side
from jusou_spec.errors import JusouError
from jusou_spec.findings import Message
from jusou_spec.model import Plan, Report, Suppression, pointer_to

__all__ = ["KindMismatch", "compare"]


class KindMismatch(JusouError, ValueError):
    """The two versions are not the same kind of document (a plan and a report)."""

    def __init__(self, old: Side, new: Side) -> None:
        self.message = Message(
            ja=f"{old.name} と {new.name} は種類の違う文書です（計画と報告）。同じ種類の版どうしを比べてください",
            en=f"{old.name} and {new.name} are different kinds of document (a plan and a report); compare two "
            "versions of the same kind",
        )
        super().__init__(self.message.en)


def _suppression_key(suppression: Suppression) -> tuple[str, str, tuple[str, ...]]:
    return (suppression.code, suppression.at, tuple(sorted(suppression.subjects)))


def _suppressions(pair: Pair, old: Plan | Report, new: Plan | Report) -> Iterator[Change]:
    before, after = old.suppressions, new.suppressions
    gone, came = unmatched_keys([_suppression_key(s) for s in before], [_suppression_key(s) for s in after])

    def subject(suppression: Suppression) -> Message:
        at = suppression.at or "/"
        return Message(ja=f"抑制 {suppression.code}（位置 {at}）", en=f"suppression of {suppression.code} at {at}")

    for index in gone:
        s = before[index]
        yield pair.change(
            ChangeKind.SUPPRESSION_REMOVED, subject(s), s.pointer, pointer_to(new, "suppressions"), s.reason
        )
    for index in came:
        s = after[index]
        yield pair.change(
            ChangeKind.SUPPRESSION_ADDED, subject(s), pointer_to(old, "suppressions"), s.pointer, None, s.reason
        )


def compare(old: Side, new: Side) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``; raises :class:`KindMismatch` for a plan against a report."""
    pair = Pair(old, new)
    a, b = old.document, new.document
    if isinstance(a, Plan) and isinstance(b, Plan):
        found = [*compare_plans(pair, a, b), *_suppressions(pair, a, b)]
    elif isinstance(a, Report) and isinstance(b, Report):
        found = [*compare_reports(pair, a, b), *_suppressions(pair, a, b)]
    else:
        raise KindMismatch(old, new)
    return tuple(sorted(found, key=Change.sort_key))
