"""Building the plan graph from the model and its resolved references.

The graph adds no understanding of its own: every cross-reference it draws (再掲, meeting flows, 施策/アクション
numbers, lead bodies) is taken from :attr:`Plan.references`, the one resolver, and a reference that did not
resolve is left out (the checker reports it). Nodes and edges are added in document order, so the same plan always
gives the same graph, node for node and in the same order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import networkx as nx

from jusou_spec.errors import WrongDocumentKind
from jusou_spec.graph.kinds import (
    FLOW_EDGES,
    PLAN_ID,
    EdgeKind,
    NodeKind,
    action_id,
    area_id,
    clause_id,
    column_id,
    department_id,
    indicator_id,
    initiative_id,
    item_id,
    measure_id,
    meeting_id,
    organisation_id,
    pillar_id,
    program_id,
)
from jusou_spec.law import CLAUSES, Pillar, items_of
from jusou_spec.model import Budget, Delivery, Meeting, NotStated, Plan, Program, Staffing
from jusou_spec.model.resolve import department_key

__all__ = ["build_graph"]


def build_graph(plan: Plan) -> nx.MultiDiGraph[str]:
    """The plan as a typed multigraph: every node has ``kind`` and ``label``, every edge ``kind`` (its key).

    A node that stands for something with an id in the document carries it as ``doc_id``. Nodes that stand for a
    part of the document carry ``pointers``, the JSON pointers of that part, so that a
    finding can be placed on the node it is about. Read :mod:`jusou_spec.graph.kinds` for the vocabulary.

    >>> import jusou_spec
    >>> graph = build_graph(jusou_spec.load("tests/fixtures/minimal-plan.yaml"))
    >>> graph.nodes["program:多機関協働"]["label"]
    '多機関協働事業'
    >>> sorted(v for _, v, kind in graph.out_edges("program:多機関協働", keys=True) if kind == "implements")
    ['clause:第5号', 'clause:第6号']

    Raises :class:`~jusou_spec.errors.WrongDocumentKind` for anything but a plan (a report has no graph).
    """
    if not isinstance(plan, Plan):
        raise WrongDocumentKind(f"build_graph() takes a plan (jusou: plan/1), not {type(plan).__name__}")
    builder = _Builder(plan)
    builder.build()
    return builder.graph


class _Builder:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.references = plan.references
        self.graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(
            jusou="graph/1",
            title=plan.title,
            municipality=plan.municipality.name,
            period=_text(plan.period),
            period_label="計画期間 未記載" if isinstance(plan.period, NotStated) else _text(plan.period),
        )
        self.department_keys = {department_key(name) for name in self.references.departments}

    # ------------------------------------------------------------------ helpers

    def node(self, ident: str, kind: NodeKind, label: str, *, pointer: str | None = None, **attributes: Any) -> str:
        """Add a node (or merge into an existing one: its pointers accumulate)."""
        if ident not in self.graph:
            self.graph.add_node(ident, kind=kind.value, label=label, pointers=[], **attributes)
        if pointer is not None and pointer not in self.graph.nodes[ident]["pointers"]:
            self.graph.nodes[ident]["pointers"].append(pointer)
        return ident

    def edge(self, source: str, target: str, kind: EdgeKind, **attributes: Any) -> None:
        """Add an edge keyed by its kind; a second edge of the same kind between the same nodes gets ``#2`` …"""
        key = kind.value
        number = 1
        while self.graph.has_edge(source, target, key):
            number += 1
            key = f"{kind.value}#{number}"
        self.graph.add_edge(source, target, key=key, kind=kind.value, **attributes)

    # ------------------------------------------------------------------ parts

    def build(self) -> None:
        plan = self.plan
        self.node(
            PLAN_ID,
            NodeKind.PLAN,
            plan.title,
            pointer="",
            municipality=plan.municipality.name,
            period=_text(plan.period),
            modes=[_mode_text(m) for m in plan.modes],
        )
        self.law()
        self.areas()
        for program in plan.programs:
            self.program(program)
        for member, umbrella in self.references.umbrella_links:
            self.edge(program_id(member.id), program_id(umbrella.id), EdgeKind.MEMBER_OF, pointer=member.pointer)
        self.meetings()
        self.initiatives()
        self.matrix()

    def law(self) -> None:
        for order, pillar in enumerate(Pillar):
            self.node(pillar_id(pillar), NodeKind.PILLAR, pillar.value, name=pillar.value, order=order)
        for order, item in enumerate(CLAUSES):
            ident = self.node(
                clause_id(item.label),
                NodeKind.CLAUSE,
                item.label,
                clause=item.label,
                pillar=item.pillar.value,
                field=item.field.value if item.field else None,
                required=item.required,
                program=item.program,
                citation=item.citation,
                order=order,
            )
            self.edge(ident, pillar_id(item.pillar), EdgeKind.BELONGS_TO)

    def department(self, name: str, *, pointer: str | None = None) -> str:
        ident = self.node(
            department_id(name), NodeKind.DEPARTMENT, name, pointer=pointer, key=department_key(name), names=[]
        )
        if name not in self.graph.nodes[ident]["names"]:
            self.graph.nodes[ident]["names"].append(name)
        return ident

    def program(self, program: Program) -> None:
        ident = self.node(
            program_id(program.id),
            NodeKind.PROGRAM,
            program.label,
            pointer=program.pointer,
            doc_id=program.id,
            name=program.name,
            variant=program.variant,
            clauses=[c.label for c in program.clauses],
            whole=[f"第{number}号" for number in program.whole],
            whole_items=[item.label for number in program.whole for item in items_of(number)],
            umbrella=program.umbrella,
            related_only=program.related_only,
            field=_text(program.field),
            years=_text(program.years),
            departments=[] if isinstance(program.departments, NotStated) else list(program.departments),
            departments_stated=not isinstance(program.departments, NotStated),
            delivery=[] if isinstance(program.delivery, NotStated) else [_delivery(d) for d in program.delivery],
            delivery_stated=not isinstance(program.delivery, NotStated),
            budgets=[_budget(budget) for budget in program.budgets],
            staff=[_staff(staff) for staff in program.staff],
            areas=list(program.areas),
        )
        self.edge(PLAN_ID, ident, EdgeKind.CONTAINS)
        for area in program.areas:
            if area in self.references.areas:
                self.edge(ident, area_id(area), EdgeKind.SERVES)
        for item in program.clauses:
            self.edge(ident, clause_id(item.label), EdgeKind.IMPLEMENTS)
        if not isinstance(program.departments, NotStated):
            for name in program.departments:
                self.edge(ident, self.department(name), EdgeKind.OWNED_BY)
        if not isinstance(program.delivery, NotStated):
            for delivery in program.delivery:
                for party in _named(delivery):
                    target = self.node(organisation_id(party), NodeKind.ORGANISATION, party, name=party)
                    held = {} if delivery.years is None else {"years": _text(delivery.years)}
                    self.edge(
                        ident, target, EdgeKind.DELIVERED_BY, mode=delivery.mode.value, pointer=delivery.pointer, **held
                    )
        for indicator in program.indicators:
            target = self.node(
                indicator_id(indicator.id),
                NodeKind.INDICATOR,
                indicator.name,
                pointer=indicator.pointer,
                doc_id=indicator.id,
                name=indicator.name,
                unit=_text(indicator.unit),
                program=program.id,
            )
            self.edge(ident, target, EdgeKind.MEASURED_BY)

    def areas(self) -> None:
        """The declared areas, each inside the larger one it names (上位) when that is declared."""
        for area in self.plan.areas:
            self.node(
                area_id(area.id), NodeKind.AREA, area.name, pointer=area.pointer, doc_id=area.id, area_kind=area.kind
            )
        for area in self.plan.areas:
            if area.parent is not None and area.parent in self.references.areas and area.parent != area.id:
                self.edge(area_id(area.id), area_id(area.parent), EdgeKind.PART_OF)

    def initiatives(self) -> None:
        references = self.references
        for related in self.plan.related_plans:
            for number_item in related.measures or ():
                self.numbered(
                    NodeKind.MEASURE,
                    related.id,
                    str(related.name),
                    number_item.number,
                    number_item.name,
                    pointer=number_item.pointer,
                    checked=True,
                    listed=True,
                )
            for number_item in related.actions or ():
                self.numbered(
                    NodeKind.ACTION,
                    related.id,
                    str(related.name),
                    number_item.number,
                    number_item.name,
                    pointer=number_item.pointer,
                    checked=True,
                    listed=True,
                )
        for initiative in self.plan.initiatives:
            ident = self.node(
                initiative_id(initiative.id),
                NodeKind.INITIATIVE,
                initiative.name,
                pointer=initiative.pointer,
                doc_id=initiative.id,
                number=initiative.number,
                name=initiative.name,
                domains=list(initiative.domains),
            )
            self.edge(PLAN_ID, ident, EdgeKind.CONTAINS)
            for item in initiative.items:
                child = self.node(
                    item_id(item.id),
                    NodeKind.ITEM,
                    item.name,
                    pointer=item.pointer,
                    doc_id=item.id,
                    mark=item.mark,
                    name=item.name,
                    initiative=initiative.id,
                    repeats=item.repeats,
                    leads=[] if isinstance(item.leads, NotStated) else list(item.leads),
                )
                self.edge(child, ident, EdgeKind.PART_OF)
        for item, repeated in references.repeats:
            self.edge(item_id(item.id), item_id(repeated.id), EdgeKind.REPEATS)
        for lead in references.leads:
            self.edge(item_id(lead.item.id), self.lead(lead.name, lead.meeting), EdgeKind.LED_BY)
        for link in references.item_links:
            if link.plan is None:
                continue  # the related plan itself does not resolve: the checker reports it
            kind = NodeKind.MEASURE if link.relation == "施策" else NodeKind.ACTION
            number = link.item.number if link.item is not None else link.number
            target = self.numbered(
                kind,
                link.plan.id,
                str(link.plan.name),
                number,
                link.item.name if link.item is not None else None,
                pointer=None,
                checked=link.checked,
                listed=link.item is not None,
            )
            edge = EdgeKind.RELATES_TO_MEASURE if kind is NodeKind.MEASURE else EdgeKind.RELATES_TO_ACTION
            self.edge(initiative_id(link.initiative.id), target, edge, pointer=link.pointer)

    def numbered(
        self,
        kind: NodeKind,
        plan: str,
        plan_name: str,
        number: object,
        name: str | None,
        *,
        pointer: str | None,
        checked: bool,
        listed: bool,
    ) -> str:
        make = measure_id if kind is NodeKind.MEASURE else action_id
        word = "施策" if kind is NodeKind.MEASURE else "アクション"
        shown = unicodedata.normalize("NFKC", str(number))
        return self.node(
            make(plan, number),
            kind,
            f"{word}{shown}" + (f" {name}" if name else ""),
            pointer=pointer,
            plan=plan,
            plan_name=plan_name,
            number=shown,
            name=name,
            checked=checked,
            listed=listed,
        )

    def lead(self, name: str, meeting: Meeting | None) -> str:
        """A lead body: the meeting it names, else a department of the plan, else an organisation."""
        if meeting is not None:
            return meeting_id(meeting.id)
        if department_key(name) in self.department_keys:
            return self.department(name)
        return self.node(organisation_id(name), NodeKind.ORGANISATION, name, name=name)

    def meetings(self) -> None:
        for meeting in self.plan.meetings:
            ident = self.node(
                meeting_id(meeting.id),
                NodeKind.MEETING,
                meeting.name,
                pointer=meeting.pointer,
                doc_id=meeting.id,
                name=meeting.name,
                kinds=sorted(kind.value for kind in meeting.kinds),
                consent=_consent(meeting),
                former_name=meeting.former_name,
                renames=[{"years": _text(r.years), "name": r.name} for r in meeting.renames],
                functions=[f.mark for f in meeting.functions],
                activities=[a.mark for a in meeting.activities],
                part_of=None,
            )
            self.edge(PLAN_ID, ident, EdgeKind.CONTAINS)
            for part in meeting.parts:
                child = self.node(
                    meeting_id(part.id),
                    NodeKind.MEETING,
                    part.name,
                    pointer=part.pointer,
                    doc_id=part.id,
                    name=part.name,
                    part_of=meeting.id,
                )
                self.edge(child, ident, EdgeKind.PART_OF)
        for resolved in self.references.flows:
            flow = resolved.flow
            kind = FLOW_EDGES[flow.kind.value]
            for target in resolved.targets:
                self.edge(
                    meeting_id(resolved.source),
                    meeting_id(target),
                    kind,
                    flow=flow.kind.value,
                    content=flow.content,
                    mutual=kind is EdgeKind.COOPERATES_WITH,
                    pointer=flow.pointer,
                )

    def matrix(self) -> None:
        matrix = self.plan.matrix
        if matrix is None:
            return
        targets = {}
        # The columns as the plan prints them, in its order: the ○ table is drawn with the plan's own headings.
        self.graph.graph["matrix_columns"] = [(column.id, column.name) for column in matrix.columns]
        for column in matrix.columns:
            pillar = _pillar_named(column.name)
            if pillar is not None:
                targets[column.id] = pillar_id(pillar)
            else:
                targets[column.id] = self.node(
                    column_id(column.id), NodeKind.COLUMN, column.name, doc_id=column.id, name=column.name
                )
        self.graph.graph["matrix_rows"] = []
        for row in matrix.rows:
            department = self.department(row.department, pointer=row.pointer)
            self.graph.graph["matrix_rows"].append((department, row.department))
            self.graph.nodes[department].setdefault("duties", []).extend(row.duties)
            for ident in row.columns:
                if ident in targets:
                    self.edge(
                        department,
                        targets[ident],
                        EdgeKind.COOPERATES_WITH,
                        origin="matrix",
                        column=ident,
                        pointer=row.pointer,
                    )


