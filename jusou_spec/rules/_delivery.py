"""What the delivery rules share: every delivery (実施方式) of every program, with the program it belongs to."""

from __future__ import annotations

from collections.abc import Iterator

from jusou_spec.model import Delivery, Plan, Program


def deliveries(plan: Plan) -> Iterator[tuple[Program, Delivery]]:
    for program in plan.programs:
        if isinstance(program.delivery, tuple):
            for delivery in program.delivery:
                yield program, delivery
