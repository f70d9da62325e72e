"""Findings as SARIF 2.1.0 (OASIS), the format code-scanning services (GitHub, Azure DevOps) read.

One run of one tool (jusou-spec) whose driver lists every check the catalogue knows, in code order, so that a
result's ``ruleIndex`` is stable. Each rule carries its short and full description and its help (why, how to fix,
an example) in the log's language, from the same explanation ``jusou rules CODE`` prints; with a documentation
base URL set, each rule links to its section of ``docs/rules.md`` and the tool to the documentation.

Artifact locations are relative to ``%SRCROOT%`` (the git work tree's top, see :mod:`.locations`), so the log is
the same whichever folder the command runs from. Each result has a ``partialFingerprints`` entry made from what
the finding is (file, code, JSON pointer, message), not from its line, so a finding keeps its identity across runs
while lines move above it. Columns count Unicode code points, as ours do (``columnKind``). A suppressed finding
keeps its result, with an in-source suppression carrying the document's reason; the JSON pointer of each finding
is kept as the result's logical location.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jusou_spec._version import __version__
from jusou_spec.catalogue import Explanation, Sample, all_checks, explain
from jusou_spec.findings import Finding, Language, Message, Severity
from jusou_spec.reporters.locations import (
    file_uri,
    fingerprints,
    printable_name,
    relative_name,
    relative_uri,
    source_root,
)
from jusou_spec.reporters.text import Summary
from jusou_spec.rules import as_document

__all__ = ["FINGERPRINT", "SARIF_SCHEMA", "sarif"]

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "jusouFinding/v1"
"""The key of our partial fingerprint; the version part changes only if what goes into the hash changes."""
SRCROOT = "SRCROOT"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_HEADINGS = {
    "why": Message(ja="なぜ", en="Why"),
    "fix": Message(ja="直し方", en="How to fix"),
    "fails": Message(ja="指摘される例", en="Fails"),
    "passes": Message(ja="通る例", en="Passes"),
    "more": Message(ja="詳しくは `jusou rules {code}`。", en="More: `jusou rules {code}`."),
}


def _example_blocks(explanation: Explanation, lang: str) -> tuple[list[str], list[str]]:
    """The rule's examples as Markdown and as plain text."""
    markdown: list[str] = []
    text: list[str] = []
    for example in explanation.examples:
        heading = _HEADINGS["passes" if example.passes else "fails"].text(lang)
        label = (
            f"（{example.label}）" if example.label and lang != "en" else f" ({example.label})" * bool(example.label)
        )
        body = as_document(example, document=explanation.document).rstrip()
        markdown += [f"**{heading}**{label}", "", "```yaml", body, "```", ""]
        text += [f"{heading}{label}:", body, ""]
    return markdown, text


def _sample_blocks(sample: Sample | None, lang: str) -> tuple[list[str], list[str]]:
    """A built-in check's failing and corrected file as Markdown and as plain text."""
    if sample is None:
        return [], []
    label = sample.label.text(lang)
    fails = _HEADINGS["fails"].text(lang) + (f"（{label}）" if lang != "en" else f" ({label})")
    passes = _HEADINGS["passes"].text(lang)
    if sample.note:
        passes += f"（{sample.note.text(lang)}）" if lang != "en" else f" ({sample.note.text(lang)})"
    markdown, text = [], []
    for heading, body in ((fails, sample.fails), (passes, sample.passes)):
        markdown += [f"**{heading}**", "", f"```{sample.syntax}", body.rstrip(), "```", ""]
        text += [f"{heading}:", body.rstrip(), ""]
    return markdown, text


def _help(explanation: Explanation, lang: str) -> dict[str, str]:
    """The rule's help: why, how to fix, an example, as text and Markdown."""
    why = explanation.why.text(lang)
    fix = explanation.fix.text(lang)
    more = _HEADINGS["more"].text(lang).format(code=explanation.check.code)
    markdown = [f"**{explanation.check.title.text(lang)}**", "", explanation.summary.text(lang), ""]
    text = [explanation.summary.text(lang), ""]
    if why:
        markdown += [f"### {_HEADINGS['why'].text(lang)}", "", why, ""]
        text += [f"{_HEADINGS['why'].text(lang)}:", why, ""]
    markdown += [f"### {_HEADINGS['fix'].text(lang)}", "", fix, ""]
    text += [f"{_HEADINGS['fix'].text(lang)}:", fix, ""]
    example_markdown, example_text = _example_blocks(explanation, lang)
    sample_markdown, sample_text = _sample_blocks(explanation.sample, lang)
    example_markdown += sample_markdown
    example_text += sample_text
    markdown += [*example_markdown, more]
    text += [*example_text, more]
    return {"text": "\n".join(text).strip(), "markdown": "\n".join(markdown).strip()}


def _rules(lang: str, docs_url: str | None) -> list[dict[str, Any]]:
    descriptors = []
    for check in all_checks():
        explanation = explain(check.code)
        full = " ".join(part for part in (explanation.summary.text(lang), explanation.why.text(lang)) if part)
        descriptor: dict[str, Any] = {
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": check.title.text(lang)},
            "fullDescription": {"text": full},
            "help": _help(explanation, lang),
        }
        if docs_url:
            descriptor["helpUri"] = f"{docs_url}rules.md#{explanation.anchor}"
        descriptor["defaultConfiguration"] = {"level": _LEVEL[check.severity]}
        descriptor["properties"] = {"tags": [check.name.split(".", 1)[0]]}
        descriptors.append(descriptor)
    return descriptors


def _artifact(file: str, root: Path) -> dict[str, str]:
    """The artifact location of a file: relative to %SRCROOT% when below it, else an absolute ``file:`` URI."""
    relative = relative_name(file, root)
    if relative is None:
        return {"uri": file_uri(file)}
    return {"uri": relative_uri(relative), "uriBaseId": SRCROOT}


def _result(finding: Finding, index: dict[str, int], lang: str, root: Path, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    result["level"] = _LEVEL[finding.severity]
    result["message"] = {"text": printable_name(finding.text(lang))}
    physical: dict[str, Any] = {"artifactLocation": _artifact(finding.file or "", root)}
    if finding.line is not None:
        region = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer}]
    result["locations"] = [location]
    result["partialFingerprints"] = {FINGERPRINT: fingerprint}
    if finding.cell:
        result["properties"] = {"cell": finding.cell}
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result


def sarif(findings: Sequence[Finding], summary: Summary, *, lang: str = "ja") -> str:
    """The SARIF log of ``findings`` as JSON text."""
    rules = _rules(lang, summary.docs_url)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    root = source_root([*summary.paths, *(f.file for f in findings if f.file)])
    driver: dict[str, Any] = {"name": "jusou-spec", "version": __version__, "semanticVersion": __version__}
    if summary.docs_url:
        driver["informationUri"] = summary.docs_url
    driver["language"] = "en-US" if Language(lang) is Language.EN else "ja-JP"
    driver["rules"] = rules
    base = Message(
        ja="検査したリポジトリの最上位（git の作業ツリーの最上位、なければ実行したフォルダ）",
        en="The top of the checked repository (the git work tree's top, else the folder the check ran in)",
    )
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": "jusou-check/"},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": base.text(lang)}}},
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(finding, index, lang, root, fingerprint)
            for finding, fingerprint in zip(findings, fingerprints(findings, root), strict=True)
        ],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
