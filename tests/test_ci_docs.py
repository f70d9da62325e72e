"""docs/ci.md's examples work as written: the pip line installs from a tag, the pre-commit hook runs under pre-commit
itself (a good plan passes, a broken one fails), the GitHub Actions and GitLab CI files are valid against the JSON
Schemas editors and SchemaStore publish for them, and their `jusou check` lines do what the page says."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest
import xmlschema
import yaml

from jusou_spec._version import REPOSITORY_URL, __version__

from .cli_cases import ROOT

CI_DOC = ROOT / "docs" / "ci.md"
SCHEMAS = ROOT / "tests" / "vendor" / "schemastore"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
BROKEN = ROOT / "tests/fixtures/severities/plan.yaml"
GOOD = ROOT / "tests/fixtures/minimal-plan.yaml"


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub and GitLab read it: only true/false are booleans, so the key `on` stays a string."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _examples() -> dict[str, dict]:
    """docs/ci.md's YAML examples by what they are: github, gitlab, pre-commit."""
    found = {}
    for block in re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S):
        data = yaml.load(block, Loader=_Yaml12Loader)
        kind = "github" if "jobs" in data else "pre-commit" if "repos" in data else "gitlab"
        found[kind] = data
    assert set(found) == {"github", "gitlab", "pre-commit"}
    return found


def _validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8")))


def _errors(validator: jsonschema.Draft7Validator, data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_the_workflow_examples_are_valid_against_their_published_schemas():
    """The GitHub Actions workflow validates against SchemaStore's github-workflow schema, the GitLab CI file
    against its gitlab-ci schema; each schema rejects the other file and a misspelt report key, so it has teeth."""
    examples = _examples()
    github, gitlab = _validator("github-workflow"), _validator("gitlab-ci")
    assert _errors(github, examples["github"]) == []
    assert _errors(gitlab, examples["gitlab"]) == []
    assert _errors(github, examples["gitlab"]) and _errors(gitlab, examples["github"])
    broken = json.loads(json.dumps(examples["gitlab"]))
    broken["jusou-check"]["artifacts"]["when"] = "sometimes"
    assert _errors(gitlab, broken)


def test_every_example_installs_the_same_tagged_revision_from_the_one_placeholder_url():
    """Every install line and the pre-commit repo name REPOSITORY_URL (set once, in _version.py) at the tag of
    this version; the formats they ask for exist and the hook id is ours."""
    text = CI_DOC.read_text(encoding="utf-8")
    urls = set(re.findall(r"(?:git\+)?(https?://[^\s\"@]+\.git)", text))
    assert urls == {REPOSITORY_URL}
    assert set(re.findall(r"\.git@(v[\w.]+)", text)) == {f"v{__version__}"}
    examples = _examples()
    (repo,) = examples["pre-commit"]["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY_URL, f"v{__version__}")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert repo["hooks"][0]["id"] in {hook["id"] for hook in hooks}
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    # The release checklist tags this version the way the tests below tag their clone.
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f'`git tag -a v{__version__} -m "jusou-spec {__version__}"`' in contributing


def _pip_line() -> str:
    (line,) = set(re.findall(r'pip install "(jusou-spec @ git\+[^"]+)"', CI_DOC.read_text(encoding="utf-8")))
    return line


@pytest.fixture(scope="module")
def tagged_clone(tmp_path_factory) -> Path:
    """A clone of the working tree (its tracked files as they are now) with the annotated tag docs/ci.md names."""
    clone = tmp_path_factory.mktemp("clone") / "jusou-spec"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            target = clone / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(clone)], check=True, timeout=60)
    subprocess.run([*git, "add", "-A"], cwd=clone, check=True, timeout=120)
    subprocess.run([*git, "commit", "-q", "-m", "release"], cwd=clone, check=True, timeout=120)
    tag = f"v{__version__}"
    subprocess.run([*git, "tag", "-a", tag, "-m", f"jusou-spec {__version__}"], cwd=clone, check=True, timeout=60)
    return clone


def test_the_documented_pip_line_installs_the_tagged_version(tagged_clone, tmp_path):
    """The pip line of docs/ci.md, its URL pointed at a local clone (git+file://), installs the package at the tag;
    the installed command reports the version. (The URL names the host, localhost: pip before 24 refuses a
    file URL with an empty one.)"""
    line = _pip_line().replace(REPOSITORY_URL, "file://localhost" + quote(tagged_clone.as_posix()))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target",
         str(target), line],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    assert (target / "jusou_spec" / "schemas").is_dir()
    run = subprocess.run(
        [sys.executable, "-c", "import jusou_spec, jusou_spec.cli; print(jusou_spec.__file__); jusou_spec.cli.main()",
         "--version"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(target)}, cwd=tmp_path,
        check=False,
    )  # fmt: skip
    assert run.stdout.splitlines() == [str(target / "jusou_spec" / "__init__.py"), f"jusou-spec {__version__}"]


def _constraints(tmp_path: Path) -> Path:
    """The lock's pins without their hashes: pip refuses hashes for the local folder a hook is installed from."""
    text = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").replace("\\\n", " ")
    pins = [re.sub(r"\s--hash=\S+", "", line).strip() for line in text.splitlines()]
    path = tmp_path / "constraints.txt"
    path.write_text("".join(pin + "\n" for pin in pins if pin and not pin.startswith("#")), encoding="utf-8")
    return path


