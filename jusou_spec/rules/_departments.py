"""What the department rules share: matching a program's 所管課 against the cooperation matrix.

A department is matched by :func:`jusou_spec.model.resolve.department_key` (民生部社会福祉課 is 社会福祉課). A *near
miss* is a name that differs only in the spellings Japanese administrative names use interchangeably: 子ども /
こども / 子供, 障害 / 障がい / 障碍, and punctuation or spacing (こども家庭・保健センター / こども家庭保健センター).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jusou_spec.model import Plan, Program
from jusou_spec.model.resolve import department_key

_VARIANTS = (("子ども", "こども"), ("子供", "こども"), ("障害", "障がい"), ("障碍", "障がい"))
_PUNCTUATION = re.compile(r"[・、，,.．·･\-‐－（）()「」]")


def fold(name: str) -> str:
    """A department's name with interchangeable spellings made equal.

    >>> fold("民生部子ども課") == fold("こども課")
    True
    >>> fold("高齢介護課") == fold("高齢福祉課")
    False
    """
    folded = _PUNCTUATION.sub("", department_key(name))
    for variant, canonical in _VARIANTS:
        folded = folded.replace(variant, canonical)
    return folded


def program_departments(plan: Plan) -> Iterator[tuple[Program, int, str]]:
    """(program, index, name) for every department a program names."""
    for program in plan.programs:
        if isinstance(program.departments, tuple):
            for index, name in enumerate(program.departments):
                yield program, index, name


def matrix_departments(plan: Plan) -> list[str]:
    return [row.department for row in plan.matrix.rows] if plan.matrix else []
