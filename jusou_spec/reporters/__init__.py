"""Output formats for findings, chosen by name from a registry; the CLI only picks one.

- ``text``: the contract's ``file:line:col: severity CODE message``, one line per finding, suppressed findings as
  ``file:line:col: suppressed CODE message（抑制の理由: …）``, and a closing count line; coloured only when asked
  (the CLI asks when stdout is a terminal and ``NO_COLOR`` is not set).
- ``json``: a list of objects with ``file``, ``line``, ``column``, ``rule``, ``name``, ``severity``, ``message``,
  ``path`` (the JSON pointer) and ``suppressed`` (the reason, or null).
- ``github``: workflow commands that annotate the changed lines (``::error``, ``::warning``, ``::notice``), within
  GitHub's limit per type, and a step summary (:mod:`jusou_spec.reporters.github`).
- ``sarif``: SARIF 2.1.0, for code-scanning services (:mod:`jusou_spec.reporters.sarif`).
- ``junit``: JUnit XML, one test suite per file (:mod:`jusou_spec.reporters.junit`).
- ``gitlab``: a GitLab Code Quality report (:mod:`jusou_spec.reporters.gitlab`).

Every format is deterministic: the same findings give the same bytes. Each has its own module; the text form of
one finding and the closing count line (:mod:`.text`) are shared by the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from jusou_spec.catalogue import check_of
from jusou_spec.findings import Finding
from jusou_spec.reporters.github import github, step_summary
from jusou_spec.reporters.gitlab import gitlab
from jusou_spec.reporters.junit import junit
from jusou_spec.reporters.records import as_json, finding_record
from jusou_spec.reporters.sarif import sarif
from jusou_spec.reporters.text import Summary, one_line, text, text_line

__all__ = [
    "REPORTERS",
    "Reporter",
    "Summary",
    "check_of",
    "finding_record",
    "one_line",
    "render",
    "statistics",
    "step_summary",
    "text_line",
]


def _sarif(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return sarif(findings, summary, lang=lang)


def _junit(findings: Sequence[Finding], summary: Summary, lang: str, colour: bool = False) -> str:
    return junit(findings, summary, lang=lang)


Reporter = Callable[[Sequence[Finding], Summary, str, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": _sarif,
    "junit": _junit,
    "gitlab": gitlab,
}


def render(name: str, findings: Sequence[Finding], summary: Summary, *, lang: str = "ja", colour: bool = False) -> str:
    """The findings in format ``name`` (a key of :data:`REPORTERS`); ``colour`` only affects ``text``."""
    return REPORTERS[name](findings, summary, lang, colour)


def statistics(findings: Sequence[Finding], lang: str) -> str:
    """``--statistics``: how many findings of each rule, most frequent first (suppressed ones apart)."""
    counts = Counter(f.code for f in findings if not f.suppressed)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        check = check_of(code)
        title = check.title.text(lang) if check else ""
        lines.append(f"{count:>6}  {code}  {title}".rstrip())
    return "".join(line + "\n" for line in lines)
