"""A change between two versions of a document: its kind, what it is about, the values before and after, and the
place in each version (a change that exists on one side only is placed at the list it joined or left)."""

from __future__ import annotations

import attrs

from jusou_spec.changes.kinds import ChangeKind
from jusou_spec.findings import Message, Severity

__all__ = ["Change", "Comparison", "Place"]


@attrs.frozen(order=True)
class Place:
    """Where a change sits in one version: the file as named on the command line, 1-based line and column (0 when
    the document came from memory and has no source map), and the JSON pointer."""

    file: str
    line: int
    column: int
    pointer: str

    def text(self) -> str:
        return f"{self.file}:{self.line}" if self.line else f"{self.file}#{self.pointer}"


@attrs.frozen
class Change:
    """One change; ``before``/``after`` are the values as the documents write them (None for none)."""

    kind: ChangeKind
    subject: Message
    old: Place
    new: Place
    before: str | None = None
    after: str | None = None
    note: Message | None = None
    """Why the change has its kind (the indicator's direction, the years a clause lost …)."""

    @property
    def severity(self) -> Severity:
        return self.kind.severity

    def mirrored(self) -> Change:
        """The same change read from the new version back to the old (for the property that diff is symmetric)."""
        return attrs.evolve(
            self, kind=self.kind.mirror, old=self.new, new=self.old, before=self.after, after=self.before
        )

    def sort_key(self) -> tuple[int, int, str, str, str, str]:
        return (self.old.line, self.new.line, self.kind.value, self.subject.ja, self.before or "", self.after or "")


@attrs.frozen
class Comparison:
    """The changes between two versions, and which kinds fail the run (``--fail-on``)."""

    old: str
    new: str
    changes: tuple[Change, ...]
    fail_on: tuple[ChangeKind, ...] = ()

    @property
    def failing(self) -> tuple[Change, ...]:
        """The changes of a kind named by ``fail_on``."""
        return tuple(change for change in self.changes if change.kind in self.fail_on)

    def counts(self) -> dict[Severity, int]:
        return {severity: sum(1 for c in self.changes if c.severity is severity) for severity in Severity}