def _text(value: object) -> str | None:
    """A model value as display text (a fiscal range, an enum, a not-stated mark); None stays None."""
    if value is None:
        return None
    if isinstance(value, NotStated):
        return str(value)
    return str(getattr(value, "value", value))


def _mode_text(period: Any) -> str:
    return f"{period.years}: {period.mode.value}" if period.years is not None else period.mode.value


def _consent(meeting: Meeting) -> str | None:
    if meeting.consent is None:
        return None
    if isinstance(meeting.consent, NotStated):
        return "未記載"
    return "あり" if meeting.consent else "なし"


def _named(delivery: Delivery) -> Iterator[str]:
    """The parties a delivery names; one the source does not name ({未記載}) is no organisation node."""
    for party in (*delivery.contractors, *delivery.recipients):
        if isinstance(party, str):
            yield party


def _delivery(delivery: Delivery) -> dict[str, Any]:
    """One delivery as data: its mode, the parties named (委託先 or 補助先), their type when only that is given,
    and the years it holds for (None: every year the program runs)."""
    return {
        "mode": delivery.mode.value,
        # an unnamed party is shown as such; its reason belongs to the document, not to the diagram
        "parties": [
            party if isinstance(party, str) else "名称未記載" for party in (*delivery.contractors, *delivery.recipients)
        ],
        "party_type": delivery.contractor_type or delivery.recipient_type,
        "years": _text(delivery.years),
    }


def _budget(budget: Budget) -> dict[str, Any]:
    amount = budget.amount if not isinstance(budget.amount, NotStated) else str(budget.amount)
    return {"year": _text(budget.year), "amount": amount, "unit": budget.unit.value, "funding": list(budget.funding)}


def _staff(staff: Staffing) -> dict[str, Any]:
    count = staff.count if not isinstance(staff.count, NotStated) else str(staff.count)
    return {"years": _text(staff.years), "role": staff.role, "count": count, "place": staff.place}


_NUMBERING = re.compile(r"^[(（]?[0-9]+[)）.．]?")


def _pillar_named(name: str) -> Pillar | None:
    """The pillar a matrix column is named after (「(1) 相談 支援」 is 相談支援), or None (庁内連携会議等)."""
    folded = _NUMBERING.sub("", "".join(unicodedata.normalize("NFKC", name).split()))
    for pillar in Pillar:
        if folded in (pillar.value, f"{pillar.value}に向けた支援", f"{pillar.value}事業"):
            return pillar
    return None
