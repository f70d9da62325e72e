"""Gathering the plans to compare: files and folders read as ``jusou check`` reads them, or plans in memory.

Folders are walked by :func:`jusou_spec.checker.discover` (the ``jusou:`` marker, the exclusions, .gitignore).
Each file is read and modelled without running the rules: a plan the model cannot be built from (or that
:func:`jusou_spec.load` would refuse: an error while reading it) is left out with its findings; a status report is
left out as not compared (a comparison of plans; ``jusou indicators`` sets actuals against targets).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable

from jusou_spec.checker import check_source, discover, read_document
from jusou_spec.comparison.table import Comparison, LeftOut, Municipality, build_comparison
from jusou_spec.errors import WrongDocumentKind
from jusou_spec.findings import Severity
from jusou_spec.model import NotStated, Plan, Report
from jusou_spec.source import SourceMap

__all__ = ["compare"]

Item = Plan | str | os.PathLike[str]


def _locator(source_map: SourceMap) -> Callable[[str], int]:
    return lambda pointer: source_map.locate(pointer).line


def compare(items: Iterable[Item]) -> Comparison:
    """The plans in ``items`` (plans in memory, files, folders) side by side, in the order given (a folder's files
    in sorted order).

    Raises :class:`~jusou_spec.source.SourceUnreadable` for a path that cannot be read at all and
    :class:`~jusou_spec.errors.WrongDocumentKind` for a report passed in memory; a file that is not a plan that
    can be modelled comes back in ``left_out`` with its findings.
    """
    found: list[tuple[str, Plan, Callable[[str], int] | None]] = []
    left_out: list[LeftOut] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Plan):
            found.append((item.name, item, None))
            continue
        if isinstance(item, Report):
            raise WrongDocumentKind(f"{item.name or 'a report'}: jusou compare compares plans, not reports")
        files, _ = discover([item], seen=seen)
        for path in files:
            source = read_document(path)
            checked = check_source(source, rules=())
            errors = tuple(f for f in checked.findings if f.severity is Severity.ERROR)
            if isinstance(checked.document, Plan) and not errors:
                found.append((source.name, checked.document, _locator(source.source_map)))
            elif isinstance(checked.document, Report) and not errors:
                left_out.append(LeftOut(source.name, "report", ()))
            else:
                left_out.append(LeftOut(source.name, checked.kind, errors or checked.findings))
    names = Counter(_name(plan) for _, plan, _ in found)
    municipalities = [Municipality(file, plan, same_name=names[_name(plan)] > 1) for file, plan, _ in found]
    return build_comparison(municipalities, locate=[where for _, _, where in found], left_out=left_out)


def _name(plan: Plan) -> str | None:
    name = plan.municipality.name
    return None if isinstance(name, NotStated) else name
