"""Resolving a plan's cross-references once, in the model, for the rules and the graph to share.

References between parts of a document (再掲 items, meeting flows, 施策/アクション numbers, schedule rows naming
programs, programs run as one (連携事業), matrix columns, lead bodies, departments) are looked up here and nowhere
else. What does not resolve is kept as :class:`Unresolved` with its JSON pointer, so a rule can report it and the
graph can leave it out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from jusou_spec.model._build import NotStated
from jusou_spec.model.common import Indicator
from jusou_spec.model.meetings import Flow, MatrixColumn, Meeting, MeetingPart
from jusou_spec.model.plan import Initiative, InitiativeItem, NumberedItem, Program, RelatedPlan, ScheduleRow
from jusou_spec.model.pointers import pointer_to
from jusou_spec.model.resources import Area

if TYPE_CHECKING:
    # Only for annotations: documents.py builds Plan.references with resolve(), so importing Plan here would be a cycle.
    from jusou_spec.model.documents import Plan

__all__ = [
    "Duplicate",
    "ItemLink",
    "Lead",
    "References",
    "ResolvedFlow",
    "Unresolved",
    "department_key",
    "read_only",
    "resolve",
]


def read_only(table: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a copy of ``table`` (a view of a view is not copied again)."""
    return table if isinstance(table, MappingProxyType) else MappingProxyType(dict(table))


@attrs.frozen
class Unresolved:
    """A reference that names nothing in the document."""

    kind: str
    """What was referred to: 再掲, 会議, 施策, アクション, 計画, 事業, 列."""
    target: str
    pointer: str


@attrs.frozen
class Duplicate:
    """An identifier used twice in one namespace (the second use, and where the first was)."""

    kind: str
    id: str
    pointer: str
    first_pointer: str


@attrs.frozen
class ResolvedFlow:
    """A flow whose endpoints are meeting ids; a part (B-1) resolves to its meeting and keeps its own id."""

    flow: Flow
    source: str
    targets: tuple[str, ...]


@attrs.frozen
class ItemLink:
    """An initiative's link to a numbered item of a related plan; ``checked`` is False when that plan's list
    of items is not in the document, so the number cannot be verified."""

    initiative: Initiative
    relation: str
    plan: RelatedPlan | None
    number: int | str
    item: NumberedItem | None
    checked: bool
    pointer: str


@attrs.frozen
class Lead:
    """A lead body (中心となる取組主体) of an initiative item, resolved to a meeting when it names one."""

    item: InitiativeItem
    name: str
    meeting: Meeting | None


def _members_by_umbrella(references: References) -> Mapping[int, tuple[Program, ...]]:
    grouped: dict[int, list[Program]] = {}
    for member, umbrella in references.umbrella_links:
        grouped.setdefault(id(umbrella), []).append(member)
    return MappingProxyType({umbrella: tuple(members) for umbrella, members in grouped.items()})


@attrs.frozen
class References:
    """A plan's cross-references, resolved once and shared by every rule and the graph: the tables are read-only
    (``MappingProxyType``), so no caller can change what later rules see."""

    programs: Mapping[str, Program] = attrs.field(converter=read_only)
    initiatives: Mapping[str, Initiative] = attrs.field(converter=read_only)
    items: Mapping[str, InitiativeItem] = attrs.field(converter=read_only)
    item_initiative: Mapping[str, Initiative] = attrs.field(converter=read_only)
    meetings: Mapping[str, Meeting] = attrs.field(converter=read_only)
    meeting_parts: Mapping[str, tuple[Meeting, MeetingPart]] = attrs.field(converter=read_only)
    indicators: Mapping[str, tuple[Program, Indicator]] = attrs.field(converter=read_only)
    related_plans: Mapping[str, RelatedPlan] = attrs.field(converter=read_only)
    columns: Mapping[str, MatrixColumn] = attrs.field(converter=read_only)
    repeats: tuple[tuple[InitiativeItem, InitiativeItem], ...]
    flows: tuple[ResolvedFlow, ...]
    item_links: tuple[ItemLink, ...]
    schedule_programs: tuple[tuple[ScheduleRow, Program], ...]
    program_links: tuple[tuple[Program, Program], ...]
    """(program, linked program) for each resolved 連携事業 id."""
    umbrella_links: tuple[tuple[Program, Program], ...]
    """(member, umbrella) for each resolved 上位事業 id, in document order (a program naming itself is left out)."""
    areas: Mapping[str, Area]
    """The declared areas (圏域) by id."""
    leads: tuple[Lead, ...]
    departments: tuple[str, ...]
    duplicates: tuple[Duplicate, ...]
    unresolved: tuple[Unresolved, ...]
    members_by_umbrella: Mapping[int, tuple[Program, ...]] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_members_by_umbrella, takes_self=True)
    )
    """The members of each umbrella (keyed by the umbrella's ``id()``), in document order: asking whether a program
    is an umbrella, or for its members, costs the same however many programs name one."""

    def meeting_of(self, node_id: str) -> Meeting | None:
        """The meeting an id names, whether the meeting's own id or one of its parts'."""
        if node_id in self.meetings:
            return self.meetings[node_id]
        part = self.meeting_parts.get(node_id)
        return part[0] if part else None


