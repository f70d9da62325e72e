"""The changes between two versions of a plan: period and modes, programs (matched by id, then by name), the 号
each covers and the coverage of every clause, departments, delivery, indicators, schedule phases, meetings and flows.

Coverage is read as ``jusou check`` reads it for CL001: a clause is covered in a year by a program that carries it
itself (``Plan.covering``) and runs that year (``Plan.runs_in``). A clause that loses coverage in a year in which the
version without it runs in full (本格実施) is a lost mandatory 号 when the law requires the clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jusou_spec.changes.indicators import compare_indicators
from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.changes.match import match, unmatched_keys
from jusou_spec.changes.record import Change
from jusou_spec.changes.side import Pair
from jusou_spec.findings import Message
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.law import CLAUSES, Clause
from jusou_spec.model import (
    Delivery,
    Flow,
    Initiative,
    InitiativeItem,
    Meeting,
    Mode,
    NotStated,
    Plan,
    Program,
    pointer_to,
)

__all__ = ["compare_plans"]


def _text(value: object) -> str:
    if isinstance(value, NotStated):
        return "未記載"
    return "—" if value is None else str(value)


def _modes(plan: Plan) -> str:
    return "、".join(
        f"{period.years} {period.mode.value}" if period.years else period.mode.value for period in plan.modes
    )


def _program_subject(old: Program, new: Program) -> Message:
    name = new.label if old.label == new.label else new.id
    return Message(ja=f"事業「{name}」", en=f"program “{name}”")


def _clauses(program: Program) -> str:
    return "・".join(c.label for c in sorted(program.clauses, key=CLAUSES.index)) or "—"


def _departments(program: Program) -> str:
    if isinstance(program.departments, NotStated):
        return "未記載"
    return "、".join(sorted(program.departments)) or "—"


def _delivery_one(delivery: Delivery) -> str:
    who = [name if isinstance(name, str) else "未記載" for name in (*delivery.contractors, *delivery.recipients)]
    text = f"{delivery.years} {delivery.mode.value}" if delivery.years else delivery.mode.value
    return f"{text}（{'、'.join(who)}）" if who else text


def _delivery(program: Program) -> str:
    if isinstance(program.delivery, NotStated):
        return "未記載"
    return "、".join(sorted(_delivery_one(d) for d in program.delivery)) or "—"


def _plan_level(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    if _text(old.period) != _text(new.period):
        yield pair.change(
            ChangeKind.PERIOD_CHANGED,
            Message(ja="計画期間", en="plan period"),
            pointer_to(old, "period"),
            pointer_to(new, "period"),
            _text(old.period),
            _text(new.period),
        )
    if _modes(old) != _modes(new):
        yield pair.change(
            ChangeKind.MODE_CHANGED,
            Message(ja="実施形態", en="implementation mode"),
            pointer_to(old, "modes"),
            pointer_to(new, "modes"),
            _modes(old),
            _modes(new),
        )


def _program(pair: Pair, a: Program, b: Program) -> Iterator[Change]:
    subject = _program_subject(a, b)
    if a.id == b.id and a.label != b.label:
        yield pair.change(ChangeKind.PROGRAM_RENAMED, subject, a.pointer, b.pointer, a.label, b.label)
    if a.id != b.id:
        yield pair.change(ChangeKind.PROGRAM_ID_CHANGED, subject, a.pointer, b.pointer, a.id, b.id)
    facts = (
        (ChangeKind.PROGRAM_CLAUSES_CHANGED, "clauses", _clauses),
        (ChangeKind.PROGRAM_YEARS_CHANGED, "years", lambda p: _text(p.years)),
        (ChangeKind.DEPARTMENT_CHANGED, "departments", _departments),
        (ChangeKind.DELIVERY_CHANGED, "delivery", _delivery),
    )
    for kind, attribute, read in facts:
        before, after = read(a), read(b)
        if before != after:
            yield pair.change(kind, subject, pointer_to(a, attribute), pointer_to(b, attribute), before, after)
    yield from compare_indicators(
        pair,
        subject,
        a.indicators,
        b.indicators,
        old_list=pointer_to(a, "indicators"),
        new_list=pointer_to(b, "indicators"),
    )


def _programs(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    matched = match(old.programs, new.programs, ident=lambda p: p.id, name=lambda p: p.label)
    for a, b in matched.pairs:
        yield from _program(pair, a, b)
    for a in matched.removed:
        yield pair.change(
            ChangeKind.PROGRAM_REMOVED, _program_subject(a, a), a.pointer, pointer_to(new, "programs"), a.label
        )
    for b in matched.added:
        yield pair.change(
            ChangeKind.PROGRAM_ADDED, _program_subject(b, b), pointer_to(old, "programs"), b.pointer, None, b.label
        )


def _covered(plan: Plan, clause: Clause, years: list[FiscalYear]) -> set[FiscalYear | None]:
    """The years (of ``years``) in which a program covers ``clause``; {None} for "covered" when no years are
    shared by the two versions."""
    if not years:
        return {None} if plan.covering(clause) else set()
    return {year for year in years if any(plan.runs_in(program, year) for program in plan.covering(clause))}


def _runs_in_full(plan: Plan, years: set[FiscalYear | None]) -> bool:
    if None in years:
        return any(period.mode is Mode.FULL for period in plan.modes)
    return any(year is not None and plan.mode_in(year) is Mode.FULL for year in years)


def _years_text(years: set[FiscalYear | None]) -> str:
    """Years as spans: R4～R5、R8."""
    spans: list[list[FiscalYear]] = []
    for year in sorted(y for y in years if y is not None):
        if spans and spans[-1][-1] + 1 == year:
            spans[-1].append(year)
        else:
            spans.append([year])
    return "、".join(str(FiscalRange(span[0], span[-1])) for span in spans)


def _coverage(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    shared = sorted(set(old.years()) & set(new.years()))
    for clause in CLAUSES:
        before, after = _covered(old, clause, shared), _covered(new, clause, shared)
        subject = Message(ja=f"{clause.label}（{clause.program}）", en=f"{clause.label} ({clause.program_en})")
        lost, gained = before - after, after - before
        for years, lacking, kinds in (
            (lost, new, (ChangeKind.MANDATORY_CLAUSE_LOST, ChangeKind.CLAUSE_LOST)),
            (gained, old, (ChangeKind.MANDATORY_CLAUSE_GAINED, ChangeKind.CLAUSE_GAINED)),
        ):
            if not years:
                continue
            kind = kinds[0] if clause.required and _runs_in_full(lacking, years) else kinds[1]
            old_at = old.covering(clause)[0].pointer if old.covering(clause) else pointer_to(old, "programs")
            new_at = new.covering(clause)[0].pointer if new.covering(clause) else pointer_to(new, "programs")
            when = _years_text(years)
            note = Message(ja=f"{when}年度", en=f"in {when}") if when else None
            yield pair.change(
                kind,
                subject,
                old_at,
                new_at,
                "、".join(p.label for p in old.covering(clause)) or "—",
                "、".join(p.label for p in new.covering(clause)) or "—",
                note,
            )


def _item_subject(
    initiatives: tuple[Initiative, Initiative], items: tuple[InitiativeItem, InitiativeItem], phase: str
) -> Message:
    """Named the same way from either side: the id where both have it, else the name they share."""
    initiative = initiatives[0].id if initiatives[0].id == initiatives[1].id else initiatives[0].name
    item = items[0].name if items[0].name == items[1].name else items[0].id
    return Message(
        ja=f"取組{initiative} 項目「{item}」の段階「{phase}」",
        en=f"initiative {initiative}, item “{item}”, phase “{phase}”",
    )


def _phases(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    initiatives = match(old.initiatives, new.initiatives, ident=lambda i: i.id, name=lambda i: i.name)
    for old_initiative, new_initiative in initiatives.pairs:
        items = match(old_initiative.items, new_initiative.items, ident=lambda i: i.id, name=lambda i: i.name)
        for a, b in items.pairs:
            old_phases = a.schedule.phases if a.schedule else ()
            new_phases = b.schedule.phases if b.schedule else ()
            phases = match(old_phases, new_phases, ident=lambda p: p.name)
            for x, y in phases.pairs:
                if _text(x.period) != _text(y.period):
                    subject = _item_subject((old_initiative, new_initiative), (a, b), y.name)
                    yield pair.change(
                        ChangeKind.PHASE_MOVED, subject, x.pointer, y.pointer, _text(x.period), _text(y.period)
                    )
            for x in phases.removed:
                subject = _item_subject((old_initiative, new_initiative), (a, b), x.name)
                yield pair.change(ChangeKind.PHASE_REMOVED, subject, x.pointer, b.pointer, _text(x.period))
            for y in phases.added:
                subject = _item_subject((old_initiative, new_initiative), (a, b), y.name)
                yield pair.change(ChangeKind.PHASE_ADDED, subject, a.pointer, y.pointer, None, _text(y.period))


def _members(meeting: Meeting) -> str:
    if isinstance(meeting.members, NotStated):
        return "未記載"
    return "、".join(sorted(meeting.members)) or "—"


_MEETING_FACTS: tuple[tuple[str, str, str, Callable[[Meeting], str]], ...] = (
    ("kinds", "種別", "kind", lambda m: "、".join(sorted(kind.value for kind in m.kinds)) or "—"),
    ("members", "構成員", "members", _members),
    ("frequency", "開催頻度", "frequency", lambda m: _text(m.frequency)),
)


def _meetings(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    matched = match(old.meetings, new.meetings, ident=lambda m: m.id, name=lambda m: m.name)
    for a, b in matched.pairs:
        shown = b.name if a.name == b.name else b.id
        if a.id == b.id and a.name != b.name:
            subject = Message(ja=f"会議 {b.id}", en=f"meeting {b.id}")
            yield pair.change(ChangeKind.MEETING_RENAMED, subject, a.pointer, b.pointer, a.name, b.name)
        for attribute, ja, en, read in _MEETING_FACTS:
            before, after = read(a), read(b)
            if before != after:
                subject = Message(ja=f"会議「{shown}」の{ja}", en=f"{en} of meeting “{shown}”")
                yield pair.change(
                    ChangeKind.MEETING_CHANGED,
                    subject,
                    pointer_to(a, attribute),
                    pointer_to(b, attribute),
                    before,
                    after,
                )
    for a in matched.removed:
        subject = Message(ja=f"会議「{a.name}」", en=f"meeting “{a.name}”")
        yield pair.change(ChangeKind.MEETING_REMOVED, subject, a.pointer, pointer_to(new, "meetings"), a.name)
    for b in matched.added:
        subject = Message(ja=f"会議「{b.name}」", en=f"meeting “{b.name}”")
        yield pair.change(ChangeKind.MEETING_ADDED, subject, pointer_to(old, "meetings"), b.pointer, None, b.name)


def _edges(plan: Plan) -> list[tuple[str, str, str, Flow]]:
    return [(flow.source, target, flow.kind.value, flow) for flow in plan.flows for target in flow.targets]


def _flows(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    before, after = _edges(old), _edges(new)
    gone, came = unmatched_keys([edge[:3] for edge in before], [edge[:3] for edge in after])
    for index in gone:
        source, target, kind, flow = before[index]
        subject = Message(ja=f"会議の流れ {source} → {target}", en=f"meeting flow {source} → {target}")
        yield pair.change(ChangeKind.FLOW_REMOVED, subject, flow.pointer, pointer_to(new, "flows"), kind)
    for index in came:
        source, target, kind, flow = after[index]
        subject = Message(ja=f"会議の流れ {source} → {target}", en=f"meeting flow {source} → {target}")
        yield pair.change(ChangeKind.FLOW_ADDED, subject, pointer_to(old, "flows"), flow.pointer, None, kind)


def compare_plans(pair: Pair, old: Plan, new: Plan) -> Iterator[Change]:
    """Every change from ``old`` to ``new`` (in no particular order; the caller sorts)."""
    yield from _plan_level(pair, old, new)
    yield from _programs(pair, old, new)
    yield from _coverage(pair, old, new)
    yield from _phases(pair, old, new)
    yield from _meetings(pair, old, new)
    yield from _flows(pair, old, new)
