"""Output formats for findings, chosen by name from a registry; the CLI only picks one.

- ``text``: the contract's ``file:line:col: severity CODE message``, one line per finding, suppressed findings as
  ``file:line:col: suppressed CODE message（抑制の理由: …）``, and a closing count line; coloured only when asked
  (the CLI asks when stdout is a terminal and ``NO_COLOR`` is not set).
- ``json``: a list of objects with ``file``, ``line``, ``column``, ``rule``, ``name``, ``severity``, ``message``,
  ``path`` (the JSON pointer) and ``suppressed`` (the reason, or null).
- ``github``: workflow commands that annotate the changed lines (``::error``, ``::warning``, ``::notice``);
  suppressed findings and the count as plain log lines, which annotate nothing.
- ``sarif``: SARIF 2.1.0, for code-scanning services (:mod:`jusou_spec.reporters.sarif`).
- ``junit``: JUnit XML, one test suite per file (:mod:`jusou_spec.reporters.junit`).

Every format is deterministic: the same findings give the same bytes. Each has its own module; the text form of
one finding and the closing count line (:mod:`.text`) are shared by the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding
from jusou_spec.reporters.github import github
from jusou_spec.reporters.junit import junit
from jusou_spec.reporters.records import as_json, finding_record
from jusou_spec.reporters.sarif import sarif
from jusou_spec.reporters.text import Summary, text, text_line

__all__ = ["REPORTERS", "Reporter", "Summary", "check_of", "finding_record", "render", "text_line"]


def _sarif(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return sarif(findings, lang=lang)


def _junit(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return junit(findings, summary, lang=lang)


Reporter = Callable[[Sequence[Finding], Summary, str, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": _sarif,
    "junit": _junit,
}


def render(name: str, findings: Sequence[Finding], summary: Summary, *, lang: str = "ja", colour: bool = False) -> str:
    """The findings in format ``name`` (a key of :data:`REPORTERS`); ``colour`` only affects ``text``."""
    return REPORTERS[name](findings, summary, lang, colour)
