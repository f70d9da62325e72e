"""The plan skeleton of ``jusou new``: built as model objects, so the schema and the model decide its shape.

A fresh skeleton has one program per clause of the registry (the mandatory ones and the expected 第3号), the four
related plans 第106条の5第3項 asks the plan to be in harmony with, and ``{未記載: これから記入}`` wherever a value is
the municipality's to give: each warning of ``jusou check`` then names one thing left to fill in.

From another city's plan (``--from``), the structure is kept and the values cleared (see ``docs/decisions.md``):
programs with their 号, grouping and links; indicators by name and unit with their targets to fill in; meetings by
name, kind and consent, with their flows; related plans by kind. In the names kept, the city's name becomes the
new one. The city's own words and figures (prose, departments, contractors, sites, staff, budgets, targets, areas,
schedule, initiatives, sources, suppressions) are cleared or left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from jusou_spec.fiscal import FiscalRange
from jusou_spec.law import CLAUSES, Clause
from jusou_spec.model import (
    Indicator,
    Meeting,
    MeetingPart,
    ModePeriod,
    Municipality,
    NotStated,
    Plan,
    Program,
    RatioPart,
    RelatedPlan,
)
from jusou_spec.model.meetings import Flow
from jusou_spec.rules.rp001_harmony import REQUIRED as HARMONY_PLANS

__all__ = ["TO_FILL", "skeleton"]

TO_FILL = "これから記入"
"""The reason every value left to the planner carries: ``{未記載: これから記入}``."""


def _to_fill() -> NotStated:
    return NotStated(TO_FILL)


def skeleton(
    *,
    name: str,
    prefecture: str | None,
    period: FiscalRange,
    modes: tuple[ModePeriod, ...],
    start: Plan | None = None,
) -> Plan:
    """A new plan for the municipality ``name``: from the clause registry, or from ``start``'s structure."""
    rename = _renaming(start, name)
    related = tuple(_related(plan) for plan in start.related_plans) if start is not None else ()
    programs = tuple(_program(program, rename) for program in start.programs) if start is not None else ()
    plan = Plan(
        marker="plan/1",
        municipality=Municipality(name=name, prefecture=prefecture if prefecture else _to_fill()),
        title=f"{name}重層的支援体制整備事業実施計画",
        period=period,
        modes=modes,
        policy=_to_fill(),
        laws=start.laws if start is not None else (),
        related_plans=related + _missing_related(related),
        programs=programs,
        meetings=tuple(_meeting(meeting, rename) for meeting in start.meetings) if start is not None else (),
        flows=tuple(_flow(flow) for flow in start.flows) if start is not None else (),
    )
    return attrs.evolve(plan, programs=programs + _missing_programs(plan))


def _renaming(start: Plan | None, name: str) -> Callable[[str], str]:
    """Kept names (of programs, meetings, indicators) with the other city's name replaced by the new one
    (魚津市ひきこもり支援プラットフォーム会議 → 見本市ひきこもり支援プラットフォーム会議)."""
    old = start.municipality.name if start is not None else None
    if not isinstance(old, str) or not old:
        return lambda text: text
    return lambda text: text.replace(old, name)


def _new_program(clause: Clause, *, taken: set[str], linked: tuple[str, ...] = ()) -> Program:
    """The registry's program for ``clause``, under its usual name; the id is that name (made unique if taken)."""
    identifier, number = clause.program, 2
    while identifier in taken:
        identifier, number = f"{clause.program}{number}", number + 1
    taken.add(identifier)
    return Program(
        id=identifier,
        name=clause.program,
        clauses=(clause,),
        field=clause.field,
        content=_to_fill(),
        delivery=_to_fill(),
        sites=_to_fill(),
        departments=_to_fill(),
        linked=linked,
    )


def _missing_programs(plan: Plan) -> tuple[Program, ...]:
    """A program for each clause no program covers yet; a 第6号 one is linked to the 第5号 program (CL004)."""
    taken = {program.id for program in plan.programs}
    added: list[Program] = []
    for clause in CLAUSES:
        if plan.covering(clause) or any(clause in program.clauses for program in added):
            continue
        linked: tuple[str, ...] = ()
        if clause.number == 6:
            fifth = [p for p in (*plan.programs, *added) if any(c.number == 5 for c in p.clauses)]
            linked = (fifth[0].id,) if fifth else ()
        added.append(_new_program(clause, taken=taken, linked=linked))
    return tuple(added)


def _missing_related(present: tuple[RelatedPlan, ...]) -> tuple[RelatedPlan, ...]:
    kinds = {plan.kind for plan in present}
    taken = {plan.id for plan in present}
    return tuple(
        RelatedPlan(id=kind if kind not in taken else f"{kind}2", name=_to_fill(), kind=kind)
        for kind, _english, _basis in HARMONY_PLANS
        if kind not in kinds
    )


def _related(plan: RelatedPlan) -> RelatedPlan:
    """A related plan by its kind; its name is left to fill in, its relation (the other city's words) left out."""
    return RelatedPlan(id=plan.id, name=_to_fill(), kind=plan.kind)


def _cleared(value: Any) -> Any:
    """A value the other city stated becomes one to fill in; one it did not state stays out."""
    return _to_fill() if value not in ((), None) else ()


def _program(program: Program, rename: Callable[[str], str]) -> Program:
    """The program's place in the structure (name, 号, grouping, links, indicators), its values to fill in."""
    return Program(
        id=program.id,
        name=rename(program.name),
        clauses=program.clauses,
        whole=program.whole,
        umbrella=program.umbrella,
        related_only=program.related_only,
        variant=None if program.variant is None else rename(program.variant),
        section=None if program.section is None else rename(program.section),
        field=_to_fill() if isinstance(program.field, NotStated) else program.field,
        target_group=_cleared(program.target_group),
        policy=_cleared(program.policy),
        goals=_cleared(program.goals),
        content=_to_fill(),
        delivery=_to_fill(),
        sites=_to_fill(),
        departments=_to_fill(),
        staffing=_cleared(program.staffing),
        indicators=tuple(_indicator(indicator, rename) for indicator in program.indicators),
        linked=program.linked,
    )


def _part(part: RatioPart | None, rename: Callable[[str], str]) -> RatioPart | None:
    return None if part is None else RatioPart(name=rename(part.name), unit=part.unit)


def _indicator(indicator: Indicator, rename: Callable[[str], str]) -> Indicator:
    """What the indicator measures (name, unit, direction, a ratio's parts); its targets are to fill in."""
    return Indicator(
        id=indicator.id,
        name=rename(indicator.name),
        unit=indicator.unit,
        direction=indicator.direction,
        numerator=_part(indicator.numerator, rename),
        denominator=_part(indicator.denominator, rename),
        negative=indicator.negative,
        targets=_to_fill(),
    )


def _meeting(meeting: Meeting, rename: Callable[[str], str]) -> Meeting:
    """A meeting by name, kind, consent and legal footing (what the meeting rules judge); its members and
    frequency to fill in; its variants kept by id and name, so the flows still find them."""
    return Meeting(
        id=meeting.id,
        name=rename(meeting.name),
        kinds=meeting.kinds,
        members=_to_fill(),
        frequency=_to_fill(),
        consent=_to_fill() if isinstance(meeting.consent, NotStated) else meeting.consent,
        legal_basis=meeting.legal_basis,
        confidentiality=meeting.confidentiality,
        parts=tuple(MeetingPart(id=part.id, name=rename(part.name)) for part in meeting.parts),
    )


def _flow(flow: Flow) -> Flow:
    return Flow(source=flow.source, targets=flow.targets, kind=flow.kind)
