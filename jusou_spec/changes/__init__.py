"""``jusou diff``: the changes between two versions of a plan or report, compared as documents on the model.

Programs, indicators, meetings, initiatives and their items are paired by id, then by a name unique on both sides
(:mod:`.match`); each pair is compared fact by fact (:mod:`.plans`, :mod:`.reports`, :mod:`.indicators`). A change
has a kind (:class:`ChangeKind`, with its severity and its mirror) and its place in both files. The output formats
are one module each, in :data:`FORMATS`. Nothing here imports networkx or graphviz.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from jusou_spec.changes.compare import KindMismatch, compare
from jusou_spec.changes.git import GIT_TIMEOUT, RevisionUnreadable, git_show, revision_path
from jusou_spec.changes.kinds import DEFAULT_FAIL_ON, ChangeKind
from jusou_spec.changes.markdown import markdown
from jusou_spec.changes.record import Change, Comparison, Place
from jusou_spec.changes.records import as_json
from jusou_spec.changes.show import show
from jusou_spec.changes.side import InvalidDocument, Side, read_side, side_from_bytes, side_of
from jusou_spec.changes.text import text
from jusou_spec.model import Plan, Report

__all__ = [
    "DEFAULT_FAIL_ON",
    "FORMATS",
    "Change",
    "ChangeKind",
    "Comparison",
    "InvalidDocument",
    "KindMismatch",
    "Place",
    "RevisionUnreadable",
    "Side",
    "compare_sides",
    "diff",
    "git_show",
    "load_version",
    "revision_path",
    "show",
]

FORMATS: dict[str, Callable[[Comparison, str], str]] = {"text": text, "json": as_json, "markdown": markdown}


def load_version(version: str | os.PathLike[str] | Plan | Report, *, timeout: float = GIT_TIMEOUT) -> Side:
    """One version: a model in memory, a file, or ``REV:PATH`` read with ``git show`` when no such file exists."""
    if isinstance(version, Plan | Report):
        return side_of(version)
    shown = os.fsdecode(os.fspath(version))
    if revision_path(shown) is not None:
        return side_from_bytes(git_show(shown, timeout=timeout), name=shown)
    return read_side(version)


def diff(
    old: str | os.PathLike[str] | Plan | Report,
    new: str | os.PathLike[str] | Plan | Report,
    *,
    fail_on: Iterable[ChangeKind] = DEFAULT_FAIL_ON,
) -> Comparison:
    """The changes from ``old`` to ``new`` (files, ``REV:PATH`` or models in memory), placed in both files.

    Raises :class:`InvalidDocument` for a version with errors (its findings say where), :class:`KindMismatch` for
    a plan against a report, :class:`RevisionUnreadable` when git cannot give ``REV:PATH``, and
    :class:`jusou_spec.source.SourceUnreadable` for a file that cannot be read; all are :class:`JusouError`.
    """
    return compare_sides(load_version(old), load_version(new), fail_on=fail_on)


def compare_sides(old: Side, new: Side, *, fail_on: Iterable[ChangeKind] = DEFAULT_FAIL_ON) -> Comparison:
    """The changes between two loaded versions (see :func:`load_version`)."""
    return Comparison(old.name, new.name, compare(old, new), tuple(fail_on))
