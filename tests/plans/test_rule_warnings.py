"""The rule catalogue on the bundled documents: no error, and exactly the warnings and notes docs/plans.md lists
with the source's explanation of each."""

from __future__ import annotations

import re

import pytest

import jusou_spec
from jusou_spec import Severity

from .conftest import REPO

# (code, pointer) of every finding other than NS001 (whose list each city's own tests pin), per document.
EXPECTED = {
    "plans/ashiya.yaml": (
        "芦屋市",
        [
            ("DL002", "/事業/8/実施方式/0"),
            ("MT003", "/会議/1/本人同意"),
            ("MT003", "/会議/3/本人同意"),
            ("RF003", "/関連計画/0"),
            ("RF003", "/関連計画/1"),
            ("RP001", "/関連計画"),
            ("RP001", "/関連計画"),
            ("RP001", "/関連計画"),
            ("TG001", "/事業/0"),
            ("TG001", "/事業/6"),
        ],
    ),
    "plans/uozu.yaml": (
        "魚津市",
        [
            ("DP003", "/事業/2/所管課/0"),
            ("TG001", "/事業/0"),
            ("TG001", "/事業/4"),
            ("TG001", "/事業/5"),
            ("TG001", "/事業/6"),
            ("TG001", "/事業/7"),
        ],
    ),
    "plans/imizu.yaml": (
        "射水市",
        [
            ("DP001", "/事業"),
            ("MT002", "/会議/1"),
            ("MT002", "/会議/1"),
            ("RP001", ""),
            ("RP001", ""),
            ("RP001", ""),
            ("RP001", ""),
            ("TG001", "/事業/4"),
        ],
    ),
    "reports/imizu-r6.yaml": ("射水市", []),
}


def _findings(path: str) -> list[jusou_spec.Finding]:
    if not (REPO / path).exists():
        pytest.skip(f"{path} is not in this checkout")
    return jusou_spec.check(REPO / path)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_the_rule_catalogue_finds_exactly_the_documented_warnings(path):
    """No error, nothing suppressed, and the findings besides NS001 are exactly the expected list."""
    findings = _findings(path)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert not [f for f in findings if f.suppressed]
    assert sorted((f.code, f.pointer) for f in findings if f.code != "NS001") == EXPECTED[path][1]


def _section(city: str) -> str:
    text = (REPO / "docs/plans.md").read_text(encoding="utf-8")
    catalogue = text.split("## Warnings of the rule catalogue on the bundled plans", 1)[1]
    match = re.search(rf"### {city}.*?(?=\n### |\Z)", catalogue, re.S)
    assert match, city
    return match.group(0)


@pytest.mark.parametrize("path", sorted(p for p in EXPECTED if EXPECTED[p][1]))
def test_every_warning_on_a_bundled_plan_is_explained_in_docs(path):
    """docs/plans.md names each code with its place for that plan, in the section on the rule catalogue."""
    city, expected = EXPECTED[path]
    section = _section(city)
    for code, pointer in expected:
        rows = [line for line in section.splitlines() if line.startswith(f"| {code}")]
        assert rows, (code, section)
        if pointer:
            assert any(f"`{pointer}`" in row for row in rows), (code, pointer)
