"""The options of `jusou check` that CI users know from other linters: each one through the command line, and each
one documented in `jusou check --help` (Japanese) and docs/ci.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jusou_spec.cli import main

from .cli_cases import ROOT

SEVERITIES = ROOT / "tests/fixtures/severities/plan.yaml"
MINIMAL = ROOT / "tests/fixtures/minimal-plan.yaml"
OPTIONS = (
    "--output-file",
    "--exit-zero",
    "--quiet",
    "--statistics",
    "--exclude",
    "--missing-ok",
    "--stdin-filename",
    "--color",
)


def _run(argv, capsys, cwd: Path, monkeypatch):
    monkeypatch.chdir(cwd)
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _tree(tmp_path: Path) -> Path:
    """A folder with a failing plan, a clean plan, and copies of the failing one in places a walk must skip."""
    root = tmp_path / "repo"
    for folder in ("plans", "plans/drafts", ".hidden", ".venv/lib", "node_modules/x", "build", "venv"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "plans" / "good.yaml").write_bytes(MINIMAL.read_bytes())
    for place in ("plans/drafts", ".hidden", ".venv/lib", "node_modules/x", "build", "venv"):
        (root / place / "bad.yaml").write_bytes(SEVERITIES.read_bytes())
    return root


def test_help_documents_every_option_in_japanese(capsys):
    """`jusou check --help` names each option with a Japanese explanation, and docs/ci.md documents each too."""
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = capsys.readouterr().out
    ci = (ROOT / "docs/ci.md").read_text(encoding="utf-8")
    for option in (*OPTIONS, "-o", "-q"):
        assert option in text, option
        assert f"`{option}" in ci, option
    assert "標準入力" in text and "終了コード" in text and "NO_COLOR" in text and "FORCE_COLOR" in text


def test_output_file_is_written_and_standard_output_stays_empty(tmp_path, capsys, monkeypatch):
    """-o writes the report to the file (atomically, no temporary left beside it) and nothing to stdout."""
    target = tmp_path / "out" / "findings.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    code, out, _ = _run(["check", "--format", "json", "-o", str(target), str(SEVERITIES)], capsys, ROOT, monkeypatch)
    assert code == 1 and out == ""
    assert {r["rule"] for r in json.loads(target.read_text(encoding="utf-8"))} >= {"PI001", "MT001"}
    assert [p.name for p in target.parent.iterdir()] == ["findings.json"]


def test_exit_zero_passes_a_failing_check_but_not_a_run_that_cannot_check(capsys, monkeypatch, tmp_path):
    """--exit-zero: findings with errors exit 0; a missing path still exits 2."""
    assert _run(["check", "--exit-zero", str(SEVERITIES)], capsys, ROOT, monkeypatch)[0] == 0
    assert _run(["check", "--exit-zero", str(tmp_path / "nope")], capsys, ROOT, monkeypatch)[0] == 2


def test_missing_ok_skips_a_missing_folder_with_a_note(capsys, monkeypatch, tmp_path):
    """--missing-ok: a folder the repository lacks is noted on stderr and skipped; the rest is checked."""
    code, out, err = _run(["check", "--missing-ok", str(MINIMAL), str(tmp_path / "reports")], capsys, ROOT, monkeypatch)
    assert code == 0 and "1 ファイルを検査" in out
    assert "reports: ファイルまたはフォルダがありません（--missing-ok: 飛ばします）" in err


def test_quiet_shows_only_errors_and_warnings(capsys, monkeypatch):
    """-q leaves out informational and suppressed findings and the closing line."""
    _, loud, _ = _run(["check", str(SEVERITIES)], capsys, ROOT, monkeypatch)
    code, quiet, _ = _run(["check", "-q", str(SEVERITIES)], capsys, ROOT, monkeypatch)
    assert code == 1
    lines = quiet.splitlines()
    assert lines and all(" error " in line or " warning " in line for line in lines)
    assert len(lines) < len(loud.splitlines()) and "件" not in lines[-1]


def test_statistics_counts_findings_per_rule(capsys, monkeypatch):
    """--statistics appends counts per rule to text, and goes to stderr for a machine format."""
    _, out, _ = _run(["check", "--statistics", str(SEVERITIES)], capsys, ROOT, monkeypatch)
    assert "     3  RP001  " in out
    _, out, err = _run(["check", "--statistics", "--format", "json", str(SEVERITIES)], capsys, ROOT, monkeypatch)
    json.loads(out)
    assert "     3  RP001  " in err


def test_folder_walks_skip_hidden_virtualenv_node_modules_and_excluded(tmp_path, capsys, monkeypatch):
    """A walk checks plans/good.yaml only: hidden folders, .venv, venv and node_modules are never entered, and
    --exclude drops drafts and build; a file named directly is checked even when excluded."""
    root = _tree(tmp_path)
    code, out, _ = _run(
        ["check", "--lang", "en", "--exclude", "drafts", "--exclude", "build/*", "."], capsys, root, monkeypatch
    )
    assert code == 0 and out.strip().endswith("in 1 file(s)"), out
    code, out, _ = _run(["check", "--exclude", "drafts", "plans/drafts/bad.yaml"], capsys, root, monkeypatch)
    assert code == 1


def test_exclude_in_jusou_toml_is_relative_to_its_folder(tmp_path, capsys, monkeypatch):
    """[check] exclude in jusou.toml drops what it names from a walk, as --exclude does."""
    root = _tree(tmp_path)
    (root / "jusou.toml").write_text('[check]\nexclude = ["plans/drafts", "build"]\n', encoding="utf-8")
    code, out, _ = _run(["check", "--lang", "en", "."], capsys, root, monkeypatch)
    assert code == 0 and out.strip().endswith("in 1 file(s)"), out


def test_a_walk_inside_a_git_work_tree_skips_what_gitignore_ignores(tmp_path, capsys, monkeypatch):
    """In a work tree, git check-ignore decides: build/ and *.draft.yaml in .gitignore are not checked."""
    root = _tree(tmp_path)
    (root / "plans" / "drafts" / "bad.yaml").unlink()
    (root / "plans" / "x.draft.yaml").write_bytes(SEVERITIES.read_bytes())
    subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=60)
    (root / ".gitignore").write_text("build/\n*.draft.yaml\n", encoding="utf-8")
    code, out, _ = _run(["check", "--lang", "en", "."], capsys, root, monkeypatch)
    assert code == 0 and out.strip().endswith("in 1 file(s)"), out
    code, _, _ = _run(["check", "--lang", "en", "plans/x.draft.yaml"], capsys, root, monkeypatch)
    assert code == 1, "a file named directly is checked even when git ignores it"


def test_standard_input_with_a_name_for_messages(tmp_path):
    """`-` reads the document from stdin; --stdin-filename names it in findings."""
    result = subprocess.run(
        [sys.executable, "-m", "jusou_spec", "check", "-", "--stdin-filename", "plans/見本.yaml"],
        input=SEVERITIES.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1, result.stderr.decode()
    assert "plans/見本.yaml:42:5: error PI001 " in out and "（1 ファイルを検査）" in out
    unnamed = subprocess.run(
        [sys.executable, "-m", "jusou_spec", "check", "-"],
        input=MINIMAL.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert unnamed.returncode == 0 and "1 ファイルを検査" in unnamed.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("choice", "env", "coloured"),
    [
        ("auto", {}, False),
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("always", {"NO_COLOR": "1"}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_choice_and_environment(choice, env, coloured, capsys, monkeypatch):
    """--color always/never win; auto colours a terminal only, FORCE_COLOR forces it, NO_COLOR turns it off."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = _run(["check", "--color", choice, str(SEVERITIES)], capsys, ROOT, monkeypatch)
    assert ("\x1b[" in out) is coloured


def test_colour_never_goes_into_an_output_file(tmp_path, capsys, monkeypatch):
    """-o with --color always still writes plain text: colour is for a terminal."""
    target = tmp_path / "out.txt"
    _run(["check", "--color", "always", "-o", str(target), str(SEVERITIES)], capsys, ROOT, monkeypatch)
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    assert os.path.getsize(target) > 0
