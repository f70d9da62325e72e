"""What CI servers do with our output, checked with their own clients: the SARIF multitool with GitHub's rules, the
Jenkins xunit JUnit schema, GitHub's annotation limits, GitLab's Code Quality report; and file names whose bytes
are not UTF-8 in every machine-readable format."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from jusou_spec.catalogue import all_checks, explain
from jusou_spec.cli import main
from jusou_spec.rules import RULES

from .cli_cases import ROOT

VENDOR = ROOT / "tests" / "vendor"
SEVERITIES = ROOT / "tests/fixtures/severities/plan.yaml"
FINDINGS = ROOT / "tests/fixtures/findings-plan.yaml"
PACKAGE = ROOT / "node_modules/@microsoft/sarif-multitool"


def _multitool() -> str:
    """The SARIF multitool's binary for this platform, as its npm package resolves it."""
    assert PACKAGE.is_dir(), "the SARIF multitool is installed by scripts/dev from package-lock.json (npm ci)"
    found = subprocess.run(
        ["node", "-e", "console.log(require('@microsoft/sarif-multitool'))"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return found.stdout.strip()


def _sarif_schema() -> dict:
    base = Path(os.environ["JUSOU_SHARED"]) if os.environ.get("JUSOU_SHARED") else ROOT.parent / "shared"
    path = base / "vendor" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip("the SARIF schema is read from ../shared/vendor (or $JUSOU_SHARED/vendor), which is absent here")
    return json.loads(path.read_text(encoding="utf-8"))


def _jusou(*argv: str, cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None):
    """Run the installed command as CI does, in its own process; returns the completed process (bytes)."""
    return subprocess.run(
        [sys.executable, "-m", "jusou_spec", *argv],
        cwd=cwd,
        capture_output=True,
        input=stdin,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def _repository(tmp_path: Path) -> Path:
    """A plans repository (a git work tree) holding the severities fixture as plans/plan.yaml, with its
    jusou.toml."""
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=60)
    shutil.copy(SEVERITIES, repo / "plans" / "plan.yaml")
    shutil.copy(SEVERITIES.parent / "jusou.toml", repo / "jusou.toml")
    return repo


# --- SARIF -----------------------------------------------------------------------------------------------------


def _run_sarif(repo: Path, *argv: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> dict:
    result = _jusou("check", "--format", "sarif", *argv, cwd=cwd or repo, env=env)
    assert result.returncode in (0, 1), result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def test_every_rule_has_descriptions_and_help_in_the_logs_language(tmp_path):
    """Every check of the catalogue has shortDescription, fullDescription and help (text and markdown, with how to
    fix it and, for a rule, its examples): Japanese by default, English with --lang en."""
    repo = _repository(tmp_path)
    codes = [check.code for check in all_checks()]
    for lang, fix, fails in (("ja", "直し方", "指摘される例"), ("en", "How to fix", "Fails")):
        driver = _run_sarif(repo, "--lang", lang, "plans")["runs"][0]["tool"]["driver"]
        assert driver["language"] == ("ja-JP" if lang == "ja" else "en-US")
        rules = {rule["id"]: rule for rule in driver["rules"]}
        assert list(rules) == codes
        for rule in rules.values():
            assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
            assert fix in rule["help"]["text"] and f"### {fix}" in rule["help"]["markdown"]
        assert fails in rules["MT001"]["help"]["markdown"] and "```yaml" in rules["MT001"]["help"]["markdown"]
        assert rules["MT001"]["shortDescription"]["text"] == next(
            c.title.text(lang) for c in all_checks() if c.code == "MT001"
        )
    english = _run_sarif(repo, "--lang", "en", "plans")["runs"][0]["tool"]["driver"]["rules"]
    assert "Why" in next(rule for rule in english if rule["id"] == "MT001")["help"]["markdown"]


NOT_TEXT = frozenset({"SR008", "SR009", "SR010", "JS900", *(f"XL{n:03}" for n in range(1, 10))})
"""Built-in checks no text file can show: a file over a limit, binary or not UTF-8, a workbook's cells, a fault of
jusou-spec itself."""


def _codes_of(text: str, syntax: str, folder: Path, capsys, monkeypatch) -> list[str]:
    """The codes `jusou check` gives doc.yaml in a fresh folder: the file itself, or a clean plan beside the
    jusou.toml; the plan a report names is written beside it."""
    folder.mkdir()
    monkeypatch.chdir(folder)
    clean = explain("SR001").sample
    assert clean is not None
    (folder / "見本市.yaml").write_text(clean.passes, encoding="utf-8")
    if syntax == "toml":
        (folder / "jusou.toml").write_text(text, encoding="utf-8")
        text = clean.passes
    (folder / "doc.yaml").write_text(text, encoding="utf-8")
    main(["check", "--format", "json", "doc.yaml"])
    return [finding["rule"] for finding in json.loads(capsys.readouterr().out)]


def test_every_built_in_check_text_can_show_has_a_failing_and_a_corrected_file(tmp_path, capsys, monkeypatch):
    """Each built-in check's help carries a whole file that fails it and the same file corrected: the first gives
    the code, the second no built-in finding at all. Only the checks no text can show have none."""
    rules = {rule.code for rule in RULES}
    built_in = [check.code for check in all_checks() if check.code not in rules]
    assert set(built_in) > NOT_TEXT
    for code in built_in:
        sample = explain(code).sample
        if code in NOT_TEXT:
            assert sample is None, code
            continue
        assert sample is not None, code
        fails = _codes_of(sample.fails, sample.syntax, tmp_path / f"{code}-fails", capsys, monkeypatch)
        assert code in fails, (code, fails)
        passes = _codes_of(sample.passes, sample.syntax, tmp_path / f"{code}-passes", capsys, monkeypatch)
        assert not set(passes) - rules, (code, passes)
    repo = _repository(tmp_path)
    for lang, heading in (
        ("ja", "**指摘される例（閉じていない表の見出し）**"),
        ("en", "**Fails (an unclosed table header)**"),
    ):
        rule = next(r for r in _run_sarif(repo, "--lang", lang, "plans")["runs"][0]["tool"]["driver"]["rules"]
                    if r["id"] == "CF001")  # fmt: skip
        assert heading in rule["help"]["markdown"] and "```toml\n[check\n" in rule["help"]["markdown"]
    main(["rules", "CF001", "JS900"])
    shown = capsys.readouterr().out
    assert "通らない例（閉じていない表の見出し）:\n\n    [check\n" in shown and "--debug" in shown


def test_links_come_from_one_documentation_url_and_are_left_out_while_it_is_unset(tmp_path):
    """With JUSOU_DOCS_URL each rule's helpUri is its section of rules.md and the tool has an informationUri;
    without it, neither appears."""
    repo = _repository(tmp_path)
    unset = _run_sarif(repo, "plans", env={"JUSOU_DOCS_URL": ""})["runs"][0]["tool"]["driver"]
    assert "informationUri" not in unset and not any("helpUri" in rule for rule in unset["rules"])
    base = "https://docs.example.org/jusou-spec/docs/"
    driver = _run_sarif(repo, "plans", env={"JUSOU_DOCS_URL": base})["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == base
    helps = {rule["id"]: rule["helpUri"] for rule in driver["rules"]}
    assert helps["MT001"] == base + "rules.md#mt001" and helps["SR001"] == base + "rules.md#sr001"
    rules_md = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    for uri in helps.values():
        assert f'<a id="{uri.rsplit("#", 1)[1]}"></a>' in rules_md, uri


def test_the_documentation_url_setting_is_the_default_and_gets_its_closing_slash(tmp_path, monkeypatch, capsys):
    """Without JUSOU_DOCS_URL the project's setting (DOCUMENTATION_URL) is used; a base written without its
    closing / gets one, so each helpUri lands inside the documentation folder."""
    from jusou_spec.commands import check

    monkeypatch.delenv("JUSOU_DOCS_URL", raising=False)
    monkeypatch.setattr(check, "DOCUMENTATION_URL", "https://docs.example.org/jusou-spec/docs")
    monkeypatch.chdir(_repository(tmp_path))
    main(["check", "--format", "sarif", "plans"])
    driver = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/jusou-spec/docs/"
    assert driver["rules"][0]["helpUri"].startswith("https://docs.example.org/jusou-spec/docs/rules.md#")


def test_locations_are_relative_to_srcroot_whatever_the_working_folder(tmp_path):
    """Run from the repository, from a subfolder, and from elsewhere with an absolute argument: the same
    artifact locations, relative to %SRCROOT%, and the same fingerprints."""
    repo = _repository(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    logs = [
        _run_sarif(repo, "plans"),
        _run_sarif(repo, "plan.yaml", cwd=repo / "plans"),
        _run_sarif(repo, str(repo / "plans"), cwd=tmp_path / "elsewhere"),
    ]
    seen = []
    for log in logs:
        run = log["runs"][0]
        assert run["automationDetails"] == {"id": "jusou-check/"}
        assert "SRCROOT" in run["originalUriBaseIds"]
        artifacts = {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in run["results"]}
        assert artifacts == {json.dumps({"uri": "plans/plan.yaml", "uriBaseId": "SRCROOT"})}
        seen.append([r["partialFingerprints"] for r in run["results"]])
    assert seen[0] == seen[1] == seen[2]


def test_fingerprints_survive_lines_moving_above_the_finding(tmp_path):
    """Comment lines inserted near the top move every finding down; each result keeps its partial fingerprint,
    and fingerprints are unique within the log."""
    repo = _repository(tmp_path)
    before = _run_sarif(repo, "plans")["runs"][0]["results"]
    plan = repo / "plans" / "plan.yaml"
    first, rest = plan.read_text(encoding="utf-8").split("\n", 1)
    plan.write_text(first + "\n# 追記1\n# 追記2\n# 追記3\n" + rest, encoding="utf-8")
    after = _run_sarif(repo, "plans")["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in before
    ]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    prints = [json.dumps(r["partialFingerprints"]) for r in after]
    assert len(set(prints)) == len(prints)


def test_the_sarif_multitool_with_githubs_rules_finds_nothing_to_fix(tmp_path):
    """The SARIF multitool (npm, committed lock) validates the log of the bundled documents with GitHub's rule
    kind: no GH-prefixed result (GitHub ingests it) and no error; also valid against the OASIS schema."""
    multitool = _multitool()
    schema = _sarif_schema()
    for lang in ("ja", "en"):
        log_path = tmp_path / f"jusou-{lang}.sarif"
        result = _jusou(
            "check", "--format", "sarif", "--lang", lang, "-o", str(log_path), "plans", "reports", cwd=ROOT,
            env={"JUSOU_DOCS_URL": "https://docs.example.org/jusou-spec/docs/"},
        )  # fmt: skip
        assert result.returncode in (0, 1), result.stderr.decode()
        log = json.loads(log_path.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(log)
        report = tmp_path / f"validation-{lang}.sarif"
        # A .NET program: without ICU installed it needs the invariant culture, which is all validation uses.
        validation = subprocess.run(
            [multitool, "validate", "--rule-kind", "Gh;Sarif", "-o", str(report), str(log_path)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"},
            check=False,
        )
        assert validation.returncode == 0, validation.stdout + validation.stderr
        results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
        named = [f"{r['ruleId']}: {r['message']}" for r in results]
        assert not [n for n in named if n.startswith("GH")], named
        assert not [r for r in results if r.get("level", "warning") == "error"], named


# --- JUnit -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(VENDOR / "jenkins-xunit" / "junit-10.xsd"))


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_junit_is_valid_for_jenkins_and_names_each_case_once(strict, junit_schema, tmp_path):
    """The report of the bundled documents validates against the Jenkins xunit plugin's junit-10.xsd; case
    names are CODE line:column and unique within their suite; a clean run (exit 0) has no failed test."""
    out = tmp_path / "junit.xml"
    result = _jusou("check", "--format", "junit", *strict, "-o", str(out), "plans", "reports", cwd=ROOT)
    junit_schema.validate(str(out))
    root = ET.parse(out).getroot()
    for suite in root.iter("testsuite"):
        names = [case.get("name") for case in suite.iter("testcase")]
        assert len(names) == len(set(names)), suite.get("name")
        assert {"tests", "failures", "errors", "skipped", "time"} <= set(suite.attrib)
    failures = int(root.get("failures") or 0)
    if strict:
        assert result.returncode == 1 and failures > 0
    else:
        assert result.returncode == 0 and failures == 0, "a run that passes shows no failed test"


# --- GitHub and GitLab -----------------------------------------------------------------------------------------


def test_github_annotates_at_most_ten_of_each_type_errors_first_and_says_how_many_more(tmp_path, capsys):
    """12 warnings and 2 errors: the errors come first, 10 warnings are annotations, the other two are log lines,
    and one notice says 2 more were not annotated."""
    os.chdir(ROOT)
    code = main(["check", "--format", "github", "--lang", "en", str(FINDINGS.relative_to(ROOT))])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds == ["::error"] * 2 + ["::warning"] * 10 + ["::notice"]
    assert (
        lines[-2]
        == "::notice title=jusou check::2 more finding(s) not annotated (GitHub shows 10 per type); see the log"
    )
    assert sum(1 for line in lines if " warning TG001 " in line) == 2


def test_github_appends_a_markdown_summary_to_the_step_summary(tmp_path, monkeypatch, capsys):
    """With GITHUB_STEP_SUMMARY set, the counts per file and rule and a table of findings are appended to it."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(ROOT)
    main(["check", "--format", "github", str(FINDINGS.relative_to(ROOT))])
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## jusou check\n")
    assert "| tests/fixtures/findings-plan.yaml | 14 |" in text
    assert "| TG001 " in text and "| エラー | tests/fixtures/findings-plan.yaml:15:1 | CL001 |" in text


CODE_QUALITY_ISSUE = {
    # GitLab's Code Quality report format, transcribed from its documentation
    # (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON array of issues, each
    # with these required fields; the line is location.lines.begin or location.positions.begin.line.
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "minLength": 1},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object",
            "required": ["path"],
            "properties": {
                "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./|file:)"}},
                "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "properties": {"begin": {"type": "integer", "minimum": 1}},
                },
            },
            "oneOf": [
                {"required": ["lines"]},
                {"required": ["positions"], "properties": {"positions": {"required": ["begin"]}}},
            ],
        },
    },
}


def test_gitlab_code_quality_report_of_the_bundled_documents_has_the_documented_fields(tmp_path):
    """--format gitlab on the bundled documents: a JSON array of issues, each with GitLab's documented required
    fields (relative path, line from 1, a severity word of GitLab's), fingerprints unique in the report."""
    out = tmp_path / "gl-code-quality-report.json"
    result = _jusou("check", "--format", "gitlab", "-o", str(out), "plans", "reports", "examples", cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    issues = json.loads(out.read_text(encoding="utf-8"))
    schema = {"type": "array", "items": CODE_QUALITY_ISSUE}
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(issues)
    assert issues and len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["location"]["path"].split("/")[0] for issue in issues} <= {"plans", "reports", "examples"}


def test_gitlab_code_quality_issues_have_fingerprints_paths_and_severities(tmp_path):
    """--format gitlab: one issue per finding that counts (not the suppressed one), each with a unique fingerprint,
    the path relative to the repository and GitLab's severity words."""
    repo = _repository(tmp_path)
    result = _jusou("check", "--format", "gitlab", "plans", cwd=repo)
    issues = json.loads(result.stdout.decode("utf-8"))
    assert len(issues) == 10
    assert {issue["severity"] for issue in issues} == {"major", "minor", "info"}
    assert {issue["location"]["path"] for issue in issues} == {"plans/plan.yaml"}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert all(set(issue) == {"description", "check_name", "fingerprint", "severity", "location"} for issue in issues)
    jsonschema.Draft7Validator({"type": "array", "items": CODE_QUALITY_ISSUE}).validate(issues)
    assert "DL001" not in {issue["check_name"] for issue in issues}


# --- File names that are not UTF-8 -----------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_a_file_name_that_is_not_utf8_keeps_every_format_valid(tmp_path, junit_schema):
    """bad\\xff\\xfe.yaml with findings: text shows U+FFFD for each byte, SARIF percent-encodes them in its URI,
    JSON, JUnit, GitLab and GitHub annotations show them as \\xNN; every output is UTF-8 and parses (SARIF against
    the schema, JUnit against Jenkins' XSD)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff\xfe.yaml")
    (folder / name).write_bytes(SEVERITIES.read_bytes())
    outputs = {}
    for form in ("text", "sarif", "json", "junit", "gitlab", "github"):
        result = _jusou("check", "--format", form, "plans", cwd=tmp_path)
        assert result.returncode == 1, result.stderr.decode(errors="replace")
        outputs[form] = result.stdout.decode("utf-8")  # raises if any byte is not UTF-8
    findings = outputs["text"].splitlines()[:-1]
    assert findings and all(line.startswith("plans/bad\ufffd\ufffd.yaml:") for line in findings)
    annotations = [line for line in outputs["github"].splitlines() if line.startswith("::") and " file=" in line]
    assert annotations and all(" file=plans/bad\\xff\\xfe.yaml," in line for line in annotations)
    log = json.loads(outputs["sarif"])
    schema = _sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"plans/bad%FF%FE.yaml"}
    assert {r["file"] for r in json.loads(outputs["json"])} == {"plans/bad\\xff\\xfe.yaml"}
    assert {i["location"]["path"] for i in json.loads(outputs["gitlab"])} == {"plans/bad\\xff\\xfe.yaml"}
    junit_schema.validate(ET.fromstring(outputs["junit"]))
    assert {s.get("name") for s in ET.fromstring(outputs["junit"]).iter("testsuite")} == {"plans/bad\\xff\\xfe.yaml"}


def test_every_check_says_why_and_how_to_fix():
    """The catalogue's explanation of every code has a summary, a reason and a fix in both languages; the built-in
    checks' reasons are their family's, each rule's its own."""
    for check in all_checks():
        explanation = explain(check.code)
        for lang in ("ja", "en"):
            assert explanation.summary.text(lang) and explanation.fix.text(lang), check.code
        assert explanation.why.en, check.code
        if not explanation.examples:
            assert explanation.why.ja, check.code
