"""The output formats beyond the contract's text: SARIF (valid against the official schema), JUnit, GitHub, JSON,
and colour only where a person reads the output."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from jusou_spec.cli import main
from jusou_spec.findings import Finding, Message, Severity
from jusou_spec.reporters import Summary, render

from .cli_cases import ROOT

FIXTURE = "tests/fixtures/severities/plan.yaml"


def _shared_vendor() -> Path | None:
    """The shared reference folder: $JUSOU_SHARED/vendor, else <repo>/../shared/vendor."""
    base = Path(os.environ["JUSOU_SHARED"]) if os.environ.get("JUSOU_SHARED") else ROOT.parent / "shared"
    vendor = base / "vendor"
    return vendor if (vendor / "sarif-schema-2.1.0.json").is_file() else None


def _run(argv, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(argv)
    return code, capsys.readouterr().out


def test_sarif_output_is_valid_sarif_2_1_0(capsys, monkeypatch):
    """--format sarif validates against the OASIS SARIF 2.1.0 schema (read from the shared vendor folder)."""
    vendor = _shared_vendor()
    if vendor is None:
        pytest.skip("the SARIF schema is read from ../shared/vendor (or $JUSOU_SHARED/vendor), which is absent here")
    schema = json.loads((vendor / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    for lang in ("ja", "en"):
        _, out = _run(["check", "--format", "sarif", "--lang", lang, FIXTURE], capsys, monkeypatch)
        log = json.loads(out)
        jsonschema.validators.validator_for(schema)(schema).validate(log)
        assert log["version"] == "2.1.0" and log["runs"][0]["results"]


def test_sarif_results_carry_levels_suppressions_and_rule_indexes(capsys, monkeypatch):
    """info is SARIF's note; a suppressed finding has an in-source suppression with the reason; ruleIndex points
    at the rule's descriptor."""
    _, out = _run(["check", "--format", "sarif", FIXTURE], capsys, monkeypatch)
    run = json.loads(out)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    (suppressed,) = [r for r in results if "suppressions" in r]
    assert suppressed["ruleId"] == "DL001"
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "出典の計画書は委託先を記載していない"}]


def test_sarif_uris_are_percent_encoded_references():
    """A Japanese file name becomes a URI reference relative to %SRCROOT%; a path outside it a file: URI."""
    finding = Finding(
        "NS001", Severity.WARNING, Message(ja="あ", en="a"), "/x", file="plans/芦屋市.yaml", line=1, column=1
    )
    log = json.loads(render("sarif", [finding], Summary(files=1, skipped=0)))
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "plans/%E8%8A%A6%E5%B1%8B%E5%B8%82.yaml", "uriBaseId": "SRCROOT"}
    absolute = finding.evolve(file="/srv/plans/a b.yaml")
    log = json.loads(render("sarif", [absolute], Summary(files=1, skipped=0)))
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "file:///srv/plans/a%20b.yaml"
    )


@pytest.mark.parametrize(("strict", "failures"), [([], "2"), (["--strict"], "6")])
def test_junit_counts_failures_skips_and_files_without_findings(strict, failures, capsys, monkeypatch):
    """JUnit: errors are failures, warnings only with --strict, the suppressed finding is skipped, and a clean file
    is one passing test case, so every checked file appears."""
    argv = ["check", "--format", "junit", *strict, FIXTURE, "tests/fixtures/minimal-plan.yaml"]
    _, out = _run(argv, capsys, monkeypatch)
    root = ET.fromstring(out)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {FIXTURE, "tests/fixtures/minimal-plan.yaml"}
    findings = suites[FIXTURE]
    assert (findings.get("tests"), findings.get("failures"), findings.get("skipped")) == ("11", failures, "1")
    assert findings.get("errors") == "0" and findings.get("time") == "0"
    assert [case.get("name") for case in suites["tests/fixtures/minimal-plan.yaml"]] == ["jusou check"]
    assert root.get("tests") == "12" and root.get("failures") == failures
    (skipped,) = root.iter("skipped")
    assert skipped.get("message") == "抑制の理由: 出典の計画書は委託先を記載していない"


def test_github_annotates_only_what_is_not_suppressed(capsys, monkeypatch):
    """The suppressed finding is a plain log line (no ::command), info is a notice, and the count closes the run."""
    _, out = _run(["check", "--format", "github", "--lang", "en", FIXTURE], capsys, monkeypatch)
    lines = out.splitlines()
    dl001 = [line for line in lines if "DL001" in line]
    assert len(dl001) == 1 and not dl001[0].startswith("::") and "suppressed" in dl001[0]
    assert any(line.startswith("::notice ") and "RF003" in line for line in lines)
    assert lines[-1] == "2 error(s), 4 warning(s), 4 info, 1 suppressed in 1 file(s)"


def test_github_escapes_what_workflow_commands_reserve():
    """A file name with a comma and a message with a newline and % stay inside their fields."""
    finding = Finding("NS001", Severity.WARNING, Message(ja="a%b\nc", en="x"), "", file="a,b:c.yaml", line=2, column=3)
    out = render("github", [finding], Summary(files=1, skipped=0))
    assert out.splitlines()[0] == "::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=NS001 not-stated.value::a%25b%0Ac"


def test_json_keeps_the_contract_fields_and_adds_name_and_suppression(capsys, monkeypatch):
    """Each record has the contract's fields plus the dotted name and the suppression reason (null if none)."""
    _, out = _run(["check", "--format", "json", FIXTURE], capsys, monkeypatch)
    records = json.loads(out)
    assert all(
        {"file", "line", "column", "rule", "severity", "message", "path", "name", "suppressed"} <= set(r)
        for r in records
    )
    (suppressed,) = [r for r in records if r["suppressed"]]
    assert (suppressed["rule"], suppressed["name"], suppressed["severity"]) == (
        "DL001",
        "delivery.contractor",
        "warning",
    )
    assert all(r["suppressed"] is None for r in records if r["rule"] != "DL001")


class _Terminal:
    """A stand-in for stdout that says it is a terminal and keeps what is written."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    ("terminal", "no_color", "coloured"), [(True, None, True), (True, "1", False), (False, None, False)]
)
def test_colour_only_on_a_terminal_without_no_color(terminal, no_color, coloured, monkeypatch, capsys):
    """Text is coloured when stdout is a terminal and NO_COLOR is not set; otherwise it is plain."""
    monkeypatch.chdir(ROOT)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    if terminal:
        fake = _Terminal()
        monkeypatch.setattr("sys.stdout", fake)
        main(["check", FIXTURE])
        out = "".join(fake.written)
    else:
        main(["check", FIXTURE])
        out = capsys.readouterr().out
    assert ("\x1b[" in out) is coloured
    assert "error" in out and "PI001" in out


def test_english_output_has_no_japanese_sentences(capsys, monkeypatch):
    """--lang en gives every message in English (Japanese appears only as quoted document terms)."""
    _, out = _run(["check", "--lang", "en", FIXTURE], capsys, monkeypatch)
    for line in out.splitlines():
        message = line.split(" ", 3)[-1]
        assert "ありません" not in message and "してください" not in message, line