T = TypeVar("T")

_DEPARTMENT_PREFIX = re.compile(r"^.+?部(?=.+(?:課|室|センター|所|係)$)")


def department_key(name: str) -> str:
    """A department's name without its 部 prefix and spacing, so 民生部社会福祉課 matches 社会福祉課.

    >>> department_key("民生部 社会福祉課")
    '社会福祉課'
    >>> department_key("こども家庭・保健センター")
    'こども家庭・保健センター'
    """
    folded = "".join(unicodedata.normalize("NFKC", name).split())
    return _DEPARTMENT_PREFIX.sub("", folded)


def _index(kind: str, entries: Iterable[tuple[str, T, str]], duplicates: list[Duplicate]) -> dict[str, T]:
    found: dict[str, T] = {}
    pointers: dict[str, str] = {}
    for ident, value, pointer in entries:
        if ident in found:
            duplicates.append(Duplicate(kind, ident, pointer, pointers[ident]))
            continue
        found[ident] = value
        pointers[ident] = pointer
    return found


def resolve(plan: Plan) -> References:
    """Every cross-reference of ``plan``, resolved once."""
    duplicates: list[Duplicate] = []
    unresolved: list[Unresolved] = []

    programs = _index("事業", ((p.id, p, p.pointer) for p in plan.programs), duplicates)
    initiatives = _index("取組", ((i.id, i, i.pointer) for i in plan.initiatives), duplicates)
    items = _index("取組項目", ((it.id, it, it.pointer) for i in plan.initiatives for it in i.items), duplicates)
    item_initiative = {it.id: i for i in plan.initiatives for it in i.items}
    meetings = _index(
        "会議",
        [(m.id, m, m.pointer) for m in plan.meetings]
        + [(part.id, m, part.pointer) for m in plan.meetings for part in m.parts],
        duplicates,
    )
    meeting_parts = {part.id: (m, part) for m in plan.meetings for part in m.parts}
    only_meetings = {ident: m for ident, m in meetings.items() if ident not in meeting_parts}
    indicators = _index("指標", ((ind.id, (p, ind), ind.pointer) for p, ind in plan.all_indicators()), duplicates)
    related = _index("関連計画", ((r.id, r, r.pointer) for r in plan.related_plans), duplicates)
    areas = _index("圏域", ((a.id, a, a.pointer) for a in plan.areas), duplicates)
    columns: dict[str, MatrixColumn] = (
        _index(
            "列",
            ((c.id, c, pointer_to(plan.matrix, "columns", n)) for n, c in enumerate(plan.matrix.columns)),
            duplicates,
        )
        if plan.matrix
        else {}
    )

    repeats: list[tuple[InitiativeItem, InitiativeItem]] = []
    for item in items.values():
        if item.repeats is None:
            continue
        target = items.get(item.repeats)
        if target is None:
            unresolved.append(Unresolved("再掲", item.repeats, pointer_to(item, "repeats")))
        else:
            repeats.append((item, target))

    flows = []
    for flow in plan.flows:
        ends_ok = True
        for ident, pointer in _flow_ends(flow):
            if ident not in meetings:
                unresolved.append(Unresolved("会議", ident, pointer))
                ends_ok = False
        if ends_ok:
            flows.append(ResolvedFlow(flow, flow.source, flow.targets))

    item_links = list(_item_links(plan, related, unresolved))

    schedule_programs: list[tuple[ScheduleRow, Program]] = []
    for row in plan.schedule:
        for index, ident in enumerate(row.programs):
            if ident in programs:
                schedule_programs.append((row, programs[ident]))
            else:
                unresolved.append(Unresolved("事業", ident, pointer_to(row, "programs", index)))

    umbrella_links: list[tuple[Program, Program]] = []
    for program in plan.programs:
        if program.umbrella is None:
            continue
        if program.umbrella not in programs:
            unresolved.append(Unresolved("事業", program.umbrella, pointer_to(program, "umbrella")))
        elif programs[program.umbrella] is not program:
            umbrella_links.append((program, programs[program.umbrella]))

    program_links: list[tuple[Program, Program]] = []
    for program in plan.programs:
        for index, ident in enumerate(program.linked):
            if ident in programs:
                program_links.append((program, programs[ident]))
            else:
                unresolved.append(Unresolved("事業", ident, pointer_to(program, "linked", index)))

    if plan.matrix:
        for matrix_row in plan.matrix.rows:
            for index, ident in enumerate(matrix_row.columns):
                if ident not in columns:
                    unresolved.append(Unresolved("列", ident, pointer_to(matrix_row, "columns", index)))

    by_name = {m.name: m for m in plan.meetings}
    leads = tuple(
        Lead(item, name, by_name.get(name))
        for item in items.values()
        if not isinstance(item.leads, NotStated)
        for name in item.leads
    )

    return References(
        programs=programs,
        initiatives=initiatives,
        items=items,
        item_initiative=item_initiative,
        meetings=only_meetings,
        meeting_parts=meeting_parts,
        indicators=indicators,
        related_plans=related,
        columns=columns,
        repeats=tuple(repeats),
        flows=tuple(flows),
        item_links=tuple(item_links),
        schedule_programs=tuple(schedule_programs),
        program_links=tuple(program_links),
        umbrella_links=tuple(umbrella_links),
        areas=areas,
        leads=leads,
        departments=tuple(_departments(plan)),
        duplicates=tuple(duplicates),
        unresolved=tuple(unresolved),
    )


