"""The changes between two versions of a status report: its own indicators and targets, and the actuals (matched by
indicator and fiscal year)."""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.changes.indicators import compare_indicators
from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.changes.match import match
from jusou_spec.changes.record import Change
from jusou_spec.changes.side import Pair
from jusou_spec.findings import Message
from jusou_spec.model import Actual, NotStated, Report, pointer_to
from jusou_spec.progress.text import figure

__all__ = ["compare_reports"]


def _value(actual: Actual) -> str:
    value = actual.value
    if isinstance(value, NotStated):
        text = "未記載"
    elif value is None:
        text = (
            f"{figure(actual.numerator)}/{figure(actual.denominator)}"
            if actual.numerator is not None and actual.denominator is not None
            else "—"
        )
    else:
        text = figure(value)
    unit = actual.unit if isinstance(actual.unit, str) else ""
    return f"{text}{unit}"


def _subject(actual: Actual) -> Message:
    year = str(actual.year) if actual.year is not None else "年度未記載"
    return Message(
        ja=f"実績「{actual.indicator}」（{year}）",
        en=f"actual of “{actual.indicator}” ({actual.year or 'year not stated'})",
    )


def compare_reports(pair: Pair, old: Report, new: Report) -> Iterator[Change]:
    """Every change from ``old`` to ``new`` (in no particular order; the caller sorts)."""
    yield from compare_indicators(
        pair,
        Message(ja="報告", en="report"),
        old.indicators,
        new.indicators,
        old_list=pointer_to(old, "indicators"),
        new_list=pointer_to(new, "indicators"),
    )
    matched = match(old.actuals, new.actuals, ident=lambda a: (a.indicator, str(a.year)))
    for a, b in matched.pairs:
        if _value(a) != _value(b):
            yield pair.change(ChangeKind.ACTUAL_CHANGED, _subject(b), a.pointer, b.pointer, _value(a), _value(b))
    for a in matched.removed:
        yield pair.change(ChangeKind.ACTUAL_REMOVED, _subject(a), a.pointer, pointer_to(new, "actuals"), _value(a))
    for b in matched.added:
        yield pair.change(ChangeKind.ACTUAL_ADDED, _subject(b), pointer_to(old, "actuals"), b.pointer, None, _value(b))
