"""The files plans repositories use in CI: the pre-commit hook, the documented workflow, the documented config."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib

import yaml

from jusou_spec.config import KEYS
from jusou_spec.reporters import REPORTERS

from .cli_cases import ROOT


def test_the_pre_commit_hook_runs_the_installed_command_on_the_repository(tmp_path):
    """The hook's entry is the `jusou` console script; run as pre-commit runs it (entry + args, in the repository),
    it checks the marked documents and skips the rest (a hidden folder is not even looked into)."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "jusou-check" and hook["language"] == "python" and hook["pass_filenames"] is False
    command, *subcommand = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[command] == "jusou_spec.cli:main" and subcommand == ["check"]
    assert re.search(hook["files"], "plans/ashiya.yaml") and re.search(hook["files"], "jusou.toml")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.yaml").write_text(
        (ROOT / "tests/fixtures/minimal-plan.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "workflow.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "deploy.yml").write_text("on: push\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jusou_spec", *subcommand, "--lang", "en", *hook["args"]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith("in 1 file(s), 1 skipped without the jusou: marker")


def test_the_documented_workflow_is_valid_yaml_using_real_formats():
    """Each YAML block of docs/ci.md parses, and every `jusou check --format X` it shows names a real format."""
    text = (ROOT / "docs/ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert blocks
    for block in blocks:
        yaml.safe_load(block)
    formats = re.findall(r"jusou check --format (\w+)", text)
    assert formats and set(formats) <= set(REPORTERS)


def test_every_configuration_key_is_documented():
    """docs/config.md names every table and key the configuration accepts."""
    text = (ROOT / "docs/config.md").read_text(encoding="utf-8")
    for table, keys in KEYS.items():
        assert f"[{table}]" in text
        for key in keys:
            assert f"`{key}`" in text, key


def test_ci_runs_the_test_command_the_readme_gives():
    """.ci/run runs exactly the README's test command, so the README's set-up is what CI proves on a fresh machine."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set-up and the two commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    test_command = next(line.split("#", 1)[0].strip() for line in block.splitlines() if "test" in line.split("#")[0])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == f"exec {test_command}"