def _plans_repository(path: Path, plan: Path) -> Path:
    (path / "plans").mkdir(parents=True)
    shutil.copy(plan, path / "plans" / "plan.yaml")
    subprocess.run(["git", "init", "-q", str(path)], check=True, timeout=60)
    subprocess.run(["git", "add", "-A"], cwd=path, check=True, timeout=60)
    return path


def _pre_commit(*argv: str, cwd: Path, home: Path, constraints: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_CONSTRAINT": str(constraints)}
    env.pop("PIP_REQUIRE_HASHES", None)
    return subprocess.run(
        [str(PRE_COMMIT), *argv], cwd=cwd, capture_output=True, text=True, timeout=900, env=env, check=False
    )


@pytest.mark.precommit
def test_pre_commit_try_repo_passes_a_good_plan_and_fails_a_broken_one(tmp_path):
    """pre-commit try-repo against the working tree: the hook installs (its environment pinned by the lock) and
    passes a repository whose plan is clean, and fails one whose plan has errors, naming them."""
    home, constraints = tmp_path / "pre-commit-home", _constraints(tmp_path)
    good = _plans_repository(tmp_path / "good", GOOD)
    passed = _pre_commit("try-repo", str(ROOT), "jusou-check", "--all-files", cwd=good, home=home,
                         constraints=constraints)  # fmt: skip
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"jusou check\.+Passed", passed.stdout), passed.stdout
    broken = _plans_repository(tmp_path / "broken", BROKEN)
    failed = _pre_commit("try-repo", str(ROOT), "jusou-check", "--all-files", cwd=broken, home=home,
                         constraints=constraints)  # fmt: skip
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"jusou check\.+Failed", failed.stdout) and "plans/plan.yaml:42:5: error PI001" in failed.stdout


@pytest.mark.precommit
def test_the_documented_pre_commit_config_runs_at_its_tag(tagged_clone, tmp_path):
    """docs/ci.md's .pre-commit-config.yaml, its URL pointed at a clone with the tag: pre-commit validates it,
    installs the hook at that rev and passes a repository without reports/ (--missing-ok)."""
    home, constraints = tmp_path / "pre-commit-home", _constraints(tmp_path)
    repository = _plans_repository(tmp_path / "plans-repo", GOOD)
    block = re.search(r"```yaml\n(repos:.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S)
    assert block
    config = repository / ".pre-commit-config.yaml"
    config.write_text(block[1].replace(REPOSITORY_URL, str(tagged_clone)), encoding="utf-8")
    valid = _pre_commit("validate-config", str(config), cwd=repository, home=home, constraints=constraints)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    subprocess.run(["git", "add", "-A"], cwd=repository, check=True, timeout=60)
    ran = _pre_commit("run", "--all-files", cwd=repository, home=home, constraints=constraints)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.search(r"jusou check\.+Passed", ran.stdout), ran.stdout


def _documented_commands() -> dict[str, list[str]]:
    """Every `jusou check` command line of the GitHub Actions and GitLab CI examples, by example, in order."""
    examples = _examples()
    github = [
        step["run"]
        for job in examples["github"]["jobs"].values()
        for step in job["steps"]
        if "jusou" in step.get("run", "")
    ]
    gitlab = [line for job in examples["gitlab"].values() for line in job["script"] if line.startswith("jusou ")]
    return {"github": github, "gitlab": gitlab}


def _run_documented(command: str, repository: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command)
    assert argv[:2] == ["jusou", "check"], command
    return subprocess.run(
        [sys.executable, "-m", "jusou_spec", *argv[1:]], cwd=repository, capture_output=True, text=True,
        timeout=120, env={**os.environ, **env}, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(("plan", "failing"), [(GOOD, False), (BROKEN, True)])
def test_the_workflow_examples_commands_run_as_written(plan, failing, tmp_path):
    """The `jusou check` lines of the GitHub and GitLab examples, run as written in a plans repository that has
    plans/ but no reports/: the check steps pass a clean plan and fail a broken one, the report steps always pass
    (--exit-zero) and write the files the next step uploads (SARIF, Code Quality, JUnit valid against Jenkins'
    schema), and the step summary is appended."""
    repository = _plans_repository(tmp_path / "repo", plan)
    summary = tmp_path / "step-summary.md"
    commands = _documented_commands()
    assert len(commands["github"]) == 2 and len(commands["gitlab"]) == 2
    check, scan = (_run_documented(c, repository, {"GITHUB_STEP_SUMMARY": str(summary)}) for c in commands["github"])
    assert check.returncode == int(failing), check.stderr
    assert "reports" in check.stderr and "--missing-ok" in check.stderr
    assert ("::error file=plans/plan.yaml," in check.stdout) is failing
    assert summary.read_text(encoding="utf-8").startswith("## jusou check")
    assert scan.returncode == 0 and scan.stdout == "", scan.stderr
    log = json.loads((repository / "jusou.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and bool(log["runs"][0]["results"]) is failing
    quality, junit = (_run_documented(c, repository, {}) for c in commands["gitlab"])
    assert quality.returncode == 0, quality.stderr
    issues = json.loads((repository / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert bool(issues) is failing and all(i["location"]["path"] == "plans/plan.yaml" for i in issues)
    assert junit.returncode == int(failing), junit.stderr
    report = repository / "jusou-junit.xml"
    xmlschema.XMLSchema(str(ROOT / "tests/vendor/jenkins-xunit/junit-10.xsd")).validate(str(report))
    assert (int(ET.parse(report).getroot().get("failures") or 0) > 0) is failing
