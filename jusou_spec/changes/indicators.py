"""Indicators and their targets: added, removed, and a target raised or lowered, judged by the indicator's
direction as the figures read it (``progress.rates.effective_direction``): lowering a target on an indicator that
should increase weakens the plan; on one that should decrease it strengthens it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.changes.match import match
from jusou_spec.changes.record import Change
from jusou_spec.changes.side import Pair
from jusou_spec.findings import Message
from jusou_spec.model import Direction, Indicator, NotStated, Target
from jusou_spec.progress.rates import Goal, effective_direction, exact

__all__ = ["compare_indicators"]


def _unit(indicator: Indicator) -> str | None:
    return indicator.unit if isinstance(indicator.unit, str) else None


def _targets(indicator: Indicator) -> tuple[Target, ...]:
    return () if isinstance(indicator.targets, NotStated) else indicator.targets


def _years(target: Target) -> str:
    if isinstance(target.years, NotStated):
        return "未記載"
    return "" if target.years is None else str(target.years)


def _goal_text(target: Target, indicator: Indicator) -> str:
    goal = Goal.from_target(target, indicator)
    if goal is None:
        return target.original or "—"
    return goal.text(_unit(indicator))


def _when(target: Target) -> Message:
    years = _years(target)
    if years == "未記載":
        return Message(ja="（年度未記載）", en=" (year not stated)")
    return Message(ja=f"（{years}）", en=f" ({years})") if years else Message(ja="", en="")


def _subject(owner: Message, indicator_old: Indicator, indicator_new: Indicator, target: Target | None) -> Message:
    name = indicator_new.name if indicator_old.name == indicator_new.name else indicator_new.id
    when = _when(target) if target is not None else Message(ja="", en="")
    return Message(ja=f"{owner.ja} / 指標「{name}」{when.ja}", en=f"{owner.en} / indicator “{name}”{when.en}")


def _judge(old: Indicator, new: Indicator, raised: bool) -> tuple[ChangeKind, Message]:
    """The kind of a moved target: strengthened or weakened where both versions state the same direction of
    increase or decrease; otherwise only changed."""
    old_direction, old_stated = effective_direction(old)
    new_direction, new_stated = effective_direction(new)
    moved = Message(ja="引き上げ", en="raised") if raised else Message(ja="引き下げ", en="lowered")
    if old_stated and new_stated and old_direction is new_direction:
        if old_direction in (Direction.HIGHER, Direction.LOWER):
            better = raised == (old_direction is Direction.HIGHER)
            kind = ChangeKind.TARGET_STRENGTHENED if better else ChangeKind.TARGET_WEAKENED
            return kind, Message(
                ja=f"{moved.ja}、指標の方向は{old_direction.value}",
                en=f"{moved.en}; the indicator should {'increase' if old_direction is Direction.HIGHER else 'decrease'}",
            )
        return ChangeKind.TARGET_CHANGED, Message(
            ja=f"{moved.ja}、指標の方向は{old_direction.value}", en=f"{moved.en}; direction {old_direction.value}"
        )
    return ChangeKind.TARGET_CHANGED, Message(
        ja=f"{moved.ja}、指標の方向が両方の版で同じと読めないため良し悪しは判断していません",
        en=f"{moved.en}; the direction is not the same stated one in both versions, so it is not judged",
    )


def _compare_target(
    pair: Pair, owner: Message, old: Indicator, new: Indicator, a: Target, b: Target
) -> Iterator[Change]:
    before, after = _goal_text(a, old), _goal_text(b, new)
    if before == after:
        return
    goal_a, goal_b = Goal.from_target(a, old), Goal.from_target(b, new)
    subject = _subject(owner, old, new, b)
    if goal_a is not None and goal_b is not None and exact(goal_a.value) != exact(goal_b.value):
        kind, note = _judge(old, new, exact(goal_b.value) > exact(goal_a.value))
        yield pair.change(kind, subject, a.pointer, b.pointer, before, after, note)
        return
    yield pair.change(ChangeKind.TARGET_CHANGED, subject, a.pointer, b.pointer, before, after)


def _compare_indicator(pair: Pair, owner: Message, old: Indicator, new: Indicator) -> Iterator[Change]:
    old_direction, old_stated = effective_direction(old)
    new_direction, new_stated = effective_direction(new)
    if (old_direction, old_stated) != (new_direction, new_stated) and (old_stated or new_stated):
        yield pair.change(
            ChangeKind.DIRECTION_CHANGED,
            _subject(owner, old, new, None),
            old.pointer,
            new.pointer,
            old_direction.value if old_stated else "未記載",
            new_direction.value if new_stated else "未記載",
        )
    matched = match(_targets(old), _targets(new), ident=_years)
    for a, b in matched.pairs:
        yield from _compare_target(pair, owner, old, new, a, b)
    for a in matched.removed:
        yield pair.change(
            ChangeKind.TARGET_REMOVED, _subject(owner, old, old, a), a.pointer, new.pointer, _goal_text(a, old)
        )
    for b in matched.added:
        yield pair.change(
            ChangeKind.TARGET_ADDED, _subject(owner, new, new, b), old.pointer, b.pointer, None, _goal_text(b, new)
        )


def compare_indicators(
    pair: Pair,
    owner: Message,
    old: Sequence[Indicator],
    new: Sequence[Indicator],
    *,
    old_list: str,
    new_list: str,
) -> Iterator[Change]:
    """The changes of one owner's indicators (a program's, or a report's own); ``*_list`` are the pointers of the
    lists, where an indicator that exists on one side only is placed on the other."""
    matched = match(old, new, ident=lambda i: i.id, name=lambda i: i.name)
    for a, b in matched.pairs:
        yield from _compare_indicator(pair, owner, a, b)
    for a in matched.removed:
        yield pair.change(ChangeKind.INDICATOR_REMOVED, _subject(owner, a, a, None), a.pointer, new_list, a.name)
    for b in matched.added:
        yield pair.change(ChangeKind.INDICATOR_ADDED, _subject(owner, b, b, None), old_list, b.pointer, None, b.name)
