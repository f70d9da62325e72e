"""Findings: the frozen values every check produces, and the language they are told in.

A rule says *what* is wrong and *where in the document* (a JSON pointer); the engine says *where in the file*
(line and column, from the source map built at load time). Every message exists in Japanese and English, so a
finding carries both and the reporter picks one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypedDict, Unpack

import attrs

from jusou_spec.errors import InvalidArgument

__all__ = ["Check", "Finding", "Language", "Message", "Severity", "sort_findings"]


class Severity(enum.Enum):
    """How much a finding matters; the CLI's exit code depends on whether any finding is an error."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: Language | str = "ja") -> str:
        """The severity's word in the given language (the contract's text format keeps the English word)."""
        if Language.of(lang) is Language.EN:
            return self.value
        return {"error": "エラー", "warning": "警告", "info": "情報"}[self.value]


class Language(enum.Enum):
    """The languages every user-visible message is written in."""

    JA = "ja"
    EN = "en"

    @classmethod
    def of(cls, lang: Language | str) -> Language:
        """The language ``lang`` names; :class:`~jusou_spec.errors.InvalidArgument` (a ValueError) for another."""
        try:
            return cls(lang)
        except ValueError:
            raise InvalidArgument(f"unknown language {lang!r}: messages exist in ja and en") from None


@attrs.frozen
class Message:
    """One message in both languages.

    >>> Message(ja="こんにちは", en="hello").text("en")
    'hello'
    """

    ja: str
    en: str

    def text(self, lang: Language | str = "ja") -> str:
        """The message in ``lang`` (``"ja"`` or ``"en"``)."""
        return self.en if Language.of(lang) is Language.EN else self.ja


@attrs.frozen(order=False)
class Finding:
    """One problem (or note) about one place in one document.

    ``pointer`` is an RFC 6901 JSON pointer into the document's data ("" is the whole document); ``line`` and
    ``column`` are 1-based positions in the source file, filled in by the engine from the source map.
    """

    code: str
    severity: Severity
    message: Message
    pointer: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    suppressed: str | None = None
    """The reason given for suppressing this finding in the document, when it was suppressed."""
    cell: str | None = None
    """In a workbook, the sheet and cell (``事業!D12``); ``line`` and ``column`` are then its row and column."""

    def text(self, lang: Language | str = "ja") -> str:
        """The message in ``lang``."""
        return self.message.text(lang)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code, self.pointer)

    def evolve(self, **changes: Unpack[_Changes]) -> Finding:
        """A copy with some fields changed (findings are frozen)."""
        return attrs.evolve(self, **changes)


class _Changes(TypedDict, total=False):
    """The fields :meth:`Finding.evolve` can change, with their types."""

    code: str
    severity: Severity
    message: Message
    pointer: str
    file: str | None
    line: int | None
    column: int | None
    suppressed: str | None
    cell: str | None


@attrs.frozen
class Check:
    """A kind of finding: a stable code (never reused), a dotted name, a default severity and a title.

    Loader, schema and model checks declare one each, as every rule does, so that ``jusou rules`` and
    ``docs/rules.md`` list every code a user can meet.
    """

    code: str
    name: str
    severity: Severity
    title: Message

    def finding(self, message: Message, pointer: str = "", *, severity: Severity | None = None) -> Finding:
        """A finding of this kind at ``pointer``; the engine adds file, line and column later."""
        return Finding(code=self.code, severity=severity or self.severity, message=message, pointer=pointer)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order: by file, line, column, then code."""
    return sorted(findings, key=lambda finding: finding.sort_key)
