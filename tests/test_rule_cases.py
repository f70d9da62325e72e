"""Every rule against its case file (tests/rule_cases/CODE.yaml): exact findings, with line, column and severity.

A case gives a document and the findings of the rule it expects. The document is completed like a docstring
example (the skeleton's lines for the keys it does not give come first), unless it starts with ``jusou:``, when it
is used as written; expected lines count from the case's own first line. ``says`` is a fragment of the Japanese
message, so a case pins which message the rule chose, not only where.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jusou_spec.checker import check_source
from jusou_spec.rules import RULES, Example, as_document
from jusou_spec.source import parse_source

CASES_DIR = Path(__file__).resolve().parent / "rule_cases"
RULE_BY_CODE = {rule.code: rule for rule in RULES}


def _load() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            found.append((data["rule"], case))
    return found


CASES = _load()


def _document(rule_code: str, case: dict) -> tuple[str, int]:
    text = case["document"]
    if text.startswith("jusou:"):
        return text, 0
    kind = "report" if RULE_BY_CODE[rule_code].document == "report" else "plan"
    document = as_document(Example(passes=not case["expect"], label=case["name"], yaml=text), document=kind)
    return document, len(document.splitlines()) - len(text.splitlines())


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES])
def test_rule_finds_exactly_what_its_case_expects(code, case):
    """The rule's findings on the case's document are exactly the expected (line, column, severity, message)."""
    document, offset = _document(code, case)
    checked = check_source(parse_source(document, name="case.yaml"))
    assert not [f for f in checked.findings if f.code.startswith(("SR", "SV", "JS"))], checked.findings
    found = sorted(
        (f.line - offset, f.column, f.severity.value, f.message.ja, f.message.en)
        for f in checked.findings
        if f.code == code
    )
    expected = sorted((e["line"], e["column"], e["severity"], e["says"]) for e in case["expect"])
    assert [(line, column, severity) for line, column, severity, _, _ in found] == [
        (line, column, severity) for line, column, severity, _ in expected
    ], found
    unmatched = list(found)
    for line, column, severity, says in expected:
        match = next((f for f in unmatched if f[:3] == (line, column, severity) and says in f[3]), None)
        assert match is not None, (says, unmatched)
        unmatched.remove(match)
        assert match[4] and match[4] != match[3]


def test_every_rule_has_a_case_file_with_failing_and_passing_cases():
    """Each rule has tests/rule_cases/CODE.yaml with at least one failing and one passing case (the indicators
    group, rules about the figures of status reports, has its cases in test_indicator_rules.py)."""
    by_rule: dict[str, list[dict]] = {}
    for code, case in CASES:
        by_rule.setdefault(code, []).append(case)
    assert set(by_rule) <= set(RULE_BY_CODE)
    assert set(by_rule) >= {code for code, rule in RULE_BY_CODE.items() if rule.group != "indicators"}
    for code, cases in by_rule.items():
        assert any(case["expect"] for case in cases), code
        assert any(not case["expect"] for case in cases), code
