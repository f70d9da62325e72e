"""One version of a document as the comparison sees it: the model, the name it is shown under, and its source map
(so every change is placed at a line); loaded through the same path as ``jusou check``, with no rules run."""

from __future__ import annotations

import os

import attrs

from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.changes.record import Change, Place
from jusou_spec.checker import DocumentError, check_source, read_document
from jusou_spec.engine_checks import PLAN_NOT_FOUND
from jusou_spec.findings import Message, Severity
from jusou_spec.model import Plan, Report
from jusou_spec.source import SourceDocument, SourceMap, parse_source

__all__ = ["InvalidDocument", "Pair", "Side", "read_side", "side_from_bytes", "side_of"]


class InvalidDocument(DocumentError):
    """A version that is not a valid document: its located ``findings`` say why (the comparison needs the model)."""

    problem = "is not a valid document"


@attrs.frozen
class Side:
    """One version: the document, the name shown for it, and where its parts are (None for a model in memory)."""

    name: str
    document: Plan | Report
    source_map: SourceMap | None = None

    def place(self, pointer: str) -> Place:
        if self.source_map is None:
            return Place(self.name, 0, 0, pointer)
        position = self.source_map.locate(pointer)
        return Place(self.name, position.line, position.column, pointer)


def _side(source: SourceDocument) -> Side:
    checked = check_source(source, rules=())
    # A report's plan that cannot be read (RF900) is a finding about the report's link, not about the version
    # being compared: the comparison reads the report alone.
    errors = [f for f in checked.findings if f.severity is Severity.ERROR and f.code != PLAN_NOT_FOUND.code]
    if checked.document is None or errors:
        raise InvalidDocument(source.name, errors or list(checked.findings))
    return Side(source.name, checked.document, source.source_map)


def read_side(path: str | os.PathLike[str]) -> Side:
    """A file (YAML or workbook) as a version; raises SourceUnreadable or :class:`InvalidDocument`."""
    return _side(read_document(path))


def side_from_bytes(raw: bytes, *, name: str) -> Side:
    """A version given as bytes (``git show REV:PATH``), shown as ``name``; raises :class:`InvalidDocument`."""
    return _side(parse_source(raw, name=name))


def side_of(document: Plan | Report) -> Side:
    """A model in memory as a version; its changes carry pointers and no lines."""
    return Side(document.name or ("plan" if isinstance(document, Plan) else "report"), document)


@attrs.frozen
class Pair:
    """The two versions being compared; makes the changes, placing each side's pointer in its own file."""

    old: Side
    new: Side

    def change(
        self,
        kind: ChangeKind,
        subject: Message,
        old_pointer: str,
        new_pointer: str,
        before: str | None = None,
        after: str | None = None,
        note: Message | None = None,
    ) -> Change:
        return Change(kind, subject, self.old.place(old_pointer), self.new.place(new_pointer), before, after, note)