def _flow_ends(flow: Flow) -> Iterator[tuple[str, str]]:
    """Each meeting id a flow names, with the pointer of where it is written (先 may be one id or a list)."""
    yield flow.source, pointer_to(flow, "source")
    many = len(flow.targets) > 1
    for index, target in enumerate(flow.targets):
        yield target, pointer_to(flow, "targets", index) if many else pointer_to(flow, "targets")


def _item_links(plan: Plan, related: Mapping[str, RelatedPlan], unresolved: list[Unresolved]) -> Iterator[ItemLink]:
    for initiative in plan.initiatives:
        for relation, reference, attribute in (
            ("施策", initiative.measures, "measures"),
            ("アクション", initiative.actions, "actions"),
        ):
            if reference is None:
                continue
            target = related.get(reference.plan)
            if target is None:
                unresolved.append(Unresolved("計画", reference.plan, pointer_to(reference, "plan")))
            listed = getattr(target, attribute) if target is not None else None
            for index, number in enumerate(reference.numbers):
                item = None
                if listed is not None:
                    item = next((entry for entry in listed if str(entry.number) == str(number)), None)
                yield ItemLink(
                    initiative=initiative,
                    relation=relation,
                    plan=target,
                    number=number,
                    item=item,
                    checked=listed is not None,
                    pointer=pointer_to(reference, "numbers", index),
                )


def _departments(plan: Plan) -> Iterator[str]:
    """Every department name the plan uses, in first-seen order: programs' 所管課, then the matrix rows."""
    seen: set[str] = set()
    names: list[str] = []
    for program in plan.programs:
        if not isinstance(program.departments, NotStated):
            names.extend(program.departments)
    if plan.matrix:
        names.extend(row.department for row in plan.matrix.rows)
    for name in names:
        if name not in seen:
            seen.add(name)
            yield name
